import {
  ageBand,
  canInvite,
  checkCase,
  clientAge,
  coreOrganisationIds,
  isConsentInEffect,
  membershipInForce,
  type DefaultAgeBand,
  type referralSources,
  endTimeOf,
} from "@ankkuri/domain";
import { visibleCaseIds } from "@ankkuri/db";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { dayArgument, localisedColumns } from "./common.js";
import "./localised-field.js";
import {
  AgeBandCodeEnum,
  CaseStatusEnum,
  CaseTypeEnum,
  CloseReasonEnum,
  ConsentFormEnum,
  ConsentGiverKindEnum,
  GuardianRelationshipEnum,
  NoteKindEnum,
  MeetingStatusEnum,
  ParticipantRoleEnum,
  ProfessionEnum,
  ReferralSourceEnum,
  ReferralStatusEnum,
  ServiceKindEnum,
  InvitationAnswerEnum,
  InvitationChannelEnum,
} from "./enums.js";
import { visibleInvitations, visibleMeetings } from "./case-visibility.js";
import { RuleViolationRef } from "./errors.js";
import { organisationNamed } from "./cached-organisations.js";
import "./organisation-field.js";
import { Organisation } from "./organisation.js";

const AgeBandRef = builder.objectRef<DefaultAgeBand>("AgeBand").implement({
  description:
    "An age band of reports (ikäryhmä); under-15s are always their own band (criminal responsibility from 15).",
  fields: (t) => ({
    code: t.field({
      type: AgeBandCodeEnum,
      resolve: (b) => b.code,
      description: "The band, as `CaseFilter.ageBand` takes it.",
    }),
    label: t.localised((b) => b.label, { description: "Readable label." }),
  }),
});

/** One referral of a case's client to the team: the case's first, or a later one while it was open. */
const ReferralEventRef = builder
  .objectRef<{
    first: boolean;
    referredOn: string;
    referralSource: (typeof referralSources)[number];
    referredByOrganisationId: string | null;
    givenName: string;
    familyName: string;
  }>("ReferralEvent")
  .implement({
    description: "A referral (ohjaus) of the client to the team, as its referrer made it.",
    fields: (t) => ({
      first: t.exposeBoolean("first", { description: "True for the referral that opened the case." }),
      referredOn: t.field({ type: "Date", resolve: (e) => e.referredOn, description: "Day referred." }),
      referralSource: t.field({
        type: ReferralSourceEnum,
        resolve: (e) => e.referralSource,
        description: "Who referred.",
      }),
      referredBy: t.organisation((e) => e.referredByOrganisationId, {
        nullable: true,
        description:
          "The referring person's organisation; null when not recorded on the case (a referrer who did not take part in the client's earlier cases is named only in the access log).",
      }),
      givenName: t.exposeString("givenName", {
        description: "The client's given name as the referrer gave it (the first referral: as on the client's record).",
      }),
      familyName: t.exposeString("familyName", {
        description:
          "The client's family name as the referrer gave it (the first referral: as on the client's record).",
      }),
    }),
  });

/** A membership as the Case type loads it for access (`select` below). */
interface CaseMembershipRow {
  organisationId: string;
  basis: string;
  validFrom: string;
  validTo: string | null;
}

const CaseOrganisation = builder.objectRef<CaseMembershipRow>("CaseOrganisation");

/** Ascending order of ids and ISO dates, as the database's C collation orders them. */
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The domain's view of a case, for fields computed by the rules. */
async function storedCase(ctx: GatewayContext, caseId: string) {
  const stored = await ctx.storedCase(caseId);
  if (!stored) throw new Error(`case ${caseId} vanished`);
  return stored;
}

