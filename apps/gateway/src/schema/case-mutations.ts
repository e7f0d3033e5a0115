import { newId, sql } from "@ankkuri/db";
import type { CaseCommand, MeetingLogistics, Violation } from "@ankkuri/domain";
import { clockTimeSchema, maxMeetingMinutes, meetingLogisticsSchema } from "@ankkuri/domain";
import { z } from "zod";
import type { InputFieldMap, InputShapeFromFields } from "@pothos/core";
import { builder, type InputFields } from "../builder.js";
import { InvalidInputFailure } from "../errors.js";
import { addCaseNote } from "../verbs/add-case-note.js";
import { type CaseTarget, type CommandOrFailure, runCaseCommand, staffOf } from "../verbs/case-command.js";
import { caseOfInvitation, caseOfMeeting, planningWarnings } from "../verbs/meeting-logistics.js";
import { ReferralReceipt, referCase } from "../verbs/refer-case.js";
import { visibleCases } from "./case-visibility.js";
import {
  CaseTypeEnum,
  CloseReasonEnum,
  ConsentFormEnum,
  ConsentGiverKindEnum,
  InvitationAnswerEnum,
  InvitationChannelEnum,
  GuardianRelationshipEnum,
  NoteKindEnum,
  ParticipantRoleEnum,
  ProfessionEnum,
  ReferralSourceEnum,
  ReferralStatusEnum,
  ServiceKindEnum,
} from "./enums.js";
import { mutationErrors, RuleViolationRef } from "./errors.js";

const text = (max: number) => z.string().trim().min(1).max(max);

export const CasePayload = builder
  .objectRef<{
    caseId: string;
    existingClient?: boolean;
    warnings?: Violation[];
  }>("CasePayload")
  .implement({
    description: "The case after a successful change.",
    fields: (t) => ({
      case: t.drizzleField({
        type: "cases",
        description: "The case as it is now.",
        // Read back under the same need-to-know rule as every other read of a case.
        resolve: async (query, p, _args, ctx) => {
          const { where, values } = visibleCases(ctx);
          const found = (await ctx.services.queries.findFirst(
            "cases",
            query({ where: { ...where, id: sql.placeholder("caseId") } }),
            { ...values, caseId: p.caseId },
          )) as Awaited<ReturnType<typeof ctx.db.query.cases.findFirst>>;
          if (!found) throw new Error("case vanished");
          return found;
        },
      }),
      existingClient: t.boolean({
        resolve: (p) => p.existingClient ?? false,
        description:
          "For a referral: true only when the client (recognised by identity code) has an earlier case in the team that the referrer may already see; otherwise false, whether or not such a case exists.",
      }),
      warnings: t.field({
        type: [RuleViolationRef],
        resolve: (p) => p.warnings ?? [],
        description:
          "What the change was accepted with but needs attention (severity WARNING), e.g. from planMeeting MEETING.PLACE_TAKEN (the premises are booked at the same time) or MEETING.WORKER_DOUBLE_BOOKED (a staff member in a seat is in another meeting at the same time). The messages name the place and the person. Empty when there are none.",
      }),
    }),
  });

/** Fields every case mutation input has. */
const target = (t: InputFields) => ({
  caseId: t.string({ required: true, description: "The case's id (UUID).", validate: z.uuid() }),
  expectedVersion: t.int({
    required: false,
    description:
      "The case version you read; if it has changed since, the mutation returns ConflictError and writes nothing.",
  }),
});

type Build<I> = (input: I, ...rest: Parameters<Parameters<typeof runCaseCommand>[2]>) => CommandOrFailure;

/**
 * Declares a case mutation: its input type (the case, the expected version and `fields`), typed
 * errors, caseworkers only, run through `runCaseCommand`. The input's type is inferred from the
 * fields, so a field renamed in one place and not in `build` does not compile.
 */
