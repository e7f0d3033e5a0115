import { createHash } from "node:crypto";
import { and, eq, generateKeySettings, parseKeyMaterial, type Runtime, schema, verifyAuditChain } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@ankkuri/db/testing";
import { helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { settledJobs, waitForRuns } from "./testing/report-runs.js";
import { fixtureTeamId, loadReportFixture } from "./testing/report-dataset.js";
import { reportQueueName } from "./queue.js";
import { publishedReportSchema } from "./report-document.js";
import type { ReportRequest } from "./report-request.js";
import { type Reporter, startReporter } from "./reporter.js";
import { requestReport } from "./request-report.js";

const { reportArtifacts, reportRuns, auditLog, teams } = schema;
const annual: ReportRequest = {
  teamId: fixtureTeamId,
  type: "annual",
  period: { from: "2025-05-01", to: "2026-04-30" },
  scope: null,
  requestedBy: "mikko.rantanen",
};
const fast = { pollingIntervalSeconds: 0.5 };

describe.each(testEngines)("requesting reports on %s", (engine) => {
  let database: TestDatabase;
  let runtime: Runtime;
  let reporter: Reporter;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const keys = parseKeyMaterial(generateKeySettings());
    await loadReportFixture(database.db, keys);
    runtime = { handle: database, keys };
    reporter = await startReporter(runtime, { work: true, concurrency: 2, settings: fast, databaseUrl: database.url });
  });
  afterAll(async () => {
    await reporter.stop();
    await database.dispose();
  });

  it("turns two concurrent requests for the same report into one run and one set of artifacts", async () => {
    const [a, b] = await Promise.all([
      requestReport(reporter, database.db, annual),
      requestReport(reporter, database.db, { ...annual, requestedBy: "sari.niemela" }),
    ]);
    expect(a.runId).toBe(b.runId);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const [run] = await waitForRuns(database.db, fixtureTeamId, [a.runId], 60_000);
    expect(run).toMatchObject({
      status: "completed",
      progress: 100,
      stage: "completed",
      error: null,
      attempts: 1,
      // The run is the request's that created it: either may win the race.
      requestedBy: a.created ? annual.requestedBy : "sari.niemela",
    });
    expect(run?.startedAt).toBeInstanceOf(Date);
    expect(run?.finishedAt).toBeInstanceOf(Date);

    // Asked again once it is done: the same run, completed, and no new job.
    expect(await requestReport(reporter, database.db, annual)).toEqual({
      runId: a.runId,
      created: false,
      status: "completed",
    });
    const jobs = await settledJobs(reporter.queue.boss, reporterQueue, a.runId);
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.state).toBe("completed");

    const artifacts = await database.db
      .select()
      .from(reportArtifacts)
      .where(and(eq(reportArtifacts.teamId, fixtureTeamId), eq(reportArtifacts.runId, a.runId)));
    expect(artifacts.map((x) => x.format).sort()).toEqual(["csv", "json", "pdf", "xlsx"]);
    for (const artifact of artifacts) {
      expect(artifact.sha256).toBe(createHash("sha256").update(artifact.content).digest("hex"));
      expect(artifact.byteSize).toBe(artifact.content.byteLength);
      expect(artifact.schemaVersion).toBe("2.3");
    }
    const json = artifacts.find((x) => x.format === "json");
    const document = publishedReportSchema.parse(JSON.parse(Buffer.from(json?.content ?? []).toString("utf8")));
    expect(document).toMatchObject({
      type: "annual",
      headline: { newCases: { value: 9, suppressed: null }, meetingsHeld: { value: 12, suppressed: null } },
    });
    expect(run?.summary).toMatchObject({ headline: { newCases: 9, meetingsHeld: 12 }, suppressed: true });

    // One audit entry for the report, by the requester, in the team's verified chain.
    const audit = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.teamId, fixtureTeamId), eq(auditLog.resourceId, a.runId)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      actorId: "mikko.rantanen",
      actorOrganisationId: org.sotepe,
      actorRole: "party-leadership",
      operation: "read",
      resource: "report",
      purpose: "evaluation-report",
    });
    expect((await verifyAuditChain(database.db, runtime.keys.auditKey, fixtureTeamId)).ok).toBe(true);
  });

  it("makes a Swedish request for the same period a run of its own, produced once, with its PDF in Swedish", async () => {
    const finnish = await requestReport(reporter, database.db, annual);
    const swedish = await requestReport(reporter, database.db, { ...annual, language: "sv" });
    expect(swedish.runId).not.toBe(finnish.runId);
    expect(swedish.created).toBe(true);
    const again = await requestReport(reporter, database.db, {
      ...annual,
      language: "sv",
      requestedBy: "sari.niemela",
    });
    expect(again).toMatchObject({ runId: swedish.runId, created: false });
    // Finnish unless told: the request without a language finds the Finnish run.
    expect((await requestReport(reporter, database.db, annual)).runId).toBe(finnish.runId);

    const runs = await waitForRuns(database.db, fixtureTeamId, [finnish.runId, swedish.runId], 60_000);
    expect(runs.map((r) => [r.status, r.language])).toEqual([
      ["completed", "fi"],
      ["completed", "sv"],
    ]);
    const pdfOf = async (runId: string) => {
      const [pdf] = await database.db
        .select()
        .from(reportArtifacts)
        .where(
          and(
            eq(reportArtifacts.teamId, fixtureTeamId),
            eq(reportArtifacts.runId, runId),
            eq(reportArtifacts.format, "pdf"),
          ),
        );
      return Buffer.from(pdf?.content ?? []).toString("latin1");
    };
    expect(await pdfOf(swedish.runId)).toMatch(/\/Lang \(sv-FI\)/);
    expect(await pdfOf(finnish.runId)).toMatch(/\/Lang \(fi-FI\)/);
    const [entry] = await database.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.teamId, fixtureTeamId), eq(auditLog.resourceId, swedish.runId)));
    expect(entry?.details).toMatchObject({ type: "annual", language: "sv" });
  });

  it("refuses a request for an unknown team or party before creating a run", async () => {
    await expect(requestReport(reporter, database.db, { ...annual, teamId: "team-nowhere" })).rejects.toMatchObject({
      code: "REPORT.UNKNOWN_TEAM",
    });
    await expect(
      requestReport(reporter, database.db, { ...annual, type: "party", scope: org.education }),
    ).rejects.toMatchObject({ code: "REPORT.UNKNOWN_PARTY" });
    await expect(requestReport(reporter, database.db, { ...annual, type: "monthly" })).rejects.toMatchObject({
      code: "REPORT.REQUEST_INVALID",
    });
    const before = await database.db.select().from(reportRuns).where(eq(reportRuns.teamId, fixtureTeamId));
    await expect(requestReport(reporter, database.db, { ...annual, language: "en" as "fi" })).rejects.toMatchObject({
      code: "REPORT.REQUEST_INVALID",
    });
    expect(await database.db.select().from(reportRuns).where(eq(reportRuns.teamId, fixtureTeamId))).toHaveLength(
      before.length,
    );
  });

  it("records why a run failed, and runs it again when it is requested again", async () => {
    // A team without an agreement: the worker cannot make its report (an expected, permanent failure).
    await database.db
      .insert(teams)
      .values({
        id: "team-bare",
        code: "bare",
        nameFi: "Tyhjä",
        nameSv: "Tom",
        nameEn: "Bare",
        policeDepartmentId: org.police,
      })
      .onConflictDoNothing();
    const request = { ...annual, teamId: "team-bare" };
    const first = await requestReport(reporter, database.db, request);
    const [failed] = await waitForRuns(database.db, "team-bare", [first.runId], 60_000);
    expect(failed).toMatchObject({ status: "failed", stage: "failed", attempts: 1 });
    expect(failed?.error).toMatch(/^REPORT\.UNKNOWN_TEAM: /);

    const again = await requestReport(reporter, database.db, request);
    expect(again).toMatchObject({ runId: first.runId, created: false });
    // Wait for the second attempt to end too.
    const [retried] = await waitForRuns(database.db, "team-bare", [first.runId], 60_000, () => true);
    const deadline = Date.now() + 60_000;
    let row = retried;
    while (row?.attempts !== 2 || row.status !== "failed") {
      if (Date.now() > deadline) throw new Error("the failed run was not run again");
      await new Promise((r) => setTimeout(r, 200));
      [row] = await database.db
        .select()
        .from(reportRuns)
        .where(and(eq(reportRuns.teamId, "team-bare"), eq(reportRuns.id, first.runId)));
    }
    expect(row).toMatchObject({ status: "failed", attempts: 2 });
  });
});

const reporterQueue = reportQueueName;