export const Case = builder.drizzleNode("cases", {
  name: "Case",
  description:
    "A client case (asiakkuus): selection, consents, meetings, records and referrals. Visible only to caseworkers of organisations taking part in it; every read is logged.",
  id: { column: (c) => [c.teamId, c.id], description: "Global id of the case." },
  // What access is decided on (`caseMember`): every membership with its basis and days.
  select: {
    columns: { teamId: true, id: true, clientId: true, status: true },
    with: {
      memberships: { columns: { organisationId: true, basis: true, consentIds: true, validFrom: true, validTo: true } },
    },
  },
  authScopes: (c) => ({ caseMember: c }),
  fields: (t) => ({
    caseId: t.exposeString("id", { description: "The case's own id (UUID)." }),
    type: t.expose("type", { type: CaseTypeEnum, description: "Type of case." }),
    status: t.expose("status", { type: CaseStatusEnum, description: "Lifecycle status." }),
    referredOn: t.expose("referredOn", { type: "Date", description: "Day referred (ohjauspäivä)." }),
    referralSource: t.expose("referralSource", { type: ReferralSourceEnum, description: "Who referred." }),
    selectionStartedOn: t.expose("selectionStartedOn", {
      type: "Date",
      nullable: true,
      description: "Day the selection started.",
    }),
    decidedOn: t.expose("decidedOn", { type: "Date", nullable: true, description: "Day admitted or declined." }),
    activatedOn: t.expose("activatedOn", { type: "Date", nullable: true, description: "Day work started." }),
    closedOn: t.expose("closedOn", { type: "Date", nullable: true, description: "Day closed." }),
    closeReason: t.expose("closeReason", { type: CloseReasonEnum, nullable: true, description: "Why closed." }),
    childWelfareNotifiedOn: t.expose("childWelfareNotifiedOn", {
      type: "Date",
      nullable: true,
      description: "Day a child welfare notification was made (lastensuojeluilmoitus, LSL 25 §).",
    }),
    version: t.exposeInt("version", {
      description: "Row version: send it as `expectedVersion` to update without overwriting someone else's change.",
    }),
    client: t.relation("client", { description: "The client (asiakas)." }),
    guardians: t.relation("guardians", {
      query: { orderBy: { position: "asc", id: "asc" } },
      description: "Guardians (huoltajat) of a minor client.",
    }),
    existingClientships: t.relation("existingClientships", {
      query: { orderBy: { position: "asc", organisationId: "asc" } },
      description: "Existing client relationships with other organisations and their responsible social workers.",
    }),
    organisations: t.field({
      type: [CaseOrganisation],
      description:
        "Organisations that may see the case today, one entry per basis (the need-to-know grant): the selecting units and the referrer from the referral, an organisation with a recorded client relationship, and meeting seats — outside the core team only under the consents behind them, until the first of those ends.",
      // From the memberships the type loads for its access check: no statement of its own (a
      // relation filtered by the day could not share their selection and was read again per page).
      resolve: (c, _args, ctx) =>
        c.memberships
          .filter((m) => membershipInForce({ from: m.validFrom, to: m.validTo }, ctx.today))
          .sort((a, b) => byText(a.validFrom, b.validFrom) || byText(a.organisationId, b.organisationId)),
    }),
    referralEvents: t.field({
      type: [ReferralEventRef],
      select: {
        columns: { referredOn: true, referralSource: true, referredByOrganisationId: true },
        with: {
          client: { columns: { givenName: true, familyName: true } },
          referralEvents: {
            columns: {
              id: true,
              referredOn: true,
              referralSource: true,
              referredByOrganisationId: true,
              givenName: true,
              familyName: true,
            },
            orderBy: { referredOn: "asc", id: "asc" },
          },
        },
      },
      resolve: (c) => [
        {
          first: true,
          referredOn: c.referredOn,
          referralSource: c.referralSource,
          referredByOrganisationId: c.referredByOrganisationId,
          givenName: c.client.givenName,
          familyName: c.client.familyName,
        },
        ...c.referralEvents.map((e) => ({ ...e, first: false })),
      ],
      description:
        "The referrals (ohjaukset) of this case's client to the team, oldest first: the case's own first referral, then each later referral made while the case was open, with the names as its referrer gave them.",
    }),
    previousCaseId: t.string({
      nullable: true,
      select: { columns: { previousCaseId: true } },
      resolve: async (c, _args, ctx) => {
        if (c.previousCaseId === null || !ctx.access) return null;
        // Named only to someone who may see it: to anyone else it is as if there were none.
        const visible = await visibleCaseIds(ctx.db, ctx.access, [c.previousCaseId]);
        return visible.has(c.previousCaseId) ? c.previousCaseId : null;
      },
      description:
        "For a returning client whose earlier cases had all ended: the latest of them, which this case continues. Null when there is none or the signed-in person may not see it.",
    }),
    laterReferrals: t.field({
      type: ["Date"],
      select: { with: { links: { columns: { linkedOn: true }, where: { relation: "same-client" } } } },
      resolve: (c) => c.links.map((l) => l.linkedOn),
      description:
        "Days the same client (recognised by identity code) was referred to the team again after this case. Shown to whoever may see this case; the new case itself only to those who may see it, and nothing of this case to the new case's referrer.",
    }),
    selection: t.relation("selection", {
      query: { orderBy: { position: "asc", staffId: "asc" } },
      description: "Decisions of the client selection (asiakasvalinta).",
    }),
    consents: t.relation("consents", {
      query: { orderBy: { position: "asc", id: "asc" } },
      description: "Consents (luvat) to invite parties outside the core team.",
    }),
    meetings: t.relation("meetings", {
      query: (_args, ctx) => ({ where: visibleMeetings(ctx), orderBy: { position: "asc", id: "asc" } }),
      description:
        "Client meetings (tapaamiset) in the order planned: all of them for organisations taking part on a full basis, only those with their own seat for organisations present under consent or a client relationship.",
    }),
    nextMeeting: t.field({
      type: Meeting,
      nullable: true,
      description: "The next planned meeting on or after today, if any.",
      select: (_args, ctx, nestedSelection) => ({
        with: {
          meetings: nestedSelection({
            where: { status: "planned", plannedOn: { gte: ctx.today }, ...visibleMeetings(ctx) },
            orderBy: { plannedOn: "asc", id: "asc" },
            limit: 1,
          }),
        },
      }),
      resolve: (c) => c.meetings[0] ?? null,
    }),
    referrals: t.relation("referrals", {
      query: { orderBy: { position: "asc", id: "asc" } },
      description: "Referrals to services (palveluohjaukset).",
    }),
    notes: t.relation("notes", {
      description:
        "Notes of the signed-in person's own organisation only: confidential police or health details never leave their organisation (003 § 9).",
      query: (_args, ctx) => ({
        where: { organisationId: ctx.actor?.organisationId ?? "" },
        orderBy: { writtenOn: "desc", id: "desc" },
      }),
    }),
    violations: t.field({
      type: [RuleViolationRef],
      args: { asOf: t.arg(dayArgument("Day of the check; defaults to today.")) },
      description:
        "Rule violations of the case on the day (the domain's checkCase): unrecorded meetings, missing consents, missing responsible worker …",
      resolve: async (c, args, ctx) => {
        const asOf = args.asOf ?? ctx.today;
        const stored = await storedCase(ctx, c.id);
        return checkCase(stored.case, {
          asOf,
          coreOrganisationIds: coreOrganisationIds((await ctx.team()).dataset.agreement, asOf),
          organisations: (await ctx.team()).organisations,
        });
      },
    }),
    invitation: t.field({
      type: InvitationRef,
      args: {
        organisationId: t.arg.id({ required: true, description: "The organisation to invite." }),
        on: t.arg(dayArgument("Day of the meeting; defaults to today.")),
      },
      description:
        "Whether the organisation may be invited to a meeting of this case on the day, and on what basis, or why not (consent policy).",
      resolve: async (c, args, ctx) => {
        const on = args.on ?? ctx.today;
        const stored = await storedCase(ctx, c.id);
        const team = await ctx.team();
        return canInvite(stored.case, args.organisationId, on, {
          coreOrganisationIds: coreOrganisationIds(team.dataset.agreement, on),
          organisations: team.organisations,
        });
      },
    }),
  }),
});

