import {
  ChainAppender,
  createIdentityVault,
  type DatabaseConfig,
  isConnectionError,
  openRuntime,
  queryRows,
  readRetentionPolicyFile,
  type Runtime,
  seedTeam,
  sql,
} from "@ankkuri/db";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import { type Reporter, startReporter } from "@ankkuri/reports";
import type { Logger } from "pino";
import { AuditWriter } from "./audit/audit-writer.js";
import { type DevelopmentIssuer, developmentIssuerFor } from "./auth/dev-issuer.js";
import { defaultDevelopmentLogin, developmentUsers, writeDevelopmentDirectory } from "./auth/dev-users.js";
import { localVerifier, oidcVerifier, type TokenVerifier } from "./auth/token-verifier.js";
import { type GatewayServices, helsinkiDay } from "./context.js";
import type { GatewayConfig } from "./env.js";
import { committedOperationTexts, createGatewayMetrics, documentedOperationNames } from "./metrics.js";
import { helsinkiDataFolder } from "./data-folder.js";
import { gatewayLogger } from "./request-log.js";
import { loadPersistedOperations } from "./persisted/manifests.js";
import { createGatewayYoga, type GatewayYoga } from "./yoga.js";
import { PreparedQueries } from "./prepared-queries.js";
import { TeamCache } from "./team-cache.js";

/** Lifetime of the token the development GraphiQL page is signed in with. */
export const graphiqlTokenSeconds = 900;

/** A built gateway: the app, its services, the development issuer (if any), and shutdown. */
export interface Gateway {
  yoga: GatewayYoga;
  services: GatewayServices;
  runtime: Runtime;
  devIssuer: DevelopmentIssuer | null;
  close(): Promise<void>;
}

/** Seeds the Helsinki dataset into an empty database; true when it did. */
export async function seedIfEmpty(runtime: Runtime): Promise<boolean> {
  const [row] = await queryRows<{ n: number }>(runtime.handle.db, sql`select count(*)::int as n from teams`);
  if ((row?.n ?? 0) > 0) return false;
  await seedTeam(runtime.handle.db, helsinkiAnkkuri);
  return true;
}

/** What a gateway can be given instead of building it from configuration (tests, benchmarks). */
export interface GatewayOptions {
  logger?: Logger;
  clock?: () => Date;
  database?: DatabaseConfig;
  verifier?: TokenVerifier;
  /** `false`: no report worker or queue (requestReport then fails). */
  reporter?: Reporter | false;
}

/**
 * Builds the gateway on an open runtime: the token verifier (OIDC, or the development issuer), the
 * report worker, and the app.
 */
export async function createGatewayOn(
  runtime: Runtime,
  config: GatewayConfig,
  options: GatewayOptions = {},
): Promise<Gateway> {
  const logger = options.logger ?? gatewayLogger(config.logLevel);
  const embedded = runtime.handle.engine === "pglite";
  let devIssuer: DevelopmentIssuer | null = null;
  let verifier = options.verifier;
  if (!verifier) {
    if (config.auth.mode === "oidc") verifier = oidcVerifier(config.auth);
    else {
      devIssuer = await developmentIssuerFor((options.database ?? config.database).dataDir, config.auth.audience);
      verifier = localVerifier({
        issuer: devIssuer.issuer,
        audience: devIssuer.audience,
        jwks: devIssuer.jwks,
        maxTokenAgeSeconds: config.auth.maxTokenAgeSeconds,
      });
    }
  }
  const works = embedded || config.reportWorker;
  const reporter =
    options.reporter === false
      ? null
      : (options.reporter ??
        (await startReporter(runtime, {
          work: works,
          schedule: true,
          // On the embedded database no other worker exists, so retention runs here.
          retention:
            works && config.retention.enabled
              ? { policy: readRetentionPolicyFile(config.retention.policyFile) }
              : undefined,
          logger,
          ...(config.database.databaseUrl ? { databaseUrl: config.database.databaseUrl } : {}),
        })));
  const appender = new ChainAppender(runtime.handle.db, runtime.keys.auditKey);
  const services: GatewayServices = {
    db: runtime.handle.db,
    engine: runtime.handle.engine,
    keys: runtime.keys,
    vault: createIdentityVault(runtime.keys),
    verifier,
    reporter,
    auditLog: config.auditLog,
    namedControllers: config.namedControllers,
    clock: options.clock ?? (() => new Date()),
    logger,
    teams: new TeamCache(),
    queries: new PreparedQueries(runtime.handle.db),
    maxCost: config.limits.maxCost,
    metrics: createGatewayMetrics({
      knownOperations: documentedOperationNames([
        ...committedOperationTexts(),
        ...loadPersistedOperations(config.persistedOperations).values(),
      ]),
      db: runtime.handle.db,
      poolStats: runtime.handle.poolStats,
    }),
    audit: new AuditWriter((entries) => appender.append(entries), {
      retryAlone: (error) => !isConnectionError(error),
    }),
  };
  let graphiqlToken: (() => Promise<string>) | undefined;
  if (devIssuer) {
    const today = helsinkiDay(services.clock());
    const users = await developmentUsers(services.db, today);
    writeDevelopmentDirectory((options.database ?? config.database).dataDir, users, today);
    const user = users.find((u) => u.login === defaultDevelopmentLogin);
    // Signed for each page load, for a quarter of an hour: the page is a development convenience.
    const issuer = devIssuer;
    if (user && config.graphiql)
      graphiqlToken = () => issuer.sign({ login: user.login, name: user.name }, graphiqlTokenSeconds);
  }
  const yoga = createGatewayYoga(services, config, {
    ...(graphiqlToken ? { graphiqlToken } : {}),
    ...(devIssuer
      ? {
          devSignIn: {
            issuer: devIssuer,
            users: () => developmentUsers(services.db, helsinkiDay(services.clock())),
            tokenLifetimeSeconds: config.auth.maxTokenAgeSeconds,
          },
        }
      : {}),
  });
  return {
    yoga,
    services,
    runtime,
    devIssuer,
    close: async () => {
      if (reporter && options.reporter === undefined) await reporter.stop();
      await runtime.handle.close();
    },
  };
}

/**
 * Opens the configured database (embedded: migrated, and seeded with the Helsinki agreement on first
 * start) and builds the gateway on it.
 */
export async function createGateway(config: GatewayConfig, options: GatewayOptions = {}): Promise<Gateway> {
  const logger = options.logger ?? gatewayLogger(config.logLevel);
  const runtime = await openRuntime(options.database ?? config.database, {
    warn: (m) => {
      logger.warn(m);
    },
    applicationName: "ankkuri-gateway",
    template: helsinkiDataFolder,
  });
  if (runtime.start === "restored") logger.info("restored the prepared Helsinki Ankkuri database");
  else if (runtime.start === "created") logger.info("seeded the Helsinki Ankkuri dataset");
  // An embedded database made empty by another command (db:migrate) is seeded here.
  else if (runtime.handle.engine === "pglite" && (await seedIfEmpty(runtime)))
    logger.info("seeded the Helsinki Ankkuri dataset");
  return createGatewayOn(runtime, config, { ...options, logger });
}
