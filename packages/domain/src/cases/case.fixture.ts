import { addDays, addMonths, type LocalDate } from "../core/local-date.js";
import type { Result } from "../core/violation.js";
import { indexOrganisations, type OrganisationIndex, organisationSchema } from "../organisations/organisation.js";
import type { Profession } from "../staffing/profession.js";
import {
  type Case,
  type CaseInput,
  caseSchema,
  type Consent,
  type ConsentGiver,
  type Guardian,
  type Participant,
  type SelectionDecision,
} from "./case.js";
import type { CaseCommand } from "./case-commands.js";
import { applyCaseCommand, type CaseContext } from "./case-lifecycle.js";
import type { ClientshipRecording } from "./existing-clientship-rules.js";

/*
 * Shared builders for the case tests. Every person and organisation here is fictional; clients are
 * described by a birth date only.
 */

/** Fictional organisations: four core-team parties and three outside the core team. */
export const orgs = {
  police: "org-test-police",
  social: "org-test-social",
  psychiatry: "org-test-psychiatry",
  youth: "org-test-youth",
  school: "org-test-school",
  schoolUnit: "org-test-school-unit",
  childWelfare: "org-test-child-welfare",
} as const;

/** The core team of the fixtures: consent is never needed for these. */
export const coreOrganisationIds: readonly string[] = [orgs.police, orgs.social, orgs.psychiatry, orgs.youth];

/** Organisations outside the core team. */
export const nonCoreOrganisationIds: readonly string[] = [orgs.school, orgs.schoolUnit, orgs.childWelfare];

/** "Today" of the fixtures' commands: well after every fixture day, so only plans lie ahead of it. */
export const fixtureToday: LocalDate = "2035-12-31";

/** A social worker of the fixtures' selecting units records; only child welfare holds clients of its own. */
export const fixtureRecording: ClientshipRecording = {
  organisationId: orgs.social,
  selectingUnits: [orgs.police, orgs.social, orgs.psychiatry],
  clientHolders: [orgs.childWelfare],
};

/** Command context with the fixture core team, no organisation index, and {@link fixtureRecording}. */
export const caseContext: CaseContext = { coreOrganisationIds, today: fixtureToday, recording: fixtureRecording };

function testOrganisation(id: string, parentId: string | null, fi: string) {
  return organisationSchema.parse({
    id,
    kind: parentId === null ? "legal-entity" : "unit",
    parentId,
    name: { fi, sv: fi, en: fi },
    businessId: null,
    sector: "education",
  });
}

/** The school and its sub-unit, so that a consent for the school can cover the unit. */
export const organisationIndex: OrganisationIndex = indexOrganisations([
  testOrganisation(orgs.school, null, "Testikoulu"),
  testOrganisation(orgs.schoolUnit, orgs.school, "Testikoulun oppilashuolto"),
]);

/** A staff member as the commands see them. */
export interface TestStaff {
  id: string;
  organisationId: string;
  profession: Profession;
}

/** Fictional staff: the three selection professions, a youth worker and a second social worker. */
export const staff = {
  police: { id: "staff-police", organisationId: orgs.police, profession: "police-officer" },
  social: { id: "staff-social", organisationId: orgs.social, profession: "social-worker" },
  nurse: { id: "staff-nurse", organisationId: orgs.psychiatry, profession: "psychiatric-nurse" },
  youth: { id: "staff-youth", organisationId: orgs.youth, profession: "youth-worker" },
  social2: { id: "staff-social-2", organisationId: orgs.social, profession: "social-worker" },
} as const satisfies Record<string, TestStaff>;

/** Day 0 of the fixtures: the referral date of {@link buildCase}. */
export const day0: LocalDate = "2025-03-03";

/** `n` days after {@link day0} (negative before). */
export function day(n: number): LocalDate {
  return addDays(day0, n);
}

/** Birth date of someone who turns `age` on `on`. */
export function bornYearsBefore(on: LocalDate, age: number): LocalDate {
  return addMonths(on, -12 * age);
}

/** Default client: 13 years old on {@link day0}, so both the client and the guardians consent. */
export const defaultBirthDate: LocalDate = "2011-06-15";

/** A freshly referred case; `overrides` go through `caseSchema.parse`, so defaults apply. */
export function buildCase(overrides: Partial<CaseInput> = {}): Case {
  return caseSchema.parse({
    id: "case-test-1",
    teamId: "team-test",
    type: "youth-crime",
    status: "referred",
    referredOn: day0,
    referralSource: "school",
    client: { id: "client-test-1", birthDate: defaultBirthDate },
    ...overrides,
  });
}

/** A guardian with custody unless told otherwise. */
export function guardian(id: string, hasCustody = true): Guardian {
  return { id, relationship: "parent", hasCustody };
}

/** The fixture staff member of a selection profession. */
export function staffOf(profession: "police-officer" | "social-worker" | "psychiatric-nurse"): TestStaff {
  return profession === "police-officer" ? staff.police : profession === "social-worker" ? staff.social : staff.nurse;
}

/** One selection decision by `who`. */
export function decision(
  who: TestStaff,
  choice: "admit" | "decline" = "admit",
  decidedOn: LocalDate = day(2),
): SelectionDecision {
  return {
    staffId: who.id,
    organisationId: who.organisationId,
    profession: who.profession,
    decision: choice,
    decidedOn,
  };
}