const InvitationRef = builder.objectRef<ReturnType<typeof canInvite>>("Invitation").implement({
  description:
    "Whether a party may be invited to a client meeting (kutsumisen peruste): the core team always; others only with consent.",
  fields: (t) => ({
    allowed: t.exposeBoolean("allowed", { description: "Whether the invitation is allowed." }),
    basis: t.string({
      nullable: true,
      resolve: (d) => (d.allowed ? d.basis : null),
      description: "core-team or consent, when allowed.",
    }),
    consentIds: t.stringList({
      resolve: (d) => (d.allowed && d.basis === "consent" ? d.consentIds : []),
      description: "The consents the invitation rests on.",
    }),
    reasons: t.field({
      type: [RuleViolationRef],
      resolve: (d) => (d.allowed ? [] : d.reasons),
      description: "Why not, when refused: each missing consent separately.",
    }),
  }),
});

builder.drizzleObject("clients", {
  name: "Client",
  description:
    "A client (asiakas): a child, young person or adult. The identity code is stored only encrypted and never returned.",
  // The identity code's ciphertext and keyed hash stay in the database unless `hasIdentityCode` is
  // asked for; the fields below read only what the type selects, straight from the row.
  select: { columns: { id: true, givenName: true, familyName: true, birthDate: true } },
  fields: (t) => ({
    clientId: t.string({ resolve: (c) => c.id, description: "The client's id (UUID)." }),
    givenName: t.string({ resolve: (c) => c.givenName, description: "Given name." }),
    familyName: t.string({ resolve: (c) => c.familyName, description: "Family name." }),
    birthDate: t.field({ type: "Date", resolve: (c) => c.birthDate, description: "Birth date (syntymäaika)." }),
    hasIdentityCode: t.boolean({
      select: { columns: { identityCodeCiphertext: true } },
      resolve: (c) => c.identityCodeCiphertext !== null,
      description: "Whether a personal identity code is on record (it is never returned).",
    }),
    age: t.int({
      args: { on: t.arg(dayArgument()) },
      resolve: (c, args, ctx) => clientAge(c.birthDate, args.on ?? ctx.today),
      description: "Age in completed years on the day.",
    }),
    ageBand: t.field({
      type: AgeBandRef,
      args: { on: t.arg(dayArgument()) },
      resolve: (c, args, ctx) => ageBand(c.birthDate, args.on ?? ctx.today),
      description: "Report age band on the day.",
    }),
  }),
});

