import { and, eq, schema } from "@ankkuri/db";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org, testIdentityCode } from "@ankkuri/domain";
import { fictionalLogins as login } from "@ankkuri/processes";
import { expect } from "vitest";
import {
  AdmitCaseDocument,
  PlanMeetingDocument,
  RecordConsentDocument,
  RecordSelectionDecisionDocument,
  ReferCaseDocument,
  StartSelectionDocument,
  type ParticipantInput,
} from "@ankkuri/client/operations";
import type { GraphQLBody, Harness } from "./harness.js";

/** The day the tests run on, as the gateway's clock sees it. */
export const today = "2026-11-22";
export const clock = () => new Date(`${today}T09:00:00Z`);

export { org };

/** A school social worker (fictional) of the Education Division: outside the core team, invited only under consent. */
export const schoolSocialWorker = {
  login: "eeva.kuraattori",
  staffId: "st-edu-kuraattori",
  name: "Eeva Kuraattori",
  organisationId: org.education,
} as const;

/** A GraphQL POST as one signed-in user. */
export type PostAs = (query: string, variables: Record<string, unknown>) => Promise<GraphQLBody>;

/**
 * Adds the school social worker to the team: a staff member with a 0.1 FTE assignment and a user account.
 * Returns a POST as her: the harness signs in only the seeded users.
 */
export async function addSchoolSocialWorker(h: Harness, teamId: string = helsinkiAnkkuri.team.id): Promise<PostAs> {
  const w = schoolSocialWorker;
  await h.database.db.insert(schema.staff).values({
    teamId,
    id: w.staffId,
    organisationId: w.organisationId,
    profession: "social-worker",
    givenName: "Eeva",
    familyName: "Kuraattori",
    title: "koulukuraattori",
    login: w.login,
  });
  await h.database.db.insert(schema.assignments).values({
    teamId,
    id: "as-edu-kuraattori",
    staffId: w.staffId,
    organisationId: w.organisationId,
    fraction: 0.1,
    validFrom: "2026-01-01",
    needsPremisesAccess: false,
  });
  await h.database.db.insert(schema.users).values({ teamId, login: w.login, displayName: w.name, staffId: w.staffId });
  const token = await h.issuer.signClaims({ sub: w.login, name: w.name });
  return async (query, variables) => (await h.gql(null, query, variables, { authorization: `Bearer ${token}` })).body;
}

/** Logins of the seeded fictional users by role. */
export { login };

/** Narrows a mutation result union to the expected member, failing with the actual error otherwise. */
export function as<T extends { __typename: string }, N extends T["__typename"]>(
  result: T | undefined,
  typename: N,
): Extract<T, { __typename: N }> {
  expect(result?.__typename, JSON.stringify(result)).toBe(typename);
  return result as Extract<T, { __typename: N }>;
}

let sequence = 0;
/** A fresh test-range identity code (individual numbers 900–999) for a child born on `birthDate`. */
export function nextIdentityCode(birthDate = "2011-04-05"): string {
  sequence += 1;
  const day = String(1 + (Math.floor(sequence / 100) % 28)).padStart(2, "0");
  return testIdentityCode(`${birthDate.slice(0, 8)}${day}`, 900 + (sequence % 100));
}

let referrals = 0;

/**
 * Refers a new case (a minor with one guardian) as `by`; returns its id. A referrer outside the
 * selecting units is answered with a receipt, without the case: its id is then read from the database.
 */
