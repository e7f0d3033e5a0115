import { logNodeRuntime } from "@ankkuri/db";
import { defaultDevelopmentLogin } from "./auth/dev-users.js";
import { loadGatewayConfig } from "./env.js";
import { createGateway } from "./gateway.js";
import { listenMetrics } from "./metrics.js";
import { gatewayLogger } from "./request-log.js";
import { listen } from "./server.js";

// `pnpm start`: the gateway with the report worker; embedded database unless DATABASE_URL is set.
const started = performance.now();
const config = loadGatewayConfig();
const logger = gatewayLogger(config.logLevel);
const node = logNodeRuntime(logger);
const gateway = await createGateway(config, { logger });
const running = await listen(gateway.yoga, { host: config.host, port: config.port, logger });
const metrics = await listenMetrics(gateway.services.metrics.registry, config.metrics);

const lines = [
  "",
  `Ankkuri gateway ready in ${((performance.now() - started) / 1000).toFixed(1)} s (Node.js ${node})`,
  `  GraphQL:   ${running.url}/graphql${config.graphiql ? "  (open it in a browser for GraphiQL)" : ""}`,
  ...(config.webAppDir
    ? [`  Web app:   ${running.url}/app/  (the reference frontend; sign in as a fictional user)`]
    : []),
  `  Health:    ${running.url}/health, ${running.url}/ready    Metrics: ${metrics.url}`,
  `  Database:  ${gateway.runtime.handle.engine === "pglite" ? `embedded, in ${config.database.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
];
if (gateway.devIssuer) {
  const token = await gateway.devIssuer.sign({ login: defaultDevelopmentLogin });
  lines.push(
    "",
    "Authentication: every request needs `Authorization: Bearer <token>` (development issuer, fictional users).",
    `  GraphiQL is signed in as ${defaultDevelopmentLogin} (police officer).`,
    "  List the users:        pnpm dev-token",
    "  Token for one of them: pnpm dev-token <login>",
  );
  if (token)
    lines.push(
      "",
      `Token for ${defaultDevelopmentLogin}:`,
      token,
      "",
      `curl -s ${running.url}/graphql -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"query":"{ viewer { name roles } }"}'`,
    );
} else {
  lines.push(
    "",
    `Authentication: bearer tokens of ${config.auth.mode === "oidc" ? config.auth.issuer : "the configured issuer"}.`,
  );
}
process.stdout.write(`${lines.join("\n")}\n\n`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  logger.info({ signal }, "shutting down: finishing in-flight requests");
  await running.close(config.shutdownGraceMs);
  await metrics.close();
  await gateway.close();
  logger.info("stopped");
  process.exit(0);
}
process.on("SIGTERM", () => void stop("SIGTERM"));
process.on("SIGINT", () => void stop("SIGINT"));
