import { createServer } from "node:net";
import { join } from "node:path";
import { type ManagedProcess, startTypeScript, workspacePath } from "@ankkuri/processes";
import type { KeyEnv } from "./bench-database.js";
import { BenchError } from "./errors.js";

/** A server process under test. */
export interface Server {
  child: ManagedProcess;
  url: string;
  /** Milliseconds from spawn to the first answer. */
  readyMs: number;
  /** A gateway's: the tokens it accepts for the users the bench asks as. */
  tokens?: Tokens;
}

/** Tokens of the two users the bench asks as. */
export interface Tokens {
  caseworker: string;
  leadership: string;
}

/** Settings that make a gateway trust an issuer, and the tokens it then accepts. */
export interface GatewayAuth {
  env: Record<string, string>;
  tokens: Tokens;
}

/**
 * How the bench's gateways authenticate. `production`: as deployed, trusting the bench's local
 * issuer (`local-issuer.ts`). `development`: the development issuer of a data folder, the only
 * set-up in which the gateway runs without its audit log (the comparisons that switch it off).
 */
export interface BenchAuth {
  production: GatewayAuth;
  development: GatewayAuth;
}

const gatewayMain = workspacePath("apps/gateway/src/main.ts");
const floorMain = workspacePath("apps/bench/src/floor/floor-server.ts");
const bareGraphqlMain = workspacePath("apps/bench/src/floor/bare-graphql-server.ts");
const caseFromMemoryMain = workspacePath("apps/bench/src/floor/case-from-memory-server.ts");
const postgraphileMain = workspacePath("apps/bench/src/postgraphile/postgraphile-server.ts");
const gatewaySchema = workspacePath("apps/gateway/schema.graphql");

/** POSTs a GraphQL request; the parsed answer. */
export async function graphql(
  url: string,
  body: string,
  token?: string,
): Promise<{ status: number; json: { data?: unknown; errors?: { message: string }[] } }> {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  });
  return { status: res.status, json: (await res.json()) as { data?: unknown; errors?: { message: string }[] } };
}

/** Answers `{ __typename }`: the gateway serves queries (database open, schema built). */
export async function answersQueries(url: string): Promise<boolean> {
  const { status, json } = await graphql(url, JSON.stringify({ query: "{ __typename }" }));
  return status === 200 && json.errors === undefined;
}

/** A free loopback TCP port (free when asked; the child binds it shortly after). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  await new Promise<void>((done) =>
    server.close(() => {
      done();
    }),
  );
  if (address === null || typeof address === "string") throw new BenchError("process", "no free port");
  return address.port;
}

/**
 * Polls `probe` until it answers true; fails when the child exits first or after `timeoutMs`.
 * Returns the milliseconds from `since` (a `performance.now()`) to the first true answer.
 */
async function waitUntil(
  child: ManagedProcess,
  probe: () => Promise<boolean>,
  options: { since: number; timeoutMs: number; intervalMs?: number },
): Promise<number> {
  for (;;) {
    if (!child.running())
      throw new BenchError(
        "process",
        `${child.name} exited (${String(await child.exited)}) before it answered (see its log in bench-results)`,
      );
    const ok = await probe().catch(() => false);
    const now = performance.now();
    if (ok) return now - options.since;
    if (now - options.since > options.timeoutMs)
      throw new BenchError("process", `${child.name} did not answer within ${String(options.timeoutMs / 1000)} s`);
    await new Promise((done) => setTimeout(done, options.intervalMs ?? 50));
  }
}

/**
 * Starts a server entry point with `env` and a free loopback port (given as PORT); waits until
 * `ready` answers true for its URL. Its output goes to `<logDir>/<name>.log`.
 */