export async function refer(
  h: Harness,
  options: { by?: string; birthDate?: string; referredOn?: string } = {},
): Promise<string> {
  referrals += 1;
  const familyName = `Esimerkki-${String(referrals)}`;
  const { data, errors } = await h.request(options.by ?? login.police, ReferCaseDocument, {
    input: {
      type: "YOUTH_CRIME",
      referredOn: options.referredOn ?? "2026-10-01",
      referralSource: "POLICE",
      client: { identityCode: nextIdentityCode(options.birthDate), givenName: "Eetu", familyName },
      guardians: [{ givenName: "Anna", familyName: "Esimerkki", relationship: "PARENT", hasCustody: true }],
    },
  });
  expect(errors).toBeUndefined();
  if (data?.referCase.__typename === "CasePayload") return data.referCase.case.caseId;
  as(data?.referCase, "ReferralReceipt");
  const { cases, clients } = schema;
  const rows = await h.database.db
    .select({ id: cases.id })
    .from(cases)
    .innerJoin(clients, and(eq(clients.teamId, cases.teamId), eq(clients.id, cases.clientId)))
    .where(eq(clients.familyName, familyName));
  expect(rows).toHaveLength(1);
  return rows[0]?.id ?? "";
}

/** Takes a referred case through a complete, unanimous selection to ADMITTED. */
export async function admit(h: Harness, caseId: string, on = "2026-10-05"): Promise<void> {
  as(
    (await h.request(login.police, StartSelectionDocument, { input: { caseId, on } })).data?.startSelection,
    "CasePayload",
  );
  for (const who of [login.police, login.socialWorker, login.nurse]) {
    as(
      (await h.request(who, RecordSelectionDecisionDocument, { input: { caseId, admit: true, decidedOn: on } })).data
        ?.recordSelectionDecision,
      "CasePayload",
    );
  }
  as((await h.request(login.police, AdmitCaseDocument, { input: { caseId, on } })).data?.admitCase, "CasePayload");
}

/** A core-team composition: the police and youth services, and the client. */
export const coreComposition: ParticipantInput[] = [
  { role: "CORE", organisationId: org.policePrevention, profession: "POLICE_OFFICER" },
  { role: "CORE", organisationId: org.youthServices, profession: "YOUTH_WORKER" },
  { role: "CLIENT" },
];

/** Plans a meeting with the core composition; returns its id. */
export async function planCoreMeeting(
  h: Harness,
  caseId: string,
  plannedOn = "2026-12-01",
  composition: ParticipantInput[] = coreComposition,
): Promise<string> {
  const payload = as(
    (await h.request(login.police, PlanMeetingDocument, { input: { caseId, plannedOn, composition } })).data
      ?.planMeeting,
    "CasePayload",
  );
  const meeting = payload.case.meetings[payload.case.meetings.length - 1];
  if (!meeting) throw new Error("no meeting");
  return meeting.meetingId;
}

/** Records consents of every required giver of a minor (the client and the guardian) for `organisations`. */
export async function consentAll(
  h: Harness,
  caseId: string,
  guardianId: string,
  organisations: string[],
  givenOn = "2026-10-06",
): Promise<void> {
  for (const giver of [{ giverKind: "CLIENT" as const }, { giverKind: "GUARDIAN" as const, guardianId }]) {
    as(
      (
        await h.request(login.socialWorker, RecordConsentDocument, {
          input: { caseId, ...giver, organisationIds: organisations, givenOn, form: "WRITTEN" },
        })
      ).data?.recordConsent,
      "CasePayload",
    );
  }
}

/** The id of the case's first guardian, as the police officer reads it. */
export async function firstGuardianId(h: Harness, caseId: string): Promise<string> {
  const detail = await h.gql(login.police, `query($id: String!) { case(caseId: $id) { guardians { guardianId } } }`, {
    id: caseId,
  });
  const kase = detail.body.data?.case as { guardians: { guardianId: string }[] } | undefined;
  return kase?.guardians[0]?.guardianId ?? "";
}

/**
 * Gives the Education Division a seat in an admitted case under consent alone: the client and the guardian
 * consent to it, and a core meeting on 25 November invites it (as `staffId` when given).
 */
export async function inviteEducationUnderConsent(h: Harness, caseId: string, staffId?: string): Promise<void> {
  await consentAll(h, caseId, await firstGuardianId(h, caseId), [org.education]);
  await planCoreMeeting(h, caseId, "2026-11-25", [
    ...coreComposition,
    { role: "INVITED", organisationId: org.education, profession: "OTHER", ...(staffId ? { staffId } : {}) },
  ]);
}
