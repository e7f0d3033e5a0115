import {
  addMonths,
  ageOn,
  type Case,
  type CaseStatus,
  type CaseType,
  type Consent,
  defaultAgePolicy,
  type LocalDate,
  toDayNumber,
} from "@ankkuri/domain";
import type { CaseRows } from "./case-rows.js";
import {
  ageShares,
  caseTypeShares,
  childWelfareId,
  closeReasonShares,
  earlyCloseReasonShares,
  referralSourceShares,
} from "./distributions.js";
import { iso } from "./day-numbers.js";
import { fictionalGivenName, fictionalName, type FictionalName } from "./fictional-names.js";
import { IdentityCodeAllocator } from "./identity-codes.js";
import { generateConsents } from "./consent-generator.js";
import { generateMeetings } from "./meeting-generator.js";
import { membershipRows } from "./membership-rows.js";
import { createRandom, deriveSeed, type Random, weighted } from "./random.js";
import { generateReferrals } from "./referral-generator.js";
import { synthFirstDay } from "./synth-options.js";
import type { TeamContext } from "./team-context.js";

/** Shares of the generated lifecycle (docs/synthetic-data.md). */
export const lifecycleShares = {
  /** Clients known by birth date only (no Finnish identity code). */
  withoutIdentityCode: 0.08,
  /** Cases of a client whose earlier case in the team has ended. */
  returningClient: 0.04,
  /** Selections that end in a decline (at least one participant proposes it). */
  declined: 0.1,
  /** Minors with two guardians rather than one. */
  twoGuardians: 0.7,
  /** Second guardians without custody (they give no consent). */
  secondGuardianWithoutCustody: 0.07,
  /** Minors already clients of child welfare, with a named responsible social worker. */
  existingClientship: 0.2,
  existingClientshipWhenReferredByChildWelfare: 0.85,
  /** Police-referred minors with a child welfare notification; the rest are a deliberate gap. */
  childWelfareNotification: 0.9,
} as const;

/** Days from referral to the start of selection. */
const selectionDelay = weighted([
  [0, 30],
  [1, 25],
  [2, 15],
  [3, 10],
  [4, 8],
  [5, 7],
  [6, 5],
] as const);

const guardianRelationships = weighted<"parent" | "legal-guardian" | "other">([
  ["parent", 92],
  ["legal-guardian", 5],
  ["other", 3],
]);

/** What the generator needs besides the teams. */
export interface CaseGeneratorOptions {
  seed: number;
  /** Last day of the generated history. */
  today: LocalDate;
  /** Fresh ids for uuid columns: `uuidv7` in real runs, a counter when a test compares two runs. */
  newId: () => string;
  /** Identity codes already in the database (an earlier run); by default none. */
  isIdentityCodeTaken?: (teamId: string, code: string) => boolean;
}

/** A client whose case has ended, who may be referred again. */
interface PastClient {
  clientId: string;
  /** The case that ended: the client's next case continues it. */
  caseId: string;
  birthDate: LocalDate;
  name: FictionalName;
  endedOn: number;
}

/** Generates the rows of case `index` of a run; cases must be generated in index order. */
export interface CaseGenerator {
  generate(index: number): CaseRows;
}

function birthDateFor(referredOn: LocalDate, age: number, random: Random): LocalDate {
  // Uniform over the year of birth dates that make the client exactly `age` on the referral day.
  const latest = toDayNumber(addMonths(referredOn, -12 * age));
  const earliest = toDayNumber(addMonths(referredOn, -12 * (age + 1))) + 1;
  const candidate = iso(random.int(earliest, latest));
  return ageOn(candidate, referredOn) === age ? candidate : iso(latest);
}

const pastClientCapacity = 4096;

/** One or two guardians of a minor client, usually sharing the client's family name. */
function generateGuardians(
  random: Random,
  teamId: string,
  caseId: string,
  client: FictionalName,
  newId: () => string,
): { rows: CaseRows["guardians"]; domain: Case["guardians"] } {
  const result: { rows: CaseRows["guardians"]; domain: Case["guardians"] } = { rows: [], domain: [] };
  const count = random.chance(lifecycleShares.twoGuardians) ? 2 : 1;
  for (let g = 0; g < count; g++) {
    const id = newId();
    const relationship = random.draw(guardianRelationships);
    const hasCustody = g === 0 || !random.chance(lifecycleShares.secondGuardianWithoutCustody);
    const familyName = random.chance(0.75)
      ? client.familyName
      : fictionalName(random, "adult", client.language).familyName;
    result.rows.push({
      teamId,
      caseId,
      id,
      givenName: fictionalGivenName(random, client.language, "adult"),
      familyName,
      relationship,
      hasCustody,
    });
    result.domain.push({ id, relationship, hasCustody });
  }
  return result;
}

