import { logNodeRuntime, openRuntime, readRetentionPolicyFile } from "@ankkuri/db";
import { startReporter } from "@ankkuri/reports";
import { pino } from "pino";
import { parseReporterEnv } from "./env.js";

// The standalone report worker (PostgreSQL deployments; with the embedded database the gateway runs
// the worker in its own process). JSON logs on stdout; SIGTERM/SIGINT finish the job in hand first.
const env = parseReporterEnv(process.env);
const logger = pino({ level: env.logLevel, base: { service: "ankkuri-reporter", pid: process.pid } });

logNodeRuntime(logger);

const runtime = await openRuntime(env.database, {
  warn: (message) => {
    logger.warn(message);
  },
  applicationName: "ankkuri-reporter",
});
const retentionPolicy = readRetentionPolicyFile(env.retentionPolicyFile);
const reporter = await startReporter(runtime, {
  work: true,
  schedule: env.schedule,
  retention: env.retention ? { policy: retentionPolicy } : undefined,
  concurrency: env.concurrency,
  logger,
  databaseUrl: env.database.databaseUrl,
  settings: env.settings,
  stageDelayMs: env.stageDelayMs,
});
logger.info(
  { engine: runtime.handle.engine, concurrency: env.concurrency, schedule: env.schedule },
  "reporter started",
);

let stopping = false;
async function shutdown(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "stopping: finishing the jobs in hand");
  try {
    await reporter.stop();
    await runtime.handle.close();
    logger.info("reporter stopped");
  } catch (error) {
    logger.error({ err: error }, "error while stopping");
    process.exitCode = 1;
  }
}
for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void shutdown(signal));
