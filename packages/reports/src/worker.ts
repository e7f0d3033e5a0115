import type { Database } from "@ankkuri/db";
import type { PgBoss } from "pg-boss";
import type { Logger } from "pino";
import { z } from "zod";
import type { ComputeOptions } from "./compute-report.js";
import { type QueueSettings, reportQueueName, type RunJobData } from "./queue.js";
import { type RunOutcome, runReport } from "./run-report.js";

const jobDataSchema = z.object({ teamId: z.string().min(1), runId: z.uuid() }) satisfies z.ZodType<RunJobData>;

/** What the report worker needs. */
export interface WorkerOptions {
  db: Database;
  auditKey: Buffer;
  settings: QueueSettings;
  /** Jobs this process runs at once. */
  concurrency: number;
  logger?: Logger | undefined;
  stageDelayMs?: number | undefined;
  compute?: ComputeOptions | undefined;
  /** Told after each job (tests count outcomes with it). */
  onOutcome?: ((runId: string, outcome: RunOutcome) => void) | undefined;
}

/**
 * Registers the report worker: each job executes its run with `runReport`, which does nothing for a
 * run already completed, so a job delivered twice (a retry after a lost heartbeat) is harmless.
 * Several processes may work the same queue: pg-boss hands each job to one of them at a time.
 */
export async function registerWorker(boss: PgBoss, options: WorkerOptions): Promise<void> {
  await boss.work<RunJobData>(
    reportQueueName,
    {
      batchSize: 1,
      localConcurrency: options.concurrency,
      pollingIntervalSeconds: options.settings.pollingIntervalSeconds,
    },
    async (jobs) => {
      for (const job of jobs) {
        const data = jobDataSchema.parse(job.data);
        const outcome = await runReport(
          {
            db: options.db,
            auditKey: options.auditKey,
            jobId: job.id,
            lastAttempt: job.retryCount >= options.settings.retryLimit,
            ...(options.logger ? { logger: options.logger } : {}),
            ...(options.stageDelayMs ? { stageDelayMs: options.stageDelayMs } : {}),
            ...(options.compute ? { compute: options.compute } : {}),
          },
          data.teamId,
          data.runId,
        );
        options.onOutcome?.(data.runId, outcome);
      }
    },
  );
}