function caseMutation<Fields extends InputFieldMap>(
  name: string,
  description: string,
  fields: (t: InputFields) => Fields,
  build: Build<InputShapeFromFields<ReturnType<typeof target> & Fields>>,
  /** Warnings to return with an accepted command (read after the write). */
  warn?: (ctx: Parameters<typeof runCaseCommand>[0], command: CaseCommand) => Promise<Violation[]>,
) {
  const Input = builder.inputType(`${name[0]?.toUpperCase() ?? ""}${name.slice(1)}Input`, {
    description: `Input of ${name}.`,
    fields: (t) => ({ ...target(t), ...fields(t) }),
  });
  builder.mutationField(name, (t) =>
    t.field({
      type: CasePayload,
      description,
      authScopes: { caseworker: true },
      errors: { types: mutationErrors },
      args: { input: t.arg({ type: Input, required: true, description: "The change." }) },
      resolve: async (_root, args, ctx) => {
        // The shape Pothos gives `input` for these fields: generic here, so named once.
        const { input } = args as unknown as {
          input: CaseTarget & InputShapeFromFields<ReturnType<typeof target> & Fields>;
        };
        let command: CaseCommand | undefined;
        const done = await runCaseCommand(ctx, input, (stored, team, actor) => {
          const built = build(input, stored, team, actor);
          if ("command" in built) command = built.command;
          return built;
        });
        return { ...done, warnings: warn && command ? await warn(ctx, command) : [] };
      },
    }),
  );
}

const GuardianInput = builder.inputType("GuardianInput", {
  description: "A guardian of a minor client (huoltaja).",
  fields: (t) => ({
    givenName: t.string({ required: true, description: "Given name.", validate: text(80) }),
    familyName: t.string({ required: true, description: "Family name.", validate: text(80) }),
    relationship: t.field({
      type: GuardianRelationshipEnum,
      required: true,
      description: "How the guardian is related to the client.",
    }),
    hasCustody: t.boolean({ required: true, description: "Whether the guardian has custody." }),
  }),
});

const ClientInput = builder.inputType("ClientInput", {
  description:
    "The client of a referral. Give the personal identity code (only test identities, individual numbers 900–999, are accepted) or, without one, the birth date.",
  fields: (t) => ({
    identityCode: t.string({
      required: false,
      description: "Personal identity code (henkilötunnus); stored encrypted, never returned.",
      validate: z.string().max(20),
    }),
    birthDate: t.field({
      type: "Date",
      required: false,
      description: "Birth date, for a client without an identity code.",
    }),
    givenName: t.string({ required: true, description: "Given name.", validate: text(80) }),
    familyName: t.string({ required: true, description: "Family name.", validate: text(80) }),
  }),
});

const ReferredClientRef = builder
  .objectRef<{ givenName: string; familyName: string; birthDate: string }>("ReferredClient")
  .implement({
    description: "The client of a referral as the referrer gave them; nothing the team holds.",
    fields: (t) => ({
      givenName: t.exposeString("givenName", { description: "Given name as given." }),
      familyName: t.exposeString("familyName", { description: "Family name as given." }),
      birthDate: t.field({
        type: "Date",
        resolve: (c) => c.birthDate,
        description: "Birth date as given, or as the given identity code tells it.",
      }),
    }),
  });

builder.objectType(ReferralReceipt, {
  name: "ReferralReceipt",
  description:
    "A referral received by the team (ohjaus vastaanotettu), answered to a referrer who does not take part in the client's cases: what they sent, and nothing the team holds. It is the same whether or not the team knew the client (no disclosure by lookup); the selecting units take the referral on.",
  isTypeOf: (value) => value instanceof ReferralReceipt,
  fields: (t) => ({
    referredOn: t.field({ type: "Date", resolve: (r) => r.referral.referredOn, description: "Day referred." }),
    type: t.field({ type: CaseTypeEnum, resolve: (r) => r.referral.type, description: "Type of case." }),
    referralSource: t.field({
      type: ReferralSourceEnum,
      resolve: (r) => r.referral.referralSource,
      description: "Who referred.",
    }),
    client: t.field({
      type: ReferredClientRef,
      resolve: (r) => r.referral.client,
      description: "The client as given.",
    }),
  }),
});