/**
 * The selection (003 § 4.2): one police officer, social worker and psychiatric nurse decide within two
 * weeks of its start, and the case is decided up to two days after the last of them. `decided` may
 * lie after today: then only the decisions made by today are recorded.
 */
function generateSelection(random: Random, team: TeamContext, start: number, today: number) {
  const decisions = team.selectionStaff.map((group) => ({
    staff: random.pick(group),
    on: start + random.int(0, 14),
    decline: false,
  }));
  const decided = Math.max(...decisions.map((d) => d.on)) + random.int(0, 2);
  const declined = random.chance(lifecycleShares.declined);
  if (declined) {
    const forced = random.int(0, decisions.length - 1);
    decisions.forEach((d, i) => (d.decline = i === forced || random.chance(0.4)));
  }
  const recorded =
    decided <= today
      ? decisions
      : decisions.filter((d) => d.on <= today).map((d) => ({ ...d, decline: random.chance(0.08) }));
  return { decided, declined, decisions: recorded.sort((a, b) => a.on - b.on) };
}

/**
 * A deterministic generator of case rows: the same seed, teams and day give the same rows (ids
 * aside, which come from `newId`). Each case draws from its own seeded stream; the only state carried
 * between cases is the set of used identity codes and a pool of past clients for returning ones.
 */
