import { z } from "zod";
import { idSchema } from "../core/ids.js";
import { localDateSchema } from "../core/local-date.js";
import { professions } from "../staffing/profession.js";
import { clockTimeSchema, maxMeetingMinutes, meetingPlaceSchema } from "./meeting-logistics.js";

/** Target groups of 003 § 4.2: youth crime and disruptive behaviour; domestic violence; other multi-professional work. */
export const caseTypes = ["youth-crime", "domestic-violence", "multi-professional"] as const;
export type CaseType = (typeof caseTypes)[number];

/** Case lifecycle: referred → in selection → admitted or declined → active → closed. */
export const caseStatuses = ["referred", "in-selection", "admitted", "declined", "active", "closed"] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Who referred the young person to Ankkuri. */
export const referralSources = [
  "police",
  "child-welfare",
  "social-emergency",
  "school",
  "health-care",
  "youth-services",
  "family",
  "self",
  "other",
] as const;
export type ReferralSource = (typeof referralSources)[number];

/** Why a case was closed. */
export const closeReasons = [
  "goals-met",
  "transferred",
  "client-declined",
  "moved-away",
  "no-contact",
  "other",
] as const;
export type CloseReason = (typeof closeReasons)[number];

/** The client as the rules see them: an id and a birth date (from the identity code). Names stay in the db. */
export const clientSchema = z.object({
  id: idSchema,
  birthDate: localDateSchema,
});
export type Client = z.output<typeof clientSchema>;

/** How a guardian is related to the client. */
export const guardianRelationships = ["parent", "legal-guardian", "other"] as const;
export type GuardianRelationship = (typeof guardianRelationships)[number];

/** The field a case note belongs to; the note stays inside its writer's organisation (003 § 9). */
export const noteKinds = ["police", "health", "social", "youth", "general"] as const;
export type NoteKind = (typeof noteKinds)[number];

/** A guardian (huoltaja) of a minor client; only guardians with custody give consent. */
export const guardianSchema = z.object({
  id: idSchema,
  relationship: z.enum(guardianRelationships),
  hasCustody: z.boolean().default(true),
});
export type Guardian = z.output<typeof guardianSchema>;

/** The social worker responsible for an existing client relationship (003 § 4.2). */
export const responsibleWorkerSchema = z.object({
  /** Set when the worker is also staff in the system; otherwise only the name is known. */
  staffId: idSchema.nullable().default(null),
  name: z.string().trim().min(1).max(120),
  organisationId: idSchema,
});
export type ResponsibleWorker = z.output<typeof responsibleWorkerSchema>;

/**
 * The client is already a client of a party (e.g. child welfare): the team works with that
 * organisation's responsible social worker to avoid duplicate work.
 */
export const existingClientshipSchema = z.object({
  organisationId: idSchema,
  since: localDateSchema.nullable().default(null),
  responsibleWorker: responsibleWorkerSchema.nullable().default(null),
  /** The day the team recorded it: the organisation's access to the case rests on it from then. */
  recordedOn: localDateSchema.nullable().default(null),
  /**
   * The day the relationship ended: it is not in force from this day, and the organisation's access
   * that rested on it ends the day before. Null while it lasts.
   */
  endedOn: localDateSchema.nullable().default(null),
});
export type ExistingClientship = z.output<typeof existingClientshipSchema>;

/** One selection participant's decision (003 § 4.2: police, social work, psychiatric nurse). */
export const selectionDecisionSchema = z.object({
  staffId: idSchema,
  organisationId: idSchema,
  profession: z.enum(professions),
  decision: z.enum(["admit", "decline"]),
  decidedOn: localDateSchema,
});
export type SelectionDecision = z.output<typeof selectionDecisionSchema>;

/** Who may give a consent: the client, or a guardian. */
export const consentGiverKinds = ["client", "guardian"] as const;

/** Who gave a consent: the client, or one of their guardians. */
export const consentGiverSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("client") }),
  z.object({ kind: z.literal("guardian"), guardianId: idSchema }),
]);
export type ConsentGiver = z.output<typeof consentGiverSchema>;

/** How a consent was given. */
export const consentForms = ["written", "oral", "electronic"] as const;
export type ConsentForm = (typeof consentForms)[number];

/**
 * One entry of a consent's withdrawal history. A withdrawal is never overwritten: a mistaken one is
 * corrected by a later entry naming it (`corrects`), with the right day or none (not withdrawn).
 */
