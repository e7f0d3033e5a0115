import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Database, loadTeamDataset, schema } from "@ankkuri/db";
import { type LocalDate, resolveActor } from "@ankkuri/domain";
import { z } from "zod";

/** The login GraphiQL is signed in as by default in development (a fictional police officer). */
export const defaultDevelopmentLogin = "maria.jarvinen";

/** A person of the database as the development issuer lists them, with what they may do on the day. */
export interface DevelopmentUser {
  teamId: string;
  teamCode: string;
  login: string;
  name: string;
  /** Roles and organisation on the day, or why there are none (`resolveActor`). */
  roles: string[];
  organisationId: string | null;
  refusal: string | null;
}

const developmentUserSchema = z.object({
  teamId: z.string(),
  teamCode: z.string(),
  login: z.string(),
  name: z.string(),
  roles: z.array(z.string()),
  organisationId: z.string().nullable(),
  refusal: z.string().nullable(),
});

const directorySchema = z.object({
  pid: z.number().int(),
  writtenOn: z.string(),
  users: z.array(developmentUserSchema),
});

/** Every user of every team in the database, with their roles on `day`. */
export async function developmentUsers(db: Database, day: LocalDate): Promise<DevelopmentUser[]> {
  const teams = await db
    .select({ id: schema.teams.id, code: schema.teams.code })
    .from(schema.teams)
    .orderBy(schema.teams.id);
  const users: DevelopmentUser[] = [];
  for (const team of teams) {
    const dataset = await loadTeamDataset(db, team.id);
    for (const u of dataset?.users ?? []) {
      const actor = dataset ? resolveActor(dataset, u.login, day) : null;
      users.push({
        teamId: team.id,
        teamCode: team.code,
        login: u.login,
        name: u.displayName,
        roles: actor?.ok ? actor.value.roles : [],
        organisationId: actor?.ok ? actor.value.organisationId : null,
        refusal: actor && !actor.ok ? actor.error : null,
      });
    }
  }
  return users;
}

const directoryFile = (dataDir: string) => join(dataDir, "dev-users.json");

/**
 * A running development gateway writes its database's users beside the embedded database, so that
 * `pnpm dev-token` can sign only people who exist without opening a database another process holds.
 */
export function writeDevelopmentDirectory(dataDir: string, users: readonly DevelopmentUser[], day: LocalDate): void {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const file = directoryFile(dataDir);
  writeFileSync(file, JSON.stringify({ pid: process.pid, writtenOn: day, users }), { mode: 0o600 });
  chmodSync(file, 0o600);
}

/** The users a gateway still running on `dataDir` wrote; null when none is running. */
export function runningGatewayUsers(dataDir: string): DevelopmentUser[] | null {
  const file = directoryFile(dataDir);
  if (!existsSync(file)) return null;
  const parsed = directorySchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) return null;
  try {
    process.kill(parsed.data.pid, 0);
  } catch {
    return null;
  }
  return parsed.data.users;
}
