import { type DatabaseConfig, parseDatabaseConfig } from "@ankkuri/db";
import { defaultQueueSettings, type QueueSettings } from "@ankkuri/reports";
import { z } from "zod";

const flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/**
 * The reporter's settings (the database's come from `@ankkuri/db`'s `databaseEnvSchema`). Read once
 * here; nothing else reads `process.env`.
 */
export const reporterEnvSchema = z
  .object({
    NODE_ENV: z.string().optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    REPORTER_CONCURRENCY: z.coerce.number().int().min(1).max(16).default(2),
    REPORTER_SCHEDULE: flag.default(true),
    /** Runs retention nightly (pg-boss cron, 03:00 Helsinki time). */
    REPORTER_RETENTION: flag.default(true),
    /** The deployment's retention policy (JSON, `retentionPolicySchema`); the documented defaults without it. */
    RETENTION_POLICY_FILE: z.string().min(1).optional(),
    REPORTER_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(defaultQueueSettings.retryLimit),
    REPORTER_RETRY_DELAY_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(3600)
      .default(defaultQueueSettings.retryDelaySeconds),
    REPORTER_HEARTBEAT_SECONDS: z.coerce.number().int().min(10).max(600).default(defaultQueueSettings.heartbeatSeconds),
    REPORTER_SUPERVISE_SECONDS: z.coerce
      .number()
      .int()
      .min(1)
      .max(600)
      .default(defaultQueueSettings.superviseIntervalSeconds),
    REPORTER_EXPIRE_SECONDS: z.coerce.number().int().min(60).max(86_400).default(defaultQueueSettings.expireInSeconds),
    REPORTER_POLLING_SECONDS: z.coerce.number().min(0.5).max(60).default(defaultQueueSettings.pollingIntervalSeconds),
    /**
     * Test only: a pause after each stage of a run, so the crash test can kill a worker mid-run.
     * Refused unless NODE_ENV=test, so it can never slow down a production worker.
     */
    REPORTER_TEST_STAGE_DELAY_MS: z.coerce.number().int().min(0).max(60_000).optional(),
    /** Controllers (organisation ids, comma-separated) whose access-log extracts name people; as the gateway's. */
    ACCESS_LOG_NAMED_CONTROLLERS: z
      .string()
      .default("")
      .transform((v) =>
        v
          .split(",")
          .map((x) => x.trim())
          .filter((x) => x !== ""),
      ),
    /** Where the user ran `pnpm` (pnpm sets it): relative `--out` paths resolve against it. */
    INIT_CWD: z.string().optional(),
  })
  .refine((env) => env.REPORTER_TEST_STAGE_DELAY_MS === undefined || env.NODE_ENV === "test", {
    message: "REPORTER_TEST_STAGE_DELAY_MS is a test setting and needs NODE_ENV=test",
    path: ["REPORTER_TEST_STAGE_DELAY_MS"],
  });

export interface ReporterEnv {
  database: DatabaseConfig;
  logLevel: z.output<typeof reporterEnvSchema>["LOG_LEVEL"];
  concurrency: number;
  schedule: boolean;
  retention: boolean;
  retentionPolicyFile: string | undefined;
  settings: QueueSettings;
  stageDelayMs: number | undefined;
  /** The directory relative paths on the command line are taken from. */
  workingDirectory: string;
  /** Controllers whose clients' access-log extracts name people. */
  namedControllers: string[];
}

/** Validates the environment; throws a zod error naming the first bad setting. */
export function parseReporterEnv(env: Record<string, string | undefined>): ReporterEnv {
  const parsed = reporterEnvSchema.parse(env);
  return {
    database: parseDatabaseConfig(env),
    logLevel: parsed.LOG_LEVEL,
    concurrency: parsed.REPORTER_CONCURRENCY,
    schedule: parsed.REPORTER_SCHEDULE,
    retention: parsed.REPORTER_RETENTION,
    retentionPolicyFile: parsed.RETENTION_POLICY_FILE,
    settings: {
      ...defaultQueueSettings,
      retryLimit: parsed.REPORTER_RETRY_LIMIT,
      retryDelaySeconds: parsed.REPORTER_RETRY_DELAY_SECONDS,
      heartbeatSeconds: parsed.REPORTER_HEARTBEAT_SECONDS,
      superviseIntervalSeconds: parsed.REPORTER_SUPERVISE_SECONDS,
      expireInSeconds: parsed.REPORTER_EXPIRE_SECONDS,
      pollingIntervalSeconds: parsed.REPORTER_POLLING_SECONDS,
    },
    stageDelayMs: parsed.REPORTER_TEST_STAGE_DELAY_MS,
    workingDirectory: parsed.INIT_CWD ?? process.cwd(),
    namedControllers: parsed.ACCESS_LOG_NAMED_CONTROLLERS,
  };
}
