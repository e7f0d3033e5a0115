import { setTimeout as sleep } from "node:timers/promises";
import { generateKeySettings } from "@ankkuri/db";
import { fictionalLogins } from "@ankkuri/processes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareDatabase } from "../src/database.js";
import { type GatewayProcess, startGatewayProcess } from "../src/gateway-process.js";
import { createHttpClient, type HttpClient } from "../src/http-client.js";
import { yesterday } from "../src/identity-codes.js";
import { type Outcome, startLoad, tally } from "../src/load.js";
import { lostInDatabase, lostThroughGateway } from "../src/lost-writes.js";
import { databaseQuery, statusOf } from "../src/probes.js";
import { scale } from "../src/scale.js";
import { summary } from "../src/summary.js";
import {
  createClusterDatabase,
  startThrowawayCluster,
  type ThrowawayCluster,
  throwawayClusterUnavailable,
} from "../src/throwaway-cluster.js";
import { waitFor } from "../src/wait.js";

/** How soon after PostgreSQL accepts connections again the gateway must be serving by itself. */
const recoveryBoundMs = 10_000;
/** How soon after PostgreSQL goes away the gateway must say so (503); each probe may take up to probeTimeoutMs. */
const noticeBoundMs = 5_000;
const probeTimeoutMs = 5_000;

/** One outage: when the database went away, when it was back, when the gateway served again. */
interface Outage {
  mode: "fast" | "immediate";
  downAt: number;
  upAt: number;
  recoveredAt: number;
}

// Restarting a server needs one of our own: this test starts a throwaway cluster in a temp folder
// (never the shared test server), so it needs the PostgreSQL server binaries, not TEST_DATABASE_URL.
const unavailable = throwawayClusterUnavailable();
describe.skipIf(unavailable !== undefined)(
  `PostgreSQL restarts during load (needs the PostgreSQL server binaries${unavailable ? `: ${unavailable}` : ""})`,
  () => {
    let cluster: ThrowawayCluster | undefined;
    let gateway: GatewayProcess | undefined;
    let client: HttpClient | undefined;
    // The probes have connections of their own, so they never queue behind the load's.
    let probe: HttpClient | undefined;
    let databaseUrl = "";

    beforeAll(async () => {
      cluster = await startThrowawayCluster();
      databaseUrl = await createClusterDatabase(cluster, "ankkuri");
      await prepareDatabase(databaseUrl);
      gateway = await startGatewayProcess({
        databaseUrl,
        keys: generateKeySettings(),
        reportWorker: false,
        logins: [fictionalLogins.police, fictionalLogins.socialWorker],
      });
      client = createHttpClient(gateway.url, { maxSockets: scale.loadConcurrency, timeoutMs: 30_000 });
      probe = createHttpClient(gateway.url, { maxSockets: 2, timeoutMs: probeTimeoutMs });
    });
    afterAll(async () => {
      client?.close();
      probe?.close();
      try {
        await gateway?.stop();
      } finally {
        await cluster?.dispose();
      }
    });

    it(`answers 503 while the database is away, recovers within ${String(recoveryBoundMs / 1_000)} s and loses no acknowledged write (${String(scale.restarts)} restart(s))`, async () => {
      if (!cluster || !gateway || !client || !probe) throw new Error("setup failed");
      const token = gateway.tokens[fictionalLogins.police];
      const probes = probe;
      const running = gateway.process;
      const gatewayState = () =>
        running.running()
          ? "the gateway process is running"
          : `the gateway process exited (${String(running.child.exitCode ?? running.child.signalCode)}):\n${running.output().slice(-3_000)}`;
      const load = startLoad({
        client,
        tokens: { police: token, socialWorker: gateway.tokens[fictionalLogins.socialWorker] },
        concurrency: scale.loadConcurrency,
        seed: 4_242,
        referredOn: yesterday(),
        maxRequests: 1_000_000,
      });
      const outages: Outage[] = [];
      try {
        for (let i = 0; i < scale.restarts; i++) {
          await sleep(scale.restartLoadSeconds * 1_000);
          // Alternate a clean restart (clients are told) with a crash (recovered from the WAL).
          const mode = i % 2 === 0 ? "fast" : "immediate";
          const downAt = Date.now();
          await cluster.stop(mode);
          // While it is away: not ready, and a query that needs it answers 503 SERVICE_UNAVAILABLE.
          await waitFor(
            "/ready to answer 503",
            async () => ((await statusOf(probes, "/ready")) === 503 ? true : undefined),
            { timeoutMs: noticeBoundMs, context: gatewayState },
          );
          expect(await databaseQuery(probe, token)).toEqual({ status: 503, codes: ["SERVICE_UNAVAILABLE"] });
          expect(await statusOf(probe, "/health")).toBe(200);
          await sleep(scale.restartDownSeconds * 1_000);
          expect(await statusOf(probe, "/ready")).toBe(503);
          await cluster.start();
          const upAt = Date.now();
          await waitFor(
            "the gateway to serve again",
            async () =>
              (await statusOf(probes, "/ready")) === 200 && (await databaseQuery(probes, token)).status === 200
                ? true
                : undefined,
            { timeoutMs: recoveryBoundMs, intervalMs: 50, context: gatewayState },
          );
          outages.push({ mode, downAt, upAt, recoveredAt: Date.now() });
        }
        await sleep(scale.restartLoadSeconds * 1_000);
      } finally {
        await load.stop();
      }
      const { outcomes, acknowledged } = await load.stop();

      const counts = tally(outcomes);
      const sample = (list: Outcome[]) => JSON.stringify({ counts, outages, sample: list.slice(0, 10) }, null, 2);
      // Only two answers are right: served, or 503 while the database is away. Never a 500, a dropped
      // connection or a wrong answer.
      const wrong = outcomes.filter((o) => o.kind !== "ok" && o.kind !== "unavailable");
      expect(wrong, sample(wrong)).toEqual([]);
      // A 503 only during an outage (a request already in flight when the gateway recovered may still
      // carry one, hence the grace of one request timeout's worth of the recovery bound).
      const outside = outcomes.filter(
        (o) => o.kind === "unavailable" && !outages.some((w) => o.at >= w.downAt && o.at <= w.recoveredAt + 2_000),
      );
      expect(outside, sample(outside)).toEqual([]);
      // Served again after every outage.
      for (const outage of outages)
        expect(
          outcomes.some((o) => o.kind === "ok" && o.at > outage.recoveredAt),
          sample([]),
        ).toBe(true);

      expect(acknowledged.cases.length).toBeGreaterThan(0);
      expect(await lostThroughGateway(probe, token, acknowledged)).toEqual({ cases: [], notes: [] });
      expect(await lostInDatabase(databaseUrl, acknowledged)).toEqual({ cases: [], notes: [] });
      expect(gateway.process.running(), gateway.process.output()).toBe(true);
      expect(gateway.process.output()).not.toContain("unexpected error");
      summary(
        `restart (${scale.name}): ${JSON.stringify(counts)}; outages ${JSON.stringify(outages.map((o) => ({ mode: o.mode, downMs: o.upAt - o.downAt, recoveryMs: o.recoveredAt - o.upAt })))}; acknowledged ${String(acknowledged.cases.length)} cases, ${String(acknowledged.notes.length)} notes`,
      );
    });
  },
);
