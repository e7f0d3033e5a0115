import { createIdentityVault, parseKeyMaterial, synthesize } from "@ankkuri/db";
import { testDatabaseUrl } from "@ankkuri/db/testing";
import { fictionalLogins, type ManagedProcess } from "@ankkuri/processes";
import { artifactExtensions, type Reporter, reportQueueName, startReporter } from "@ankkuri/reports";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { artifactCount, existingIds } from "../src/database.js";
import { type GatewayOnTestDatabase, startGatewayOnTestDatabase } from "../src/gateway-on-test-database.js";
import { postGraphQL } from "../src/graphql.js";
import { createHttpClient, type HttpClient } from "../src/http-client.js";
import { yesterday } from "../src/identity-codes.js";
import { reportRunQuery, reportRunsQuery, requestReportMutation } from "../src/operations.js";
import { scale } from "../src/scale.js";
import { waitFor } from "../src/wait.js";
import { startWorkerProcess } from "../src/worker-process.js";

interface ReportRun {
  runId: string;
  status: "QUEUED" | "RUNNING" | "COMPLETED" | "FAILED";
  stage: string;
  progress: number;
  attempts: number;
  error: string | null;
  finishedAt: string | null;
  artifacts: { format: string; sha256: string; byteSize: number }[];
}

const period = { from: "2025-05-01", to: "2026-04-30" };
// Every format the reporter renders, from its own list, so a new format does not break this test.
const reportFormats = Object.keys(artifactExtensions)
  .map((format) => format.toUpperCase())
  .sort();

// The gateway only enqueues (REPORT_WORKER=off); reports are made by separate worker processes on the
// same PostgreSQL database, which the embedded database (one process only) cannot give: the test
// needs the test server (TEST_DATABASE_URL, which CI sets).
describe.skipIf(!testDatabaseUrl)(
  "a report worker killed mid-report (PostgreSQL only: set TEST_DATABASE_URL to run)",
  () => {
    let setup: GatewayOnTestDatabase | undefined;
    let client: HttpClient | undefined;
    let queue: Reporter | undefined;
    const workers: ManagedProcess[] = [];

    beforeAll(async () => {
      // Enough synthetic cases that a run has something to count, on top of the Helsinki seed.
      setup = await startGatewayOnTestDatabase({
        logins: [fictionalLogins.steering],
        reportWorker: false,
        fill: async (db, keys) => {
          await synthesize(db, createIdentityVault(parseKeyMaterial(keys)), {
            scale: scale.reportCases,
            seed: 11,
            today: yesterday(),
          });
        },
      });
      client = createHttpClient(setup.gateway.url, { maxSockets: 2, timeoutMs: 30_000 });
      // Only to read the queue's own record of the job afterwards; it runs no reports.
      queue = await startReporter(
        { handle: setup.database, keys: parseKeyMaterial(setup.keys) },
        { work: false, databaseUrl: setup.databaseUrl },
      );
    });
    afterAll(async () => {
      await Promise.all(workers.map((w) => w.kill()));
      client?.close();
      await queue?.stop();
      await setup?.dispose();
    });

    it("completes the report exactly once after the worker is killed and another starts", async () => {
      if (!setup || !client || !queue) throw new Error("setup failed");
      const http = client;
      const token = setup.gateway.tokens[fictionalLogins.steering];
      const readRun = async (runId: string) => {
        const result = await postGraphQL(http, { query: reportRunQuery, token, variables: { runId } });
        expect(result.body?.errors, result.text).toBeUndefined();
        return result.body?.data?.reportRun as ReportRun | null;
      };
      const request = async () => {
        const result = await postGraphQL(http, {
          query: requestReportMutation,
          token,
          variables: { type: "ANNUAL", period },
        });
        const payload = result.body?.data?.requestReport as { __typename: string; runId?: string } | undefined;
        expect(payload?.__typename, result.text).toBe("ReportRun");
        return payload?.runId ?? "";
      };

      const first = startWorkerProcess(setup.databaseUrl, setup.keys);
      workers.push(first);
      await first.waitForOutput(/reporter started/, 90_000);
      const runId = await request();

      // Kill the worker once the run has got past its first stage.
      let last: ReportRun | null = null;
      await waitFor(
        "the run to be under way",
        async () => {
          last = await readRun(runId);
          return last?.status === "RUNNING" && last.progress > 0 ? last : undefined;
        },
        {
          timeoutMs: 60_000,
          intervalMs: 100,
          context: () => `last seen: ${JSON.stringify(last)}\n${first.output().slice(-3_000)}`,
        },
      );
      expect(await first.kill()).toBe("SIGKILL");
      expect(await readRun(runId)).toMatchObject({ status: "RUNNING", attempts: 1, artifacts: [] });

      // Another worker takes the job over once the dead one's heartbeat has stopped.
      const second = startWorkerProcess(setup.databaseUrl, setup.keys);
      workers.push(second);
      const done = await waitFor(
        "the run to finish",
        async () => {
          last = await readRun(runId);
          return last?.status === "COMPLETED" || last?.status === "FAILED" ? last : undefined;
        },
        {
          timeoutMs: 120_000,
          intervalMs: 250,
          context: () => `last seen: ${JSON.stringify(last)}\n${second.output().slice(-3_000)}`,
        },
      );

      expect(done, second.output()).toMatchObject({ status: "COMPLETED", attempts: 2, error: null, progress: 100 });
      expect(done.finishedAt).not.toBeNull();
      expect(done.artifacts.map((a) => a.format).sort()).toEqual(reportFormats);
      for (const artifact of done.artifacts) {
        expect(artifact.sha256).toMatch(/^[0-9a-f]{64}$/);
        expect(artifact.byteSize).toBeGreaterThan(0);
      }
      // One run in the list; asking again returns the same, completed run rather than starting another.
      const runs = await postGraphQL(http, { query: reportRunsQuery, token, variables: { type: "ANNUAL" } });
      expect((runs.body?.data?.reportRuns as { runId: string }[]).filter((r) => r.runId === runId)).toHaveLength(1);
      expect(await request()).toBe(runId);
      expect(await readRun(runId)).toMatchObject({ status: "COMPLETED", attempts: 2 });

      // The database and the queue agree: one run, a file in each format, one job retried once and completed.
      expect(await existingIds(setup.databaseUrl, "report_runs", [runId])).toEqual(new Set([runId]));
      expect(await artifactCount(setup.databaseUrl, runId)).toBe(reportFormats.length);
      const jobs = await queue.queue.boss.findJobs(reportQueueName, { key: runId });
      expect(jobs.map((j) => [j.state, j.retryCount])).toEqual([["completed", 1]]);
      expect(second.output()).toContain("report run completed");
      expect(second.output()).not.toContain("report run was completed by another attempt");
      expect(setup.gateway.process.running()).toBe(true);
      expect(await second.stop()).toBe(0);
    });
  },
);
