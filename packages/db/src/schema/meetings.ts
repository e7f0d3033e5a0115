import { participantRoles, professions, referralStatuses, serviceKinds } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  integer,
  foreignKey,
  index,
  primaryKey,
  snakeCase,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { caseRef, guardians } from "./cases.js";
import { day, oneOf, rowVersion, teamId, timestamps } from "./columns.js";
import { organisations } from "./organisations.js";
import { staff } from "./staffing.js";

/** A client meeting: planned, then held or cancelled. */
export const meetings = snakeCase.table(
  "meetings",
  {
    teamId: teamId(),
    id: uuid().notNull(),
    caseId: uuid().notNull(),
    plannedOn: day().notNull(),
    status: text().notNull().$type<"planned" | "held" | "cancelled">(),
    heldOn: day(),
    responsibleWorkerInformedOn: day(),
    /** The day the composition was decided: its seats give access from then (null: the planned day). */
    composedOn: day(),
    /** The day the meeting was cancelled: its seats give access until the day before. */
    cancelledOn: day(),
    version: rowVersion(),
    ...timestamps(),
    /** Place in the case aggregate's list, so it reads back in the order it was recorded. */
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    caseRef(t),
    index().on(t.teamId, t.caseId, t.plannedOn),
    index().on(t.teamId, t.plannedOn),
    check("meetings_status_check", sql`${t.status} in ('planned', 'held', 'cancelled')`),
    check("meetings_held_check", sql`(${t.status} = 'held') = (${t.heldOn} is not null)`),
  ],
);

/** A seat in a meeting's composition, and whether that participant attended. */
export const meetingParticipants = snakeCase.table(
  "meeting_participants",
  {
    teamId: teamId(),
    meetingId: uuid().notNull(),
    id: text().notNull(),
    role: text().notNull().$type<(typeof participantRoles)[number]>(),
    organisationId: text().references(() => organisations.id),
    staffId: text(),
    profession: text().$type<(typeof professions)[number]>(),
    guardianId: uuid(),
    attended: boolean().notNull().default(false),
    /** Place in the case aggregate's list, so it reads back in the order it was recorded. */
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.meetingId, t.id] }),
    foreignKey({ columns: [t.teamId, t.meetingId], foreignColumns: [meetings.teamId, meetings.id] }).onDelete(
      "cascade",
    ),
    foreignKey({ columns: [t.teamId, t.staffId], foreignColumns: [staff.teamId, staff.id] }),
    foreignKey({ columns: [t.teamId, t.guardianId], foreignColumns: [guardians.teamId, guardians.id] }),
    index().on(t.teamId, t.organisationId),
    check("meeting_participants_role_check", oneOf(t.role, participantRoles)),
    check("meeting_participants_org_check", sql`(${t.role} in ('client', 'guardian')) = (${t.organisationId} is null)`),
    check("meeting_participants_profession_check", sql`${t.profession} is null or ${oneOf(t.profession, professions)}`),
  ],
);

/** The record of a held meeting in the client and statistics records; written once. */
export const meetingRecords = snakeCase.table(
  "meeting_records",
  {
    teamId: teamId(),
    meetingId: uuid().notNull(),
    recordedOn: day().notNull(),
    recordedBy: text().notNull(),
    inClientRecord: boolean().notNull(),
    inStatistics: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.meetingId] }),
    foreignKey({ columns: [t.teamId, t.meetingId], foreignColumns: [meetings.teamId, meetings.id] }).onDelete(
      "cascade",
    ),
  ],
);

/** A referral of the client to a service. */
export const referrals = snakeCase.table(
  "referrals",
  {
    teamId: teamId(),
    id: uuid().notNull(),
    caseId: uuid().notNull(),
    meetingId: uuid(),
    service: text().notNull().$type<(typeof serviceKinds)[number]>(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    madeOn: day().notNull(),
    status: text().notNull().$type<(typeof referralStatuses)[number]>(),
    statusChangedOn: day().notNull(),
    version: rowVersion(),
    ...timestamps(),
    /** Place in the case aggregate's list, so it reads back in the order it was recorded. */
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    caseRef(t),
    foreignKey({ columns: [t.teamId, t.meetingId], foreignColumns: [meetings.teamId, meetings.id] }),
    index().on(t.teamId, t.caseId),
    index().on(t.teamId, t.meetingId),
    index().on(t.teamId, t.madeOn),
    check("referrals_service_check", oneOf(t.service, serviceKinds)),
    check("referrals_status_check", oneOf(t.status, referralStatuses)),
    check("referrals_dates_check", sql`${t.statusChangedOn} >= ${t.madeOn}`),
  ],
);