builder.mutationField("referCase", (t) =>
  t.field({
    type: CasePayload,
    description:
      "Refers a young person to the team (ohjaus). A client recognised by identity code who has an open case has the referral added to it as a later referral event; one whose cases have all ended gets a new case that names the latest as its previous case; anyone else gets a new case in status REFERRED, seen by the selecting units and the referrer's organisation. A referrer who does not take part in the client's cases (and is not a selecting unit) is answered with a ReferralReceipt, whether or not the client was known.",
    authScopes: { caseworker: true },
    errors: { types: [...mutationErrors, ReferralReceipt] },
    args: {
      input: t.arg({
        required: true,
        description: "The referral.",
        type: builder.inputType("ReferCaseInput", {
          description: "A referral to the team.",
          fields: (f) => ({
            type: f.field({ type: CaseTypeEnum, required: true, description: "Type of case." }),
            referredOn: f.field({ type: "Date", required: true, description: "Day referred." }),
            referralSource: f.field({ type: ReferralSourceEnum, required: true, description: "Who referred." }),
            client: f.field({ type: ClientInput, required: true, description: "The client." }),
            guardians: f.field({
              type: [GuardianInput],
              required: false,
              description: "Guardians of a minor.",
              validate: z.array(z.unknown()).max(6),
            }),
          }),
        }),
      }),
    },
    resolve: (_root, { input }, ctx) =>
      referCase(ctx, {
        ...input,
        guardians: input.guardians ?? undefined,
      }),
  }),
);

const day = (t: InputFields, description: string) => t.field({ type: "Date", required: true, description });

caseMutation(
  "startSelection",
  "Starts the client selection (asiakasvalinta) of a referred case.",
  (t) => ({ on: day(t, "Day the selection starts.") }),
  (i) => ({ command: { type: "start-selection", on: i.on }, on: i.on }),
);

caseMutation(
  "recordSelectionDecision",
  "Records the signed-in staff member's selection decision. Admission needs the police, a social worker and the psychiatric nurse (003 § 4.2).",
  (t) => ({
    admit: t.boolean({ required: true, description: "True to admit, false to decline." }),
    decidedOn: day(t, "Day decided."),
  }),
  (i, _stored, team, actor) => {
    const staff = staffOf(team, actor);
    if (!staff)
      return new InvalidInputFailure(
        "STAFF.NOT_FOUND",
        {
          fi: "Vain työryhmän työntekijä voi osallistua asiakasvalintaan.",
          sv: "Endast en anställd i teamet kan delta i valet av klienter.",
          en: "Only a staff member of the team can take part in the selection.",
        },
        [],
      );
    return {
      command: {
        type: "record-selection-decision",
        decision: {
          staffId: staff.id,
          organisationId: staff.organisationId,
          profession: staff.profession,
          decision: i.admit ? "admit" : "decline",
          decidedOn: i.decidedOn,
        },
      },
      on: i.decidedOn,
    };
  },
);

caseMutation(
  "admitCase",
  "Admits the client (asiakkaaksi ottaminen) after a complete, unanimous selection.",
  (t) => ({ on: day(t, "Day admitted.") }),
  (i) => ({ command: { type: "admit", on: i.on }, on: i.on }),
);
caseMutation(
  "declineCase",
  "Declines the referral after the selection.",
  (t) => ({ on: day(t, "Day declined.") }),
  (i) => ({ command: { type: "decline", on: i.on }, on: i.on }),
);
caseMutation(
  "activateCase",
  "Marks an admitted case active (the first held meeting also does).",
  (t) => ({ on: day(t, "Day work started.") }),
  (i) => ({ command: { type: "activate", on: i.on }, on: i.on }),
);
caseMutation(
  "closeCase",
  "Closes the case (asiakkuuden päättäminen); planned meetings are cancelled.",
  (t) => ({
    on: day(t, "Day closed."),
    reason: t.field({ type: CloseReasonEnum, required: true, description: "Why." }),
  }),
  (i) => ({
    command: { type: "close", on: i.on, reason: i.reason },
    on: i.on,
  }),
);

