import { and, eq, generateKeySettings, newId, parseKeyMaterial, schema } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureTeamId, loadReportFixture } from "./testing/report-dataset.js";
import { type RunContext, runReport } from "./run-report.js";

const { auditLog, reportArtifacts, reportRuns } = schema;

describe("runReport", () => {
  let database: TestDatabase;
  let context: Omit<RunContext, "lastAttempt">;
  const runId = newId();
  const row = async () =>
    (
      await database.db
        .select()
        .from(reportRuns)
        .where(and(eq(reportRuns.teamId, fixtureTeamId), eq(reportRuns.id, runId)))
    )[0];
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    const keys = parseKeyMaterial(generateKeySettings());
    await loadReportFixture(database.db, keys);
    context = { db: database.db, auditKey: keys.auditKey };
    await database.db.insert(reportRuns).values({
      teamId: fixtureTeamId,
      id: runId,
      type: "monthly",
      periodFrom: "2025-09-01",
      periodTo: "2025-09-30",
      requestedBy: "kari.nurmi",
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("records a failure and leaves the run queued while retries remain, then fails it on the last attempt", async () => {
    // A threshold the suppression refuses stands in for any unexpected error.
    const broken = { compute: { threshold: 2 } };
    await expect(runReport({ ...context, ...broken, lastAttempt: false }, fixtureTeamId, runId)).rejects.toThrow(
      /threshold/,
    );
    expect(await row()).toMatchObject({ status: "queued", stage: "waiting to retry", attempts: 1, finishedAt: null });
    expect((await row())?.error).toMatch(/threshold/);

    await expect(runReport({ ...context, ...broken, lastAttempt: true }, fixtureTeamId, runId)).rejects.toThrow(
      /threshold/,
    );
    expect(await row()).toMatchObject({ status: "failed", stage: "failed", attempts: 2 });
    expect((await row())?.finishedAt).toBeInstanceOf(Date);
    expect(await database.db.select().from(reportArtifacts).where(eq(reportArtifacts.runId, runId))).toHaveLength(0);
  });

  it("completes the run once, and does nothing when asked to run it again", async () => {
    expect(await runReport({ ...context, lastAttempt: false }, fixtureTeamId, runId)).toBe("completed");
    expect(await row()).toMatchObject({
      status: "completed",
      stage: "completed",
      progress: 100,
      attempts: 3,
      error: null,
    });
    expect(await runReport({ ...context, lastAttempt: false }, fixtureTeamId, runId)).toBe("already-completed");
    expect((await row())?.attempts).toBe(3);
    expect(await database.db.select().from(reportArtifacts).where(eq(reportArtifacts.runId, runId))).toHaveLength(4);
    const audit = await database.db.select().from(auditLog).where(eq(auditLog.resourceId, runId));
    // kari.nurmi is a team administrator of the police unit (seed users).
    expect(
      audit.map((a) => [a.actorId, a.actorOrganisationId, a.actorRole, a.operation, a.resource, a.purpose]),
    ).toEqual([["kari.nurmi", "org-hpl-prevention", "team-administrator", "read", "report", "evaluation-report"]]);
  });

  it("reports a run that does not exist", async () => {
    expect(await runReport({ ...context, lastAttempt: false }, fixtureTeamId, newId())).toBe("missing");
  });
});
