import { serverAudits } from "graphql-http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";
import { clock, login } from "./steps.js";

// The GraphQL-over-HTTP specification's own audit (graphql-http): every MUST holds. The SHOULD
// audits are recommendations and are not required here.

describe("GraphQL over HTTP", () => {
  let h: Harness;
  let token = "";
  beforeAll(async () => {
    h = await startHarness("pglite", { gateway: { clock } });
    token = await h.token(login.police);
  });
  afterAll(async () => {
    await h.close();
  });

  const audits = serverAudits({
    url: () => `${h.url}/graphql`,
    // Signed in, as every frontend is: the audit is about the protocol, not authentication.
    fetchFn: (input: RequestInfo | URL, init?: RequestInit) =>
      fetch(input, {
        ...init,
        headers: { ...Object.fromEntries(new Headers(init?.headers).entries()), authorization: `Bearer ${token}` },
      }),
  });
  for (const audit of audits.filter((a) => a.name.startsWith("MUST"))) {
    it(audit.name, async () => {
      const result = await audit.fn();
      expect(result.status, "reason" in result ? result.reason : "").toBe("ok");
    });
  }
});
