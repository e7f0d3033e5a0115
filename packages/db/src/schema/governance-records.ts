import { sql } from "drizzle-orm";
import { check, foreignKey, index, jsonb, primaryKey, snakeCase, text } from "drizzle-orm/pg-core";
import { day, rowVersion, teamId, timestamps } from "./columns.js";
import { cooperationBodies } from "./governance.js";
import { organisations } from "./organisations.js";
import { staff } from "./staffing.js";

/** A seat of one meeting's composition (003 § 6.2: decided per meeting). */
export interface BodyMeetingSeatRow {
  organisationId: string;
  roleTitle: string;
}

/** Who attended a held meeting. */
export interface BodyMeetingAttendeeRow {
  organisationId: string;
  name: string;
  title: string;
}

/** A decision or conclusion of a held meeting, with its owner and due date (003 § 8). */
export interface BodyMeetingItemRow {
  kind: "decision" | "conclusion";
  text: string;
  ownerOrganisationId: string;
  dueOn: string | null;
}

/**
 * A meeting of a cooperation body (steering group, joint leadership meeting): planned with the
 * composition decided for it, then recorded once held with who attended and its decisions and
 * conclusions. No client data.
 */
export const bodyMeetings = snakeCase.table(
  "body_meetings",
  {
    teamId: teamId(),
    id: text().notNull(),
    bodyId: text().notNull(),
    plannedOn: day().notNull(),
    composedOn: day().notNull(),
    composition: jsonb().notNull().$type<BodyMeetingSeatRow[]>(),
    status: text().notNull().$type<"planned" | "held">(),
    heldOn: day(),
    attendees: jsonb().notNull().default([]).$type<BodyMeetingAttendeeRow[]>(),
    items: jsonb().notNull().default([]).$type<BodyMeetingItemRow[]>(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({
      columns: [t.teamId, t.bodyId],
      foreignColumns: [cooperationBodies.teamId, cooperationBodies.id],
    }),
    index().on(t.teamId, t.bodyId, t.plannedOn),
    check("body_meetings_status_check", sql`${t.status} in ('planned', 'held')`),
    check("body_meetings_held_check", sql`(${t.status} = 'held') = (${t.heldOn} is not null)`),
    check("body_meetings_composed_check", sql`${t.composedOn} <= ${t.plannedOn}`),
  ],
);

/**
 * An expert of the team giving their expertise to their own organisation (003 § 4.2): a unit, a
 * topic and a day. No client data.
 */
export const consultations = snakeCase.table(
  "consultations",
  {
    teamId: teamId(),
    id: text().notNull(),
    staffId: text().notNull(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    partyId: text()
      .notNull()
      .references(() => organisations.id),
    topic: text().notNull(),
    consultedOn: day().notNull(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({ columns: [t.teamId, t.staffId], foreignColumns: [staff.teamId, staff.id] }),
    index().on(t.teamId, t.consultedOn),
    check("consultations_topic_check", sql`length(${t.topic}) between 1 and 500`),
  ],
);
