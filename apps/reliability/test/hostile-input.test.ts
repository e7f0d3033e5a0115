import { testDatabaseUrl } from "@ankkuri/db/testing";
import { fictionalLogins } from "@ankkuri/processes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadContract } from "../src/contract.js";
import { type GatewayProcess, startGatewayProcess } from "../src/gateway-process.js";
import { startGatewayOnTestDatabase } from "../src/gateway-on-test-database.js";
import { postGraphQL } from "../src/graphql.js";
import { hostileCorpus } from "../src/hostile/corpus.js";
import { knownIds } from "../src/hostile/known-ids.js";
import { actorTokens, sendCorpus } from "../src/hostile/send-corpus.js";
import { createHttpClient, type HttpClient } from "../src/http-client.js";
import { viewerQuery } from "../src/operations.js";
import { statusOf } from "../src/probes.js";
import { scale } from "../src/scale.js";
import { summary } from "../src/summary.js";

const corpusSeed = 0x2026_1130;
const users = [
  fictionalLogins.police,
  fictionalLogins.socialWorker,
  fictionalLogins.steering,
  fictionalLogins.auditor,
  fictionalLogins.admin,
] as const;

// Runs on PostgreSQL when the test server is configured (TEST_DATABASE_URL), otherwise on the
// gateway's embedded database: hostile input must be refused the same way on both.
describe(`hostile input: ${String(scale.hostileRequests)} malformed or hostile requests (${testDatabaseUrl ? "PostgreSQL" : "embedded database"})`, () => {
  let gateway: GatewayProcess | undefined;
  let dispose: (() => Promise<void>) | undefined;
  let client: HttpClient | undefined;

  beforeAll(async () => {
    if (testDatabaseUrl) {
      const setup = await startGatewayOnTestDatabase({ logins: users });
      gateway = setup.gateway;
      dispose = () => setup.dispose();
    } else {
      const started = await startGatewayProcess({ logins: users });
      gateway = started;
      dispose = () => started.stop();
    }
    client = createHttpClient(gateway.url, { maxSockets: scale.hostileConcurrency, timeoutMs: 30_000 });
  });
  afterAll(async () => {
    client?.close();
    await dispose?.();
  });

  it("answers every request with a clear 4xx or a typed error, never a 5xx, and stays healthy", async () => {
    if (!gateway || !client) throw new Error("setup failed");
    const tokens = actorTokens(gateway.tokens, fictionalLogins);
    const known = await knownIds(client, tokens);
    const corpus = hostileCorpus({ size: scale.hostileRequests, seed: corpusSeed, schema: loadContract(), known });
    expect(corpus).toHaveLength(scale.hostileRequests);

    const report = await sendCorpus(client, corpus, tokens, scale.hostileConcurrency);
    const byReason: Record<string, number> = {};
    for (const v of report.violations)
      byReason[`${v.category}: ${v.reason.slice(0, 80)}`] =
        (byReason[`${v.category}: ${v.reason.slice(0, 80)}`] ?? 0) + 1;
    expect(
      report.violations.slice(0, 15),
      JSON.stringify({ violations: report.violations.length, byReason }, null, 2),
    ).toEqual([]);

    // Still alive and well: live, ready, serving, and nothing unexpected in its log.
    expect(gateway.process.running(), gateway.process.output()).toBe(true);
    expect(await statusOf(client, "/health")).toBe(200);
    expect(await statusOf(client, "/ready")).toBe(200);
    const viewer = await postGraphQL(client, { query: viewerQuery, token: tokens.police });
    expect(viewer.status, viewer.text).toBe(200);
    expect(viewer.body?.errors).toBeUndefined();
    expect(gateway.process.output()).not.toContain("unexpected error");
    summary(
      `hostile input (${scale.name}): ${String(corpus.length)} requests, answers ${JSON.stringify(report.kinds)}`,
    );
  });
});
