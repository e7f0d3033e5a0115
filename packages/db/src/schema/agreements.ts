import { partyRoles, professions, signatureMethods } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  primaryKey,
  snakeCase,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { day, oneOf, rowVersion, teamId, timestamps } from "./columns.js";
import { organisations } from "./organisations.js";
import { teams } from "./teams.js";

type Localised = { fi: string; sv: string; en: string };

/** The cooperation agreement of a team (one per team). Its terms live in versions. */
export const agreements = snakeCase.table(
  "agreements",
  {
    teamId: teamId().references(() => teams.id),
    id: text().notNull(),
    oid: text().notNull(),
    title: jsonb().notNull().$type<Localised>(),
    description: jsonb().notNull().$type<Localised>(),
    startsOn: day().notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.id] }), unique("agreements_team_unique").on(t.teamId)],
);

/** One version of the terms. Append-only: a trigger refuses updates and deletes (see migrations). */
export const agreementVersions = snakeCase.table(
  "agreement_versions",
  {
    teamId: teamId(),
    agreementId: text().notNull(),
    number: integer().notNull(),
    effectiveFrom: day().notNull(),
    decidedOn: day().notNull(),
    summary: jsonb().notNull().$type<Localised>(),
    noticePeriodMonths: integer().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.agreementId, t.number] }),
    foreignKey({ columns: [t.teamId, t.agreementId], foreignColumns: [agreements.teamId, agreements.id] }),
    check("agreement_versions_number_check", sql`${t.number} > 0`),
    check("agreement_versions_notice_check", sql`${t.noticePeriodMonths} between 0 and 60`),
    check("agreement_versions_decided_check", sql`${t.decidedOn} <= ${t.effectiveFrom}`),
  ],
);

const versionKey = { teamId: teamId(), agreementId: text().notNull(), versionNumber: integer().notNull() };

/** A party of one version, its role and contact person, and whether it approves joinings / is essential. */
export const agreementParties = snakeCase.table(
  "agreement_parties",
  {
    ...versionKey,
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    position: integer().notNull(),
    role: text().notNull().$type<(typeof partyRoles)[number]>(),
    contactName: text().notNull(),
    contactTitle: text().notNull(),
    contactEmail: text(),
    contactPhone: text(),
    joiningApprover: boolean().notNull().default(false),
    essential: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.agreementId, t.versionNumber, t.organisationId] }),
    foreignKey({
      columns: [t.teamId, t.agreementId, t.versionNumber],
      foreignColumns: [agreementVersions.teamId, agreementVersions.agreementId, agreementVersions.number],
    }),
    check("agreement_parties_role_check", oneOf(t.role, partyRoles)),
  ],
);

/** A unit staffing the team in one version, under one of its parties. */
export const agreementTeamUnits = snakeCase.table(
  "agreement_team_units",
  {
    ...versionKey,
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    partyId: text().notNull(),
    position: integer().notNull(),
    professions: text().$type<(typeof professions)[number]>().array().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.agreementId, t.versionNumber, t.organisationId] }),
    foreignKey({
      columns: [t.teamId, t.agreementId, t.versionNumber, t.partyId],
      foreignColumns: [
        agreementParties.teamId,
        agreementParties.agreementId,
        agreementParties.versionNumber,
        agreementParties.organisationId,
      ],
    }),
  ],
);

/** FTE target of a staffing unit in one version (003 § 5). */
export const fteTargets = snakeCase.table(
  "fte_targets",
  {
    ...versionKey,
    organisationId: text().notNull(),
    position: integer().notNull(),
    profession: text().notNull().$type<(typeof professions)[number]>(),
    fte: numeric({ precision: 6, scale: 2, mode: "number" }).notNull(),
    namedFte: numeric({ precision: 6, scale: 2, mode: "number" }),
    supervisors: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.agreementId, t.versionNumber, t.organisationId] }),
    foreignKey({
      columns: [t.teamId, t.agreementId, t.versionNumber, t.organisationId],
      foreignColumns: [
        agreementTeamUnits.teamId,
        agreementTeamUnits.agreementId,
        agreementTeamUnits.versionNumber,
        agreementTeamUnits.organisationId,
      ],
    }),
    check("fte_targets_fte_check", sql`${t.fte} > 0 and (${t.namedFte} is null or ${t.namedFte} >= ${t.fte})`),
    check("fte_targets_profession_check", oneOf(t.profession, professions)),
    check("fte_targets_supervisors_check", sql`${t.supervisors} between 0 and 10`),
  ],
);

/** An electronic signature of a version by a party's representative. */
export const signatures = snakeCase.table(
  "signatures",
  {
    ...versionKey,
    id: text().notNull(),
    signerName: text().notNull(),
    signerTitle: text().notNull(),
    organisationId: text().notNull(),
    method: text().notNull().$type<(typeof signatureMethods)[number]>(),
    signedAt: timestamp({ withTimezone: true, mode: "string" }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({
      columns: [t.teamId, t.agreementId, t.versionNumber, t.organisationId],
      foreignColumns: [
        agreementParties.teamId,
        agreementParties.agreementId,
        agreementParties.versionNumber,
        agreementParties.organisationId,
      ],
    }),
    check("signatures_method_check", oneOf(t.method, signatureMethods)),
  ],
);

/** A joint decision admitting another authority's representatives to the team (003 § 2). */
export const joiningDecisions = snakeCase.table(
  "joining_decisions",
  {
    teamId: teamId(),
    id: text().notNull(),
    agreementId: text().notNull(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    effectiveFrom: day().notNull(),
    description: text().notNull(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ columns: [t.teamId, t.agreementId], foreignColumns: [agreements.teamId, agreements.id] }),
  ],
);

/** One approver's approval of a joining decision. */
export const joiningApprovals = snakeCase.table(
  "joining_approvals",
  {
    teamId: teamId(),
    decisionId: text().notNull(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    approvedOn: day().notNull(),
    reference: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.decisionId, t.organisationId] }),
    foreignKey({
      columns: [t.teamId, t.decisionId],
      foreignColumns: [joiningDecisions.teamId, joiningDecisions.id],
    }).onDelete("cascade"),
  ],
);

/** A party's notice of termination; at most one per party. */
export const notices = snakeCase.table(
  "notices",
  {
    teamId: teamId(),
    id: text().notNull(),
    agreementId: text().notNull(),
    partyId: text()
      .notNull()
      .references(() => organisations.id),
    givenOn: day().notNull(),
    reference: text().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    unique("notices_one_per_party").on(t.teamId, t.agreementId, t.partyId),
    foreignKey({ columns: [t.teamId, t.agreementId], foreignColumns: [agreements.teamId, agreements.id] }),
    index().on(t.teamId, t.agreementId, t.givenOn),
  ],
);
