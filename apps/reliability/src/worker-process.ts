import { join } from "node:path";
import { type KeySettings, keySettingsEnv } from "@ankkuri/db";
import { type ManagedProcess, startTypeScript } from "@ankkuri/processes";
import { reporterDir } from "./apps.js";

/**
 * Starts a report worker (`apps/reporter/src/main.ts`) on `databaseUrl`. It pauses after each stage
 * of a run (a test-only setting) so it can be killed mid-run, and notices a dead worker's job quickly:
 * a 10 s heartbeat (pg-boss's least), supervision every 2 s, a retry after a second.
 */
export function startWorkerProcess(databaseUrl: string, keys: Required<KeySettings>): ManagedProcess {
  const env = {
    NODE_ENV: "test",
    LOG_LEVEL: "info",
    DATABASE_URL: databaseUrl,
    ...keySettingsEnv(keys),
    REPORTER_SCHEDULE: "false",
    REPORTER_CONCURRENCY: "1",
    REPORTER_TEST_STAGE_DELAY_MS: "1500",
    REPORTER_HEARTBEAT_SECONDS: "10",
    REPORTER_SUPERVISE_SECONDS: "2",
    REPORTER_RETRY_DELAY_SECONDS: "1",
    REPORTER_POLLING_SECONDS: "0.5",
  };
  return startTypeScript(join(reporterDir, "src/main.ts"), { cwd: reporterDir, env, name: "the report worker" });
}