/** Decisions of all three selection professions, `choice` by each unless `declinedBy` is named. */
export function fullSelection(decidedOn: LocalDate = day(2), declinedBy: TestStaff | null = null): SelectionDecision[] {
  return [staff.police, staff.social, staff.nurse].map((s) =>
    decision(s, s === declinedBy ? "decline" : "admit", decidedOn),
  );
}

/** A core-team seat for a staff member. */
export function coreSeat(who: TestStaff, id = `p-${who.id}`): Participant {
  return {
    id,
    role: "core",
    organisationId: who.organisationId,
    staffId: who.id,
    profession: who.profession,
    guardianId: null,
  };
}

/** A seat for someone invited from an organisation (normally outside the core team). */
export function invitedSeat(
  organisationId: string,
  id = `p-${organisationId}`,
  profession: Profession | null = "other",
): Participant {
  return { id, role: "invited", organisationId, staffId: null, profession, guardianId: null };
}

/** The client's own seat. */
export function clientSeat(id = "p-client"): Participant {
  return { id, role: "client", organisationId: null, staffId: null, profession: null, guardianId: null };
}

/** A guardian's seat. */
export function guardianSeat(guardianId: string, id = `p-${guardianId}`): Participant {
  return { id, role: "guardian", organisationId: null, staffId: null, profession: null, guardianId };
}

/** The seat of the responsible social worker of an existing client relationship. */
export function responsibleWorkerSeat(
  organisationId: string = orgs.childWelfare,
  id = "p-responsible-worker",
): Participant {
  return {
    id,
    role: "responsible-worker",
    organisationId,
    staffId: null,
    profession: "social-worker",
    guardianId: null,
  };
}

/** A consent in effect from `givenOn`, not withdrawn, without an end date unless given in `extra`. */
export function consent(
  id: string,
  giver: ConsentGiver,
  organisationIds: string[],
  givenOn: LocalDate = day(1),
  extra: Partial<Consent> = {},
): Consent {
  return {
    id,
    giver,
    organisationIds,
    givenOn,
    validUntil: null,
    withdrawnOn: null,
    withdrawals: [],
    form: "written",
    ...extra,
  };
}

/** The client as a consent giver. */
export const byClient: ConsentGiver = { kind: "client" };

/** A guardian as a consent giver. */
export function byGuardian(guardianId: string): ConsentGiver {
  return { kind: "guardian", guardianId };
}

/** Codes of a refusal, or [] when the command was accepted. */
export function refusalCodes(result: Result<unknown>): string[] {
  return result.ok ? [] : result.error.map((v) => v.code);
}

/** The accepted case; throws with the refusal codes otherwise (a broken fixture, not a test outcome). */
export function accepted(result: Result<Case>): Case {
  if (!result.ok) throw new Error(`Command refused: ${result.error.map((v) => v.code).join(", ")}`);
  return result.value;
}

/**
 * The context with "today" on the day the command happened, for the commands whose day matters beyond
 * their own date: a client relationship is recorded on the day it began (`fallback` when that is not
 * known), so it rests access on that day, and its end on the day it ended. Other commands keep `context`.
 */
export function onItsDay(command: CaseCommand, context: CaseContext, fallback: LocalDate): CaseContext {
  if (command.type === "record-existing-clientship") return { ...context, today: command.clientship.since ?? fallback };
  if (command.type === "end-existing-clientship") return { ...context, today: command.endedOn };
  return context;
}

/** Applies commands in order, each of which must be accepted. */
export function applyAll(c: Case, commands: readonly CaseCommand[], context: CaseContext = caseContext): Case {
  return commands.reduce((current, command) => accepted(applyCaseCommand(current, command, context)), c);
}

/** Commands that take a referred case through a unanimous selection to admission on `admittedOn`. */
export function admissionCommands(admittedOn: LocalDate = day(3)): CaseCommand[] {
  return [
    { type: "start-selection", on: day(1) },
    ...fullSelection(day(2)).map((d): CaseCommand => ({ type: "record-selection-decision", decision: d })),
    { type: "admit", on: admittedOn },
  ];
}

/** An admitted case (admission on day 3) with guardian `g-1`, built through the commands. */
export function admittedCase(overrides: Partial<CaseInput> = {}, context: CaseContext = caseContext): Case {
  return applyAll(buildCase({ guardians: [guardian("g-1")], ...overrides }), admissionCommands(), context);
}

/** An active case: admitted, then core-team meeting `m-1` planned on day 4 and held on day 5. */
export function activeCase(overrides: Partial<CaseInput> = {}, context: CaseContext = caseContext): Case {
  return applyAll(
    admittedCase(overrides, context),
    [
      {
        type: "plan-meeting",
        meetingId: "m-1",
        plannedOn: day(4),
        composition: [coreSeat(staff.police), coreSeat(staff.social)],
      },
      {
        type: "record-meeting-held",
        meetingId: "m-1",
        heldOn: day(5),
        attended: [`p-${staff.police.id}`, `p-${staff.social.id}`],
      },
    ],
    context,
  );
}

/** Freezes a value and everything reachable from it, so that any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === "object" && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}
