import { addMonths, endOfMonth } from "@ankkuri/domain";
import {
  and,
  eq,
  generateKeySettings,
  inArray,
  openDatabase,
  parseKeyMaterial,
  type Runtime,
  schema,
} from "@ankkuri/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureTeamId, loadReportFixture } from "./testing/report-dataset.js";
import { type Reporter, startReporter } from "./reporter.js";
import { requestReport } from "./request-report.js";
import type { RunOutcome } from "./run-report.js";
import { waitForRuns } from "./testing/report-runs.js";

const { auditLog, reportArtifacts } = schema;

// Two workers on one database, twenty reports: each is produced once, by one of them. On PostgreSQL
// the workers have their own connections (one through its own pg-boss pool, one through the
// runtime's postgres.js); the embedded database has one connection, shared by two pg-boss instances.
describe.each(testEngines)("two workers on %s", (engine) => {
  let database: TestDatabase;
  const runtimes: Runtime[] = [];
  const reporters: Reporter[] = [];
  const outcomes = new Map<string, { worker: number; outcome: RunOutcome }[]>();
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const keys = parseKeyMaterial(generateKeySettings());
    await loadReportFixture(database.db, keys);
    for (const worker of [0, 1]) {
      const handle =
        engine === "postgres" && database.url !== undefined
          ? await openDatabase({ engine: "postgres", url: database.url, maxConnections: 4 })
          : database;
      const runtime = { handle, keys };
      runtimes.push(runtime);
      reporters.push(
        await startReporter(runtime, {
          work: true,
          concurrency: 2,
          settings: { pollingIntervalSeconds: 0.5 },
          // The first worker gives pg-boss the URL; the second runs it through the runtime's pool.
          databaseUrl: worker === 0 ? database.url : undefined,
          onOutcome: (runId, outcome) => outcomes.set(runId, [...(outcomes.get(runId) ?? []), { worker, outcome }]),
        }),
      );
    }
  });
  afterAll(async () => {
    for (const r of reporters) await r.stop();
    for (const r of runtimes) if (r.handle !== database) await r.handle.close();
    await database.dispose();
  });

  it("produces twenty reports, each exactly once", async () => {
    const months = Array.from({ length: 20 }, (_, i) => addMonths("2024-05-01", i));
    const [first, second] = reporters as [Reporter, Reporter];
    const requested = await Promise.all(
      months.map((from, i) =>
        requestReport(i % 2 === 0 ? first : second, database.db, {
          teamId: fixtureTeamId,
          type: "monthly",
          period: { from, to: endOfMonth(from) },
          scope: null,
          requestedBy: "kari.nurmi",
        }),
      ),
    );
    const ids = requested.map((r) => r.runId);
    expect(new Set(ids).size).toBe(20);
    const runs = await waitForRuns(database.db, fixtureTeamId, ids, 120_000);
    expect(runs.map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ["completed", 1]));
    // Every run's handler ran once, on one worker, and completed it.
    expect(ids.map((id) => outcomes.get(id)?.map((o) => o.outcome))).toEqual(ids.map(() => ["completed"]));
    const artifacts = await database.db
      .select({ runId: reportArtifacts.runId })
      .from(reportArtifacts)
      .where(and(eq(reportArtifacts.teamId, fixtureTeamId), inArray(reportArtifacts.runId, ids)));
    expect(artifacts).toHaveLength(ids.length * 4);
    const audit = await database.db
      .select({ id: auditLog.resourceId })
      .from(auditLog)
      .where(and(eq(auditLog.teamId, fixtureTeamId), inArray(auditLog.resourceId, ids)));
    expect(audit.map((a) => a.id).sort()).toEqual([...ids].sort());
  });
});
