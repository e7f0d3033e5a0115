import {
  type Case,
  type CaseMembership,
  caseSchema,
  decideReferral,
  type LocalDate,
  type MeetingPlace,
  parseIdentityCode,
  type ReferralDecision,
} from "@ankkuri/domain";
import { and, eq, inArray, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Executor } from "../client.js";
import { RowNotFoundError, StaleWriteError } from "../errors.js";
import type { IdentityVault } from "../keys/identity-vault.js";
import {
  caseLinks,
  caseMemberships,
  cases,
  clients,
  consentScopes,
  consentWithdrawals,
  consents,
  existingClientships,
  guardians,
  meetingInvitations,
  meetingParticipants,
  meetingRecordAmendments,
  meetingRecords,
  meetings,
  referralEvents,
  referrals,
  selectionDecisions,
} from "../schema/tables.js";

/** A case as stored: the domain aggregate, the client's name, and every organisation's access to it. */
export interface StoredCase {
  case: Case;
  client: { id: string; givenName: string; familyName: string; hasIdentityCode: boolean };
  guardianNames: Record<string, { givenName: string; familyName: string }>;
  /** The need-to-know grant: who may see the case on which days (`caseMemberships`). */
  memberships: CaseMembership[];
}

/**
 * Loads a case with everything the domain rules need, in one relational query. Null when the case
 * does not exist in the team.
 */
const caseWith = {
  client: true,
  guardians: { orderBy: { position: "asc", id: "asc" } },
  existingClientships: { orderBy: { position: "asc", organisationId: "asc" } },
  memberships: true,
  removedControllerParts: { orderBy: { removedOn: "asc", controllerId: "asc" } },
  selection: { orderBy: { position: "asc", staffId: "asc" } },
  consents: {
    with: {
      scopes: { orderBy: { position: "asc", organisationId: "asc" } },
      withdrawals: { orderBy: { position: "asc", id: "asc" } },
    },
    orderBy: { position: "asc", id: "asc" },
  },
  meetings: {
    with: {
      participants: { orderBy: { position: "asc", id: "asc" } },
      record: { with: { amendments: { orderBy: { position: "asc", id: "asc" } } } },
      invitations: { orderBy: { position: "asc", id: "asc" } },
    },
    orderBy: { position: "asc", id: "asc" },
  },
  referrals: { orderBy: { position: "asc", id: "asc" } },
} as const;

/**
 * Loads a case with everything the domain rules need, in one relational query. Null when the case
 * does not exist in the team.
 */
export async function loadCase(db: Executor, teamId: string, caseId: string): Promise<StoredCase | null> {
  const row = await db.query.cases.findFirst({ where: { teamId, id: caseId }, with: caseWith });
  return row ? toStoredCase(row) : null;
}

/** Loads many cases of a team in one query (for checks over a page of cases); missing ids are skipped. */
export async function loadCases(db: Executor, teamId: string, caseIds: readonly string[]): Promise<StoredCase[]> {
  if (caseIds.length === 0) return [];
  const rows = await db.query.cases.findMany({ where: { teamId, id: { in: [...caseIds] } }, with: caseWith });
  return rows.map(toStoredCase);
}

/** A meeting row's place as the domain holds it: one of the team's premises, a described place, or none. */
export function meetingPlaceOf(m: { premisesId: string | null; placeDescription: string | null }): MeetingPlace | null {
  if (m.premisesId !== null) return { kind: "premises", premisesId: m.premisesId };
  if (m.placeDescription !== null) return { kind: "other", description: m.placeDescription };
  return null;
}

// Only its type is used: the row shape of a case read with `caseWith`.
function _findCaseRow(db: Executor) {
  return db.query.cases.findFirst({ with: caseWith });
}
type CaseRow = NonNullable<Awaited<ReturnType<typeof _findCaseRow>>>;