export function createCaseGenerator(teams: readonly TeamContext[], options: CaseGeneratorOptions): CaseGenerator {
  if (teams.length === 0) throw new Error("the case generator needs at least one team");
  const today = toDayNumber(options.today);
  const first = toDayNumber(synthFirstDay);
  const codes = new IdentityCodeAllocator(options.isIdentityCodeTaken);
  const pastClients = teams.map((): PastClient[] => []);
  const { newId } = options;

  const takePastClient = (pool: PastClient[], random: Random): PastClient | null => {
    for (let attempt = 0; attempt < 8 && pool.length > 0; attempt++) {
      const i = random.int(0, pool.length - 1);
      const found = pool[i];
      if (found === undefined || found.endedOn + 30 > today) continue;
      pool[i] = pool[pool.length - 1] as PastClient;
      pool.pop();
      return found;
    }
    return null;
  };
  const rememberClient = (pool: PastClient[], client: PastClient, random: Random) => {
    if (pool.length < pastClientCapacity) pool.push(client);
    else pool[random.int(0, pool.length - 1)] = client;
  };

  return {
    generate(index) {
      const random = createRandom(deriveSeed(options.seed, index));
      const teamIndex = index % teams.length;
      const team = teams[teamIndex] as TeamContext;
      const pool = pastClients[teamIndex] as PastClient[];
      const teamId = team.teamId;
      const caseId = newId();
      const type: CaseType = random.draw(caseTypeShares);
      const referralSource = random.draw(referralSourceShares[type]);

      const returning = random.chance(lifecycleShares.returningClient) ? takePastClient(pool, random) : null;
      const referredDay = returning ? random.int(returning.endedOn + 30, today) : random.int(first, today);
      const referredOn = iso(referredDay);
      let client: CaseRows["client"] = null;
      let clientId: string;
      let birthDate: LocalDate;
      let name: FictionalName;
      if (returning) {
        ({ clientId, birthDate, name } = returning);
      } else {
        clientId = newId();
        birthDate = birthDateFor(referredOn, random.draw(ageShares[type]), random);
        name = fictionalName(random, "young");
        const identityCode = random.chance(lifecycleShares.withoutIdentityCode)
          ? null
          : codes.take(teamId, birthDate, random);
        client = {
          teamId,
          id: clientId,
          identityCode,
          birthDate,
          givenName: name.givenName,
          familyName: name.familyName,
        };
      }
      const ageAtReferral = ageOn(birthDate, referredOn);
      const minor = ageAtReferral < defaultAgePolicy.adulthoodAge;
      const guardians = minor ? generateGuardians(random, teamId, caseId, name, newId) : { rows: [], domain: [] };

      const rows: CaseRows = {
        client,
        case: {
          teamId,
          id: caseId,
          clientId,
          type,
          status: "referred",
          referredOn,
          referralSource,
          // The police's selecting unit refers in synthetic data: a referrer that sees the case anyway.
          referredByOrganisationId: team.selectionOn(referredOn)[0] ?? null,
          // A returning client is taken from the pool only after their case has ended, so they never
          // have two open cases (the database refuses that, `cases_one_open_case_per_client`).
          previousCaseId: returning?.caseId ?? null,
        },
        guardians: guardians.rows,
        existingClientships: [],
        caseMemberships: [],
        selectionDecisions: [],
        consents: [],
        consentScopes: [],
        consentWithdrawals: [],
        meetings: [],
        meetingParticipants: [],
        meetingRecords: [],
        referrals: [],
      };
      const birthDay = toDayNumber(birthDate);
      let responsibleWorker = false;
      if (
        minor &&
        random.chance(
          referralSource === "child-welfare"
            ? lifecycleShares.existingClientshipWhenReferredByChildWelfare
            : lifecycleShares.existingClientship,
        )
      ) {
        const worker = fictionalName(random, "adult");
        const since = Math.max(birthDay + 30, referredDay - random.int(30, 1500));
        rows.existingClientships.push({
          teamId,
          caseId,
          organisationId: childWelfareId,
          since: iso(since),
          responsibleWorkerName: `${worker.givenName} ${worker.familyName}`,
          responsibleWorkerStaffId: null,
          responsibleWorkerOrganisationId: childWelfareId,
          recordedOn: referredOn,
        });
        responsibleWorker = true;
      }
      if (referralSource === "police" && minor && random.chance(lifecycleShares.childWelfareNotification)) {
        rows.case.childWelfareNotifiedOn = iso(Math.max(birthDay, referredDay - random.int(0, 3)));
        rows.case.childWelfareNotifiedById = team.policeDepartmentId;
      }

      let consentFacts: Consent[] = [];
      let status: CaseStatus = "referred";
      let endedOn: number | null = null;
      const selectionStart = referredDay + random.draw(selectionDelay);
      if (selectionStart <= today) {
        status = "in-selection";
        rows.case.selectionStartedOn = iso(selectionStart);
        const { decided, declined, decisions } = generateSelection(random, team, selectionStart, today);
        for (const d of decisions) {
          rows.selectionDecisions.push({
            teamId,
            caseId,
            staffId: d.staff.id,
            organisationId: d.staff.organisationId,
            profession: d.staff.profession,
            decision: d.decline ? "decline" : "admit",
            decidedOn: iso(d.on),
          });
        }
        if (decided <= today) {
          rows.case.decidedOn = iso(decided);
          if (declined) {
            status = "declined";
            endedOn = decided;
          } else {
            const clientState: Pick<Case, "id" | "status" | "client" | "guardians" | "consents"> = {
              id: caseId,
              status: "active",
              client: { id: clientId, birthDate },
              guardians: guardians.domain,
              consents: [],
            };
            const consents = generateConsents({
              random,
              team,
              caseId,
              decidedOn: decided,
              today,
              ageAtReferral,
              guardians: guardians.domain,
              newId,
            });
            rows.consents = consents.rows;
            rows.consentScopes = consents.scopes;
            rows.consentWithdrawals = consents.withdrawals;
            consentFacts = consents.domain;
            clientState.consents = consents.domain;
            const meetings = generateMeetings({
              random,
              team,
              caseId,
              decidedOn: decided,
              today,
              caseState: clientState,
              responsibleWorker,
              newId,
            });
            rows.meetings = meetings.meetings;
            rows.meetingParticipants = meetings.participants;
            rows.meetingRecords = meetings.records;
            status = meetings.closedOn !== null ? "closed" : meetings.firstHeldOn !== null ? "active" : "admitted";
            rows.case.activatedOn = meetings.firstHeldOn === null ? null : iso(meetings.firstHeldOn);
            if (meetings.closedOn !== null) {
              rows.case.closedOn = iso(meetings.closedOn);
              rows.case.closeReason = random.draw(
                meetings.firstHeldOn === null ? earlyCloseReasonShares : closeReasonShares,
              );
              endedOn = meetings.closedOn;
            }
            if (meetings.firstHeldOn !== null) {
              rows.referrals = generateReferrals({
                random,
                teamId,
                caseId,
                type,
                firstHeldOn: meetings.firstHeldOn,
                endOn: Math.min(meetings.closedOn ?? today, today),
                today,
                heldMeetings: meetings.held,
                newId,
              });
            }
          }
        }
      }
      rows.case.status = status;
      rows.caseMemberships = membershipRows(
        rows,
        { birthDate, guardians: guardians.domain, consents: consentFacts },
        team,
        newId,
      );
      if (endedOn !== null) rememberClient(pool, { clientId, caseId, birthDate, name, endedOn }, random);
      return rows;
    },
  };
}