builder.drizzleObject("guardians", {
  name: "Guardian",
  description: "A guardian of a minor client (huoltaja).",
  fields: (t) => ({
    guardianId: t.exposeString("id", { description: "Guardian id." }),
    givenName: t.exposeString("givenName", { description: "Given name." }),
    familyName: t.exposeString("familyName", { description: "Family name." }),
    relationship: t.expose("relationship", {
      type: GuardianRelationshipEnum,
      description: "How the guardian is related to the client.",
    }),
    hasCustody: t.exposeBoolean("hasCustody", {
      description: "Whether the guardian has custody (only they give consent).",
    }),
  }),
});

builder.drizzleObject("existingClientships", {
  name: "ExistingClientship",
  description:
    "The client is already a client of another organisation; the team works with its responsible social worker (003 § 4.2).",
  fields: (t) => ({
    organisation: t.organisation((x) => x.organisationId, { description: "The organisation." }),
    since: t.field({ type: "Date", nullable: true, resolve: (x) => x.since, description: "Since when." }),
    endedOn: t.field({
      type: "Date",
      nullable: true,
      resolve: (x) => x.endedOn,
      description:
        "The day the relationship ended (not in force from then; the organisation's access on it ended the day before); null while it lasts.",
    }),
    responsibleWorkerName: t.exposeString("responsibleWorkerName", {
      nullable: true,
      description: "The responsible social worker (vastuusosiaalityöntekijä); null if not yet named.",
    }),
  }),
});

