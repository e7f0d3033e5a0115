import type { Runtime } from "@ankkuri/db";
import { type ConstructorOptions, type Db, fromPglite, PgBoss } from "pg-boss";
import type { Logger } from "pino";

/** The queue of report runs: one job per run, deduplicated by the run id. */
export const reportQueueName = "ankkuri-report-run";
/** The queue of the daily scheduler tick. */
export const scheduleQueueName = "ankkuri-report-schedule";
/** The queue of the nightly retention run. */
export const retentionQueueName = "ankkuri-retention";

/** Retry and liveness policy of report jobs. */
export interface QueueSettings {
  /** Retries after the first attempt. */
  retryLimit: number;
  /** First retry delay; doubled (with jitter) for each retry up to `retryDelayMaxSeconds`. */
  retryDelaySeconds: number;
  retryDelayMaxSeconds: number;
  /** A worker refreshes its job every heartbeatSeconds / 2; a job silent longer is retried (STACK trap 13). At least 10. */
  heartbeatSeconds: number;
  /** Upper bound of one attempt, however alive its worker. */
  expireInSeconds: number;
  /** How often a worker's supervisor looks for jobs whose worker died (and expired jobs). */
  superviseIntervalSeconds: number;
  /** How often an idle worker polls for jobs. */
  pollingIntervalSeconds: number;
}

/** A killed worker's job is retried within about a minute: 10 s heartbeat, 30 s supervision, 15 s first delay. */
export const defaultQueueSettings: QueueSettings = {
  retryLimit: 5,
  retryDelaySeconds: 15,
  retryDelayMaxSeconds: 600,
  heartbeatSeconds: 10,
  expireInSeconds: 3600,
  superviseIntervalSeconds: 30,
  pollingIntervalSeconds: 2,
};

/** The data of a report job: which run to execute. */
export interface RunJobData {
  teamId: string;
  runId: string;
}

/** The report queue, opaque to callers: pass it back to `requestReport`. */
export interface ReportQueue {
  /** @internal */
  readonly boss: PgBoss;
  /** @internal */
  readonly settings: QueueSettings;
}

/** pg-boss's SQL through postgres.js, for when only the runtime's pool is at hand (no URL). */
function postgresJsDb(runtime: Runtime): Db {
  const sql = runtime.handle.sql;
  if (!sql) throw new Error("The PostgreSQL runtime has no postgres.js client");
  return {
    executeSql: async (text: string, values?: unknown[]) => {
      // Parameters as node-postgres sends them: plain objects as JSON text.
      const params = values?.map((v) =>
        v !== null && typeof v === "object" && !Array.isArray(v) && !(v instanceof Date) && !Buffer.isBuffer(v)
          ? JSON.stringify(v)
          : v,
      );
      if (params && params.length > 0) return { rows: [...(await sql.unsafe(text, params as never[]))] };
      // Parameterless text may be several statements, a BEGIN … COMMIT block among them (pg-boss's
      // locked sections): run it by the simple protocol on a connection of its own.
      const connection = await sql.reserve();
      try {
        const result: unknown = await connection.unsafe(text).simple();
        const rows: unknown[] =
          Array.isArray(result) && result.every((r) => Array.isArray(r))
            ? (result as unknown[][]).flat()
            : Array.isArray(result)
              ? [...(result as unknown[])]
              : [];
        return { rows };
      } finally {
        connection.release();
      }
    },
  };
}

/**
 * pg-boss on the runtime's database: the embedded PGlite through pg-boss's own adapter (one
 * connection, so nothing may enqueue inside an open transaction: STACK trap 8), or PostgreSQL
 * through its URL (a small pool of pg-boss's own) or, without one, through the runtime's postgres.js.
 */
export function createBoss(
  runtime: Runtime,
  options: {
    databaseUrl?: string | undefined;
    work: boolean;
    schedule: boolean;
    settings: QueueSettings;
    logger?: Logger | undefined;
  },
): PgBoss {
  const { settings } = options;
  const common: ConstructorOptions = {
    supervise: options.work,
    schedule: options.work && options.schedule,
    superviseIntervalSeconds: settings.superviseIntervalSeconds,
    monitorIntervalSeconds: settings.superviseIntervalSeconds,
    migrate: true,
  };
  let boss: PgBoss;
  if (runtime.handle.engine === "pglite") {
    const pglite = runtime.handle.pglite;
    if (!pglite) throw new Error("The embedded runtime has no PGlite instance");
    boss = new PgBoss({ ...common, db: fromPglite(pglite), backend: "pglite" });
  } else if (options.databaseUrl !== undefined) {
    boss = new PgBoss({
      ...common,
      connectionString: options.databaseUrl,
      max: 4,
      application_name: "ankkuri-reporter",
    });
  } else {
    boss = new PgBoss({ ...common, db: postgresJsDb(runtime) });
  }
  boss.on("error", (error) => options.logger?.error({ err: error }, "job queue error"));
  return boss;
}

/** Queue options for report runs. `exclusive`: at most one queued or active job per singleton key (the run id). */
export function reportQueueOptions(settings: QueueSettings) {
  return {
    retryLimit: settings.retryLimit,
    retryDelay: settings.retryDelaySeconds,
    retryBackoff: true,
    retryDelayMax: settings.retryDelayMaxSeconds,
    heartbeatSeconds: settings.heartbeatSeconds,
    expireInSeconds: settings.expireInSeconds,
  };
}

/**
 * Creates the queues (idempotent) and applies the current settings. Each queue is then read once so
 * it sits in pg-boss's cache: a later `send` never has to look it up (STACK trap 8).
 */
export async function prepareQueues(boss: PgBoss, settings: QueueSettings): Promise<void> {
  await boss.createQueue(reportQueueName, { policy: "exclusive", ...reportQueueOptions(settings) });
  await boss.updateQueue(reportQueueName, reportQueueOptions(settings));
  await boss.createQueue(scheduleQueueName, {
    policy: "exclusive",
    retryLimit: 3,
    retryDelay: 60,
    expireInSeconds: 600,
  });
  await boss.createQueue(retentionQueueName, { policy: "exclusive", retryLimit: 3, retryDelay: 600 });
  for (const name of [reportQueueName, scheduleQueueName, retentionQueueName])
    await boss.findJobs(name, { key: "warm-up" });
}
