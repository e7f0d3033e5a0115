import { and, eq, generateKeySettings, newId, parseKeyMaterial, runRetention, schema } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase } from "@ankkuri/db/testing";
import { defaultRetentionPolicy, helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runReport } from "./run-report.js";
import { fixtureTeamId, loadReportFixture } from "./testing/report-dataset.js";

const { reportArtifacts, reportRuns } = schema;

describe("retention and published reports", () => {
  let database: TestDatabase;
  const keys = parseKeyMaterial(generateKeySettings());
  const runId = newId();
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await loadReportFixture(database.db, keys);
    await database.db.insert(reportRuns).values({
      teamId: fixtureTeamId,
      id: runId,
      type: "annual",
      periodFrom: "2025-05-01",
      periodTo: "2026-04-30",
      requestedBy: "mikko.rantanen",
    });
    expect(await runReport({ db: database.db, auditKey: keys.auditKey, lastAttempt: true }, fixtureTeamId, runId)).toBe(
      "completed",
    );
  }, 300_000);
  afterAll(async () => {
    await database.dispose();
  });

  it("keeps a published report's artifacts byte for byte when the cases it counted are deleted", async () => {
    const artifacts = () =>
      database.db
        .select({ format: reportArtifacts.format, sha256: reportArtifacts.sha256 })
        .from(reportArtifacts)
        .where(and(eq(reportArtifacts.teamId, fixtureTeamId), eq(reportArtifacts.runId, runId)))
        .orderBy(reportArtifacts.format);
    const before = await artifacts();
    expect(before.length).toBeGreaterThan(0);
    // A deployment policy short enough that the fixture's closed cases are past it.
    const policy = defaultRetentionPolicy([
      { organisationId: org.police, sector: "police" },
      { organisationId: org.sotepe, sector: "police" },
      { organisationId: org.kuva, sector: "police" },
    ]).map((r) => ({ ...r, years: 1 }));
    const casesBefore = (await database.db.select().from(schema.cases)).length;
    const report = await runRetention(database.db, keys.auditKey, {
      teamId: fixtureTeamId,
      today: "2026-11-22",
      policy,
      dryRun: false,
      now: new Date("2026-11-22T09:00:00Z"),
      actor: "retention-test",
    });
    expect(report.applied).toBeGreaterThan(0);
    expect((await database.db.select().from(schema.cases)).length).toBeLessThan(casesBefore);
    expect(await artifacts()).toEqual(before);
    const [run] = await database.db.select().from(reportRuns).where(eq(reportRuns.id, runId));
    expect(run?.status).toBe("completed");
  });
});
