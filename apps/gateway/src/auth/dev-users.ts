import { type Database, schema } from "@ankkuri/db";
import { type Actor, actorSchema } from "@ankkuri/domain";

/** The login GraphiQL is signed in as by default in development (a fictional police officer). */
export const defaultDevelopmentLogin = "maria.jarvinen";

/** Every seeded (fictional) user, as the development issuer signs them. */
export async function developmentUsers(db: Database): Promise<Actor[]> {
  const rows = await db.select().from(schema.users).orderBy(schema.users.teamId, schema.users.login);
  return rows.map((u) =>
    actorSchema.parse({
      login: u.login,
      name: u.displayName,
      teamId: u.teamId,
      organisationId: u.organisationId,
      roles: u.roles,
    }),
  );
}
