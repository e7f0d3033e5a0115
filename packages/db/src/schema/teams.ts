import type { AccessRole } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import { bigint, check, index, primaryKey, snakeCase, text } from "drizzle-orm/pg-core";
import { rowVersion, timestamps } from "./columns.js";
import { organisations } from "./organisations.js";

/** Ankkuri teams: one per agreement and police department area. */
export const teams = snakeCase.table(
  "teams",
  {
    id: text().primaryKey(),
    code: text().notNull().unique(),
    nameFi: text().notNull(),
    nameSv: text().notNull(),
    nameEn: text().notNull(),
    policeDepartmentId: text()
      .notNull()
      .references(() => organisations.id),
    version: rowVersion(),
    /**
     * Changes whenever anything in the team's dataset does (organisations, agreement, staff, bodies):
     * triggers bump it, so a process may cache the dataset and check one number per request.
     */
    datasetVersion: bigint({ mode: "number" }).notNull().default(1),
    ...timestamps(),
  },
  (t) => [check("teams_code_check", sql`${t.code} ~ '^[a-z][a-z0-9-]{1,39}$'`)],
);

/**
 * People who sign in: staff of the team and those with other roles (auditors, leadership,
 * administrators). Seeded users are fictional; the development token issuer signs tokens for them.
 */
export const users = snakeCase.table(
  "users",
  {
    teamId: text()
      .notNull()
      .references(() => teams.id),
    login: text().notNull(),
    displayName: text().notNull(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    roles: text().$type<AccessRole>().array().notNull(),
    staffId: text(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.login] }),
    index().on(t.organisationId),
    check("users_login_check", sql`${t.login} ~ '^[a-z0-9._-]{2,64}$'`),
  ],
);
