import { type Database, runRetention, schema } from "@ankkuri/db";
import { helsinkiDayOf, type RetentionPolicy } from "@ankkuri/domain";
import type { Logger } from "pino";
import { retentionQueueName } from "./queue.js";
import type { Reporter } from "./reporter.js";
import { scheduleTimeZone } from "./schedule.js";

/** Every night at 03:00 Helsinki time, before the day's reports. */
export const retentionCron = "0 3 * * *";

/** What the scheduled retention run needs: the audit key, and the deployment's policy if it has one. */
export interface RetentionScheduleOptions {
  auditKey: Buffer;
  /** Absent: the documented defaults for each team's agreement parties. */
  policy?: RetentionPolicy | undefined;
  logger?: Logger | undefined;
}

/** One scheduled run over every team (`runRetention`: idempotent, so a repeated tick changes nothing). */
export async function runRetentionTick(db: Database, now: Date, options: RetentionScheduleOptions): Promise<number> {
  const teams = await db.select({ id: schema.teams.id }).from(schema.teams);
  let applied = 0;
  for (const team of teams) {
    const report = await runRetention(db, options.auditKey, {
      teamId: team.id,
      today: helsinkiDayOf(now),
      policy: options.policy,
      dryRun: false,
      now,
      actor: "system:retention",
    });
    applied += report.applied;
    options.logger?.info({ teamId: team.id, cases: report.decisions.length, applied: report.applied }, "retention run");
  }
  return applied;
}

/** Registers the nightly retention job (pg-boss cron) and its worker. */
export async function registerRetentionSchedule(
  reporter: Reporter,
  db: Database,
  options: RetentionScheduleOptions,
): Promise<void> {
  const { boss } = reporter.queue;
  await boss.schedule(retentionQueueName, retentionCron, {}, { tz: scheduleTimeZone, key: "nightly" });
  await boss.work(retentionQueueName, { batchSize: 1, pollingIntervalSeconds: 60 }, async () => {
    await runRetentionTick(db, new Date(), options);
  });
}
