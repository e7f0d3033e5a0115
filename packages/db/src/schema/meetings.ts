import {
  invitationAnswers,
  invitationChannels,
  maxMeetingMinutes,
  participantRoles,
  professions,
  referralStatuses,
  serviceKinds,
} from "@ankkuri/domain";
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

/** A place the team holds client meetings in (003 § 7: the city's rooms for client meetings). */
export const premises = snakeCase.table(
  "premises",
  {
    teamId: teamId(),
    id: text().notNull(),
    nameFi: text().notNull(),
    nameSv: text().notNull(),
    nameEn: text().notNull(),
    address: text(),
    organisationId: text()
      .notNull()
      .references(() => organisations.id),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [primaryKey({ columns: [t.teamId, t.id] })],
);

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
    /** Start time on the planned day, `HH:MM` Helsinki time; null for meetings without a time. */
    startTime: text(),
    durationMinutes: integer(),
    /** The place: one of the team's premises, or a description in words (never both). */
    premisesId: text(),
    placeDescription: text(),
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
    foreignKey({ columns: [t.teamId, t.premisesId], foreignColumns: [premises.teamId, premises.id] }),
    index().on(t.teamId, t.premisesId, t.plannedOn),
    check(
      "meetings_start_time_check",
      sql`${t.startTime} is null or ${t.startTime} ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'`,
    ),
    check(
      "meetings_duration_check",
      sql`(${t.startTime} is null) = (${t.durationMinutes} is null) and (${t.durationMinutes} is null or (${t.durationMinutes} between 5 and ${sql.raw(String(maxMeetingMinutes))} and split_part(${t.startTime}, ':', 1)::int * 60 + split_part(${t.startTime}, ':', 2)::int + ${t.durationMinutes} <= 1440))`,
    ),
    check("meetings_place_check", sql`${t.premisesId} is null or ${t.placeDescription} is null`),
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

/** An invitation of a seat of a meeting: how and when it went out, and the answer. */
export const meetingInvitations = snakeCase.table(
  "meeting_invitations",
  {
    teamId: teamId(),
    id: uuid().notNull(),
    meetingId: uuid().notNull(),
    participantId: text().notNull(),
    channel: text().notNull().$type<(typeof invitationChannels)[number]>(),
    sentOn: day().notNull(),
    sentBy: text().notNull(),
    answer: text().$type<(typeof invitationAnswers)[number]>(),
    answeredOn: day(),
    answerRecordedBy: text(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    /** Place in the meeting's list, so it reads back in the order sent. */
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({
      columns: [t.teamId, t.meetingId, t.participantId],
      foreignColumns: [meetingParticipants.teamId, meetingParticipants.meetingId, meetingParticipants.id],
    }).onDelete("cascade"),
    index().on(t.teamId, t.meetingId),
    check("meeting_invitations_channel_check", oneOf(t.channel, invitationChannels)),
    check("meeting_invitations_answer_check", sql`${t.answer} is null or ${oneOf(t.answer, invitationAnswers)}`),
    check(
      "meeting_invitations_answered_check",
      sql`(${t.answer} is null) = (${t.answeredOn} is null) and (${t.answer} is null) = (${t.answerRecordedBy} is null) and (${t.answeredOn} is null or ${t.answeredOn} >= ${t.sentOn})`,
    ),
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

/**
 * An entry completing a meeting's record later (into the client record or the statistics); kept beside
 * the record, never changed.
 */
export const meetingRecordAmendments = snakeCase.table(
  "meeting_record_amendments",
  {
    teamId: teamId(),
    meetingId: uuid().notNull(),
    id: uuid().notNull(),
    recordedOn: day().notNull(),
    recordedBy: text().notNull(),
    inClientRecord: boolean().notNull(),
    inStatistics: boolean().notNull(),
    createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
    position: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    foreignKey({
      columns: [t.teamId, t.meetingId],
      foreignColumns: [meetingRecords.teamId, meetingRecords.meetingId],
    }).onDelete("cascade"),
    index().on(t.teamId, t.meetingId),
    check("meeting_record_amendments_adds_check", sql`${t.inClientRecord} or ${t.inStatistics}`),
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
