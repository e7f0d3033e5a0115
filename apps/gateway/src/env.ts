import { databaseEnvSchema, parseDatabaseConfig, type DatabaseConfig } from "@ankkuri/db";
import { z } from "zod";

const flag = (fallback: boolean) =>
  z
    .enum(["on", "off", "true", "false", "1", "0"])
    .optional()
    .transform((v) => (v === undefined ? fallback : v === "on" || v === "true" || v === "1"));

const gatewayEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().min(1).default("127.0.0.1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** OpenID Connect issuer of real tokens; without it the local development issuer signs tokens. */
  OIDC_ISSUER: z.url().optional(),
  OIDC_AUDIENCE: z.string().min(1).default("ankkuri-gateway"),
  OIDC_JWKS_URL: z.url().optional(),
  /** `required`: only operations registered in the persisted-operations file run. */
  PERSISTED_OPERATIONS: z.enum(["off", "allowed", "required"]).default("off"),
  PERSISTED_OPERATIONS_FILE: z.string().optional(),
  GRAPHIQL: flag(true),
  /** Benchmarks only: writes no audit log. Refused in production and with a real issuer. */
  AUDIT_LOG: flag(true),
  /** Serves the chair calendar and FTE dashboard again from answers computed on the same team dataset. */
  DERIVED_ANSWER_CACHE: flag(true),
  /** Runs the report worker in this process (always, on the embedded database). */
  REPORT_WORKER: flag(true),
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
  SHUTDOWN_GRACE_MS: z.coerce.number().int().min(0).max(120_000).default(10_000),
});

/** The gateway's validated configuration. */
export interface GatewayConfig {
  nodeEnv: "development" | "production" | "test";
  port: number;
  host: string;
  logLevel: z.output<typeof gatewayEnvSchema>["LOG_LEVEL"];
  database: DatabaseConfig;
  auth: { mode: "oidc"; issuer: string; audience: string; jwksUrl: string } | { mode: "development"; audience: string };
  persistedOperations: { mode: "off" | "allowed" | "required"; file: string | undefined };
  graphiql: boolean;
  auditLog: boolean;
  derivedAnswerCache: boolean;
  reportWorker: boolean;
  /** Controllers whose access-log extracts name people (`ACCESS_LOG_NAMED_CONTROLLERS`). */
  namedControllers: string[];
  limits: {
    maxBodyBytes: number;
    maxDepth: number;
    maxAliases: number;
    maxCost: number;
    maxTokens: number;
    maxBatch: number;
  };
  shutdownGraceMs: number;
}

/** Thrown at start-up with every configuration problem listed. */
export class ConfigurationError extends Error {
  override readonly name = "ConfigurationError";
}

/**
 * Reads and validates the environment once. Nothing else in the gateway touches `process.env`.
 */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const parsed = gatewayEnvSchema.safeParse(env);
  const database = databaseEnvSchema.safeParse(env);
  if (!parsed.success || !database.success) {
    const issues = [...(parsed.error?.issues ?? []), ...(database.error?.issues ?? [])];
    throw new ConfigurationError(
      `Invalid configuration: ${issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  }
  const e = parsed.data;
  const production = e.NODE_ENV === "production";
  if (e.OIDC_ISSUER === undefined && production)
    throw new ConfigurationError("OIDC_ISSUER is required in production: the development issuer is for local use only");
  if (!e.AUDIT_LOG && (production || e.OIDC_ISSUER !== undefined))
    throw new ConfigurationError("AUDIT_LOG=off is for benchmarks on development data only");
  const auth: GatewayConfig["auth"] =
    e.OIDC_ISSUER === undefined
      ? { mode: "development", audience: e.OIDC_AUDIENCE }
      : {
          mode: "oidc",
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
    logLevel: e.LOG_LEVEL,
    database: parseDatabaseConfig(env),
    auth,
    persistedOperations: { mode: e.PERSISTED_OPERATIONS, file: e.PERSISTED_OPERATIONS_FILE },
    graphiql: e.GRAPHIQL && !production,
    auditLog: e.AUDIT_LOG,
    derivedAnswerCache: e.DERIVED_ANSWER_CACHE,
    reportWorker: e.REPORT_WORKER,
    namedControllers: e.ACCESS_LOG_NAMED_CONTROLLERS,
    limits: {
      maxBodyBytes: e.MAX_BODY_BYTES,
      maxDepth: e.MAX_DEPTH,
      maxAliases: e.MAX_ALIASES,
      maxCost: e.MAX_COST,
      maxTokens: e.MAX_TOKENS,
      maxBatch: e.MAX_BATCH,
    },
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
  };
}