CaseOrganisation.implement({
  description: "An organisation's access to a case, on one basis, for an interval (asiakkuuden osapuoli).",
  fields: (t) => ({
    organisation: t.organisation((x) => x.organisationId, { description: "The organisation." }),
    since: t.field({ type: "Date", resolve: (x) => x.validFrom, description: "First day of access on this basis." }),
    until: t.field({
      type: "Date",
      nullable: true,
      resolve: (x) => x.validTo,
      description: "Last day of access on this basis; null while open (a consent-based one ends with its consents).",
    }),
    basis: t.exposeString("basis", {
      description:
        "Why: selecting-unit, referrer, existing-clientship, meeting-seat (core team) or consent (a seat under consent).",
    }),
  }),
});

builder.drizzleObject("selectionDecisions", {
  name: "SelectionDecision",
  description: "One selection participant's decision (valintapäätös).",
  fields: (t) => ({
    staffMember: t.relation("staffMember", { nullable: true, description: "Who decided." }),
    organisation: t.organisation((d) => d.organisationId, { description: "For which organisation." }),
    profession: t.field({ type: ProfessionEnum, resolve: (d) => d.profession, description: "Profession." }),
    admit: t.boolean({ resolve: (d) => d.decision === "admit", description: "True to admit, false to decline." }),
    decidedOn: t.field({ type: "Date", resolve: (d) => d.decidedOn, description: "Day decided." }),
  }),
});

builder.drizzleObject("consents", {
  name: "Consent",
  description:
    "Consent to invite organisations outside the core team (lupa), by the client or a guardian; withdrawal stops invitations from its day.",
  fields: (t) => ({
    consentId: t.exposeString("id", { description: "Consent id." }),
    giverKind: t.field({ type: ConsentGiverKindEnum, resolve: (c) => c.giverKind, description: "Who gave it." }),
    guardian: t.relation("guardian", { nullable: true, description: "The guardian, when a guardian gave it." }),
    organisations: t.field({
      type: [Organisation],
      select: { with: { scopes: { columns: { organisationId: true }, orderBy: { position: "asc" } } } },
      resolve: (c, _args, ctx, info) => c.scopes.map((s) => organisationNamed(ctx, info, s.organisationId)),
      description: "Organisations the consent covers (and their units).",
    }),
    givenOn: t.field({ type: "Date", resolve: (c) => c.givenOn, description: "Day given." }),
    validUntil: t.field({
      type: "Date",
      nullable: true,
      resolve: (c) => c.validUntil,
      description: "Last valid day, if limited.",
    }),
    withdrawnOn: t.field({
      type: "Date",
      nullable: true,
      resolve: (c) => c.withdrawnOn,
      description: "Day withdrawn (peruttu).",
    }),
    form: t.field({ type: ConsentFormEnum, resolve: (c) => c.form, description: "How given." }),
    inEffect: t.boolean({
      args: { on: t.arg(dayArgument()) },
      resolve: (c, args, ctx) => isConsentInEffect(c, args.on ?? ctx.today),
      description: "Whether in effect on the day: given, not expired, not withdrawn.",
    }),
  }),
});

