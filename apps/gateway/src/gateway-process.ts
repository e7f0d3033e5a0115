import { logNodeRuntime } from "@ankkuri/db";
import pino from "pino";
import { defaultDevelopmentLogin } from "./auth/dev-users.js";
import { type GatewayConfig, loadGatewayConfig } from "./env.js";
import { createGateway, type Gateway } from "./gateway.js";
import { listenMetrics } from "./metrics.js";
import { gatewayLogger } from "./request-log.js";
import { listen, type RunningServer } from "./server.js";
import { bannerFields, bannerLines, startFailureLines } from "./start-up.js";

// The gateway process, loaded by `main.ts`: the gateway with the report worker; embedded database
// unless DATABASE_URL is set.
const started = performance.now();
let config: GatewayConfig;
let gateway: Gateway | undefined;
let running: RunningServer;
let metrics: Awaited<ReturnType<typeof listenMetrics>>;
let logger: ReturnType<typeof gatewayLogger>;
try {
  config = loadGatewayConfig();
  logger = gatewayLogger(config.logLevel);
  const node = logNodeRuntime(logger);
  gateway = await createGateway(config, { logger });
  running = await listen(gateway.yoga, { host: config.host, port: config.port, logger });
  metrics = await listenMetrics(gateway.services.metrics.registry, config.metrics);
  const banner = {
    readyMs: performance.now() - started,
    node,
    graphql: `${running.url}/graphql`,
    graphiql: config.graphiql,
    webApp: config.webAppDir ? `${running.url}/app/` : null,
    health: `${running.url}/health, ${running.url}/ready`,
    metrics: metrics.url,
    database: { engine: gateway.runtime.handle.engine, dataDir: config.database.dataDir },
    developmentLogin: gateway.devIssuer ? defaultDevelopmentLogin : null,
    issuer: config.auth.mode === "oidc" ? config.auth.issuer : null,
    dataDirSetting: process.env.DATA_DIR,
  };
  // A person at a terminal reads the banner on stderr; a log collector gets one JSON line on stdout
  // (whatever LOG_LEVEL says: it is how a supervisor knows the gateway is up, and where).
  if (process.stdout.isTTY) process.stderr.write(bannerLines(banner).join("\n"));
  else pino({ level: "info" }).info(bannerFields(banner), "ready");
} catch (error) {
  for (const line of startFailureLines(error)) process.stderr.write(`ankkuri gateway: ${line}\n`);
  await gateway?.close().catch(() => undefined);
  process.exit(1);
}

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down: finishing in-flight requests");
  await running.close(config.shutdownGraceMs);
  await metrics.close();
  await gateway?.close();
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
