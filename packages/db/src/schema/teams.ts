import {
  defaultReportLanguages,
  type GrantedRole,
  grantedRoles,
  type ReportLanguage,
  reportLanguages,
} from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import { bigint, check, foreignKey, index, primaryKey, snakeCase, text } from "drizzle-orm/pg-core";
import { day, nonEmptySetOf, oneOf, rowVersion, timestamps } from "./columns.js";
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
    /**
     * The languages the team's scheduled reports are produced in (`reportLanguagesSchema`): each
     * report once per language. Helsinki, officially bilingual, has Finnish and Swedish.
     */
    reportLanguages: text()
      .$type<ReportLanguage>()
      .array()
      .notNull()
      .default([...defaultReportLanguages]),
    version: rowVersion(),
    /**
     * Changes whenever anything in the team's dataset does (organisations, agreement, staff, bodies):
     * triggers bump it, so a process may cache the dataset and check one number per request.
     */
    datasetVersion: bigint({ mode: "number" }).notNull().default(1),
    ...timestamps(),
  },
  (t) => [
    check("teams_code_check", sql`${t.code} ~ '^[a-z][a-z0-9-]{1,39}$'`),
    check("teams_report_languages_check", nonEmptySetOf(t.reportLanguages, reportLanguages)),
  ],
);

/**
 * People who sign in: staff of the team and those with other roles (auditors, leadership,
 * administrators). An account says who someone is; what they may do on a day comes from their staff
 * assignments and role assignments in force (`resolveActor`), never from a token. Seeded users are
 * fictional; the development token issuer signs tokens for them.
 */
export const users = snakeCase.table(
  "users",
  {
    teamId: text()
      .notNull()
      .references(() => teams.id),
    login: text().notNull(),
    displayName: text().notNull(),
    staffId: text(),
    /** The day the account was closed: it signs nobody in from then on. */
    closedOn: day(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.login] }),
    index().on(t.login),
    check("users_login_check", sql`${t.login} ~ '^[a-z0-9._-]{2,64}$'`),
  ],
);

/**
 * A role granted to a login for an interval, acting for an organisation: steering-group member,
 * party leadership, auditor or team administrator. Casework roles come from staff assignments.
 */
export const roleAssignments = snakeCase.table(
  "role_assignments",
  {
    teamId: text()
      .notNull()
      .references(() => teams.id),
    id: text().notNull(),
    login: text().notNull(),
    role: text().notNull().$type<GrantedRole>(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    validFrom: day().notNull(),
    validTo: day(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ columns: [t.teamId, t.login], foreignColumns: [users.teamId, users.login] }),
    index().on(t.teamId, t.login),
    check("role_assignments_role_check", oneOf(t.role, grantedRoles)),
    check("role_assignments_interval_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
