import { and, type Database, eq, newId, schema } from "@ankkuri/db";
import { ReportError } from "./errors.js";
import { reportQueueName, type RunJobData } from "./queue.js";
import type { Reporter } from "./reporter.js";
import { parseReportRequest, type ReportRequest } from "./report-request.js";

const { agreementParties, reportRuns, teams } = schema;

/** The run a request resolved to. */
export interface RequestedReport {
  runId: string;
  /** True when this request created the run. */
  created: boolean;
  status: "queued" | "running" | "completed" | "failed";
}

async function assertKnown(db: Database, request: ReportRequest): Promise<void> {
  const [team] = await db.select({ id: teams.id }).from(teams).where(eq(teams.id, request.teamId));
  if (!team)
    throw new ReportError("REPORT.UNKNOWN_TEAM", {
      fi: "Työryhmää ei ole.",
      sv: "Teamet finns inte.",
      en: "The team does not exist.",
    });
  if (request.scope === null) return;
  const [party] = await db
    .select({ id: agreementParties.organisationId })
    .from(agreementParties)
    .where(and(eq(agreementParties.teamId, request.teamId), eq(agreementParties.organisationId, request.scope)))
    .limit(1);
  if (!party)
    throw new ReportError("REPORT.UNKNOWN_PARTY", {
      fi: "Organisaatio ei ole sopimuksen osapuoli.",
      sv: "Organisationen är inte part i avtalet.",
      en: "The organisation is not a party of the agreement.",
    });
}

/**
 * Requests a report. Idempotent: the first request for a team, type, period, scope and language
 * inserts the run (`report_runs_once`), later ones find it. A job is sent for the run unless it is completed; a
 * failed run is put back in the queue. The report queue allows one queued or active job per run id
 * (`exclusive` policy, singleton key = run id), so concurrent requests never enqueue twice. Never
 * called inside a transaction (on PGlite the queue shares the one connection).
 */
export async function requestReport(
  reporter: Reporter,
  db: Database,
  request: ReportRequest,
  options: { startAfter?: Date } = {},
): Promise<RequestedReport> {
  const valid = parseReportRequest(request);
  await assertKnown(db, valid);
  const scope = valid.scope ?? "";
  const key = and(
    eq(reportRuns.teamId, valid.teamId),
    eq(reportRuns.type, valid.type),
    eq(reportRuns.periodFrom, valid.period.from),
    eq(reportRuns.periodTo, valid.period.to),
    eq(reportRuns.scope, scope),
    eq(reportRuns.language, valid.language),
  );
  const inserted = await db
    .insert(reportRuns)
    .values({
      teamId: valid.teamId,
      id: newId(),
      type: valid.type,
      periodFrom: valid.period.from,
      periodTo: valid.period.to,
      scope,
      language: valid.language,
      requestedBy: valid.requestedBy,
    })
    .onConflictDoNothing()
    .returning({ id: reportRuns.id, status: reportRuns.status });
  const created = inserted.length > 0;
  const [run] = created
    ? inserted
    : await db.select({ id: reportRuns.id, status: reportRuns.status }).from(reportRuns).where(key);
  if (!run) throw new Error("The report run vanished between insert and read");
  const runKey = and(eq(reportRuns.teamId, valid.teamId), eq(reportRuns.id, run.id));
  if (run.status === "completed") return { runId: run.id, created, status: "completed" };
  if (run.status === "failed") {
    await db
      .update(reportRuns)
      .set({ status: "queued", stage: "queued", progress: 0, finishedAt: null })
      .where(and(runKey, eq(reportRuns.status, "failed")));
  }
  const data: RunJobData = { teamId: valid.teamId, runId: run.id };
  const jobId = await reporter.queue.boss.send(reportQueueName, data, {
    singletonKey: run.id,
    ...(options.startAfter ? { startAfter: options.startAfter } : {}),
  });
  if (jobId !== null)
    await db
      .update(reportRuns)
      .set({ jobId })
      .where(and(runKey, eq(reportRuns.status, "queued")));
  const [now] = await db.select({ status: reportRuns.status }).from(reportRuns).where(runKey);
  return { runId: run.id, created, status: now?.status ?? "queued" };
}
