import { DatabaseLockedError, isConnectionError, KeyConfigurationError } from "@ankkuri/db";
import { ConfigurationError } from "./env.js";

/** The pnpm the project pins, as a fresh machine runs it (no global install needed). */
export const pnpmCommand = "npx -y pnpm@10.34.9";

/**
 * What to print when the gateway cannot start: one line per problem, naming the setting or what
 * was unreachable, never a stack trace or a source excerpt (nor a database password).
 */
export function startFailureLines(error: unknown): string[] {
  if (error instanceof ConfigurationError || error instanceof KeyConfigurationError) return [...error.problems];
  if (error instanceof DatabaseLockedError) return [error.message];
  if (isConnectionError(error)) {
    const code = codeOf(error);
    return [
      `the database cannot be reached${code ? ` (${code})` : ""}: check DATABASE_URL and that PostgreSQL is running`,
    ];
  }
  const code = codeOf(error);
  if (code === "EADDRINUSE" || code === "EACCES") {
    const { port, address } = error as { port?: number; address?: string };
    return [
      `${address ?? "the address"}:${String(port ?? "")} ${code === "EADDRINUSE" ? "is already in use" : "may not be used by this user"}: set PORT (and METRICS_PORT) to a free port`,
    ];
  }
  const message = error instanceof Error ? error.message : String(error);
  return [`could not start: ${message.split("\n")[0] ?? ""}`];
}

function codeOf(error: unknown): string | undefined {
  for (let e: unknown = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === "string") return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What the start banner says: where everything is, and what to run next. */
export interface Banner {
  readyMs: number;
  node: string;
  graphql: string;
  graphiql: boolean;
  /** The reference frontend's address, when this gateway serves it. */
  webApp: string | null;
  health: string;
  metrics: string;
  database: { engine: "pglite" | "postgres"; dataDir: string };
  /** The development issuer's default user, when there is one. */
  developmentLogin: string | null;
  issuer: string | null;
  /** DATA_DIR as the user set it (repeated in the hints), or undefined for the default. */
  dataDirSetting: string | undefined;
}

/** The banner for a person at a terminal (written to stderr, so stdout stays for data). */
export function bannerLines(b: Banner): string[] {
  const dataDirPrefix = b.dataDirSetting === undefined ? "" : `DATA_DIR=${b.dataDirSetting} `;
  const lines = [
    "",
    `Ankkuri gateway ready in ${(b.readyMs / 1000).toFixed(1)} s (Node.js ${b.node})`,
    `  GraphQL:   ${b.graphql}${b.graphiql ? "  (open it in a browser for GraphiQL)" : ""}`,
    ...(b.webApp ? [`  Web app:   ${b.webApp}  (the reference frontend; sign in as a fictional user)`] : []),
    `  Health:    ${b.health}    Metrics: ${b.metrics}`,
    `  Database:  ${b.database.engine === "pglite" ? `embedded, in ${b.database.dataDir}` : "PostgreSQL (DATABASE_URL)"}`,
  ];
  if (b.developmentLogin) {
    lines.push(
      "",
      "Authentication: every request needs `Authorization: Bearer <token>` (development issuer, fictional users).",
      ...(b.graphiql ? [`  GraphiQL is signed in as ${b.developmentLogin} (police officer).`] : []),
      `  List the users:        ${dataDirPrefix}${pnpmCommand} dev-token`,
      `  Token for one of them: ${dataDirPrefix}${pnpmCommand} -s dev-token <login>`,
      "",
      "Try it:",
      `  TOKEN=$(${dataDirPrefix}${pnpmCommand} -s dev-token ${b.developmentLogin})`,
      `  curl -s ${b.graphql} -H "Authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"query":"{ viewer { name roles } }"}'`,
    );
  } else {
    lines.push("", `Authentication: bearer tokens of ${b.issuer ?? "the configured issuer"}.`);
  }
  if (b.database.engine === "pglite")
    lines.push(
      "",
      "Demo cases: stop the gateway (Ctrl-C), then load synthetic ones into the same folder and start again:",
      `  ${dataDirPrefix}${pnpmCommand} db:synth --scale 1 && ${dataDirPrefix}${pnpmCommand} start`,
    );
  return [...lines, "", ""];
}

/**
 * The banner as one JSON log line's fields, for a log collector or a start whose output goes to a
 * file (stdout not a terminal): where everything is, and how to authenticate.
 */
export function bannerFields(b: Banner): Record<string, unknown> {
  const dataDirPrefix = b.dataDirSetting === undefined ? "" : `DATA_DIR=${b.dataDirSetting} `;
  return {
    readyMs: Math.round(b.readyMs),
    node: b.node,
    graphql: b.graphql,
    ...(b.webApp ? { webApp: b.webApp } : {}),
    health: b.health,
    metrics: b.metrics,
    database: b.database.engine === "pglite" ? `embedded:${b.database.dataDir}` : "postgres",
    authentication: b.developmentLogin
      ? `Authorization: Bearer <token>; a fictional user's token: ${dataDirPrefix}${pnpmCommand} -s dev-token ${b.developmentLogin} (the users: ${dataDirPrefix}${pnpmCommand} dev-token)`
      : `Authorization: Bearer <token> of ${b.issuer ?? "the configured issuer"}`,
  };
}
