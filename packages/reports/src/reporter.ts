import type { Runtime } from "@ankkuri/db";
import type { Logger } from "pino";
import type { ComputeOptions } from "./compute-report.js";
import { createBoss, defaultQueueSettings, prepareQueues, type QueueSettings, type ReportQueue } from "./queue.js";
import type { RunOutcome } from "./run-report.js";
import { registerRetentionSchedule } from "./retention-schedule.js";
import { registerSchedule } from "./schedule.js";
import type { RetentionPolicy } from "@ankkuri/domain";
import { registerWorker } from "./worker.js";

/** A started reporter: its queue (for `requestReport`) and a graceful stop. */
export interface Reporter {
  queue: ReportQueue;
  /** Stops taking jobs, lets the jobs in hand finish (up to 30 s) and closes the queue's connections. */
  stop(): Promise<void>;
}

export interface ReporterOptions {
  /** Run reports in this process. Without it the reporter only enqueues (e.g. a gateway beside workers). */
  work: boolean;
  /** Also run the daily schedule (annual and monthly reports). */
  schedule?: boolean;
  /**
   * Also run retention nightly (`runRetention`), with the deployment's policy or the documented
   * defaults. Off unless asked for: the standalone worker turns it on.
   */
  retention?: { policy?: RetentionPolicy | undefined } | undefined;
  /** Jobs this process runs at once (default 1). */
  concurrency?: number;
  logger?: Logger;
  /** PostgreSQL: the URL pg-boss connects with (its own small pool); without it the runtime's pool is used. */
  databaseUrl?: string | undefined;
  settings?: Partial<QueueSettings>;
  /** Test only: pause after each stage of a run. */
  stageDelayMs?: number | undefined;
  compute?: ComputeOptions;
  onOutcome?: (runId: string, outcome: RunOutcome) => void;
}

/**
 * Starts pg-boss on the runtime's database (PGlite through pg-boss's PGlite adapter; PostgreSQL through
 * its URL or the runtime's postgres.js), creates the queues and — when `work` is set — registers the
 * report worker and, with `schedule`, the daily schedule.
 */
export async function startReporter(runtime: Runtime, options: ReporterOptions): Promise<Reporter> {
  const settings: QueueSettings = { ...defaultQueueSettings, ...options.settings };
  const boss = createBoss(runtime, {
    databaseUrl: options.databaseUrl,
    work: options.work,
    schedule: options.schedule === true,
    settings,
    logger: options.logger,
  });
  await boss.start();
  await prepareQueues(boss, settings);
  let stopped = false;
  const reporter: Reporter = {
    queue: { boss, settings },
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await boss.stop({ graceful: true, timeout: 30_000 });
    },
  };
  if (options.work) {
    await registerWorker(boss, {
      db: runtime.handle.db,
      auditKey: runtime.keys.auditKey,
      settings,
      concurrency: options.concurrency ?? 1,
      logger: options.logger,
      stageDelayMs: options.stageDelayMs,
      compute: options.compute,
      onOutcome: options.onOutcome,
    });
    if (options.schedule === true) await registerSchedule(reporter, runtime.handle.db, options.logger);
    if (options.retention)
      await registerRetentionSchedule(reporter, runtime.handle.db, {
        auditKey: runtime.keys.auditKey,
        policy: options.retention.policy,
        logger: options.logger,
      });
  }
  return reporter;
}