async function startServer(
  name: string,
  entry: string,
  env: Record<string, string>,
  logDir: string,
  ready: (url: string) => Promise<boolean>,
  timeoutMs: number,
  node?: string,
): Promise<Server> {
  const port = await freePort();
  const since = performance.now();
  const child = startTypeScript(entry, {
    env: { NODE_ENV: "development", ...env, PORT: String(port) },
    logFile: join(logDir, `${name}.log`),
    name,
    ...(node === undefined ? {} : { node }),
  });
  const url = `http://127.0.0.1:${String(port)}`;
  const readyMs = await waitUntil(child, () => ready(url), { since, timeoutMs });
  return { child, url, readyMs };
}

/**
 * Starts the gateway (tsx on its main module, or `entry`: the bundle `pnpm start` runs) with `env` and
 * a free port; waits until it answers a query. PostgreSQL when `env` has DATABASE_URL, otherwise
 * embedded in DATA_DIR. On the workspace's Node.js unless `node` names another binary.
 */
export async function startGateway(
  name: string,
  env: Record<string, string>,
  logDir: string,
  options: { timeoutMs?: number; node?: string; entry?: string; tokens?: Tokens } = {},
): Promise<Server> {
  const server = await startServer(
    name,
    options.entry ?? gatewayMain,
    // Metrics on any free port (several gateways run side by side); no rate limit: the load is one person's.
    { HOST: "127.0.0.1", METRICS_PORT: "0", RATE_LIMIT_PER_SECOND: "0", LOG_LEVEL: "warn", GRAPHIQL: "off", ...env },
    logDir,
    answersQueries,
    options.timeoutMs ?? 120_000,
    options.node,
  );
  return options.tokens ? { ...server, tokens: options.tokens } : server;
}

/**
 * Starts PostGraphile 5 on `node` (it needs 22 or later) with a pool of 10 on `databaseUrl`: as it
 * comes, or with `jwtSecret` its JWT and row-level security setup (connect as the authenticator role).
 */
export function startPostgraphile(
  name: string,
  databaseUrl: string,
  logDir: string,
  node: string,
  jwtSecret?: string,
): Promise<Server> {
  return startServer(
    name,
    postgraphileMain,
    {
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: "10",
      NODE_ENV: "production",
      GRAPHILE_ENV: "production",
      ...(jwtSecret === undefined ? {} : { JWT_SECRET: jwtSecret }),
    },
    logDir,
    answersQueries,
    120_000,
    node,
  );
}

/**
 * A gateway on a bench database, no report worker: with the audit log, as deployed (production,
 * the local issuer); without it, on the development issuer, since production refuses to run so.
 */
export function gatewaySetup(
  databaseUrl: string,
  keys: KeyEnv,
  auth: BenchAuth,
  audit: boolean,
): { env: Record<string, string>; tokens: Tokens } {
  const { env, tokens } = audit ? auth.production : auth.development;
  return {
    env: { DATABASE_URL: databaseUrl, REPORT_WORKER: "off", AUDIT_LOG: audit ? "on" : "off", ...keys, ...env },
    tokens,
  };
}

/** Starts the floor server on a free port with `databaseUrl`. */
export function startFloor(name: string, databaseUrl: string, logDir: string): Promise<Server> {
  return startServer(
    name,
    floorMain,
    { DATABASE_URL: databaseUrl, DATABASE_POOL_SIZE: "10" },
    logDir,
    async (url) => (await fetch(`${url}/health`)).ok,
    60_000,
  );
}

/** Starts graphql-yoga with no plugins and a one-field schema on a free port (the framework's floor). */
export function startBareGraphql(name: string, logDir: string): Promise<Server> {
  return startServer(name, bareGraphqlMain, {}, logDir, answersQueries, 60_000);
}

/**
 * Starts graphql-yoga with the gateway's committed schema and no plugins, answering the case query
 * from `answersFile` (answers keyed by case id), on a free port.
 */
export function startCaseFromMemory(name: string, answersFile: string, logDir: string): Promise<Server> {
  return startServer(
    name,
    caseFromMemoryMain,
    { ANSWERS_FILE: answersFile, SCHEMA_FILE: gatewaySchema },
    logDir,
    answersQueries,
    60_000,
  );
}
