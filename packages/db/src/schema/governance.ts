import { bodyKinds, bodyTiers } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  foreignKey,
  index,
  integer,
  jsonb,
  primaryKey,
  snakeCase,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { day, oneOf, rowVersion, teamId, timestamps } from "./columns.js";
import { organisations } from "./organisations.js";
import { teams } from "./teams.js";

type Localised = { fi: string; sv: string; en: string };

export const chairPolicyKinds = ["rotating", "fixed", "unspecified"] as const;

/** A cooperation body: steering group, collegium, coordination group or network. */
export const cooperationBodies = snakeCase.table(
  "cooperation_bodies",
  {
    teamId: teamId().references(() => teams.id),
    id: text().notNull(),
    kind: text().notNull().$type<(typeof bodyKinds)[number]>(),
    tier: text().notNull().$type<(typeof bodyTiers)[number]>(),
    nameFi: text().notNull(),
    nameSv: text().notNull(),
    nameEn: text().notNull(),
    parentBodyId: text(),
    region: text(),
    chairPolicy: text().notNull().$type<(typeof chairPolicyKinds)[number]>(),
    /** Fixed chair, when `chairPolicy` is `fixed`. */
    chairOrganisationId: text().references(() => organisations.id),
    /** Rotation anchor and term length, when `chairPolicy` is `rotating`. */
    rotationAnchor: day(),
    rotationTermMonths: integer(),
    tasks: jsonb().notNull().default([]).$type<Localised[]>(),
    legalBasis: text()
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    ageMin: integer(),
    ageMax: integer(),
    ageNote: text(),
    annualClock: jsonb().notNull().default([]).$type<{ month: number; activity: Localised }[]>(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ columns: [t.teamId, t.parentBodyId], foreignColumns: [t.teamId, t.id] }),
    check("cooperation_bodies_kind_check", oneOf(t.kind, bodyKinds)),
    check("cooperation_bodies_tier_check", oneOf(t.tier, bodyTiers)),
    check("cooperation_bodies_chair_check", oneOf(t.chairPolicy, chairPolicyKinds)),
    check(
      "cooperation_bodies_chair_fields_check",
      sql`(${t.chairPolicy} = 'fixed') = (${t.chairOrganisationId} is not null) and (${t.chairPolicy} = 'rotating') = (${t.rotationAnchor} is not null and ${t.rotationTermMonths} between 1 and 60)`,
    ),
    check("cooperation_bodies_age_check", sql`${t.ageMin} is null or ${t.ageMax} >= ${t.ageMin}`),
  ],
);

/** A seat of a body: an organisation and its representative's role title. */
export const seats = snakeCase.table(
  "seats",
  {
    teamId: teamId(),
    id: text().notNull(),
    bodyId: text().notNull(),
    position: integer().notNull(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    roleTitleFi: text().notNull(),
    roleTitleSv: text().notNull(),
    roleTitleEn: text().notNull(),
    attendance: text().notNull().default("member").$type<"member" | "invited-when-needed">(),
    secretary: boolean().notNull().default(false),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({
      columns: [t.teamId, t.bodyId],
      foreignColumns: [cooperationBodies.teamId, cooperationBodies.id],
    }).onDelete("cascade"),
    index().on(t.teamId, t.bodyId, t.position),
    check("seats_attendance_check", sql`${t.attendance} in ('member', 'invited-when-needed')`),
  ],
);

/** The initial order of a rotating chair. */
export const rotationOrder = snakeCase.table(
  "rotation_order",
  {
    teamId: teamId(),
    bodyId: text().notNull(),
    position: integer().notNull(),
    partyId: text()
      .notNull()
      .references(() => organisations.id),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.bodyId, t.position] }),
    foreignKey({
      columns: [t.teamId, t.bodyId],
      foreignColumns: [cooperationBodies.teamId, cooperationBodies.id],
    }).onDelete("cascade"),
  ],
);

export const rotationEventKinds = ["join", "leave", "notice", "override"] as const;

/**
 * Joins, leaves, notices and recorded chair overrides. Chair terms are not stored: they are computed
 * from the order and these events by the domain's `chairOn` / `chairCalendar`.
 */
export const rotationEvents = snakeCase.table(
  "rotation_events",
  {
    teamId: teamId(),
    id: text().notNull(),
    bodyId: text().notNull(),
    sequence: integer().notNull(),
    kind: text().notNull().$type<(typeof rotationEventKinds)[number]>(),
    partyId: text()
      .notNull()
      .references(() => organisations.id),
    /** The event's day; for an override, the start of the term it gives away. */
    on: day().notNull(),
    decidedOn: day(),
    reference: text(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({
      columns: [t.teamId, t.bodyId],
      foreignColumns: [cooperationBodies.teamId, cooperationBodies.id],
    }).onDelete("cascade"),
    index().on(t.teamId, t.bodyId, t.sequence),
    check("rotation_events_kind_check", oneOf(t.kind, rotationEventKinds)),
    check(
      "rotation_events_override_check",
      sql`(${t.kind} = 'override') = (${t.decidedOn} is not null and ${t.reference} is not null)`,
    ),
  ],
);