function toStoredCase(row: CaseRow): StoredCase {
  const domainCase = caseSchema.parse({
    id: row.id,
    teamId: row.teamId,
    type: row.type,
    status: row.status,
    referredOn: row.referredOn,
    referralSource: row.referralSource,
    referredByOrganisationId: row.referredByOrganisationId,
    client: { id: row.clientId, birthDate: row.client.birthDate },
    guardians: row.guardians.map((g) => ({ id: g.id, relationship: g.relationship, hasCustody: g.hasCustody })),
    existingClientships: row.existingClientships.map((x) => ({
      organisationId: x.organisationId,
      since: x.since,
      recordedOn: x.recordedOn,
      endedOn: x.endedOn,
      responsibleWorker:
        x.responsibleWorkerName === null || x.responsibleWorkerOrganisationId === null
          ? null
          : {
              staffId: x.responsibleWorkerStaffId,
              name: x.responsibleWorkerName,
              organisationId: x.responsibleWorkerOrganisationId,
            },
    })),
    selection: row.selection.map((d) => ({
      staffId: d.staffId,
      organisationId: d.organisationId,
      profession: d.profession,
      decision: d.decision,
      decidedOn: d.decidedOn,
    })),
    selectionStartedOn: row.selectionStartedOn,
    decidedOn: row.decidedOn,
    activatedOn: row.activatedOn,
    closedOn: row.closedOn,
    closeReason: row.closeReason,
    consents: row.consents.map((c) => ({
      id: c.id,
      giver: c.giverKind === "client" ? { kind: "client" } : { kind: "guardian", guardianId: c.guardianId },
      organisationIds: c.scopes.map((s) => s.organisationId),
      givenOn: c.givenOn,
      validUntil: c.validUntil,
      withdrawnOn: c.withdrawnOn,
      withdrawals: c.withdrawals.map((w) => ({
        id: w.id,
        withdrawnOn: w.withdrawnOn,
        recordedOn: w.recordedOn,
        corrects: w.corrects,
        reason: w.reason,
      })),
      form: c.form,
    })),
    meetings: row.meetings.map((m) => ({
      id: m.id,
      plannedOn: m.plannedOn,
      status: m.status,
      heldOn: m.heldOn,
      composition: m.participants.map((p) => ({
        id: p.id,
        role: p.role,
        organisationId: p.organisationId,
        staffId: p.staffId,
        profession: p.profession,
        guardianId: p.guardianId,
      })),
      attended: m.participants.filter((p) => p.attended).map((p) => p.id),
      record: m.record
        ? {
            recordedOn: m.record.recordedOn,
            recordedBy: m.record.recordedBy,
            inClientRecord: m.record.inClientRecord,
            inStatistics: m.record.inStatistics,
            amendments: m.record.amendments.map((a) => ({
              id: a.id,
              recordedOn: a.recordedOn,
              recordedBy: a.recordedBy,
              inClientRecord: a.inClientRecord,
              inStatistics: a.inStatistics,
            })),
          }
        : null,
      responsibleWorkerInformedOn: m.responsibleWorkerInformedOn,
      composedOn: m.composedOn,
      cancelledOn: m.cancelledOn,
      startTime: m.startTime,
      durationMinutes: m.durationMinutes,
      place: meetingPlaceOf(m),
      invitations: m.invitations.map((i) => ({
        id: i.id,
        participantId: i.participantId,
        channel: i.channel,
        sentOn: i.sentOn,
        sentBy: i.sentBy,
        answer: i.answer,
        answeredOn: i.answeredOn,
        answerRecordedBy: i.answerRecordedBy,
      })),
    })),
    referrals: row.referrals.map((r) => ({
      id: r.id,
      meetingId: r.meetingId,
      service: r.service,
      organisationId: r.organisationId,
      madeOn: r.madeOn,
      status: r.status,
      statusChangedOn: r.statusChangedOn,
    })),
    childWelfareNotification:
      row.childWelfareNotifiedOn === null || row.childWelfareNotifiedById === null
        ? null
        : { madeOn: row.childWelfareNotifiedOn, organisationId: row.childWelfareNotifiedById },
    removedControllerParts: row.removedControllerParts.map((p) => ({
      controllerId: p.controllerId,
      removedOn: p.removedOn,
    })),
    version: row.version,
  });
  return {
    case: domainCase,
    client: {
      id: row.client.id,
      givenName: row.client.givenName,
      familyName: row.client.familyName,
      hasIdentityCode: row.client.identityCodeCiphertext !== null,
    },
    guardianNames: Object.fromEntries(
      row.guardians.map((g) => [g.id, { givenName: g.givenName, familyName: g.familyName }]),
    ),
    memberships: row.memberships.map((m) => ({
      organisationId: m.organisationId,
      basis: m.basis,
      meetingId: m.meetingId,
      consentIds: m.consentIds,
      from: m.validFrom,
      to: m.validTo,
    })),
  };
}