caseMutation(
  "addGuardian",
  "Records a guardian of the client.",
  (t) => ({ guardian: t.field({ type: GuardianInput, required: true, description: "The guardian." }) }),

  (i, stored) => {
    const id = newId();
    return {
      command: {
        type: "add-guardian",
        guardian: { id, relationship: i.guardian.relationship, hasCustody: i.guardian.hasCustody },
      },
      on: stored.case.referredOn,
      guardianNames: { [id]: { givenName: i.guardian.givenName, familyName: i.guardian.familyName } },
    };
  },
);

caseMutation(
  "recordExistingClientship",
  "Records that the client is a client of another organisation, with its responsible social worker (vastuusosiaalityöntekijä).",
  (t) => ({
    organisationId: t.id({ required: true, description: "The organisation." }),
    since: t.field({ type: "Date", required: false, description: "Since when." }),
    responsibleWorkerName: t.string({
      required: false,
      description: "The responsible social worker's name.",
      validate: text(120),
    }),
  }),

  (i, stored) => ({
    command: {
      type: "record-existing-clientship",
      clientship: {
        organisationId: i.organisationId,
        since: i.since ?? null,
        responsibleWorker: i.responsibleWorkerName
          ? { staffId: null, name: i.responsibleWorkerName, organisationId: i.organisationId }
          : null,
      },
    },
    on: i.since ?? stored.case.referredOn,
  }),
);

caseMutation(
  "endExistingClientship",
  "Records that the client's relationship with another organisation ended (asiakkuuden päättyminen): the organisation's access to the case that rested on it ends the day before, and its responsible worker is no longer seated at meetings from that day. Recorded, like the relationship, by that organisation or a selecting unit; not before the relationship began or was recorded, not after today, and once.",
  (t) => ({
    organisationId: t.id({ required: true, description: "The organisation of the relationship." }),
    endedOn: day(t, "Day ended: the relationship is not in force from this day."),
  }),
  (i) => ({
    command: { type: "end-existing-clientship", organisationId: i.organisationId, endedOn: i.endedOn },
    on: i.endedOn,
  }),
);

caseMutation(
  "recordChildWelfareNotification",
  "Records that a child welfare notification (lastensuojeluilmoitus, LSL 25 §) was made.",
  (t) => ({
    madeOn: day(t, "Day made."),
    organisationId: t.id({ required: true, description: "Organisation that made it." }),
  }),
  (i) => ({
    command: {
      type: "record-child-welfare-notification",
      notification: { madeOn: i.madeOn, organisationId: i.organisationId },
    },
    on: i.madeOn,
  }),
);

caseMutation(
  "recordConsent",
  "Records a consent by the client or a guardian to invite the given organisations (lupa).",
  (t) => ({
    giverKind: t.field({ type: ConsentGiverKindEnum, required: true, description: "Client or guardian." }),
    guardianId: t.string({
      required: false,
      description: "The guardian, when a guardian gives it.",
      validate: z.uuid(),
    }),
    organisationIds: t.idList({
      required: true,
      description: "Organisations covered (and their units).",
      validate: z.array(z.unknown()).min(1).max(20),
    }),
    givenOn: day(t, "Day given."),
    validUntil: t.field({ type: "Date", required: false, description: "Last valid day, if limited." }),
    form: t.field({ type: ConsentFormEnum, required: true, description: "How given." }),
  }),
  (i) => {
    if (i.giverKind === "guardian" && !i.guardianId) {
      return new InvalidInputFailure(
        "CONSENT.GUARDIAN_MISSING",
        {
          fi: "Nimeä luvan antanut huoltaja.",
          sv: "Ange den vårdnadshavare som gav samtycket.",
          en: "Name the guardian who gave the consent.",
        },
        ["input", "guardianId"],
      );
    }
    return {
      command: {
        type: "record-consent",
        consent: {
          id: newId(),
          giver: i.giverKind === "client" ? { kind: "client" } : { kind: "guardian", guardianId: i.guardianId ?? "" },
          organisationIds: i.organisationIds.map(String),
          givenOn: i.givenOn,
          validUntil: i.validUntil ?? null,
          form: i.form,
        },
      },
      on: i.givenOn,
    };
  },
);

