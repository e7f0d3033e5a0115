import { existsSync } from "node:fs";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { openRuntime } from "@ankkuri/db";
import { developmentIssuerFor } from "../auth/dev-issuer.js";
import { type DevelopmentUser, developmentUsers, runningGatewayUsers } from "../auth/dev-users.js";
import { helsinkiDay } from "../context.js";
import { loadGatewayConfig } from "../env.js";

// `pnpm dev-token [--team <team>]` lists the users of the database; `pnpm dev-token <login>` prints a
// bearer token for one of them. Only people the database holds are signed: a running gateway's list
// is read from its data folder; otherwise the database is opened for the moment it takes.
const config = loadGatewayConfig();
if (config.auth.mode !== "development") {
  process.stderr.write("dev-token is refused: a real issuer (OIDC_ISSUER) is configured. Get tokens from it.\n");
  process.exit(1);
}
const usage = "Usage: pnpm dev-token [<login>] [--team <team id or code>]";
let parsed: ReturnType<typeof parse>;
function parse() {
  return parseArgs({ allowPositionals: true, options: { team: { type: "string" } } });
}
try {
  parsed = parse();
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage}\n`);
  process.exit(2);
}
const login = parsed.positionals[0];
const team = parsed.values.team;
const { dataDir, databaseUrl } = config.database;

async function usersOfDatabase(): Promise<DevelopmentUser[]> {
  const running = runningGatewayUsers(dataDir);
  if (running) return running;
  if (databaseUrl === undefined && !existsSync(join(dataDir, "pglite"))) {
    process.stderr.write(`No database in ${dataDir} yet: start the gateway first (pnpm start).\n`);
    process.exit(1);
  }
  const runtime = await openRuntime(config.database, { warn: () => undefined, migrate: false });
  try {
    return await developmentUsers(runtime.handle.db, helsinkiDay(new Date()));
  } finally {
    await runtime.handle.close();
  }
}

const everyone = await usersOfDatabase();
const teams = [...new Map(everyone.map((u) => [u.teamId, u.teamCode])).entries()];
const inTeam = team === undefined ? everyone : everyone.filter((u) => u.teamId === team || u.teamCode === team);
if (team !== undefined && inTeam.length === 0) {
  process.stderr.write(`No team ${team}. Teams: ${teams.map(([id, code]) => `${code} (${id})`).join(", ")}\n`);
  process.exit(2);
}

if (login === undefined) {
  const shown = team === undefined ? everyone.filter((u) => u.teamId === teams[0]?.[0]) : inTeam;
  process.stdout.write(`Fictional users of team ${shown[0]?.teamCode ?? "-"} (pnpm dev-token <login>):\n`);
  for (const u of shown) {
    const what =
      u.refusal === null ? `${u.roles.join(", ")}  ${u.organisationId ?? ""}` : `(no access today: ${u.refusal})`;
    process.stdout.write(`  ${u.login.padEnd(24)} ${u.name.padEnd(24)} ${what}\n`);
  }
  if (teams.length > 1) {
    process.stdout.write(
      `Other teams (pnpm dev-token --team <code>): ${teams
        .slice(team === undefined ? 1 : 0)
        .map(([, code]) => code)
        .join(", ")}\n`,
    );
  }
} else {
  const matches = inTeam.filter((u) => u.login === login);
  const user = matches[0];
  if (!user) {
    process.stderr.write(`No user ${login}${team ? ` in team ${team}` : ""}. Run pnpm dev-token to list them.\n`);
    process.exit(1);
  }
  if (matches.length > 1) {
    process.stderr.write(
      `${login} has accounts in several teams: name one with --team (${matches.map((m) => m.teamCode).join(", ")}).\n`,
    );
    process.exit(2);
  }
  const issuer = await developmentIssuerFor(dataDir, config.auth.audience, (message) =>
    process.stderr.write(`warning: ${message}\n`),
  );
  const several = everyone.filter((u) => u.login === login).length > 1;
  process.stdout.write(
    `${await issuer.sign({ login: user.login, name: user.name, ...(several ? { teamId: user.teamId } : {}) })}\n`,
  );
}