/** A referral: the client (by test-range identity code, or birth date for those without one) and the case. */
export interface ReferralInput {
  teamId: string;
  /** The id a new case gets; unused when the referral joins the client's open case. */
  caseId: string;
  type: Case["type"];
  referredOn: LocalDate;
  referralSource: Case["referralSource"];
  /** The referring person's organisation. */
  referredByOrganisationId: string;
  client: {
    identityCode?: string | undefined;
    birthDate?: LocalDate | undefined;
    givenName: string;
    familyName: string;
  };
  guardians?: {
    givenName: string;
    familyName: string;
    relationship: "parent" | "legal-guardian" | "other";
    hasCustody: boolean;
  }[];
  /**
   * Who may see a new case from the referral on (`referralMemberships`), given the organisation
   * recorded as its referrer: none when the referrer may not see the client's earlier cases.
   */
  memberships: readonly CaseMembership[] | ((referredByOrganisationId: string | null) => readonly CaseMembership[]);
  /**
   * Whether the referrer may already see one of these earlier cases (need-to-know), read in the same
   * transaction; without it, nobody is taken to know the client.
   */
  referrerMaySee?: (tx: Executor, caseIds: readonly string[]) => Promise<boolean>;
}

/**
 * Outcome of {@link referCase}: what the referral did (`decideReferral`), the case it joined or
 * opened, the client, the team's earlier cases of the same person, and whether the referrer may
 * already see one of them.
 */
export interface ReferralResult {
  decision: ReferralDecision;
  caseId: string;
  clientId: string;
  earlierCaseIds: string[];
  referrerKnowsClient: boolean;
  /** The referral event a joined case got. */
  referralEventId: string | null;
}

