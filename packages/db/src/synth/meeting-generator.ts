import { ageOn, canInvite, type Case, defaultAgePolicy, type StaffMember } from "@ankkuri/domain";
import type { CaseRows } from "./case-rows.js";
import { iso } from "./day-numbers.js";
import { childWelfareId, outsideOrganisations, professionWeight } from "./distributions.js";
import { type Random, weighted } from "./random.js";
import type { TeamContext } from "./team-context.js";

/** Shares of the generated meetings (docs/synthetic-data.md). */
export const meetingShares = {
  /** Past meetings cancelled rather than held. */
  cancelled: 0.1,
  /** Held a day or three after the planned day. */
  heldLate: 0.15,
  /**
   * Open cases with their next meeting already planned: a working team books the next meeting at
   * each one, so nearly every open case has one in the calendar (the case list shows it).
   */
  nextPlanned: 0.95,
  /** Meetings that seat the client; invite an organisation a consent names (seated only if every required consent covers it); seat the responsible worker, each guardian, a third core member. */
  clientSeat: 0.9,
  invitation: 0.2,
  responsibleWorkerSeat: 0.5,
  guardianSeat: 0.5,
  thirdCoreMember: 0.3,
  /** Deliberate violations: held meetings never recorded, and recorded in one system only. */
  unrecorded: 0.03,
  recordedInOneSystem: 0.02,
} as const;

/** Who of those seated attends a held meeting. */
const attendance: Record<CaseRows["meetingParticipants"][number]["role"], number> = {
  "core": 0.95,
  "client": 0.85,
  "guardian": 0.8,
  "invited": 0.85,
  "responsible-worker": 0.75,
};

/** Days from holding a meeting to recording it: mostly the same or next day, within a week. */
const recordingDelay = weighted([
  [0, 40],
  [1, 25],
  [2, 12],
  [3, 8],
  [4, 5],
  [5, 4],
  [6, 3],
  [7, 3],
] as const);

/** Meetings a case has before it closes: 2–25, about 13.5 on average (about 10 per case overall). */
const meetingCount = (random: Random) => 2 + random.int(0, 11) + random.int(0, 12);

/** What meetings are generated from. */
export interface MeetingInput {
  random: Random;
  team: TeamContext;
  caseId: string;
  /** Day numbers. */
  decidedOn: number;
  today: number;
  /** The case as the invitation rule sees it, consents included. */
  caseState: Pick<Case, "id" | "status" | "client" | "guardians" | "consents">;
  /** The client has a responsible social worker at child welfare. */
  responsibleWorker: boolean;
  newId: () => string;
}

/** The meetings of a case and what the case's lifecycle takes from them. */
export interface GeneratedMeetings {
  meetings: CaseRows["meetings"];
  participants: CaseRows["meetingParticipants"];
  records: CaseRows["meetingRecords"];
  held: { id: string; heldOn: number }[];
  /** The first held meeting activates the case (day number). */
  firstHeldOn: number | null;
  /** Day the case closed after its last meeting, or null while it is open. */
  closedOn: number | null;
}

type Seat = CaseRows["meetingParticipants"][number];

function drawProfessionGroup(
  random: Random,
  groups: readonly (readonly StaffMember[])[],
  except: readonly StaffMember[],
): readonly StaffMember[] | null {
  const candidates = groups.filter((g) => g[0] !== undefined && !except.some((s) => s.profession === g[0]?.profession));
  if (candidates.length === 0) return null;
  return random.draw(
    weighted(candidates.map((g) => [g, professionWeight[g[0]?.profession ?? "other"] ?? 10] as const)),
  );
}

/**
 * Meetings from admission on, every one to five weeks, until the case's planned number is reached
 * (then it closes within a month) or `today` (then it stays open, usually with the next meeting
 * planned). Past meetings are held or cancelled; the first held one activates the case. Compositions
 * seat two or three core members of different professions, often the client and guardians, and
 * invite an outside organisation only with consent in effect, on the planned and the held day, from
 * everyone whose consent the policy requires.
 */
