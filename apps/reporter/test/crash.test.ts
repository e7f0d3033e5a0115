import { setTimeout as sleep } from "node:timers/promises";
import { and, eq, generateKeySettings, parseKeyMaterial, schema } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureTeamId, loadReportFixture } from "../src/fixtures/report-dataset.fixture.js";
import { reportQueueName } from "../src/queue.js";
import { type Reporter, startReporter } from "../src/reporter.js";
import { requestReport } from "../src/request-report.js";
import { settledJobs, waitForRuns } from "./helpers.js";
import { startWorkerProcess, waitForLog, type WorkerProcess } from "./worker-process.js";

const { auditLog, reportArtifacts, reportRuns } = schema;

// A worker process killed in the middle of a run leaves nothing behind; its job is retried when its
// heartbeat stops and completes exactly once on another worker. This needs worker processes on one
// shared database, which the embedded PGlite (one process only) cannot give: the test runs only
// against PostgreSQL, when TEST_DATABASE_URL is set.
describe.skipIf(!testEngines.includes("postgres"))(
  "a worker killed mid-run (PostgreSQL only: set TEST_DATABASE_URL to run)",
  () => {
    let database: TestDatabase;
    let client: Reporter;
    let env: Record<string, string>;
    const workers: WorkerProcess[] = [];
    beforeAll(async () => {
      database = await createTestDatabase("postgres");
      const settings = generateKeySettings();
      const keys = parseKeyMaterial(settings);
      await loadReportFixture(database.db, keys);
      // The test itself only enqueues; the workers are separate processes.
      client = await startReporter({ handle: database, keys }, { work: false, databaseUrl: database.url });
      env = {
        DATABASE_URL: database.url ?? "",
        ANKKURI_IDENTITY_KEYS: settings.identityKeys,
        ANKKURI_IDENTITY_HMAC_KEY: settings.identityHmacKey,
        ANKKURI_AUDIT_KEY: settings.auditKey,
        REPORTER_SCHEDULE: "false",
        REPORTER_CONCURRENCY: "1",
        // Slow enough to kill mid-run, quick to notice the dead worker: 10 s heartbeat (pg-boss's least),
        // supervision every 2 s, the first retry after about a second.
        REPORTER_TEST_STAGE_DELAY_MS: "1500",
        REPORTER_HEARTBEAT_SECONDS: "10",
        REPORTER_SUPERVISE_SECONDS: "2",
        REPORTER_RETRY_DELAY_SECONDS: "1",
        REPORTER_POLLING_SECONDS: "0.5",
      };
    });
    afterAll(async () => {
      for (const w of workers) if (w.child.exitCode === null) w.child.kill("SIGKILL");
      await client.stop();
      await database.dispose();
    });

    const run = async (runId: string) =>
      (
        await database.db
          .select()
          .from(reportRuns)
          .where(and(eq(reportRuns.teamId, fixtureTeamId), eq(reportRuns.id, runId)))
      )[0];

    it("retries the job of a killed worker and completes it exactly once", async () => {
      const first = startWorkerProcess(env);
      workers.push(first);
      await waitForLog(first, "reporter started", 60_000);
      const { runId } = await requestReport(client, database.db, {
        teamId: fixtureTeamId,
        type: "annual",
        period: { from: "2025-05-01", to: "2026-04-30" },
        scope: null,
        requestedBy: "kari.nurmi",
      });

      // Kill the worker once the run has reported a stage of its work.
      for (const deadline = Date.now() + 60_000; ;) {
        const row = await run(runId);
        if (row?.status === "running" && row.stage === "counting cases") break;
        if (Date.now() > deadline) throw new Error(`the run did not start:\n${first.log()}`);
        await sleep(100);
      }
      first.child.kill("SIGKILL");
      expect(await first.exited).toBe("SIGKILL");
      expect(await run(runId)).toMatchObject({ status: "running", attempts: 1 });
      expect(await database.db.select().from(reportArtifacts).where(eq(reportArtifacts.runId, runId))).toHaveLength(0);

      const second = startWorkerProcess(env);
      workers.push(second);
      const [done] = await waitForRuns(database.db, fixtureTeamId, [runId], 90_000);
      expect(done, second.log()).toMatchObject({ status: "completed", attempts: 2, error: null, progress: 100 });
      expect(await database.db.select().from(reportArtifacts).where(eq(reportArtifacts.runId, runId))).toHaveLength(3);
      expect(
        await database.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.teamId, fixtureTeamId), eq(auditLog.resourceId, runId))),
      ).toHaveLength(1);
      // One job, retried once (the dead worker's heartbeat stopped), completed.
      const jobs = await settledJobs(client.queue.boss, reportQueueName, runId);
      expect(jobs.map((j) => [j.state, j.retryCount])).toEqual([["completed", 1]]);
      expect(second.log()).toContain("report run completed");
    }, 180_000);

    it("finishes the job in hand before stopping on SIGTERM", async () => {
      const worker = workers.at(-1) ?? startWorkerProcess(env);
      await waitForLog(worker, "reporter started", 60_000);
      const { runId } = await requestReport(client, database.db, {
        teamId: fixtureTeamId,
        type: "monthly",
        period: { from: "2025-09-01", to: "2025-09-30" },
        scope: null,
        requestedBy: "kari.nurmi",
      });
      for (const deadline = Date.now() + 60_000; (await run(runId))?.status !== "running";) {
        if (Date.now() > deadline) throw new Error(`the run did not start:\n${worker.log()}`);
        await sleep(100);
      }
      worker.child.kill("SIGTERM");
      expect(await worker.exited, worker.log()).toBe(0);
      expect(await run(runId)).toMatchObject({ status: "completed", attempts: 1 });
      expect(worker.log()).toContain("reporter stopped");
    }, 120_000);
  },
);