export const consentWithdrawalSchema = z.object({
  id: idSchema,
  /** The day the consent ends (it is not in effect from this day); null in a correction that annuls. */
  withdrawnOn: localDateSchema.nullable(),
  recordedOn: localDateSchema,
  /** The entry this one corrects. */
  corrects: idSchema.nullable().default(null),
  /** Why a correction was made. */
  reason: z.string().trim().min(1).max(500).nullable().default(null),
});
export type ConsentWithdrawal = z.output<typeof consentWithdrawalSchema>;

/**
 * Consent to invite organisations outside the core team (003 § 4.2). `organisationIds` is the scope: a
 * consent covers these organisations and their sub-units. Withdrawal stops invitations from that day.
 */
export const consentSchema = z.object({
  id: idSchema,
  giver: consentGiverSchema,
  organisationIds: z.array(idSchema).min(1),
  givenOn: localDateSchema,
  validUntil: localDateSchema.nullable().default(null),
  /** The withdrawal in effect: the last entry of `withdrawals` (null when none, or annulled). */
  withdrawnOn: localDateSchema.nullable().default(null),
  withdrawals: z.array(consentWithdrawalSchema).default([]),
  form: z.enum(consentForms),
});
export type Consent = z.output<typeof consentSchema>;

/** How a participant takes part in a meeting. */
export const participantRoles = ["core", "invited", "client", "guardian", "responsible-worker"] as const;
export type ParticipantRole = (typeof participantRoles)[number];

/** A seat in a meeting's composition (kokoonpano). */
export const participantSchema = z.object({
  id: idSchema,
  role: z.enum(participantRoles),
  /** The organisation represented; null for the client and guardians. */
  organisationId: idSchema.nullable(),
  staffId: idSchema.nullable().default(null),
  profession: z.enum(professions).nullable().default(null),
  guardianId: idSchema.nullable().default(null),
});
export type Participant = z.output<typeof participantSchema>;

/**
 * An entry that completes a meeting's record later: the meeting is now also in the client record or
 * the statistics. The first record is never rewritten; amendments are kept beside it in order.
 */
export const meetingRecordAmendmentSchema = z.object({
  id: idSchema,
  recordedOn: localDateSchema,
  recordedBy: idSchema,
  /** The meeting is now recorded in the client records. */
  inClientRecord: z.boolean(),
  /** The meeting is now recorded in the statistics. */
  inStatistics: z.boolean(),
});
export type MeetingRecordAmendment = z.output<typeof meetingRecordAmendmentSchema>;

/** The record of a held meeting in the client and statistics records (003 § 4.2), with its later amendments. */
export const meetingRecordSchema = z.object({
  recordedOn: localDateSchema,
  recordedBy: idSchema,
  inClientRecord: z.boolean(),
  inStatistics: z.boolean(),
  amendments: z.array(meetingRecordAmendmentSchema).default([]),
});
export type MeetingRecord = z.output<typeof meetingRecordSchema>;

/**
 * How an invitation reached the participant. `secure-message` is the protected e-mail or message
 * service of the sender's organisation (e.g. the police mail account of 003 § 7); plain `email` carries
 * no client data.
 */
export const invitationChannels = ["letter", "email", "phone", "in-person", "secure-message"] as const;
export type InvitationChannel = (typeof invitationChannels)[number];

/** A participant's answer to an invitation. */
export const invitationAnswers = ["accepted", "declined"] as const;
export type InvitationAnswer = (typeof invitationAnswers)[number];

/** An invitation of one seat of a meeting's composition: how and when it was sent, and the answer. */
export const invitationSchema = z.object({
  id: idSchema,
  /** The seat invited (a participant id of the composition). */
  participantId: idSchema,
  channel: z.enum(invitationChannels),
  sentOn: localDateSchema,
  sentBy: idSchema,
  answer: z.enum(invitationAnswers).nullable().default(null),
  answeredOn: localDateSchema.nullable().default(null),
  /** Who recorded the answer. */
  answerRecordedBy: idSchema.nullable().default(null),
});
export type Invitation = z.output<typeof invitationSchema>;
/** Where a client meeting is: planned, then held or cancelled. */
export const meetingStatuses = ["planned", "held", "cancelled"] as const;
export type MeetingStatus = (typeof meetingStatuses)[number];