/** The identity code or birth date of a referral is not usable. */
export class InvalidClientIdentityError extends Error {
  override readonly name = "InvalidClientIdentityError";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Records a referral. The client is recognised by the keyed hash of the identity code (one record
 * per person); `decideReferral` says what the referral does: a client with an open case has it
 * joined, as a later referral event with the names as the referrer gave them; a client whose cases
 * have all ended gets a new case naming the latest as its previous case and linked from the earlier
 * ones (`same-client`), so that those who took part in them learn the client came back; anyone else
 * is a new client. A referrer who may not see the client's earlier cases is not recorded as the new
 * case's referrer, so the referral opens nothing of the client to them. The database keeps one open
 * case per client (`cases_one_open_case_per_client`) and one record per identity code: a concurrent
 * referral of the same person fails on them, and is then retried by the caller.
 */
export async function referCase(db: Executor, vault: IdentityVault, input: ReferralInput): Promise<ReferralResult> {
  const { teamId } = input;
  let birthDate = input.client.birthDate;
  let identity: { ciphertext: string; hmac: string } | null = null;
  if (input.client.identityCode !== undefined) {
    const parsed = parseIdentityCode(input.client.identityCode);
    if (!parsed.ok) throw new InvalidClientIdentityError(parsed.error.code, parsed.error.message.en);
    birthDate = parsed.value.birthDate;
    identity = { ciphertext: vault.encrypt(parsed.value.value, teamId), hmac: vault.hmac(parsed.value.value) };
  }
  if (birthDate === undefined)
    throw new InvalidClientIdentityError("CLIENT.BIRTH_DATE_MISSING", "Give the client's identity code or birth date");
  const clientBirthDate = birthDate;
  return db.transaction(async (tx) => {
    const [known] = identity
      ? await tx
          .select({ id: clients.id })
          .from(clients)
          .where(and(eq(clients.teamId, teamId), eq(clients.identityCodeHmac, identity.hmac)))
      : [];
    const earlier = known
      ? await tx
          .select({ id: cases.id, status: cases.status, referredOn: cases.referredOn })
          .from(cases)
          .where(and(eq(cases.teamId, teamId), eq(cases.clientId, known.id)))
      : [];
    const earlierCaseIds = earlier.map((e) => e.id);
    const referrerKnowsClient =
      earlier.length > 0 && input.referrerMaySee !== undefined && (await input.referrerMaySee(tx, earlierCaseIds));
    const decision = decideReferral(earlier);

    if (decision.kind === "add-to-open-case" && known) {
      const referralEventId = uuidv7();
      await tx.insert(referralEvents).values({
        teamId,
        caseId: decision.caseId,
        id: referralEventId,
        referredOn: input.referredOn,
        referralSource: input.referralSource,
        referredByOrganisationId: input.referredByOrganisationId,
        givenName: input.client.givenName,
        familyName: input.client.familyName,
      });
      // The case has changed: a writer holding the earlier version must reload.
      await tx
        .update(cases)
        .set({ version: sql`${cases.version} + 1`, updatedAt: new Date() })
        .where(and(eq(cases.teamId, teamId), eq(cases.id, decision.caseId)));
      return {
        decision,
        caseId: decision.caseId,
        clientId: known.id,
        earlierCaseIds,
        referrerKnowsClient,
        referralEventId,
      };
    }

    const caseId = input.caseId;
    let clientId = known?.id;
    if (clientId === undefined) {
      clientId = uuidv7();
      await tx.insert(clients).values({
        teamId,
        id: clientId,
        identityCodeCiphertext: identity?.ciphertext ?? null,
        identityCodeHmac: identity?.hmac ?? null,
        birthDate: clientBirthDate,
        givenName: input.client.givenName,
        familyName: input.client.familyName,
      });
    }
    const referrer = decision.kind === "new-client" || referrerKnowsClient ? input.referredByOrganisationId : null;
    await tx.insert(cases).values({
      teamId,
      id: caseId,
      clientId,
      type: input.type,
      status: "referred",
      referredOn: input.referredOn,
      referralSource: input.referralSource,
      referredByOrganisationId: referrer,
      previousCaseId: decision.kind === "open-linked-case" ? decision.previousCaseId : null,
    });
    const newGuardians = (input.guardians ?? []).map((g, position) => ({
      teamId,
      caseId,
      id: uuidv7(),
      position,
      ...g,
    }));
    if (newGuardians.length > 0) await tx.insert(guardians).values(newGuardians);
    const memberships = typeof input.memberships === "function" ? input.memberships(referrer) : input.memberships;
    await writeMemberships(tx, teamId, caseId, memberships);
    if (earlier.length > 0) {
      await tx.insert(caseLinks).values(
        earlier.map((e) => ({
          teamId,
          caseId: e.id,
          linkedCaseId: caseId,
          relation: "same-client" as const,
          linkedOn: input.referredOn,
        })),
      );
    }
    return { decision, caseId, clientId, earlierCaseIds, referrerKnowsClient, referralEventId: null };
  });
}

/** Replaces a case's memberships with those derived from its current state. */
export async function writeMemberships(
  tx: Executor,
  teamId: string,
  caseId: string,
  memberships: readonly CaseMembership[],
): Promise<void> {
  await tx.delete(caseMemberships).where(and(eq(caseMemberships.teamId, teamId), eq(caseMemberships.caseId, caseId)));
  if (memberships.length === 0) return;
  await tx.insert(caseMemberships).values(
    memberships.map((m) => ({
      teamId,
      caseId,
      id: uuidv7(),
      organisationId: m.organisationId,
      basis: m.basis,
      meetingId: m.meetingId,
      consentIds: m.consentIds,
      validFrom: m.from,
      validTo: m.to,
    })),
  );
}

/** What saving needs beyond the two versions of the case. */
export interface SaveCaseContext {
  /** Who made the change (staff id or login), recorded on consents and their withdrawals. */
  actorId: string;
  /** Names of guardians added by the change, by guardian id. */
  guardianNames?: Record<string, { givenName: string; familyName: string }>;
  /** Who may see the case after the change (`caseMemberships` of `after`); replaces what was stored. */
  memberships: readonly CaseMembership[];
}

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((i) => [i.id, i]));

/**
 * Persists the change from `before` to `after` (the result of `applyCaseCommand`) in one transaction.
 * The case row is updated only if its stored version is still `before.version`: a concurrent writer
 * makes this throw `StaleWriteError` and nothing is written. The case's memberships are rewritten
 * from `context.memberships`, so access follows every change to what it rests on.
 */
