import { databaseEnvSchema, parseDatabaseConfig, type DatabaseConfig } from "@ankkuri/db";
import { z } from "zod";
import type { CorsPolicy } from "./browser.js";
import type { IntrospectionMode } from "./plugins/use-introspection-gate.js";

const flag = (fallback: boolean) =>
  z
    .enum(["on", "off", "true", "false", "1", "0"])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === "on" || v === "true" || v === "1"));

const gatewayEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  /** Prometheus metrics are served here, not on the API's port (0: any free port). */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).default(9464),
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** OpenID Connect issuer of real tokens; without it the local development issuer signs tokens. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).default("ankkuri-gateway"),
  OIDC_JWKS_URL: z.url().optional(),
  /** Longest token lifetime (`exp` − `iat`) accepted, in seconds (development tokens too). */
  OIDC_MAX_TOKEN_AGE: z.coerce.number().int().min(60).max(86_400).default(3600),
  /** `required`: only registered operations run; `allowed`: registered ones by hash, others as text. */
  PERSISTED_OPERATIONS: z.enum(["off", "allowed", "required"]).default("off"),
  /** A manifest (`{ hash: text }`), or a folder of them (one per team), e.g. apps/gateway/persisted-operations. */
  PERSISTED_OPERATIONS_FILE: z.string().min(1).optional(),
  GRAPHIQL: flag(true),
  /** Who may introspect the schema: `authenticated` (default), `on` (anyone) or `off`. */
  INTROSPECTION: z.enum(["on", "authenticated", "off"]).default("authenticated"),
  /**
   * Origins whose pages may call the API, comma-separated (`https://app.example.fi`), `loopback` for
   * any localhost origin, `none` for no browser origin. Default: `none` in production, else `loopback`.
   */
  CORS_ORIGINS: z
    .string()
    .optional()
    .transform((value, ctx) => {
      if (value === undefined) return undefined;
      const entries = value
        .split(",")
        .map((e) => e.trim())
        .filter((e) => e !== "" && e !== "none");
      const origins: string[] = [];
      let loopback = false;
      for (const entry of entries) {
        if (entry === "loopback") {
          loopback = true;
          continue;
        }
        let origin: string | undefined;
        try {
          origin = new URL(entry).origin;
        } catch {
          origin = undefined;
        }
        if (origin === undefined || origin === "null" || origin !== entry)
          ctx.addIssue({ code: "custom", message: `not an origin (scheme://host[:port]): ${entry}` });
        else origins.push(origin);
      }
      return { loopback, origins };
    }),
  /** A built single-page app (the reference frontend's `dist/`) served under `/app/`. */
  WEB_APP_DIR: z.string().min(1).optional(),
  /** Benchmarks only: writes no audit log. Refused in production and with a real issuer. */
  AUDIT_LOG: flag(true),
  /** Serves the chair calendar and FTE dashboard again from answers computed on the same team dataset. */
  DERIVED_ANSWER_CACHE: flag(true),
  /** Runs the report worker in this process (always, on the embedded database). */
  REPORT_WORKER: flag(true),
  /** Runs retention nightly (pg-boss cron, 03:00 Helsinki time) wherever this process works reports. */
  RETENTION: flag(true),
  /** The deployment's retention policy (JSON, `retentionPolicySchema`); the documented defaults without it. */
  RETENTION_POLICY_FILE: z.string().min(1).optional(),
  /**
   * Controllers (organisation ids, comma-separated) whose clients' access-log extracts name the people
   * who processed the data; the others name organisation and role only.
   */
  ACCESS_LOG_NAMED_CONTROLLERS: z
    .string()
    .default("")
    .transform((v) =>
      v
        .split(",")
        .map((x) => x.trim())
        .filter((x) => x !== ""),
    ),
  MAX_BODY_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(262_144),
  MAX_DEPTH: z.coerce.number().int().min(2).max(30).default(10),
  MAX_ALIASES: z.coerce.number().int().min(1).max(100).default(15),
  MAX_COST: z.coerce.number().int().min(100).max(1_000_000).default(20_000),
  MAX_TOKENS: z.coerce.number().int().min(100).max(100_000).default(3_000),
  MAX_BATCH: z.coerce.number().int().min(1).max(50).default(5),
  /** Requests a person may make per second, on average (0: no limit), and at once. */
  RATE_LIMIT_PER_SECOND: z.coerce.number().min(0).max(10_000).default(20),
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).max(100_000).default(100),
  /** Production on the embedded database, whose keys lie beside the data: refused unless set. */
  ALLOW_EMBEDDED_IN_PRODUCTION: flag(false),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
});