/** A client meeting: planned with a composition, then held (with attendance) or cancelled, then recorded. */
export const meetingSchema = z.object({
  id: idSchema,
  plannedOn: localDateSchema,
  status: z.enum(meetingStatuses),
  heldOn: localDateSchema.nullable().default(null),
  composition: z.array(participantSchema).min(1),
  /** Participant ids that attended a held meeting. */
  attended: z.array(idSchema).default([]),
  record: meetingRecordSchema.nullable().default(null),
  /** When the responsible social worker was informed of the meeting, if not present. */
  responsibleWorkerInformedOn: localDateSchema.nullable().default(null),
  /** The day the composition was decided: seats give access to the case from then (null: the planned day). */
  composedOn: localDateSchema.nullable().default(null),
  /** The day the meeting was cancelled: its seats give access until the day before. */
  cancelledOn: localDateSchema.nullable().default(null),
  /** Start time on the planned day, Helsinki time; null for meetings planned before times were kept. */
  startTime: clockTimeSchema.nullable().default(null),
  durationMinutes: z.number().int().min(5).max(maxMeetingMinutes).nullable().default(null),
  place: meetingPlaceSchema.nullable().default(null),
  invitations: z.array(invitationSchema).default([]),
});
export type Meeting = z.output<typeof meetingSchema>;

/** Services a client is referred to: the goal of the work (003 § 4.2). */
export const serviceKinds = [
  "child-welfare",
  "family-support",
  "mental-health",
  "substance-abuse",
  "youth-work",
  "education-support",
  "employment",
  "housing",
  "leisure-activity",
  "victim-support",
  "domestic-violence-support",
  "mediation",
  "other",
] as const;
export type ServiceKind = (typeof serviceKinds)[number];

/** Referral statuses; `completed`, `declined` and `cancelled` are final. */
export const referralStatuses = [
  "proposed",
  "made",
  "accepted",
  "started",
  "completed",
  "declined",
  "cancelled",
] as const;
export type ReferralStatus = (typeof referralStatuses)[number];

/** A referral to a service (palveluohjaus). */
export const referralSchema = z.object({
  id: idSchema,
  meetingId: idSchema.nullable().default(null),
  service: z.enum(serviceKinds),
  organisationId: idSchema,
  madeOn: localDateSchema,
  status: z.enum(referralStatuses),
  statusChangedOn: localDateSchema,
});
export type Referral = z.output<typeof referralSchema>;

/** A child welfare notification (Child Welfare Act 25 §) made about the client. */
export const childWelfareNotificationSchema = z.object({
  madeOn: localDateSchema,
  organisationId: idSchema,
});

/**
 * A controller's part of the case that retention removed on a day: its retention period ended while
 * another controller's had not. It stays removed: no later change of the case gives it back.
 */
export const removedControllerPartSchema = z.object({
  controllerId: idSchema,
  removedOn: localDateSchema,
});
export type RemovedControllerPart = z.output<typeof removedControllerPartSchema>;

/** zod schema of a {@link Case}. */
export const caseSchema = z.object({
  id: idSchema,
  teamId: idSchema,
  type: z.enum(caseTypes),
  status: z.enum(caseStatuses),
  referredOn: localDateSchema,
  referralSource: z.enum(referralSources),
  /** The organisation of the person who referred the client (null in cases recorded before it was kept). */
  referredByOrganisationId: idSchema.nullable().default(null),
  client: clientSchema,
  guardians: z.array(guardianSchema).default([]),
  existingClientships: z.array(existingClientshipSchema).default([]),
  selection: z.array(selectionDecisionSchema).default([]),
  selectionStartedOn: localDateSchema.nullable().default(null),
  /** Day of the admission or the decline decision. */
  decidedOn: localDateSchema.nullable().default(null),
  activatedOn: localDateSchema.nullable().default(null),
  closedOn: localDateSchema.nullable().default(null),
  closeReason: z.enum(closeReasons).nullable().default(null),
  consents: z.array(consentSchema).default([]),
  meetings: z.array(meetingSchema).default([]),
  referrals: z.array(referralSchema).default([]),
  childWelfareNotification: childWelfareNotificationSchema.nullable().default(null),
  /** Controllers' parts retention removed (`removedParts`): their access stays ended. */
  removedControllerParts: z.array(removedControllerPartSchema).default([]),
  /** Optimistic-concurrency version; every accepted command increments it. */
  version: z.number().int().min(0).default(0),
});

/**
 * A client case (asiakkuus) and everything the rules look at: selection, consents, meetings, records
 * and referrals. Change it only through `applyCaseCommand`, which keeps it legal.
 */
export type Case = z.output<typeof caseSchema>;
export type CaseInput = z.input<typeof caseSchema>;
