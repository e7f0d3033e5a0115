import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type KeySettings, keySettingsEnv } from "@ankkuri/db";
import {
  ChildProcessError,
  type FictionalLogin,
  type ManagedProcess,
  mintDevToken,
  startTypeScript,
} from "@ankkuri/processes";
import { gatewayDir } from "./apps.js";

/** The gateway (`apps/gateway/src/main.ts`) in a process of its own, listening on a free loopback port. */
export interface GatewayProcess {
  process: ManagedProcess;
  /** http://127.0.0.1:<port> */
  url: string;
  /** The Node.js version the gateway's start line names. */
  nodeVersion: string;
  dataDir: string;
  /** Bearer tokens of the development issuer, one per login. */
  tokens: Record<FictionalLogin, string>;
  /** Stops the gateway (SIGTERM, then SIGKILL) and removes its data folder. */
  stop(): Promise<void>;
}

export interface GatewayProcessOptions {
  /** PostgreSQL, already migrated and seeded; without it the gateway uses its embedded database in the data folder. */
  databaseUrl?: string;
  keys?: Required<KeySettings>;
  /** Runs the report worker inside the gateway (off: a separate worker process does the reports). */
  reportWorker?: boolean;
  env?: Record<string, string>;
  logins: readonly FictionalLogin[];
}

const startupTimeoutMs = 90_000;

/**
 * Starts the gateway with its own data folder (the development issuer keeps its signing key there)
 * and waits for the line it prints when it listens. Tokens come from `dev-token`, the same command a
 * developer uses, run once the gateway has created the key.
 */
export async function startGatewayProcess(options: GatewayProcessOptions): Promise<GatewayProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), "ankkuri-reliability-gw-"));
  const env: Record<string, string> = {
    NODE_ENV: "test",
    HOST: "127.0.0.1",
    PORT: "0",
    METRICS_PORT: "0",
    // Load tests send one person's requests as fast as they can; the hostile corpus sets its own.
    RATE_LIMIT_PER_SECOND: "0",
    LOG_LEVEL: "warn",
    GRAPHIQL: "off",
    DATA_DIR: dataDir,
    REPORT_WORKER: options.reportWorker === false ? "off" : "on",
    ...(options.databaseUrl ? { DATABASE_URL: options.databaseUrl } : {}),
    ...(options.keys ? keySettingsEnv(options.keys) : {}),
    ...options.env,
  };
  const child = startTypeScript(join(gatewayDir, "src/main.ts"), { cwd: gatewayDir, env, name: "the gateway" });
  const cleanUp = async () => {
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // Its stdout is not a terminal: the gateway says it is ready in one JSON log line.
    const [, url] = await child.waitForOutput(/"graphql":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/, startupTimeoutMs);
    const nodeVersion = child.output().includes(`"msg":"ready"`)
      ? /"node":"([\d.]+)"/.exec(child.output())?.[1]
      : undefined;
    if (url === undefined || nodeVersion === undefined)
      throw new ChildProcessError("the gateway printed no URL or runtime", child.output());
    const minted = await Promise.all(
      options.logins.map(async (login) => [login, await mintDevToken(login, dataDir)] as const),
    );
    return {
      process: child,
      url,
      nodeVersion,
      dataDir,
      tokens: Object.fromEntries(minted) as Record<FictionalLogin, string>,
      stop: cleanUp,
    };
  } catch (error) {
    await cleanUp();
    throw error;
  }
}
