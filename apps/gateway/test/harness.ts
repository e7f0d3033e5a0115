import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { generateKeySettings, parseKeyMaterial, seedTeam } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase } from "@ankkuri/db/testing";
import { helsinkiAnkkuri, type TeamDataset } from "@ankkuri/domain";
import { defaultQueueSettings, startReporter } from "@ankkuri/reports";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";
import pino from "pino";
import { developmentIssuerFor, type DevelopmentIssuer } from "../src/auth/dev-issuer.js";
import { localVerifier } from "../src/auth/token-verifier.js";
import { loadGatewayConfig } from "../src/env.js";
import { createGatewayOn, type Gateway, type GatewayOptions } from "../src/gateway.js";
import { listen } from "../src/server.js";

/** A GraphQL response body as the tests read it. */
export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[];
}

/** A gateway on a fresh test database seeded with Helsinki, with a token issuer for its users. */
export interface Harness {
  gateway: Gateway;
  database: TestDatabase;
  issuer: DevelopmentIssuer;
  /** Every SQL statement the database ran since the last `resetQueries()`. */
  queries: string[];
  resetQueries(): void;
  token(login: string): Promise<string>;
  /** POSTs a GraphQL operation as `login` (or anonymously) and returns status and body. */
  gql(
    login: string | null,
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<{ status: number; body: GraphQLBody }>;
  /** Runs a typed operation of `@ankkuri/client` as `login`. */
  request<R, V>(
    login: string | null,
    document: TypedDocumentNode<R, V>,
    variables?: V,
    headers?: Record<string, string>,
  ): Promise<{ status: number; data: R | null | undefined; errors: GraphQLBody["errors"] }>;
  /** The listening server's base URL (http://127.0.0.1:<port>). */
  url: string;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

/** The seeded fictional users by login: a token names only the login; the database says the rest. */
export const users = Object.fromEntries(helsinkiAnkkuri.users.map((u) => [u.login, u]));

/**
 * `reporter: true` runs a real report worker on the same database (polling every second), stopped
 * by `close()`; otherwise requested reports stay queued. `dataset` replaces the Helsinki team's
 * dataset (users included).
 */
export async function startHarness(
  engine: "pglite" | "postgres",
  options: { env?: Record<string, string>; gateway?: GatewayOptions; reporter?: boolean; dataset?: TeamDataset } = {},
): Promise<Harness> {
  const queries: string[] = [];
  const database = await createTestDatabase(engine, { onQuery: (q) => queries.push(q) });
  await seedTeam(database.db, options.dataset ?? helsinkiAnkkuri);
  const dataDir = mkdtempSync(join(tmpdir(), "ankkuri-gw-"));
  const config = loadGatewayConfig({
    NODE_ENV: "test",
    DATA_DIR: dataDir,
    LOG_LEVEL: "silent",
    GRAPHIQL: "off",
    ...options.env,
  });
  const issuer = await developmentIssuerFor(dataDir, config.auth.audience);
  const keys = parseKeyMaterial(generateKeySettings());
  const runtime = { handle: database, keys };
  const reporter = options.reporter
    ? await startReporter(runtime, {
        work: true,
        settings: { ...defaultQueueSettings, pollingIntervalSeconds: 1, retryDelaySeconds: 1 },
        ...(database.url ? { databaseUrl: database.url } : {}),
      })
    : false;
  const gateway = await createGatewayOn(runtime, config, {
    logger: pino({ level: "silent" }),
    verifier: localVerifier({ issuer: issuer.issuer, audience: issuer.audience, jwks: issuer.jwks }),
    reporter,
    ...options.gateway,
  });
  const token = async (login: string) => {
    const user = users[login];
    if (!user) throw new Error(`no user ${login}`);
    return issuer.sign({ login: user.login, name: user.displayName });
  };
  // Over HTTP against the listening server, as a frontend would call it.
  const server = await listen(gateway.yoga, { host: "127.0.0.1", port: 0, logger: pino({ level: "silent" }) });
  const gql: Harness["gql"] = async (login, query, variables, headers = {}) => {
    const auth: Record<string, string> = login ? { authorization: `Bearer ${await token(login)}` } : {};
    const response = await fetch(`${server.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", "accept": "application/json", ...auth, ...headers },
      body: JSON.stringify({ query, variables }),
    });
    return { status: response.status, body: (await response.json()) as never };
  };
  return {
    gateway,
    database,
    issuer,
    queries,
    resetQueries: () => queries.splice(0),
    token,
    gql,
    async request(login, document, variables, headers) {
      const result = await gql(login, print(document), variables as Record<string, unknown> | undefined, headers);
      return { status: result.status, data: result.body.data as never, errors: result.body.errors };
    },
    url: server.url,
    fetch: (path, init = {}) => fetch(`${server.url}${path}`, init),
    async close() {
      await server.close(1_000);
      if (reporter) await reporter.stop();
      await gateway.close();
      await database.dispose();
    },
  };
}
