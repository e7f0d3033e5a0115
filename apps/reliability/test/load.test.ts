import { setTimeout as sleep } from "node:timers/promises";
import { testDatabaseUrl } from "@ankkuri/db/testing";
import { fictionalLogins } from "@ankkuri/processes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewayOnTestDatabase, startGatewayOnTestDatabase } from "../src/gateway-on-test-database.js";
import { createHttpClient, type HttpClient } from "../src/http-client.js";
import { yesterday } from "../src/identity-codes.js";
import { startLoad, tally } from "../src/load.js";
import { lostInDatabase, lostThroughGateway } from "../src/lost-writes.js";
import { scale } from "../src/scale.js";
import { summary } from "../src/summary.js";

// Load is measured against PostgreSQL, the deployment's database: it needs the test server
// (TEST_DATABASE_URL, which CI sets); without it there is nothing representative to load.
describe.skipIf(!testDatabaseUrl)(
  "mixed read/write load on loopback (PostgreSQL only: set TEST_DATABASE_URL to run)",
  () => {
    let setup: GatewayOnTestDatabase | undefined;
    let client: HttpClient | undefined;

    beforeAll(async () => {
      setup = await startGatewayOnTestDatabase({ logins: [fictionalLogins.police, fictionalLogins.socialWorker] });
      client = createHttpClient(setup.gateway.url, { maxSockets: scale.loadConcurrency, timeoutMs: 30_000 });
    });
    afterAll(async () => {
      client?.close();
      await setup?.dispose();
    });

    it(`answers ${String(scale.loadSeconds)} s of the mix with no 5xx and loses no acknowledged write`, async () => {
      if (!setup || !client) throw new Error("setup failed");
      const { gateway, databaseUrl } = setup;
      const load = startLoad({
        client,
        tokens: {
          police: gateway.tokens[fictionalLogins.police],
          socialWorker: gateway.tokens[fictionalLogins.socialWorker],
        },
        concurrency: scale.loadConcurrency,
        seed: 20_261_130,
        referredOn: yesterday(),
        maxRequests: 1_000_000,
      });
      await sleep(scale.loadSeconds * 1_000);
      const { outcomes, acknowledged } = await load.stop();

      const counts = tally(outcomes);
      const failures = outcomes.filter((o) => o.kind !== "ok").slice(0, 10);
      expect(counts, JSON.stringify(failures, null, 2)).toMatchObject({
        "server-error": 0,
        "transport": 0,
        "unavailable": 0,
        "refused": 0,
      });
      expect(acknowledged.cases.length).toBeGreaterThan(0);
      expect(acknowledged.notes.length).toBeGreaterThan(0);

      expect(await lostThroughGateway(client, gateway.tokens[fictionalLogins.police], acknowledged)).toEqual({
        cases: [],
        notes: [],
      });
      expect(await lostInDatabase(databaseUrl, acknowledged)).toEqual({ cases: [], notes: [] });
      expect(gateway.process.running(), gateway.process.output()).toBe(true);
      // The gateway runs on the Node.js 24 the workspace brings, whatever the machine's own node is.
      expect(gateway.nodeVersion).toMatch(/^24\./);
      expect(gateway.process.output()).not.toContain("unexpected error");
      summary(
        `load (${scale.name}): ${JSON.stringify(counts)}; acknowledged ${String(acknowledged.cases.length)} cases, ${String(acknowledged.notes.length)} notes`,
      );
    });
  },
);