caseMutation(
  "withdrawConsent",
  "Withdraws a consent from the given day: invitations based on it stop at once.",
  (t) => ({
    consentId: t.string({ required: true, description: "The consent.", validate: z.uuid() }),
    on: day(t, "Day withdrawn."),
  }),
  (i) => ({
    command: { type: "withdraw-consent", consentId: i.consentId, withdrawalId: newId(), on: i.on },
    on: i.on,
  }),
);

caseMutation(
  "correctConsentWithdrawal",
  "Corrects a consent's withdrawal recorded by mistake (a wrong day, or a consent that was not withdrawn): a correcting entry that names the reason. The mistaken entry is kept in the consent's history.",
  (t) => ({
    consentId: t.string({ required: true, description: "The consent.", validate: z.uuid() }),
    withdrawnOn: t.field({
      type: "Date",
      required: false,
      description: "The right day of the withdrawal; omit when the consent was not withdrawn at all.",
    }),
    reason: t.string({ required: true, description: "Why the correction is made.", validate: text(500) }),
  }),
  (i, stored) => ({
    command: {
      type: "correct-consent-withdrawal",
      consentId: i.consentId,
      withdrawalId: newId(),
      withdrawnOn: i.withdrawnOn ?? null,
      reason: i.reason,
    },
    on: i.withdrawnOn ?? stored.case.referredOn,
  }),
);

const ParticipantInput = builder.inputType("ParticipantInput", {
  description: "A seat in a meeting's composition (kokoonpano).",
  fields: (t) => ({
    role: t.field({ type: ParticipantRoleEnum, required: true, description: "How the participant takes part." }),
    organisationId: t.id({
      required: false,
      description: "Organisation represented; omit for the client and guardians.",
    }),
    staffId: t.id({ required: false, description: "Staff member, when known." }),
    profession: t.field({ type: ProfessionEnum, required: false, description: "Profession." }),
    guardianId: t.string({ required: false, description: "The guardian, for a guardian's seat.", validate: z.uuid() }),
  }),
});

const MeetingPlaceInput = builder.inputType("MeetingPlaceInput", {
  description:
    "Where a meeting is held: give exactly one of `premisesId` (one of the team's premises, see `premises`) or `description` (another place in words, e.g. a school's meeting room).",
  fields: (t) => ({
    premisesId: t.id({ required: false, description: "One of the team's premises (`Premises.premisesId`)." }),
    description: t.string({
      required: false,
      description: "Another place, in words (at most 200 characters). Write no client data here.",
      validate: z.string().trim().min(1).max(200),
    }),
  }),
});

/** The domain's logistics from the flat input; a place given both ways or half a time is invalid input. */
function logisticsOf(i: {
  startTime?: string | null;
  durationMinutes?: number | null;
  place?: { premisesId?: string | number | null; description?: string | null } | null;
}): MeetingLogistics | null | InvalidInputFailure {
  const given = [i.startTime, i.durationMinutes, i.place].filter((v) => v != null).length;
  if (given === 0) return null;
  if (given < 3 || !i.place || !i.startTime || i.durationMinutes == null)
    return new InvalidInputFailure(
      "INPUT.INVALID",
      {
        fi: "Tapaamisen alkamisaika, kesto ja paikka annetaan yhdessä.",
        sv: "Mötets starttid, längd och plats anges tillsammans.",
        en: "A meeting's start time, duration and place are given together.",
      },
      ["input", i.startTime == null ? "startTime" : i.durationMinutes == null ? "durationMinutes" : "place"],
    );
  const { premisesId, description } = i.place;
  if ((premisesId == null) === (description == null))
    return new InvalidInputFailure(
      "INPUT.INVALID",
      {
        fi: "Anna paikka joko työryhmän tilana tai sanoin, ei molempia.",
        sv: "Ange platsen antingen som en av teamets lokaler eller med ord, inte båda.",
        en: "Give the place either as one of the team's premises or in words, not both.",
      },
      ["input", "place"],
    );
  const parsed = meetingLogisticsSchema.safeParse({
    startTime: i.startTime,
    durationMinutes: i.durationMinutes,
    place: premisesId != null ? { kind: "premises", premisesId: String(premisesId) } : { kind: "other", description },
  });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return new InvalidInputFailure(
      "INPUT.INVALID",
      {
        fi: "Tapaaminen päättyy samana päivänä kuin alkaa.",
        sv: "Mötet slutar samma dag som det börjar.",
        en: "A meeting ends on the day it starts.",
      },
      ["input", ...(issue?.path.map(String) ?? [])],
    );
  }
  return parsed.data;
}

