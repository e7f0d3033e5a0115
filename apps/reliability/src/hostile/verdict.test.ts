import { describe, expect, it } from "vitest";
import { judge } from "./verdict.js";

const ok = (headers: Record<string, string> = {}) => ({
  status: 200,
  headers: { "content-type": "application/json", ...headers },
  text: JSON.stringify({ data: { viewer: { name: "x" } } }),
});

describe("the verdict", () => {
  it("fails an answer that takes the caller's request id as the server's", () => {
    const forged = { headers: { "x-request-id": "0193a1b2-0000-7000-8000-000000000001" } };
    expect(
      judge("POST", "/graphql", ok({ "x-request-id": "0193a1b2-0000-7000-8000-000000000001" }), forged),
    ).toMatchObject({
      ok: false,
    });
    expect(judge("POST", "/graphql", ok({ "x-request-id": "another" }), forged)).toMatchObject({ ok: true });
  });

  it("fails a cost bomb that ran, and passes one refused", () => {
    expect(judge("POST", "/graphql", ok(), { mustRefuse: true })).toMatchObject({ ok: false });
    const refused = {
      status: 400,
      headers: {},
      text: JSON.stringify({ errors: [{ message: "Query Cost limit", extensions: { code: "QUERY_TOO_COMPLEX" } }] }),
    };
    expect(judge("POST", "/graphql", refused, { mustRefuse: true })).toEqual({ ok: true, kind: "refused-4xx" });
  });
});
