import { setTimeout as sleep } from "node:timers/promises";
import { and, appendAudit, type Database, eq, loadTeamDataset, ne, schema, sql } from "@ankkuri/db";
import { helsinkiDayOf, resolveActor } from "@ankkuri/domain";
import type { Logger } from "pino";
import { renderArtifacts } from "./artifacts.js";
import { computeReport, type ComputeOptions, type ReportProgress } from "./compute-report.js";
import { ReportError } from "./errors.js";
import { reportSchemaVersion } from "./report-document.js";
import type { ValidReportRequest } from "./report-request.js";

const { reportArtifacts, reportRuns } = schema;

/** What one execution of a run needs. */
export interface RunContext {
  db: Database;
  /** `ANKKURI_AUDIT_KEY`: the run's audit entry is chained under it. */
  auditKey: Buffer;
  logger?: Logger;
  /** pg-boss job id, stored on the run. */
  jobId?: string;
  /** A failure now is final (no retry left): the run is marked failed instead of waiting. */
  lastAttempt: boolean;
  /** Test only (`REPORTER_TEST_STAGE_DELAY_MS`): pause after each stage so a test can kill the worker mid-run. */
  stageDelayMs?: number;
  compute?: ComputeOptions;
}

export type RunOutcome = "completed" | "already-completed" | "missing" | "failed";

const runKey = (teamId: string, runId: string) => and(eq(reportRuns.teamId, teamId), eq(reportRuns.id, runId));

/**
 * The audit entry's actor: the requesting person's organisation and roles as the database gives them
 * on the day of the run (`resolveActor`), or the system when the request was the schedule's.
 */
async function actorOf(
  db: Database,
  teamId: string,
  requestedBy: string,
  day: string,
): Promise<{ organisationId: string; role: string }> {
  const dataset = await loadTeamDataset(db, teamId);
  const actor = dataset ? resolveActor(dataset, requestedBy, day) : null;
  return actor?.ok
    ? { organisationId: actor.value.organisationId, role: actor.value.roles.join(",") }
    : { organisationId: "system", role: "system" };
}

/**
 * Executes one report run: marks it running (counting the attempt), computes the report while
 * recording its progress, renders the files, and then — in one transaction that first locks the run —
 * stores the files with their checksums, marks the run completed and appends one audit entry. A worker
 * that dies before that transaction leaves nothing half-written; a run already completed (by an
 * earlier attempt or another worker) is left as it is, so a report is produced exactly once.
 * An expected failure (`ReportError`, e.g. an unknown party) fails the run at once; any other error is
 * recorded and rethrown so the queue retries it, until the last attempt marks the run failed.
 */
export async function runReport(context: RunContext, teamId: string, runId: string): Promise<RunOutcome> {
  const { db, logger } = context;
  const [started] = await db
    .update(reportRuns)
    .set({
      status: "running",
      stage: "starting",
      progress: 0,
      startedAt: new Date(),
      finishedAt: null,
      ...(context.jobId ? { jobId: context.jobId } : {}),
      attempts: sql`${reportRuns.attempts} + 1`,
    })
    .where(and(runKey(teamId, runId), ne(reportRuns.status, "completed")))
    .returning();
  if (!started) {
    const [existing] = await db.select({ status: reportRuns.status }).from(reportRuns).where(runKey(teamId, runId));
    logger?.info(
      { runId, teamId, status: existing?.status ?? null },
      existing ? "report run already completed" : "report run not found",
    );
    return existing ? "already-completed" : "missing";
  }
  const request: ValidReportRequest = {
    teamId,
    type: started.type,
    period: { from: started.periodFrom, to: started.periodTo },
    scope: started.scope === "" ? null : started.scope,
    requestedBy: started.requestedBy,
    language: started.language,
  };
  const log = logger?.child({
    runId,
    teamId,
    type: request.type,
    period: request.period,
    language: request.language,
    attempt: started.attempts,
  });
  log?.info("report run started");
  let lastStage = "";
  const progress = async ({ percent, stage }: ReportProgress) => {
    await db
      .update(reportRuns)
      .set({ progress: percent, stage })
      .where(and(runKey(teamId, runId), eq(reportRuns.status, "running")));
    if (stage !== lastStage && context.stageDelayMs) await sleep(context.stageDelayMs);
    lastStage = stage;
  };
  try {
    const document = await computeReport(db, request, progress, context.compute);
    await progress({ percent: 85, stage: "rendering" });
    const artifacts = await renderArtifacts(document, { language: request.language });
    await progress({ percent: 95, stage: "saving" });
    const actor = await actorOf(db, teamId, request.requestedBy, helsinkiDayOf(new Date()));
    const completed = await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ status: reportRuns.status })
        .from(reportRuns)
        .where(runKey(teamId, runId))
        .for("update");
      if (row?.status !== "running") return false;
      await tx.insert(reportArtifacts).values(
        artifacts.map((a) => ({
          teamId,
          runId,
          format: a.format,
          contentType: a.contentType,
          content: a.content,
          sha256: a.sha256,
          byteSize: a.byteSize,
          schemaVersion: reportSchemaVersion,
        })),
      );
      await tx
        .update(reportRuns)
        .set({
          status: "completed",
          progress: 100,
          stage: "completed",
          error: null,
          finishedAt: new Date(),
          summary: {
            headline: document.headline,
            suppressed: document.suppression.applied,
            artifacts: artifacts.map((a) => ({ format: a.format, sha256: a.sha256, byteSize: a.byteSize })),
          },
        })
        .where(runKey(teamId, runId));
      await appendAudit(tx, context.auditKey, [
        {
          teamId,
          occurredAt: new Date(),
          requestId: `report-run:${runId}`,
          actorId: request.requestedBy,
          actorOrganisationId: actor.organisationId,
          actorRole: actor.role,
          operation: "read",
          resource: "report",
          resourceId: runId,
          purpose: "evaluation-report",
          // Aggregates for the parties' evaluation (003 § 8): no one client's data leaves.
          basis: "administration",
          details: {
            type: request.type,
            periodFrom: request.period.from,
            periodTo: request.period.to,
            scope: request.scope,
            language: request.language,
            attempt: started.attempts,
          },
        },
      ]);
      return true;
    });
    log?.info({ completed }, completed ? "report run completed" : "report run was completed by another attempt");
    return completed ? "completed" : "already-completed";
  } catch (error) {
    const permanent = error instanceof ReportError;
    const final = permanent || context.lastAttempt;
    const message =
      error instanceof ReportError
        ? `${error.code}: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    log?.error({ err: error, final }, "report run failed");
    await db
      .update(reportRuns)
      .set(
        final
          ? { status: "failed", stage: "failed", error: message, finishedAt: new Date() }
          : { status: "queued", stage: "waiting to retry", error: message },
      )
      .where(and(runKey(teamId, runId), ne(reportRuns.status, "completed")));
    if (permanent) return "failed";
    throw error;
  }
}