caseMutation(
  "planMeeting",
  "Plans a client meeting with its composition and, optionally, its start time, duration and place (all three together). Refused with the domain's reasons when anyone outside the core team lacks consent for the day, or the place is not one of the team's premises. A place already booked or a staff member in another meeting at the same time is accepted and returned in `warnings`.",
  (t) => ({
    plannedOn: day(t, "Planned day."),
    composition: t.field({
      type: [ParticipantInput],
      required: true,
      description: "Participants.",
      validate: z.array(z.unknown()).min(1).max(30),
    }),
    startTime: t.string({
      required: false,
      description:
        "Start time on the planned day, HH:MM (24-hour clock), Helsinki time (Europe/Helsinki). Given with `durationMinutes` and `place`.",
      validate: clockTimeSchema,
    }),
    durationMinutes: t.int({
      required: false,
      description: "Length in minutes (5–480); the meeting ends on its planned day.",
      validate: z.number().int().min(5).max(maxMeetingMinutes),
    }),
    place: t.field({ type: MeetingPlaceInput, required: false, description: "Where the meeting is held." }),
  }),
  (i) => {
    const logistics = logisticsOf(i);
    if (logistics instanceof InvalidInputFailure) return logistics;
    return {
      command: {
        type: "plan-meeting",
        meetingId: newId(),
        logistics,
        plannedOn: i.plannedOn,
        composition: i.composition.map((p, n) => ({
          id: `p${String(n + 1)}`,
          role: p.role,
          organisationId: p.organisationId ?? null,
          staffId: p.staffId ?? null,
          profession: p.profession ?? null,
          guardianId: p.guardianId ?? null,
        })),
      },
      on: i.plannedOn,
    };
  },
  planningWarnings,
);

const meetingField = (t: InputFields) => t.string({ required: true, description: "The meeting.", validate: z.uuid() });

caseMutation(
  "recordMeetingHeld",
  "Records that a planned meeting was held and who attended (participant ids p1, p2, …). Consent is checked again for the day held.",
  (t) => ({
    meetingId: meetingField(t),
    heldOn: day(t, "Day held."),
    attended: t.stringList({
      required: true,
      description: "Participant ids that attended.",
      validate: z.array(z.string().max(20)).max(30),
    }),
  }),
  (i) => ({
    command: { type: "record-meeting-held", meetingId: i.meetingId, heldOn: i.heldOn, attended: i.attended },
    on: i.heldOn,
  }),
);

caseMutation(
  "cancelMeeting",
  "Cancels a planned meeting.",
  (t) => ({ meetingId: meetingField(t), on: day(t, "Day cancelled.") }),
  (i) => ({
    command: { type: "cancel-meeting", meetingId: i.meetingId, on: i.on },
    on: i.on,
  }),
);

