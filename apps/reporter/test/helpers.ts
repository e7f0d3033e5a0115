import { setTimeout as sleep } from "node:timers/promises";
import { and, type Database, eq, schema } from "@ankkuri/db";

const { reportRuns } = schema;

/** Waits until every run has reached a final status (or the time is up); returns the rows. */
export async function waitForRuns(db: Database, teamId: string, runIds: readonly string[], timeoutMs: number, done: (status: string) => boolean = (s) => s === "completed" || s === "failed") {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const rows = await Promise.all(runIds.map(async (id) => (await db.select().from(reportRuns).where(and(eq(reportRuns.teamId, teamId), eq(reportRuns.id, id))))[0]));
    if (rows.every((r) => r !== undefined && done(r.status))) return rows.map((r) => r as NonNullable<typeof r>);
    if (Date.now() > deadline) throw new Error(`runs not done in ${String(timeoutMs)} ms: ${JSON.stringify(rows.map((r) => [r?.id, r?.status, r?.stage, r?.error]))}`);
    await sleep(200);
  }
}
