import { assignmentRoles, clearanceScopes, professions } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import { boolean, check, foreignKey, index, numeric, primaryKey, snakeCase, text, unique } from "drizzle-orm/pg-core";
import { day, oneOf, rowVersion, teamId, timestamps } from "./columns.js";
import { organisations } from "./organisations.js";
import { teams } from "./teams.js";

/** A member of a team's staff (fictional people in seed and synthetic data). */
export const staff = snakeCase.table(
  "staff",
  {
    teamId: teamId().references(() => teams.id),
    id: text().notNull(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    profession: text().notNull().$type<(typeof professions)[number]>(),
    givenName: text().notNull(),
    familyName: text().notNull(),
    title: text().notNull(),
    login: text().notNull(),
    policeMailAccount: boolean().notNull().default(false),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    unique("staff_login_unique").on(t.teamId, t.login),
    index().on(t.teamId, t.organisationId),
    check("staff_profession_check", oneOf(t.profession, professions)),
  ],
);

/**
 * An assignment of a person to the team. Besides these checks, the database refuses a person above
 * 1.0 FTE on any day (a trigger) and two operational supervisors on one day (an exclusion
 * constraint); both are in the constraints migration.
 */
export const assignments = snakeCase.table(
  "assignments",
  {
    teamId: teamId(),
    id: text().notNull(),
    staffId: text().notNull(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    fraction: numeric({ precision: 3, scale: 2, mode: "number" }).notNull(),
    validFrom: day().notNull(),
    validTo: day(),
    role: text().notNull().default("member").$type<(typeof assignmentRoles)[number]>(),
    needsPremisesAccess: boolean().notNull().default(true),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ columns: [t.teamId, t.staffId], foreignColumns: [staff.teamId, staff.id] }),
    index().on(t.teamId, t.staffId, t.validFrom),
    index().on(t.teamId, t.organisationId, t.validFrom),
    check("assignments_fraction_check", sql`${t.fraction} > 0 and ${t.fraction} <= 1`),
    check("assignments_interval_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
    check("assignments_role_check", oneOf(t.role, assignmentRoles)),
  ],
);

/** A security clearance requested by the police for a city employee (003 § 7). */
export const securityClearances = snakeCase.table(
  "security_clearances",
  {
    teamId: teamId(),
    id: text().notNull(),
    staffId: text().notNull(),
    scope: text().notNull().$type<(typeof clearanceScopes)[number]>(),
    requestedById: text()
      .notNull()
      .references(() => organisations.id),
    requestedOn: day().notNull(),
    grantedOn: day(),
    deniedOn: day(),
    validUntil: day(),
    revokedOn: day(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ columns: [t.teamId, t.staffId], foreignColumns: [staff.teamId, staff.id] }),
    index().on(t.teamId, t.staffId),
    check("security_clearances_scope_check", oneOf(t.scope, clearanceScopes)),
    check("security_clearances_outcome_check", sql`${t.grantedOn} is null or ${t.deniedOn} is null`),
    check(
      "security_clearances_dates_check",
      sql`(${t.grantedOn} is null or ${t.grantedOn} >= ${t.requestedOn}) and (${t.validUntil} is null or (${t.grantedOn} is not null and ${t.validUntil} >= ${t.grantedOn}))`,
    ),
  ],
);

/** A personal, restricted access right to the police premises. */
export const premisesAccess = snakeCase.table(
  "premises_access",
  {
    teamId: teamId(),
    id: text().notNull(),
    staffId: text().notNull(),
    validFrom: day().notNull(),
    validTo: day(),
    areas: text().notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ columns: [t.teamId, t.staffId], foreignColumns: [staff.teamId, staff.id] }),
    index().on(t.teamId, t.staffId),
    check("premises_access_interval_check", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);
