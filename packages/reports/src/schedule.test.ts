import { and, eq, generateKeySettings, parseKeyMaterial, type Runtime, schema } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@ankkuri/db/testing";
import { helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixtureTeamId, loadReportFixture } from "./testing/report-dataset.js";
import { reportQueueName, scheduleQueueName } from "./queue.js";
import { type Reporter, startReporter } from "./reporter.js";
import { type DueReport, dueReports, runScheduleTick, scheduleActor } from "./schedule.js";

const finnishTeamId = "team-finnish";
const finnish = { id: fixtureTeamId, agreementStartsOn: "2024-05-01", reportLanguages: ["fi"] as const };
const bilingual = { ...finnish, reportLanguages: ["fi", "sv"] as const };
const kinds = (due: DueReport[]) => due.map((d) => `${d.request.type} ${d.request.language ?? "-"}`);

describe("dueReports", () => {
  it("asks a Finnish-only team for the agreement year just ended on the anniversary and for the previous month on the 1st, in Finnish", () => {
    expect(dueReports(finnish, "2026-05-01")).toEqual([
      {
        request: {
          teamId: fixtureTeamId,
          type: "annual",
          period: { from: "2025-05-01", to: "2026-04-30" },
          scope: null,
          requestedBy: scheduleActor,
          language: "fi",
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
          language: "fi",
        },
        startAfter: new Date("2026-05-08T04:00:00Z"),
      },
    ]);
  });

  it("asks a bilingual team for each report in Finnish and in Swedish, the same period and start for both", () => {
    const due = dueReports(bilingual, "2026-05-01");
    expect(kinds(due)).toEqual(["annual fi", "annual sv", "monthly fi", "monthly sv"]);
    const [annualFi, annualSv, monthlyFi, monthlySv] = due;
    expect(annualSv).toEqual({ ...annualFi, request: { ...annualFi?.request, language: "sv" } });
    expect(monthlySv).toEqual({ ...monthlyFi, request: { ...monthlyFi?.request, language: "sv" } });
    // In the team's order, and a Swedish-only team gets Swedish only.
    expect(kinds(dueReports({ ...finnish, reportLanguages: ["sv", "fi"] }, "2026-05-01"))).toEqual([
      "annual sv",
      "annual fi",
      "monthly sv",
      "monthly fi",
    ]);
    expect(kinds(dueReports({ ...finnish, reportLanguages: ["sv"] }, "2026-06-01"))).toEqual([
      "annual sv",
      "monthly sv",
    ]);
  });

  it("asks for the same reports on every later day of the month (a missed tick catches up), and nothing before the agreement", () => {
    expect(dueReports(finnish, "2026-05-17").map((d) => d.request.period)).toEqual([
      { from: "2025-05-01", to: "2026-04-30" },
      { from: "2026-04-01", to: "2026-04-30" },
    ]);
    expect(dueReports(finnish, "2024-05-20")).toEqual([]);
    expect(dueReports(bilingual, "2024-05-20")).toEqual([]);
    expect(kinds(dueReports(finnish, "2024-06-01"))).toEqual(["monthly fi"]);
    expect(kinds(dueReports(bilingual, "2024-06-01"))).toEqual(["monthly fi", "monthly sv"]);
  });
});

describe.each(testEngines)("the schedule on %s", (engine) => {
  let database: TestDatabase;
  let runtime: Runtime;
  let reporter: Reporter;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    const keys = parseKeyMaterial(generateKeySettings());
    // Helsinki (seeded: Finnish and Swedish) and a second team left at the default, Finnish only.
    await loadReportFixture(database.db, keys);
    await database.db.insert(schema.teams).values({
      id: finnishTeamId,
      code: "finnish",
      nameFi: "Suomenkielinen",
      nameSv: "Finskspråkig",
      nameEn: "Finnish-speaking",
      policeDepartmentId: org.police,
    });
    const text = { fi: "Sopimus", sv: "Avtal", en: "Agreement" };
    await database.db.insert(schema.agreements).values({
      teamId: finnishTeamId,
      id: "agreement-finnish",
      oid: "2.999.1",
      title: text,
      description: text,
      startsOn: "2024-05-01",
    });
    runtime = { handle: database, keys };
    // Schedules are registered by working reporters; this one's jobs wait (startAfter) so none runs.
    reporter = await startReporter(runtime, { work: true, schedule: true, databaseUrl: database.url });
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

  it("requests each due report once in each of its team's languages however many ticks run", async () => {
    // A future anniversary: the jobs wait for their start, so the working reporter leaves them queued.
    // 22:30 UTC on 30 April is already 1 May in Helsinki (UTC+3 in summer): the tick reads Helsinki's day.
    const now = new Date("2030-04-30T22:30:00Z");
    await runScheduleTick(reporter, database.db, now);
    await runScheduleTick(reporter, database.db, now);
    // (Filtered by period: the real daily tick may also fire while the test runs, for today's date.)
    const runs = await database.db
      .select()
      .from(schema.reportRuns)
      .where(and(eq(schema.reportRuns.requestedBy, scheduleActor), eq(schema.reportRuns.periodTo, "2030-04-30")));
    expect(runs.map((r) => [r.teamId, r.type, r.periodFrom, r.language, r.status]).sort()).toEqual([
      [finnishTeamId, "annual", "2029-05-01", "fi", "queued"],
      [finnishTeamId, "monthly", "2030-04-01", "fi", "queued"],
      [fixtureTeamId, "annual", "2029-05-01", "fi", "queued"],
      [fixtureTeamId, "annual", "2029-05-01", "sv", "queued"],
      [fixtureTeamId, "monthly", "2030-04-01", "fi", "queued"],
      [fixtureTeamId, "monthly", "2030-04-01", "sv", "queued"],
    ]);
    for (const run of runs) {
      const jobs = await reporter.queue.boss.findJobs(reportQueueName, { key: run.id });
      expect(jobs).toHaveLength(1);
      // Held back until the recording grace of the period's last meetings is over.
      expect(jobs[0]?.startAfter).toEqual(new Date("2030-05-08T04:00:00Z"));
    }
  });
});
