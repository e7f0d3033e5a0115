import { setTimeout as sleep } from "node:timers/promises";
import { and, type Database, eq, schema } from "@ankkuri/db";
import type { PgBoss } from "pg-boss";

const { reportRuns } = schema;

/** Waits until every run has reached a final status (or the time is up); returns the rows. */
export async function waitForRuns(
  db: Database,
  teamId: string,
  runIds: readonly string[],
  timeoutMs: number,
  done: (status: string) => boolean = (s) => s === "completed" || s === "failed",
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await Promise.all(
      runIds.map(
        async (id) =>
          (
            await db
              .select()
              .from(reportRuns)
              .where(and(eq(reportRuns.teamId, teamId), eq(reportRuns.id, id)))
          )[0],
      ),
    );
    if (rows.every((r) => r !== undefined && done(r.status))) return rows.map((r) => r as NonNullable<typeof r>);
    if (Date.now() > deadline)
      throw new Error(
        `runs not done in ${String(timeoutMs)} ms: ${JSON.stringify(rows.map((r) => [r?.id, r?.status, r?.stage, r?.error]))}`,
      );
    await sleep(200);
  }
}

/** Job states the queue still moves on from: waiting, running, or waiting to be retried. */
const unsettled = new Set(["created", "active", "retry"]);

/**
 * The queue's jobs of a run once none will run again: the queue marks a job completed just after its
 * handler has committed the run, so a test that saw the run complete waits for that (bounded). On a
 * starved machine a job whose handler committed may also have lost its heartbeat and wait for a
 * retry, which finds the run completed and completes the job.
 */
export async function settledJobs(boss: PgBoss, queue: string, runId: string, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const jobs = await boss.findJobs(queue, { key: runId });
    if (!jobs.some((j) => unsettled.has(j.state)) || Date.now() > deadline) return jobs;
    await sleep(200);
  }
}
