import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { and, eq, generateKeySettings, parseKeyMaterial, schema } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@ankkuri/db/testing";
import { type ManagedProcess, startTypeScript } from "@ankkuri/processes";
import { type Reporter, reportQueueName, requestReport, startReporter } from "@ankkuri/reports";
import { fixtureTeamId, loadReportFixture, settledJobs, waitForRuns } from "@ankkuri/reports/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const { auditLog, reportArtifacts, reportRuns } = schema;
const appDir = fileURLToPath(new URL("..", import.meta.url));
// Bounds only: seconds alone, minutes while the other packages test beside it on two cores.
const startupMs = 180_000;

/** The worker (`src/main.ts`) in a process of its own, so that it can be killed. */
const startWorkerProcess = (env: Record<string, string>) =>
  startTypeScript(`${appDir}src/main.ts`, {
    cwd: appDir,
    env: { NODE_ENV: "test", LOG_LEVEL: "info", ...env },
    name: "the worker",
  });

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
    const workers: ManagedProcess[] = [];
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
      await Promise.all(workers.map((w) => w.kill()));
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
      await first.waitForOutput(/reporter started/, startupMs);
      const { runId } = await requestReport(client, database.db, {
        teamId: fixtureTeamId,
        type: "annual",
        period: { from: "2025-05-01", to: "2026-04-30" },
        scope: null,
        requestedBy: "kari.nurmi",
      });

      // Kill the worker once the run has reported a stage of its work.
      for (const deadline = Date.now() + startupMs; ;) {
        const row = await run(runId);
        if (row?.status === "running" && row.stage === "counting cases") break;
        if (Date.now() > deadline) throw new Error(`the run did not start:\n${first.output()}`);
        await sleep(100);
      }
      expect(await first.kill()).toBe("SIGKILL");
      expect(await run(runId)).toMatchObject({ status: "running", attempts: 1 });
      expect(await database.db.select().from(reportArtifacts).where(eq(reportArtifacts.runId, runId))).toHaveLength(0);

      const second = startWorkerProcess(env);
      workers.push(second);
      const [done] = await waitForRuns(database.db, fixtureTeamId, [runId], 240_000);
      expect(done, second.output()).toMatchObject({ status: "completed", attempts: 2, error: null, progress: 100 });
      expect(await database.db.select().from(reportArtifacts).where(eq(reportArtifacts.runId, runId))).toHaveLength(4);
      expect(
        await database.db
          .select()
          .from(auditLog)
          .where(and(eq(auditLog.teamId, fixtureTeamId), eq(auditLog.resourceId, runId))),
      ).toHaveLength(1);
      // One job, retried (the dead worker's heartbeat stopped; on a starved machine the second
      // worker's may lapse too, and that retry finds the run completed), completed.
      const jobs = await settledJobs(client.queue.boss, reportQueueName, runId, 180_000);
      expect(jobs.map((j) => j.state)).toEqual(["completed"]);
      expect(jobs[0]?.retryCount).toBeGreaterThanOrEqual(1);
      expect(second.output()).toContain("report run completed");
    }, 600_000);

    it("finishes the job in hand before stopping on SIGTERM", async () => {
      const worker = workers.at(-1) ?? startWorkerProcess(env);
      await worker.waitForOutput(/reporter started/, startupMs);
      const { runId } = await requestReport(client, database.db, {
        teamId: fixtureTeamId,
        type: "monthly",
        period: { from: "2025-09-01", to: "2025-09-30" },
        scope: null,
        requestedBy: "kari.nurmi",
      });
      for (const deadline = Date.now() + startupMs; (await run(runId))?.status !== "running";) {
        if (Date.now() > deadline) throw new Error(`the run did not start:\n${worker.output()}`);
        await sleep(100);
      }
      expect(await worker.stop(60_000), worker.output()).toBe(0);
      expect(await run(runId)).toMatchObject({ status: "completed", attempts: 1 });
      expect(worker.output()).toContain("reporter stopped");
    }, 600_000);
  },
);