export async function saveCase(db: Executor, before: Case, after: Case, context: SaveCaseContext): Promise<void> {
  const teamId = after.teamId;
  const caseId = after.id;
  await db.transaction(async (tx) => {
    const updated = await tx
      .update(cases)
      .set({
        status: after.status,
        selectionStartedOn: after.selectionStartedOn,
        decidedOn: after.decidedOn,
        activatedOn: after.activatedOn,
        closedOn: after.closedOn,
        closeReason: after.closeReason,
        childWelfareNotifiedOn: after.childWelfareNotification?.madeOn ?? null,
        childWelfareNotifiedById: after.childWelfareNotification?.organisationId ?? null,
        version: after.version,
        updatedAt: new Date(),
      })
      .where(and(eq(cases.teamId, teamId), eq(cases.id, caseId), eq(cases.version, before.version)))
      .returning({ id: cases.id });
    if (updated.length === 0) {
      const exists = await tx
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.teamId, teamId), eq(cases.id, caseId)));
      if (exists.length === 0) throw new RowNotFoundError("case", caseId);
      throw new StaleWriteError("case", caseId, before.version);
    }

    const oldGuardians = byId(before.guardians);
    const position = <T>(list: readonly T[], item: T) => list.indexOf(item);
    const addedGuardians = after.guardians.filter((g) => !oldGuardians.has(g.id));
    if (addedGuardians.length > 0) {
      await tx.insert(guardians).values(
        addedGuardians.map((g) => ({
          teamId,
          caseId,
          id: g.id,
          position: position(after.guardians, g),
          relationship: g.relationship,
          hasCustody: g.hasCustody,
          givenName: context.guardianNames?.[g.id]?.givenName ?? "(ei nimeä)",
          familyName: context.guardianNames?.[g.id]?.familyName ?? "(ei nimeä)",
        })),
      );
    }

    for (const x of after.existingClientships) {
      const old = before.existingClientships.find((o) => o.organisationId === x.organisationId);
      if (old && JSON.stringify(old) === JSON.stringify(x)) continue;
      const values = {
        since: x.since,
        recordedOn: x.recordedOn,
        endedOn: x.endedOn,
        responsibleWorkerName: x.responsibleWorker?.name ?? null,
        responsibleWorkerStaffId: x.responsibleWorker?.staffId ?? null,
        responsibleWorkerOrganisationId: x.responsibleWorker?.organisationId ?? null,
        updatedAt: new Date(),
      };
      await tx
        .insert(existingClientships)
        .values({
          teamId,
          caseId,
          organisationId: x.organisationId,
          position: position(after.existingClientships, x),
          ...values,
        })
        .onConflictDoUpdate({
          target: [existingClientships.teamId, existingClientships.caseId, existingClientships.organisationId],
          set: values,
        });
    }

    const oldDecisions = new Set(before.selection.map((d) => d.staffId));
    const addedDecisions = after.selection.filter((d) => !oldDecisions.has(d.staffId));
    if (addedDecisions.length > 0) {
      await tx
        .insert(selectionDecisions)
        .values(addedDecisions.map((d) => ({ teamId, caseId, position: position(after.selection, d), ...d })));
    }

    const oldConsents = byId(before.consents);
    for (const c of after.consents) {
      const old = oldConsents.get(c.id);
      if (!old) {
        await tx.insert(consents).values({
          teamId,
          caseId,
          id: c.id,
          position: position(after.consents, c),
          giverKind: c.giver.kind,
          guardianId: c.giver.kind === "guardian" ? c.giver.guardianId : null,
          givenOn: c.givenOn,
          validUntil: c.validUntil,
          withdrawnOn: c.withdrawnOn,
          form: c.form,
          recordedBy: context.actorId,
        });
        await tx
          .insert(consentScopes)
          .values(
            c.organisationIds.map((organisationId, i) => ({ teamId, consentId: c.id, organisationId, position: i })),
          );
      } else if (old.withdrawnOn !== c.withdrawnOn) {
        await tx
          .update(consents)
          .set({ withdrawnOn: c.withdrawnOn, updatedAt: new Date() })
          .where(and(eq(consents.teamId, teamId), eq(consents.id, c.id)));
      }
      const recorded = new Set((old?.withdrawals ?? []).map((w) => w.id));
      const added = c.withdrawals.filter((w) => !recorded.has(w.id));
      if (added.length > 0) {
        await tx.insert(consentWithdrawals).values(
          added.map((w) => ({
            teamId,
            consentId: c.id,
            id: w.id,
            withdrawnOn: w.withdrawnOn,
            recordedOn: w.recordedOn,
            recordedBy: context.actorId,
            corrects: w.corrects,
            reason: w.reason,
            position: c.withdrawals.indexOf(w),
          })),
        );
      }
    }

    const oldMeetings = byId(before.meetings);
    for (const m of after.meetings) {
      const old = oldMeetings.get(m.id);
      if (!old) {
        await tx.insert(meetings).values({
          teamId,
          caseId,
          id: m.id,
          position: position(after.meetings, m),
          plannedOn: m.plannedOn,
          status: m.status,
          heldOn: m.heldOn,
          responsibleWorkerInformedOn: m.responsibleWorkerInformedOn,
          composedOn: m.composedOn,
          cancelledOn: m.cancelledOn,
          startTime: m.startTime,
          durationMinutes: m.durationMinutes,
          premisesId: m.place?.kind === "premises" ? m.place.premisesId : null,
          placeDescription: m.place?.kind === "other" ? m.place.description : null,
        });
        await tx.insert(meetingParticipants).values(
          m.composition.map((p, i) => ({
            teamId,
            meetingId: m.id,
            id: p.id,
            position: i,
            role: p.role,
            organisationId: p.organisationId,
            staffId: p.staffId,
            profession: p.profession,
            guardianId: p.guardianId,
            attended: m.attended.includes(p.id),
          })),
        );
      } else if (
        old.status !== m.status ||
        old.heldOn !== m.heldOn ||
        old.responsibleWorkerInformedOn !== m.responsibleWorkerInformedOn ||
        old.cancelledOn !== m.cancelledOn
      ) {
        await tx
          .update(meetings)
          .set({
            status: m.status,
            heldOn: m.heldOn,
            responsibleWorkerInformedOn: m.responsibleWorkerInformedOn,
            cancelledOn: m.cancelledOn,
            updatedAt: new Date(),
          })
          .where(and(eq(meetings.teamId, teamId), eq(meetings.id, m.id)));
      }
      const newlyAttended = m.attended.filter((id) => !(old?.attended ?? m.attended).includes(id));
      if (old && newlyAttended.length > 0) {
        await tx
          .update(meetingParticipants)
          .set({ attended: true })
          .where(
            and(
              eq(meetingParticipants.teamId, teamId),
              eq(meetingParticipants.meetingId, m.id),
              inArray(meetingParticipants.id, newlyAttended),
            ),
          );
      }
      if (m.record !== null && (old?.record ?? null) === null) {
        const { amendments: _none, ...record } = m.record;
        await tx.insert(meetingRecords).values({ teamId, meetingId: m.id, ...record });
      }
      // Amendments are appended, never changed (the database refuses an update).
      const amended = new Set((old?.record?.amendments ?? []).map((a) => a.id));
      const amendments = m.record?.amendments ?? [];
      const newAmendments = amendments.filter((a) => !amended.has(a.id));
      if (newAmendments.length > 0) {
        await tx
          .insert(meetingRecordAmendments)
          .values(newAmendments.map((a) => ({ teamId, meetingId: m.id, position: amendments.indexOf(a), ...a })));
      }
      const sent = new Map((old?.invitations ?? []).map((i) => [i.id, i]));
      const newInvitations = m.invitations.filter((i) => !sent.has(i.id));
      if (newInvitations.length > 0) {
        await tx
          .insert(meetingInvitations)
          .values(newInvitations.map((i) => ({ teamId, meetingId: m.id, position: m.invitations.indexOf(i), ...i })));
      }
      for (const i of m.invitations) {
        const before = sent.get(i.id);
        if (!before || before.answer === i.answer) continue;
        await tx
          .update(meetingInvitations)
          .set({ answer: i.answer, answeredOn: i.answeredOn, answerRecordedBy: i.answerRecordedBy })
          .where(and(eq(meetingInvitations.teamId, teamId), eq(meetingInvitations.id, i.id)));
      }
    }

    const oldReferrals = byId(before.referrals);
    for (const r of after.referrals) {
      const old = oldReferrals.get(r.id);
      if (!old) await tx.insert(referrals).values({ teamId, caseId, position: position(after.referrals, r), ...r });
      else if (old.status !== r.status) {
        await tx
          .update(referrals)
          .set({ status: r.status, statusChangedOn: r.statusChangedOn, updatedAt: new Date() })
          .where(and(eq(referrals.teamId, teamId), eq(referrals.id, r.id)));
      }
    }

    await writeMemberships(tx, teamId, caseId, context.memberships);
  });
}

/** A fresh id for a row of a case (UUID v7: time-ordered, so inserts stay at the end of the index). */
export function newId(): string {
  return uuidv7();
}