/** The gateway's validated configuration. */
export interface GatewayConfig {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  metrics: { host: string; port: number };
  logLevel: z.output<typeof gatewayEnvSchema>["LOG_LEVEL"];
  database: DatabaseConfig;
  auth:
    | { mode: "oidc"; issuer: string; audience: string; jwksUrl: string; maxTokenAgeSeconds: number }
    | { mode: "development"; audience: string; maxTokenAgeSeconds: number };
  persistedOperations: { mode: "off" | "allowed" | "required"; file: string | undefined };
  graphiql: boolean;
  cors: CorsPolicy;
  introspection: IntrospectionMode;
  /** The built reference frontend served under `/app/`, when set. */
  webAppDir: string | undefined;
  auditLog: boolean;
  derivedAnswerCache: boolean;
  reportWorker: boolean;
  /** The nightly retention run beside the report worker (`RETENTION`, `RETENTION_POLICY_FILE`). */
  retention: { enabled: boolean; policyFile: string | undefined };
  /** Controllers whose access-log extracts name people (`ACCESS_LOG_NAMED_CONTROLLERS`). */
  namedControllers: string[];
  limits: {
    maxBodyBytes: number;
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    maxTokens: number;
    maxBatch: number;
    rate: { perSecond: number; burst: number };
  };
  shutdownGraceMs: number;
}

/** Thrown at start-up with every configuration problem listed. */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
  /** One line per problem, each naming its setting. */
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === "string" ? [problems] : problems;
    super(`Invalid configuration: ${list.join("; ")}`);
    this.problems = list;
  }
}

/**
 * Reads and validates the environment once. Nothing else in the gateway touches `process.env`.
 */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const parsed = gatewayEnvSchema.safeParse(env);
  const database = databaseEnvSchema.safeParse(env);
  if (!parsed.success || !database.success) {
    const issues = [...(parsed.error?.issues ?? []), ...(database.error?.issues ?? [])];
    throw new ConfigurationError(issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  const problems: string[] = [];
  if (e.OIDC_ISSUER === undefined && production)
    problems.push("OIDC_ISSUER is required in production: the development issuer is for local use only");
  if (e.PERSISTED_OPERATIONS !== "off" && e.PERSISTED_OPERATIONS_FILE === undefined)
    problems.push(
      `PERSISTED_OPERATIONS=${e.PERSISTED_OPERATIONS} needs PERSISTED_OPERATIONS_FILE: a manifest or a folder of them (apps/gateway/persisted-operations)`,
    );
  if (!e.AUDIT_LOG && (production || e.OIDC_ISSUER !== undefined))
    problems.push("AUDIT_LOG=off is for benchmarks on development data only");
  if (production && database.data.DATABASE_URL === undefined && !e.ALLOW_EMBEDDED_IN_PRODUCTION)
    problems.push(
      "DATABASE_URL is required in production: the embedded database keeps its keys beside the data (set ALLOW_EMBEDDED_IN_PRODUCTION=true to run on it anyway)",
    );
  if (problems.length > 0) throw new ConfigurationError(problems);
  const auth: GatewayConfig["auth"] =
    e.OIDC_ISSUER === undefined
      ? { mode: "development", audience: e.OIDC_AUDIENCE, maxTokenAgeSeconds: e.OIDC_MAX_TOKEN_AGE }
      : {
          mode: "oidc",
          maxTokenAgeSeconds: e.OIDC_MAX_TOKEN_AGE,
          issuer: e.OIDC_ISSUER,
          audience: e.OIDC_AUDIENCE,
          jwksUrl:
            e.OIDC_JWKS_URL ??
            new URL(
              ".well-known/jwks.json",
              e.OIDC_ISSUER.endsWith("/") ? e.OIDC_ISSUER : `${e.OIDC_ISSUER}/`,
            ).toString(),
        };
  return {
    nodeEnv: e.NODE_ENV,
    port: e.PORT,
    host: e.HOST,
    metrics: { host: e.METRICS_HOST, port: e.METRICS_PORT },
    logLevel: e.LOG_LEVEL,
    database: parseDatabaseConfig(env),
    auth,
    persistedOperations: { mode: e.PERSISTED_OPERATIONS, file: e.PERSISTED_OPERATIONS_FILE },
    graphiql: e.GRAPHIQL && !production,
    introspection: e.INTROSPECTION,
    cors: e.CORS_ORIGINS ?? { loopback: !production, origins: [] },
    webAppDir: e.WEB_APP_DIR,
    auditLog: e.AUDIT_LOG,
    derivedAnswerCache: e.DERIVED_ANSWER_CACHE,
    reportWorker: e.REPORT_WORKER,
    retention: { enabled: e.RETENTION, policyFile: e.RETENTION_POLICY_FILE },
    namedControllers: e.ACCESS_LOG_NAMED_CONTROLLERS,
    limits: {
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxCost: e.MAX_COST,
      maxTokens: e.MAX_TOKENS,
      maxBatch: e.MAX_BATCH,
      rate: { perSecond: e.RATE_LIMIT_PER_SECOND, burst: e.RATE_LIMIT_BURST },
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
}
