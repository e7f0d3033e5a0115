import { and, eq, generateKeySettings, parseKeyMaterial, type Runtime, schema } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureTeamId, loadReportFixture } from "./testing/report-dataset.js";
import { reportQueueName, scheduleQueueName } from "./queue.js";
import { type Reporter, startReporter } from "./reporter.js";
import { dueReports, helsinkiToday, runScheduleTick, scheduleActor } from "./schedule.js";

const team = { id: fixtureTeamId, agreementStartsOn: "2024-05-01" };

describe("dueReports", () => {
  it("asks for the agreement year just ended on the anniversary and for the previous month on the 1st", () => {
    expect(dueReports(team, "2026-05-01")).toEqual([
      {
        request: {
          teamId: fixtureTeamId,
          type: "annual",
          period: { from: "2025-05-01", to: "2026-04-30" },
          scope: null,
          requestedBy: scheduleActor,
        },
        startAfter: new Date("2026-05-08T04:00:00Z"),
      },
      {
        request: {
          teamId: fixtureTeamId,
          type: "monthly",
          period: { from: "2026-04-01", to: "2026-04-30" },
          scope: null,
          requestedBy: scheduleActor,
        },
        startAfter: new Date("2026-05-08T04:00:00Z"),
      },
    ]);
  });

  it("asks for the same reports on every later day of the month (a missed tick catches up), and nothing before the agreement", () => {
    expect(dueReports(team, "2026-05-17").map((d) => d.request.period)).toEqual([
      { from: "2025-05-01", to: "2026-04-30" },
      { from: "2026-04-01", to: "2026-04-30" },
    ]);
    expect(dueReports(team, "2024-05-20")).toEqual([]);
    expect(dueReports(team, "2024-06-01").map((d) => d.request.type)).toEqual(["monthly"]);
  });

  it("reads today's date in Helsinki", () => {
    // 22:30 UTC on 30 April is already 1 May in Helsinki (UTC+3 in summer).
    expect(helsinkiToday(new Date("2026-04-30T22:30:00Z"))).toBe("2026-05-01");
    expect(helsinkiToday(new Date("2026-01-31T21:59:00Z"))).toBe("2026-01-31");
  });
});

describe("the schedule on the embedded database", () => {
  let database: TestDatabase;
  let runtime: Runtime;
  let reporter: Reporter;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    const keys = parseKeyMaterial(generateKeySettings());
    await loadReportFixture(database.db, keys);
    runtime = { handle: database, keys };
    // Schedules are registered by working reporters; this one's jobs wait (startAfter) so none runs.
    reporter = await startReporter(runtime, { work: true, schedule: true });
  });
  afterAll(async () => {
    await reporter.stop();
    await database.dispose();
  });

  it("registers a daily tick in Helsinki time", async () => {
    const [tick] = await reporter.queue.boss.getSchedules(scheduleQueueName);
    expect(tick).toMatchObject({
      name: scheduleQueueName,
      key: "daily",
      cron: "0 6 * * *",
      timezone: "Europe/Helsinki",
    });
  });

  it("requests each due report once however many ticks run", async () => {
    // A future anniversary: the jobs wait for their start, so the working reporter leaves them queued.
    const now = new Date("2030-05-01T03:00:00Z");
    await runScheduleTick(reporter, database.db, now);
    await runScheduleTick(reporter, database.db, now);
    // (Filtered by period: the real daily tick may also fire while the test runs, for today's date.)
    const runs = await database.db
      .select()
      .from(schema.reportRuns)
      .where(
        and(
          eq(schema.reportRuns.teamId, fixtureTeamId),
          eq(schema.reportRuns.requestedBy, scheduleActor),
          eq(schema.reportRuns.periodTo, "2030-04-30"),
        ),
      );
    expect(runs.map((r) => [r.type, r.periodFrom, r.periodTo, r.status]).sort()).toEqual([
      ["annual", "2029-05-01", "2030-04-30", "queued"],
      ["monthly", "2030-04-01", "2030-04-30", "queued"],
    ]);
    for (const run of runs) {
      const jobs = await reporter.queue.boss.findJobs(reportQueueName, { key: run.id });
      expect(jobs).toHaveLength(1);
      // Held back until the recording grace of the period's last meetings is over.
      expect(jobs[0]?.startAfter).toEqual(new Date("2030-05-08T04:00:00Z"));
    }
  });
});