export function generateMeetings(input: MeetingInput): GeneratedMeetings {
  const { random, team, caseId, decidedOn, today, caseState, responsibleWorker, newId } = input;
  const teamId = team.teamId;
  const result: GeneratedMeetings = {
    meetings: [],
    participants: [],
    records: [],
    held: [],
    firstHeldOn: null,
    closedOn: null,
  };
  // Who may be invited: the organisations some consent names; `allowed` then checks every giver.
  const named = new Set(caseState.consents.flatMap((c) => c.organisationIds));
  const consented = outsideOrganisations.values.filter((o) => named.has(o.id));
  const allowed = (organisationId: string, day: number) => {
    const date = iso(day);
    return canInvite(caseState, organisationId, date, { coreOrganisationIds: team.coreOn(date) }).allowed;
  };

  const compose = (meetingId: string, planned: number, heldOn: number | null): Seat[] => {
    const groups = team.coreStaffOn(iso(planned));
    const core: StaffMember[] = [];
    for (let n = 0; n < 2; n++) {
      const group = drawProfessionGroup(random, groups, core);
      if (group) core.push(random.pick(group));
    }
    const seat = (role: Seat["role"], id: string, extra: Partial<Seat> = {}): Seat => ({
      teamId,
      meetingId,
      id,
      role,
      organisationId: null,
      staffId: null,
      profession: null,
      guardianId: null,
      attended: false,
      ...extra,
    });
    const coreSeat = (s: StaffMember) =>
      seat("core", `p-${s.id}`, { organisationId: s.organisationId, staffId: s.id, profession: s.profession });
    const seats = core.map(coreSeat);
    if (random.chance(meetingShares.clientSeat)) seats.push(seat("client", "p-client"));
    if (consented.length > 0 && random.chance(meetingShares.invitation)) {
      const outside = random.pick(consented);
      if (allowed(outside.id, planned) && (heldOn === null || allowed(outside.id, heldOn))) {
        seats.push(
          seat("invited", `p-invited-${outside.id}`, { organisationId: outside.id, profession: outside.profession }),
        );
      }
    }
    // Outside the core team, the responsible worker is seated only with consent, as anyone else (003 § 4.2).
    const rwAllowed = () => allowed(childWelfareId, planned) && (heldOn === null || allowed(childWelfareId, heldOn));
    if (responsibleWorker && random.chance(meetingShares.responsibleWorkerSeat) && rwAllowed()) {
      seats.push(
        seat("responsible-worker", `p-rw-${childWelfareId}`, {
          organisationId: childWelfareId,
          profession: "social-worker",
        }),
      );
    }
    if (ageOn(caseState.client.birthDate, iso(planned)) < defaultAgePolicy.adulthoodAge) {
      caseState.guardians.forEach((g, i) => {
        if (g.hasCustody && random.chance(meetingShares.guardianSeat))
          seats.push(seat("guardian", `p-guardian-${String(i + 1)}`, { guardianId: g.id }));
      });
    }
    if (random.chance(meetingShares.thirdCoreMember)) {
      const others = groups.flat().filter((s) => !core.includes(s));
      if (others.length > 0) seats.push(coreSeat(random.pick(others)));
    }
    return seats.slice(0, 5);
  };

  const add = (planned: number, status: "planned" | "held" | "cancelled", heldOn: number | null) => {
    const id = newId();
    const seats = compose(id, planned, heldOn);
    let rwAttended = false;
    if (heldOn !== null) {
      for (const s of seats) s.attended = random.chance(attendance[s.role]);
      rwAttended = seats.some((s) => s.role === "responsible-worker" && s.attended);
    }
    const rwSeated = seats.some((s) => s.role === "responsible-worker");
    // The responsible worker is told of each meeting they do not attend (003 § 4.2).
    const informed =
      responsibleWorker && status !== "cancelled" && !rwAttended && (status === "held" || !rwSeated)
        ? Math.min(Math.max(decidedOn, planned - random.int(0, 5)), heldOn ?? today)
        : null;
    result.meetings.push({
      teamId,
      id,
      caseId,
      plannedOn: iso(planned),
      status,
      heldOn: heldOn === null ? null : iso(heldOn),
      responsibleWorkerInformedOn: informed === null ? null : iso(informed),
      // Cancelled on the day it was planned for, as far as anyone recorded.
      cancelledOn: status === "cancelled" ? iso(planned) : null,
    });
    result.participants.push(...seats);
    if (heldOn === null) return;
    result.held.push({ id, heldOn });
    result.firstHeldOn ??= heldOn;
    const recordedOn = heldOn + random.draw(recordingDelay);
    const roll = random.next();
    // Not yet recorded when the delay runs past today: a recent meeting, not a violation.
    if (roll < meetingShares.unrecorded || recordedOn > today) return;
    const oneSystem = roll < meetingShares.unrecorded + meetingShares.recordedInOneSystem;
    const inClientRecord = !oneSystem || random.chance(0.5);
    const recorder = seats.find((s) => s.role === "core" && s.attended) ?? seats.find((s) => s.role === "core");
    result.records.push({
      teamId,
      meetingId: id,
      recordedOn: iso(recordedOn),
      recordedBy: recorder?.staffId ?? random.pick(team.recorders).id,
      inClientRecord,
      inStatistics: !inClientRecord || !oneSystem,
    });
  };

  const target = meetingCount(random);
  let planned = decidedOn + random.int(2, 14);
  let last = decidedOn;
  for (let n = 0; n < target; n++) {
    if (n > 0) planned += random.int(7, 35);
    if (planned > today - 2) {
      // Not yet happened, or not yet marked held: the case is open.
      if (planned <= today || random.chance(meetingShares.nextPlanned)) add(planned, "planned", null);
      return result;
    }
    if (random.chance(meetingShares.cancelled)) {
      add(planned, "cancelled", null);
      last = Math.max(last, planned);
    } else {
      const heldOn = Math.min(today, planned + (random.chance(meetingShares.heldLate) ? random.int(1, 3) : 0));
      add(planned, "held", heldOn);
      last = Math.max(last, heldOn);
    }
  }
  const closedOn = last + random.int(0, 30);
  if (closedOn <= today) result.closedOn = closedOn;
  return result;
}
