import { type Database, eq, schema } from "@ankkuri/db";
import {
  addDays,
  defaultRecordingGraceDays,
  helsinkiDayOf,
  type LocalDate,
  type ReportLanguage,
} from "@ankkuri/domain";
import type { Logger } from "pino";
import { lastCompletedAgreementYear, previousMonth } from "./periods.js";
import { scheduleQueueName } from "./queue.js";
import type { Reporter } from "./reporter.js";
import type { ReportRequest } from "./report-request.js";
import { requestReport } from "./request-report.js";

/** Every day at 06:00 Helsinki time; a tick that was missed (the service was down) runs once at start. */
export const scheduleCron = "0 6 * * *";
export const scheduleTimeZone = "Europe/Helsinki";
/** Who scheduled runs are requested by (the audit entry's actor). */
export const scheduleActor = "system:schedule";

/** A scheduled report and when it may start. */
export interface DueReport {
  request: ReportRequest;
  /** Not before the recording grace of the period's last meetings has passed, so they count as recorded. */
  startAfter: Date;
}

/** What the schedule needs of a team: its agreement's start and the languages of its reports. */
export interface ScheduledTeam {
  id: string;
  agreementStartsOn: LocalDate;
  /** At least one, none twice (`reportLanguagesSchema`; the `teams` check holds the stored value to it). */
  reportLanguages: readonly ReportLanguage[];
}

/**
 * The reports a team is due on `today`: the annual evaluation of the latest agreement year that has
 * ended (agreement years run from the anniversary, 1 May) and the statistics of the previous month,
 * each in every language of the team (Helsinki's in Finnish and in Swedish), type by type.
 * Requested on every tick; `requestReport` makes all but the first a no-op, so a tick that runs twice
 * or late still produces each report once in each language.
 */
export function dueReports(
  team: ScheduledTeam,
  today: LocalDate,
  graceDays: number = defaultRecordingGraceDays,
): DueReport[] {
  const due: DueReport[] = [];
  const startAfter = (to: LocalDate) => new Date(`${addDays(to, graceDays + 1)}T04:00:00Z`);
  const add = (type: "annual" | "monthly", period: { from: LocalDate; to: LocalDate }) => {
    for (const language of team.reportLanguages)
      due.push({
        request: { teamId: team.id, type, period, scope: null, requestedBy: scheduleActor, language },
        startAfter: startAfter(period.to),
      });
  };
  const year = lastCompletedAgreementYear(team.agreementStartsOn, today);
  if (year) add("annual", year);
  const month = previousMonth(today);
  if (month.to >= team.agreementStartsOn) add("monthly", month);
  return due;
}

/** One scheduler tick: requests every team's due reports. */
export async function runScheduleTick(reporter: Reporter, db: Database, now: Date, logger?: Logger): Promise<void> {
  const today = helsinkiDayOf(now);
  const teams = await db
    .select({
      id: schema.teams.id,
      agreementStartsOn: schema.agreements.startsOn,
      reportLanguages: schema.teams.reportLanguages,
    })
    .from(schema.teams)
    .innerJoin(schema.agreements, eq(schema.agreements.teamId, schema.teams.id));
  for (const team of teams) {
    for (const { request, startAfter } of dueReports(team, today)) {
      const result = await requestReport(reporter, db, request, { startAfter });
      if (result.created)
        logger?.info(
          {
            teamId: team.id,
            type: request.type,
            period: request.period,
            language: request.language,
            runId: result.runId,
          },
          "scheduled report requested",
        );
    }
  }
}

/** Registers the daily schedule (pg-boss cron, Helsinki time) and its worker. */
export async function registerSchedule(reporter: Reporter, db: Database, logger?: Logger): Promise<void> {
  const { boss } = reporter.queue;
  await boss.schedule(scheduleQueueName, scheduleCron, {}, { tz: scheduleTimeZone, key: "daily", missed: "once" });
  await boss.work(scheduleQueueName, { batchSize: 1, pollingIntervalSeconds: 30 }, async () => {
    await runScheduleTick(reporter, db, new Date(), logger);
  });
}