caseMutation(
  "recordMeetingRecord",
  "Records a held meeting in the client and statistics records (kirjaus); written once.",
  (t) => ({
    meetingId: meetingField(t),
    recordedOn: day(t, "Day recorded."),
    inClientRecord: t.boolean({ required: true, description: "Recorded in the client records." }),
    inStatistics: t.boolean({ required: true, description: "Recorded in the statistics." }),
  }),

  (i, _s, _team, actor) => ({
    command: {
      type: "record-meeting-record",
      meetingId: i.meetingId,
      record: {
        recordedOn: i.recordedOn,
        recordedBy: actor.login,
        inClientRecord: i.inClientRecord,
        inStatistics: i.inStatistics,
      },
    },
    on: i.recordedOn,
  }),
);

caseMutation(
  "completeMeetingRecord",
  "Completes the record of a meeting recorded in only one of the client and statistics records (CASE.RECORD_INCOMPLETE): an amending entry, kept beside the first record, which is never rewritten. Refused when the meeting has no record yet or the amendment adds nothing missing.",
  (t) => ({
    meetingId: meetingField(t),
    recordedOn: day(t, "Day the missing entry was made; not before the first record, not in the future."),
    inClientRecord: t.boolean({
      required: true,
      description: "True when this entry records the meeting in the client records (asiakastietojärjestelmä).",
    }),
    inStatistics: t.boolean({
      required: true,
      description: "True when this entry records the meeting in the statistics (tilastointijärjestelmä).",
    }),
  }),
  (i, _s, _team, actor) => ({
    command: {
      type: "complete-meeting-record",
      meetingId: i.meetingId,
      amendment: {
        id: newId(),
        recordedOn: i.recordedOn,
        recordedBy: actor.login,
        inClientRecord: i.inClientRecord,
        inStatistics: i.inStatistics,
      },
    },
    on: i.recordedOn,
  }),
);

const InvitationInput = builder.inputType("InvitationInput", {
  description: "One seat of the meeting invited, and how.",
  fields: (t) => ({
    participantId: t.string({
      required: true,
      description: "The seat (`Participant.participantId`: p1, p2, …).",
      validate: z.string().max(20),
    }),
    channel: t.field({ type: InvitationChannelEnum, required: true, description: "How the invitation was sent." }),
  }),
});

builder.mutationField("sendInvitations", (t) =>
  t.field({
    type: CasePayload,
    description:
      "Records that seats of a planned meeting (staff, the client, guardians, invited organisations) were invited, how and on which day. Only for those who may change the case (need-to-know on a full basis); a meeting of a case the caller may not change is NOT_FOUND. Refused after the meeting's day, for a meeting held or cancelled, for a seat not in the composition, and for anyone outside the core team without consent in force on the day sent.",
    authScopes: { caseworker: true },
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The invitations.",
        type: builder.inputType("SendInvitationsInput", {
          description: "Input of sendInvitations.",
          fields: (f) => ({
            meetingId: f.string({ required: true, description: "The meeting.", validate: z.uuid() }),
            invitations: f.field({
              type: [InvitationInput],
              required: true,
              description: "The seats invited (at most 30), each once.",
              validate: z.array(z.unknown()).min(1).max(30),
            }),
            sentOn: f.field({ type: "Date", required: false, description: "Day sent; defaults to today." }),
            expectedVersion: f.int({
              required: false,
              description:
                "The case version you read; if it has changed since, the mutation returns ConflictError and writes nothing.",
            }),
          }),
        }),
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const caseId = await caseOfMeeting(ctx, input.meetingId, ["input", "meetingId"]);
      const on = input.sentOn ?? ctx.today;
      return runCaseCommand(ctx, { caseId, expectedVersion: input.expectedVersion }, (_stored, _team, actor) => ({
        command: {
          type: "send-invitations",
          meetingId: input.meetingId,
          on,
          sentBy: actor.login,
          invitations: input.invitations.map((x) => ({
            id: newId(),
            participantId: x.participantId,
            channel: x.channel,
          })),
        },
        on,
      }));
    },
  }),
);