export const Meeting = builder.drizzleObject("meetings", {
  name: "Meeting",
  description:
    "A client meeting (asiakastapaaminen): planned with a composition, then held or cancelled, then recorded.",
  fields: (t) => ({
    meetingId: t.exposeString("id", { description: "Meeting id." }),
    caseId: t.exposeString("caseId", { description: "The case's id (UUID), e.g. to open it from a calendar." }),
    plannedOn: t.field({ type: "Date", resolve: (m) => m.plannedOn, description: "Planned day." }),
    status: t.field({ type: MeetingStatusEnum, resolve: (m) => m.status, description: "Planned, held or cancelled." }),
    heldOn: t.field({ type: "Date", nullable: true, resolve: (m) => m.heldOn, description: "Day held." }),
    responsibleWorkerInformedOn: t.field({
      type: "Date",
      nullable: true,
      resolve: (m) => m.responsibleWorkerInformedOn,
      description: "Day the responsible social worker was informed, if not present.",
    }),
    participants: t.relation("participants", {
      query: { orderBy: { position: "asc", id: "asc" } },
      description: "The composition (kokoonpano) and attendance.",
    }),
    record: t.relation("record", {
      nullable: true,
      description: "The record in the client and statistics records (kirjaus), once written.",
    }),
    referrals: t.relation("referrals", { description: "Referrals made in this meeting." }),
    startTime: t.string({
      nullable: true,
      resolve: (m) => m.startTime,
      description: "Start time on the planned day, HH:MM, Helsinki time (Europe/Helsinki); null when not fixed.",
    }),
    durationMinutes: t.int({
      nullable: true,
      resolve: (m) => m.durationMinutes,
      description: "Length in minutes; null when the time is not fixed.",
    }),
    endTime: t.string({
      nullable: true,
      resolve: (m) =>
        m.startTime === null || m.durationMinutes === null ? null : endTimeOf(m.startTime, m.durationMinutes),
      description: "End time on the planned day, HH:MM, Helsinki time (24:00 for a meeting ending at midnight).",
    }),
    premises: t.relation("premises", {
      nullable: true,
      description:
        "The team's premises the meeting is held in; null when it is held elsewhere or the place is not fixed.",
    }),
    placeDescription: t.string({
      nullable: true,
      resolve: (m) => m.placeDescription,
      description: "Another place than the team's premises, in words; null when held in premises or not fixed.",
    }),
    invitations: t.relation("invitations", {
      query: (_args, ctx) => ({ where: visibleInvitations(ctx), orderBy: { position: "asc", id: "asc" } }),
      description:
        "Who was invited, how and when, and their answers, in the order sent. Organisations taking part on a full basis see every invitation; those present under consent or a client relationship see only those of their own seats.",
    }),
  }),
});

builder.drizzleObject("premises", {
  name: "Premises",
  description:
    "A place the team holds client meetings in (tila): the city's rooms for client meetings and the police department's own (003 § 7).",
  fields: (t) => ({
    premisesId: t.exposeString("id", { description: "Premises id, to plan a meeting in." }),
    name: t.localised((p) => localisedColumns(p, "name"), { description: "Name in the requested language." }),
    address: t.exposeString("address", { nullable: true, description: "Street address, when given." }),
    organisation: t.organisation((p) => p.organisationId, { description: "The organisation providing the place." }),
  }),
});

builder.drizzleObject("meetingInvitations", {
  name: "MeetingInvitation",
  description: "An invitation of one seat of a meeting (kutsu): how and when it was sent, and the answer.",
  fields: (t) => ({
    invitationId: t.exposeString("id", { description: "Invitation id, to record the answer." }),
    participant: t.relation("participant", { description: "The seat invited." }),
    channel: t.field({ type: InvitationChannelEnum, resolve: (i) => i.channel, description: "How it was sent." }),
    sentOn: t.field({ type: "Date", resolve: (i) => i.sentOn, description: "Day sent." }),
    sentBy: t.exposeString("sentBy", { description: "Who sent it (login)." }),
    answer: t.field({
      type: InvitationAnswerEnum,
      nullable: true,
      resolve: (i) => i.answer,
      description: "The answer; null until one is recorded.",
    }),
    answeredOn: t.field({
      type: "Date",
      nullable: true,
      resolve: (i) => i.answeredOn,
      description: "Day the answer came.",
    }),
  }),
});

builder.drizzleObject("meetingParticipants", {
  name: "Participant",
  description: "A seat in a meeting's composition (kokoonpano) and whether that participant attended.",
  fields: (t) => ({
    participantId: t.exposeString("id", { description: "Participant id within the meeting." }),
    role: t.field({
      type: ParticipantRoleEnum,
      resolve: (p) => p.role,
      description: "How the participant takes part.",
    }),
    organisation: t.organisation((p) => p.organisationId, {
      description: "Organisation represented; null for the client and guardians.",
      nullable: true,
    }),
    staffMember: t.relation("staffMember", { nullable: true, description: "The staff member, when known." }),
    profession: t.field({
      type: ProfessionEnum,
      nullable: true,
      resolve: (p) => p.profession,
      description: "Profession.",
    }),
    attended: t.exposeBoolean("attended", { description: "Whether the participant attended a held meeting." }),
  }),
});

builder.drizzleObject("meetingRecords", {
  name: "MeetingRecord",
  description: "The record of a held meeting (kirjaus) in the client and statistics records (003 § 4.2).",
  fields: (t) => ({
    recordedOn: t.field({ type: "Date", resolve: (r) => r.recordedOn, description: "Day recorded." }),
    recordedBy: t.exposeString("recordedBy", { description: "Who recorded it." }),
    inClientRecord: t.exposeBoolean("inClientRecord", {
      description:
        "Recorded in the client records (asiakastietojärjestelmä) by the first record; an amendment may have added it since (see `amendments`).",
    }),
    inStatistics: t.exposeBoolean("inStatistics", {
      description:
        "Recorded in the statistics (tilastointijärjestelmä) by the first record; an amendment may have added it since (see `amendments`).",
    }),
    amendments: t.relation("amendments", {
      query: { orderBy: { position: "asc", id: "asc" } },
      description: "Entries that completed the record later (completeMeetingRecord), oldest first; never changed.",
    }),
  }),
});

builder.drizzleObject("meetingRecordAmendments", {
  name: "MeetingRecordAmendment",
  description: "An entry that completed a meeting's record later (täydennys); the first record stays as it was.",
  fields: (t) => ({
    recordedOn: t.field({ type: "Date", resolve: (a) => a.recordedOn, description: "Day the missing entry was made." }),
    recordedBy: t.exposeString("recordedBy", { description: "Who made it (login)." }),
    inClientRecord: t.exposeBoolean("inClientRecord", {
      description: "This entry records the meeting in the client records.",
    }),
    inStatistics: t.exposeBoolean("inStatistics", { description: "This entry records the meeting in the statistics." }),
  }),
});

builder.drizzleObject("referrals", {
  name: "Referral",
  description: "A referral of the client to a service (palveluohjaus): the goal of the work.",
  fields: (t) => ({
    referralId: t.exposeString("id", { description: "Referral id." }),
    service: t.field({ type: ServiceKindEnum, resolve: (r) => r.service, description: "The service." }),
    organisation: t.organisation((r) => r.organisationId, { description: "The organisation providing it." }),
    meeting: t.relation("meeting", { nullable: true, description: "The meeting it was made in, if any." }),
    madeOn: t.field({ type: "Date", resolve: (r) => r.madeOn, description: "Day made." }),
    status: t.field({ type: ReferralStatusEnum, resolve: (r) => r.status, description: "Status." }),
    statusChangedOn: t.field({
      type: "Date",
      resolve: (r) => r.statusChangedOn,
      description: "Day of the last status change.",
    }),
    version: t.exposeInt("version", { description: "Row version." }),
  }),
});

builder.drizzleObject("caseNotes", {
  name: "CaseNote",
  description: "A note on a case (muistiinpano), readable only inside the organisation that wrote it.",
  authScopes: (note) => ({ noteReader: note }),
  fields: (t) => ({
    noteId: t.exposeString("id", { description: "Note id." }),
    kind: t.expose("kind", { type: NoteKindEnum, description: "The field the note belongs to." }),
    organisation: t.organisation((n) => n.organisationId, { description: "The writing organisation." }),
    writtenOn: t.field({ type: "Date", resolve: (n) => n.writtenOn, description: "Day written." }),
    writtenBy: t.exposeString("writtenBy", { description: "Who wrote it." }),
    body: t.exposeString("body", { description: "The text." }),
  }),
});