builder.mutationField("answerInvitation", (t) =>
  t.field({
    type: CasePayload,
    description:
      "Records a participant's answer to an invitation, once: a changed answer is recorded against a new invitation, so what was said when is kept. Only for those who may change the case; an invitation of a case the caller may not change is NOT_FOUND.",
    authScopes: { caseworker: true },
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The answer.",
        type: builder.inputType("AnswerInvitationInput", {
          description: "Input of answerInvitation.",
          fields: (f) => ({
            invitationId: f.string({
              required: true,
              description: "The invitation (`MeetingInvitation.invitationId`).",
              validate: z.uuid(),
            }),
            answer: f.field({ type: InvitationAnswerEnum, required: true, description: "Accepted or declined." }),
            answeredOn: f.field({
              type: "Date",
              required: false,
              description: "Day the answer came; defaults to today.",
            }),
            expectedVersion: f.int({
              required: false,
              description:
                "The case version you read; if it has changed since, the mutation returns ConflictError and writes nothing.",
            }),
          }),
        }),
      }),
    },
    resolve: async (_root, { input }, ctx) => {
      const caseId = await caseOfInvitation(ctx, input.invitationId, ["input", "invitationId"]);
      const on = input.answeredOn ?? ctx.today;
      return runCaseCommand(ctx, { caseId, expectedVersion: input.expectedVersion }, (_stored, _team, actor) => ({
        command: {
          type: "answer-invitation",
          invitationId: input.invitationId,
          answer: input.answer,
          on,
          recordedBy: actor.login,
        },
        on,
      }));
    },
  }),
);

caseMutation(
  "informResponsibleWorker",
  "Records that the responsible social worker was informed of a meeting they did not attend.",
  (t) => ({ meetingId: meetingField(t), on: day(t, "Day informed.") }),
  (i) => ({
    command: { type: "inform-responsible-worker", meetingId: i.meetingId, on: i.on },
    on: i.on,
  }),
);

caseMutation(
  "makeReferral",
  "Records a referral of the client to a service (palveluohjaus).",
  (t) => ({
    service: t.field({ type: ServiceKindEnum, required: true, description: "The service." }),
    organisationId: t.id({ required: true, description: "Organisation providing it." }),
    meetingId: t.string({ required: false, description: "The held meeting it was made in.", validate: z.uuid() }),
    madeOn: day(t, "Day made."),
    proposedOnly: t.boolean({ required: false, description: "True when only proposed to the client so far." }),
  }),
  (i) => ({
    command: {
      type: "make-referral",
      referral: {
        id: newId(),
        meetingId: i.meetingId ?? null,
        service: i.service,
        organisationId: i.organisationId,
        madeOn: i.madeOn,
        status: i.proposedOnly ? "proposed" : "made",
        statusChangedOn: i.madeOn,
      },
    },
    on: i.madeOn,
  }),
);

caseMutation(
  "updateReferral",
  "Moves a referral to a new status; final statuses (completed, declined, cancelled) do not change again.",
  (t) => ({
    referralId: t.string({ required: true, description: "The referral.", validate: z.uuid() }),
    status: t.field({ type: ReferralStatusEnum, required: true, description: "New status." }),
    on: day(t, "Day of the change."),
  }),
  (i) => ({
    command: { type: "update-referral", referralId: i.referralId, status: i.status, on: i.on },
    on: i.on,
  }),
);

builder.mutationField("addCaseNote", (t) =>
  t.field({
    type: CasePayload,
    description: "Adds a note to a case, readable only inside the signed-in person's organisation.",
    authScopes: { caseworker: true },
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The note.",
        type: builder.inputType("AddCaseNoteInput", {
          description: "A note on a case.",
          fields: (f) => ({
            caseId: f.string({ required: true, description: "The case.", validate: z.uuid() }),
            kind: f.field({ type: NoteKindEnum, required: true, description: "The field the note belongs to." }),
            body: f.string({
              required: true,
              description: "The text (at most 20 000 characters).",
              validate: z.string().trim().min(1).max(20_000),
            }),
            writtenOn: f.field({ type: "Date", required: false, description: "Day written; defaults to today." }),
          }),
        }),
      }),
    },
    resolve: (_root, { input }, ctx) => addCaseNote(ctx, input),
  }),
);
