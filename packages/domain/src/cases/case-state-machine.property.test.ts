import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  closeReasons,
  type Case,
  caseSchema,
  type CaseStatus,
  caseStatuses,
  type Participant,
  referralSources,
  invitationAnswers,
  referralStatuses,
  serviceKinds,
} from "./case.js";
import { type CaseCommand, caseCommandSchema, type CaseCommandType } from "./case-commands.js";
import { caseInvariants } from "./case-invariants.js";
import { applyCaseCommand, type CaseContext, commandAllowedIn } from "./case-lifecycle.js";
import {
  bornYearsBefore,
  buildCase,
  caseContext,
  clientSeat,
  coreOrganisationIds,
  coreSeat,
  day,
  deepFreeze,
  guardian,
  guardianSeat,
  invitedSeat,
  nonCoreOrganisationIds,
  onItsDay,
  organisationIndex,
  orgs,
  responsibleWorkerSeat,
  staff,
} from "./case.fixture.js";

/*
 * Random command sequences against the case state machine. Dates come from a window of a few weeks
 * around the referral so that ordering conflicts are common; ids come from small pools so that
 * commands hit the meetings, consents and referrals that earlier commands created.
 */

const dateArb = fc.integer({ min: -2, max: 24 }).map(day);
const optionalDate = fc.option(dateArb, { nil: null });

const meetingIds = ["m-1", "m-2", "m-3", "m-4"];
const consentIds = ["c-1", "c-2", "c-3", "c-4"];
const referralIds = ["r-1", "r-2", "r-3"];
const guardianIds = ["g-1", "g-2", "g-3"];
const allStaff = Object.values(staff);
const allOrganisations = [...coreOrganisationIds, ...nonCoreOrganisationIds];

/** Seats a composition is drawn from: core staff (and a core-team guest), the family, and parties outside the core team. */
const coreSeats: Participant[] = [
  ...allStaff.map((s) => coreSeat(s)),
  invitedSeat(orgs.police, "p-police-guest", "police-officer"),
];
const familySeats: Participant[] = [clientSeat(), guardianSeat("g-1")];
const outsideSeats: Participant[] = [
  ...nonCoreOrganisationIds.map((o) => invitedSeat(o)),
  responsibleWorkerSeat(),
  responsibleWorkerSeat(orgs.school, "p-school-worker"),
];
const seatIds = [...coreSeats, ...familySeats, ...outsideSeats].map((p) => p.id).concat(["p-g-2", "p-g-3"]);
/** A malformed seat (a client with an organisation), to reach the composition refusals. */
const oddSeat: Participant = { ...clientSeat("p-odd"), organisationId: orgs.school };

const compositionArb: fc.Arbitrary<Participant[]> = fc
  .record({
    core: fc.subarray(coreSeats, { minLength: 1, maxLength: 3 }),
    family: fc.subarray(familySeats),
    otherGuardian: fc.oneof(
      { weight: 7, arbitrary: fc.constant(null) },
      { weight: 1, arbitrary: fc.constantFrom("g-2", "g-3").map((g) => guardianSeat(g)) },
    ),
    outside: fc.oneof(
      { weight: 1, arbitrary: fc.constant([]) },
      { weight: 1, arbitrary: fc.subarray(outsideSeats, { minLength: 1, maxLength: 2 }) },
    ),
    odd: fc.integer({ min: 0, max: 19 }),
  })
  .map(({ core, family, otherGuardian, outside, odd }) => {
    const seats = [...core, ...family, ...(otherGuardian === null ? [] : [otherGuardian]), ...outside];
    // Now and then a seat twice, or a malformed one.
    return odd === 0 ? [...seats, ...core.slice(0, 1)] : odd === 1 ? [...seats, oddSeat] : seats;
  });
const attendedArb = fc.oneof(
  { weight: 9, arbitrary: fc.subarray(seatIds, { maxLength: 6 }) },
  { weight: 1, arbitrary: fc.subarray(seatIds, { maxLength: 2 }).map((ids) => [...ids, "p-stranger"]) },
);
const giverArb = fc.oneof(
  { weight: 2, arbitrary: fc.constant({ kind: "client" as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: "guardian" as const, guardianId: "g-1" }) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(...guardianIds).map((guardianId) => ({ kind: "guardian" as const, guardianId })),
  },
);
const workerArb = fc.option(
  fc
    .constantFrom(...nonCoreOrganisationIds)
    .map((organisationId) => ({ staffId: null, name: "Testi Vastuutyöntekijä", organisationId })),
  { nil: null },
);

const commandArb: fc.Arbitrary<CaseCommand> = fc.oneof(
  { weight: 1, arbitrary: dateArb.map((on): CaseCommand => ({ type: "start-selection", on })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ who: fc.constantFrom(...allStaff), admit: fc.integer({ min: 0, max: 9 }), decidedOn: dateArb })
      .map(({ who, admit, decidedOn }): CaseCommand => ({
        type: "record-selection-decision",
        decision: {
          staffId: who.id,
          organisationId: who.organisationId,
          profession: who.profession,
          decision: admit > 0 ? "admit" : "decline",
          decidedOn,
        },
      })),
  },
  { weight: 1, arbitrary: dateArb.map((on): CaseCommand => ({ type: "admit", on })) },
  { weight: 1, arbitrary: dateArb.map((on): CaseCommand => ({ type: "decline", on })) },
  { weight: 2, arbitrary: dateArb.map((on): CaseCommand => ({ type: "activate", on })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ on: dateArb, reason: fc.constantFrom(...closeReasons) })
      .map(({ on, reason }): CaseCommand => ({ type: "close", on, reason })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ id: fc.constantFrom(...guardianIds), hasCustody: fc.boolean() })
      .map(({ id, hasCustody }): CaseCommand => ({ type: "add-guardian", guardian: guardian(id, hasCustody) })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({
        organisationId: fc.constantFrom(...allOrganisations),
        since: optionalDate,
        responsibleWorker: workerArb,
      })
      .map((x): CaseCommand => ({
        type: "record-existing-clientship",
        clientship: {
          ...x,
          responsibleWorker: x.responsibleWorker && { ...x.responsibleWorker, organisationId: x.organisationId },
        },
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ organisationId: fc.constantFrom(...allOrganisations), endedOn: dateArb })
      .map((x): CaseCommand => ({ type: "end-existing-clientship", ...x })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ madeOn: dateArb, organisationId: fc.constantFrom(orgs.police, orgs.social) })
      .map((notification): CaseCommand => ({ type: "record-child-welfare-notification", notification })),
  },
  {
    weight: 5,
    arbitrary: fc
      .record({
        id: fc.constantFrom(...consentIds),
        giver: giverArb,
        organisationIds: fc.oneof(
          fc.subarray([...nonCoreOrganisationIds], { minLength: 1 }),
          fc.subarray(allOrganisations, { minLength: 1, maxLength: 3 }),
        ),
        givenOn: dateArb,
        validUntil: fc.option(dateArb, { nil: null, freq: 2 }),
        form: fc.constantFrom("written" as const, "oral" as const, "electronic" as const),
      })
      .map((consent): CaseCommand => ({ type: "record-consent", consent })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({ consentId: fc.constantFrom(...consentIds), on: dateArb })
      .map(({ consentId, on }): CaseCommand => ({ type: "withdraw-consent", consentId, withdrawalId: "w-1", on })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({ consentId: fc.constantFrom(...consentIds), withdrawnOn: fc.option(dateArb, { nil: null }) })
      .map(({ consentId, withdrawnOn }): CaseCommand => ({
        type: "correct-consent-withdrawal",
        consentId,
        withdrawalId: "w-2",
        withdrawnOn,
        reason: "Kirjausvirhe (kuvitteellinen).",
      })),
  },
  {
    weight: 6,
    arbitrary: fc
      .record({ meetingId: fc.constantFrom(...meetingIds), plannedOn: dateArb, composition: compositionArb })
      .map((x): CaseCommand => ({ type: "plan-meeting", ...x })),
  },
  {
    weight: 5,
    arbitrary: fc
      .record({ meetingId: fc.constantFrom(...meetingIds), heldOn: dateArb, attended: attendedArb })
      .map((x): CaseCommand => ({ type: "record-meeting-held", ...x })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ meetingId: fc.constantFrom(...meetingIds), on: dateArb })
      .map((x): CaseCommand => ({ type: "cancel-meeting", ...x })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({
        meetingId: fc.constantFrom(...meetingIds),
        recordedOn: dateArb,
        recordedBy: fc.constantFrom(...allStaff.map((s) => s.id)),
        inClientRecord: fc.boolean(),
        inStatistics: fc.boolean(),
      })
      .map(({ meetingId, ...record }): CaseCommand => ({ type: "record-meeting-record", meetingId, record })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ meetingId: fc.constantFrom(...meetingIds), on: dateArb })
      .map((x): CaseCommand => ({ type: "inform-responsible-worker", ...x })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        id: fc.constantFrom(...referralIds),
        meetingId: fc.option(fc.constantFrom(...meetingIds), { nil: null }),
        service: fc.constantFrom(...serviceKinds),
        organisationId: fc.constantFrom(...allOrganisations),
        madeOn: dateArb,
        status: fc.constantFrom("proposed" as const, "made" as const),
      })
      .map((r): CaseCommand => ({ type: "make-referral", referral: { ...r, statusChangedOn: r.madeOn } })),
  },
  {
    weight: 2,
    arbitrary: fc
      .record({
        referralId: fc.constantFrom(...referralIds),
        status: fc.constantFrom(...referralStatuses),
        on: dateArb,
      })
      .map((x): CaseCommand => ({ type: "update-referral", ...x })),
  },
);

/**
 * A meeting's life in a row: planned, then perhaps held a few days later with some of its
 * composition present, recorded, and a referral made in it.
 */
const meetingEpisodeArb: fc.Arbitrary<CaseCommand[]> = fc
  .record({
    meetingId: fc.constantFrom(...meetingIds),
    plannedOn: fc.integer({ min: 3, max: 22 }),
    composition: compositionArb,
    held: fc.option(fc.integer({ min: -1, max: 3 }), { nil: null, freq: 4 }),
    inform: fc.boolean(),
    present: fc.array(
      fc.integer({ min: 0, max: 3 }).map((n) => n > 0),
      { minLength: 8, maxLength: 8 },
    ),
    recorded: fc.option(fc.integer({ min: -1, max: 10 }), { nil: null, freq: 3 }),
    invite: fc.option(fc.constantFrom(...invitationAnswers), { nil: null, freq: 2 }),
    complete: fc.boolean(),
    referral: fc.option(
      fc.record({
        id: fc.constantFrom(...referralIds),
        service: fc.constantFrom(...serviceKinds),
        update: fc.option(fc.constantFrom(...referralStatuses), { nil: null, freq: 2 }),
      }),
      { nil: null, freq: 2 },
    ),
  })
  .map(({ meetingId, plannedOn, composition, held, inform, present, recorded, invite, complete, referral }) => {
    const commands: CaseCommand[] = [{ type: "plan-meeting", meetingId, plannedOn: day(plannedOn), composition }];
    const seat = composition[0];
    if (invite !== null && seat) {
      const invitationId = `i-${meetingId}`;
      const on = day(plannedOn - 1);
      commands.push(
        {
          type: "send-invitations",
          meetingId,
          on,
          sentBy: staff.social.id,
          invitations: [{ id: invitationId, participantId: seat.id, channel: "letter" }],
        },
        { type: "answer-invitation", invitationId, answer: invite, on, recordedBy: staff.social.id },
      );
    }
    if (held === null) {
      commands.push({ type: "cancel-meeting", meetingId, on: day(plannedOn - 1) });
      return commands;
    }
    const heldOn = day(plannedOn + held);
    const attended = composition.map((p) => p.id).filter((_, i) => present[i] ?? true);
    commands.push({ type: "record-meeting-held", meetingId, heldOn, attended: [...new Set(attended)] });
    if (recorded !== null) {
      commands.push({
        type: "record-meeting-record",
        meetingId,
        record: {
          recordedOn: day(plannedOn + held + recorded),
          recordedBy: staff.social.id,
          inClientRecord: true,
          inStatistics: recorded % 4 !== 0,
        },
      });
      if (complete && recorded % 4 === 0) {
        commands.push({
          type: "complete-meeting-record",
          meetingId,
          amendment: {
            id: `a-${meetingId}`,
            recordedOn: day(plannedOn + held + recorded + 1),
            recordedBy: staff.social.id,
            inClientRecord: false,
            inStatistics: true,
          },
        });
      }
    }
    if (inform) commands.push({ type: "inform-responsible-worker", meetingId, on: heldOn });
    if (referral !== null) {
      const { id, service, update } = referral;
      commands.push({
        type: "make-referral",
        referral: {
          id,
          service,
          meetingId,
          organisationId: orgs.youth,
          madeOn: heldOn,
          status: "made",
          statusChangedOn: heldOn,
        },
      });
      if (update !== null)
        commands.push({ type: "update-referral", referralId: id, status: update, on: day(plannedOn + held + 2) });
    }
    return commands;
  });

/** A step of a command sequence: the slot it goes into, and the command. */
type Slotted = [slot: number, command: CaseCommand];
const lastSlot = 11;

/**
 * A plausible lifecycle, as slotted steps: perhaps a client relationship and consents of the client
 * and guardian g-1 (slot 0); selection started (slot 1); decisions by the three selection professions
 * and perhaps others, one of them sometimes missing or declining (slot 2); admission or decline (slot
 * 3); up to two meetings (slots 4 and 8); perhaps activation (slot 6); perhaps a withdrawal or a guardian
 * recorded late, and the client relationship's end (slot 9); perhaps closing (slot 11). Dates mostly move forward but now and then step
 * back a day, so ordering refusals still happen.
 */
const lifecycleArb: fc.Arbitrary<Slotted[]> = fc
  .record({
    start: fc.oneof(
      { weight: 1, arbitrary: fc.constant(-1) },
      { weight: 12, arbitrary: fc.integer({ min: 0, max: 4 }) },
    ),
    steps: fc.array(
      fc.oneof({ weight: 1, arbitrary: fc.constant(-1) }, { weight: 19, arbitrary: fc.integer({ min: 0, max: 3 }) }),
      { minLength: 9, maxLength: 9 },
    ),
    order: fc.shuffledSubarray(allStaff, { minLength: allStaff.length }),
    left: fc.subarray(allStaff),
    drop: fc.integer({ min: 0, max: 29 }),
    decline: fc.integer({ min: 0, max: 39 }),
    outcome: fc.oneof(
      { weight: 5, arbitrary: fc.constant("admit" as const) },
      { weight: 1, arbitrary: fc.constant("decline" as const) },
    ),
    consents: fc.integer({ min: 0, max: 2 }).map((n) => n > 0),
    clientship: fc.boolean(),
    // The relationship perhaps ends mid-case, a few days after the first meeting could be planned.
    clientshipEnds: fc.option(fc.integer({ min: 4, max: 24 }), { nil: null, freq: 2 }),
    meetings: fc.array(meetingEpisodeArb, { maxLength: 2 }),
    // Mid-case changes of who must consent: a withdrawal (sometimes corrected, to another day or undone:
    // a correction in the random noise rarely finds a withdrawal to correct), or a guardian recorded late.
    change: fc.oneof(
      fc.constant([]),
      fc
        .record({
          consentId: fc.constantFrom("c-1", "c-2"),
          on: dateArb,
          correction: fc.option(fc.option(dateArb, { nil: null }), { nil: undefined }),
        })
        .map(({ consentId, on, correction }): CaseCommand[] => [
          { type: "withdraw-consent", consentId, withdrawalId: "w-1", on },
          ...(correction === undefined
            ? []
            : [
                {
                  type: "correct-consent-withdrawal" as const,
                  consentId,
                  withdrawalId: "w-2",
                  withdrawnOn: correction,
                  reason: "Peruminen kirjattiin väärin (kuvitteellinen).",
                },
              ]),
        ]),
      fc
        .record({ id: fc.constantFrom("g-2", "g-3"), hasCustody: fc.boolean() })
        .map(({ id, hasCustody }): CaseCommand[] => [{ type: "add-guardian", guardian: guardian(id, hasCustody) }]),
    ),
    activate: fc.boolean(),
    close: fc.integer({ min: 0, max: 3 }),
    reason: fc.constantFrom(...closeReasons),
  })
  .map(
    ({
      start,
      steps,
      order,
      left,
      drop,
      decline,
      outcome,
      consents,
      clientship,
      clientshipEnds,
      meetings,
      change,
      activate,
      close,
      reason,
    }) => {
      const selectors = [staff.police, staff.social, staff.nurse];
      // Everyone of the selection professions decides, unless one is dropped; the others only sometimes.
      const deciders = order.filter((who) =>
        selectors.includes(who as (typeof selectors)[number]) ? who !== selectors[drop] : left.includes(who),
      );
      let offset = start;
      const next = (i: number) => day((offset += steps[i] ?? 1));
      const slotted: Slotted[] = [[1, { type: "start-selection", on: day(start) }]];
      if (clientship) {
        const responsibleWorker = { staffId: null, name: "Testi Vastuutyöntekijä", organisationId: orgs.childWelfare };
        slotted.push([
          0,
          {
            type: "record-existing-clientship",
            clientship: { organisationId: orgs.childWelfare, since: null, responsibleWorker },
          },
        ]);
        if (clientshipEnds !== null)
          slotted.push([
            9,
            { type: "end-existing-clientship", organisationId: orgs.childWelfare, endedOn: day(clientshipEnds) },
          ]);
      }
      if (consents) {
        // Consents of the client and guardian g-1 (if recorded) for the parties outside the core team.
        for (const [id, giver] of [
          ["c-1", { kind: "client" }],
          ["c-2", { kind: "guardian", guardianId: "g-1" }],
        ] as const) {
          slotted.push([
            0,
            {
              type: "record-consent",
              consent: {
                id,
                giver,
                organisationIds: [orgs.school, orgs.childWelfare],
                givenOn: day(start),
                validUntil: null,
                form: "written",
              },
            },
          ]);
        }
      }
      deciders.forEach((who, i) => {
        const choice = i === decline || (outcome === "decline" && i === 0) ? "decline" : "admit";
        slotted.push([
          2,
          {
            type: "record-selection-decision",
            decision: {
              staffId: who.id,
              organisationId: who.organisationId,
              profession: who.profession,
              decision: choice,
              decidedOn: next(i),
            },
          },
        ]);
      });
      slotted.push([3, { type: outcome, on: next(6) }]);
      meetings.forEach((episode, i) => {
        for (const command of episode) slotted.push([4 + 4 * i, command]);
      });
      if (activate) slotted.push([6, { type: "activate", on: next(7) }]);
      for (const command of change) slotted.push([9, command]);
      if (close > 0) slotted.push([lastSlot, { type: "close", on: day(offset + 3 * close + 4), reason }]);
      return slotted;
    },
  );

/** The lifecycle with up to 20 random commands or meeting episodes in its slots; at most 40 commands. */
const sequenceArb: fc.Arbitrary<CaseCommand[]> = fc
  .tuple(
    lifecycleArb,
    fc.array(
      fc.tuple(
        fc.nat({ max: lastSlot }),
        fc.oneof({ weight: 2, arbitrary: commandArb.map((c) => [c]) }, { weight: 1, arbitrary: meetingEpisodeArb }),
      ),
      { maxLength: 20, size: "max" },
    ),
  )
  .map(([lifecycle, noise]) => {
    const merged: CaseCommand[] = [];
    for (let slot = 0; slot <= lastSlot; slot++) {
      for (const [at, command] of lifecycle) if (at === slot) merged.push(command);
      for (const [at, commands] of noise) if (at === slot) merged.push(...commands);
    }
    return merged.slice(0, 40);
  });

/** A referred case: a client who turns 11, 12, 17, 18 or 30 somewhere in the window, with some guardians. */
const initialCaseArb: fc.Arbitrary<Case> = fc
  .record({
    age: fc.constantFrom(11, 12, 17, 18, 30),
    birthday: fc.integer({ min: -2, max: 24 }),
    guardians: fc.oneof(
      { weight: 3, arbitrary: fc.constant([guardian("g-1")]) },
      { weight: 1, arbitrary: fc.constant([guardian("g-1"), guardian("g-2", false)]) },
      { weight: 1, arbitrary: fc.constantFrom([], [guardian("g-2", false)]) },
    ),
    referralSource: fc.constantFrom(...referralSources),
  })
  .map(({ age, birthday, guardians, referralSource }) =>
    buildCase({
      client: { id: "client-test-1", birthDate: bornYearsBefore(day(birthday), age) },
      guardians: [...guardians],
      referralSource,
    }),
  );

/** Core team only, or with the organisation index so that consent for the school covers its unit. */
const contextArb: fc.Arbitrary<CaseContext> = fc.constantFrom(caseContext, {
  ...caseContext,
  organisations: organisationIndex,
});

/** The status moves the state machine allows; every other command keeps the status. */
const edges: Readonly<Record<CaseStatus, readonly CaseStatus[]>> = {
  "referred": ["in-selection"],
  "in-selection": ["admitted", "declined"],
  "admitted": ["active", "closed"],
  "declined": [],
  "active": ["closed"],
  "closed": [],
};
const ended: readonly CaseStatus[] = ["declined", "closed"];

/** What the random runs reached, so that the property is shown not to be vacuous. */
interface Reach {
  runs: number;
  /** Runs that reached each status. */
  statuses: Map<CaseStatus, number>;
  accepted: Set<CaseCommandType>;
  refusals: Set<string>;
  /** Held meetings with someone from outside the core team present: the consent rules at work. */
  heldWithOutsider: number;
}

function newReach(): Reach {
  return { runs: 0, statuses: new Map(), accepted: new Set(), refusals: new Set(), heldWithOutsider: 0 };
}

function snapshot(c: Case): Case {
  return JSON.parse(JSON.stringify(c)) as Case;
}

/**
 * Applies the commands in order, checking the case after every step; returns the statuses reached and
 * the last case. A client relationship and its end are recorded on their own days (`onItsDay`).
 */
function run(
  initial: Case,
  commands: readonly CaseCommand[],
  context: CaseContext,
  reach: Reach = newReach(),
): { seen: Set<CaseStatus>; last: Case } {
  let c = deepFreeze(initial);
  const seen = new Set<CaseStatus>([c.status]);
  expect(caseInvariants(c)).toEqual([]);
  for (const command of commands) {
    const before = snapshot(c);
    const result = applyCaseCommand(c, command, onItsDay(command, context, initial.referredOn));
    // The input is frozen, so a mutation would have thrown; it must also still equal its snapshot.
    expect(c).toEqual(before);
    if (!result.ok) {
      expect(result.error.length).toBeGreaterThan(0);
      for (const v of result.error) reach.refusals.add(v.code);
      if (!commandAllowedIn[command.type].includes(c.status))
        expect(result.error.map((v) => v.code)).toEqual(["CASE.ILLEGAL_TRANSITION"]);
      continue;
    }
    const next = deepFreeze(result.value);
    expect(commandAllowedIn[command.type]).toContain(c.status);
    expect(next.version).toBe(c.version + 1);
    expect(caseStatuses).toContain(next.status);
    if (next.status !== c.status) expect(edges[c.status]).toContain(next.status);
    if (ended.includes(c.status)) expect(next.status).toBe(c.status);
    expect(caseInvariants(next)).toEqual([]);
    expect(caseSchema.safeParse(next).success).toBe(true);
    reach.accepted.add(command.type);
    if (command.type === "record-meeting-held") {
      const m = next.meetings.find((x) => x.id === command.meetingId);
      const outsider = m?.composition.some(
        (p) =>
          command.attended.includes(p.id) &&
          p.organisationId !== null &&
          !coreOrganisationIds.includes(p.organisationId),
      );
      if (outsider === true) reach.heldWithOutsider += 1;
    }
    seen.add(next.status);
    c = next;
  }
  return { seen, last: c };
}

describe("the case state machine", () => {
  it("generates only valid commands", () => {
    fc.assert(
      fc.property(commandArb, (command) => {
        expect(caseCommandSchema.safeParse(command).success).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("keeps every case legal, moves only along the edges and never mutates its input", { timeout: 60_000 }, () => {
    const reach = newReach();
    fc.assert(
      fc.property(initialCaseArb, sequenceArb, contextArb, (initial, commands, context) => {
        const { seen } = run(initial, commands, context, reach);
        reach.runs += 1;
        for (const status of seen) reach.statuses.set(status, (reach.statuses.get(status) ?? 0) + 1);
      }),
      { numRuns: 300 },
    );
    // Not vacuous: the runs (shrinking runs included) reached active and closed cases, every status and
    // every command type, held meetings with parties outside the core team, and the main refusals.
    expect(reach.runs).toBeGreaterThanOrEqual(300);
    expect(reach.statuses.get("active") ?? 0).toBeGreaterThan(0);
    expect(reach.statuses.get("closed") ?? 0).toBeGreaterThan(0);
    for (const status of caseStatuses)
      expect(reach.statuses.get(status) ?? 0, `runs reaching ${status}`).toBeGreaterThan(0);
    expect([...reach.accepted].sort()).toEqual(Object.keys(commandAllowedIn).sort());
    expect(reach.heldWithOutsider).toBeGreaterThan(0);
    for (const code of [
      "CASE.ILLEGAL_TRANSITION",
      "CASE.DATE_ORDER",
      "CASE.SELECTION_INCOMPLETE",
      "CASE.NOT_FOUND",
      "CONSENT.MISSING",
    ])
      expect([...reach.refusals]).toContain(code);
  });

  it("replays a full happy path through every command type", () => {
    const commands: CaseCommand[] = [
      { type: "add-guardian", guardian: guardian("g-3") },
      {
        type: "record-existing-clientship",
        clientship: {
          organisationId: orgs.childWelfare,
          since: null,
          responsibleWorker: { staffId: null, name: "Testi Vastuutyöntekijä", organisationId: orgs.childWelfare },
        },
      },
      { type: "record-child-welfare-notification", notification: { madeOn: day(0), organisationId: orgs.police } },
      {
        type: "record-consent",
        consent: {
          id: "c-1",
          giver: { kind: "client" },
          organisationIds: [orgs.school, orgs.childWelfare],
          givenOn: day(0),
          validUntil: null,
          form: "written",
        },
      },
      {
        type: "record-consent",
        consent: {
          id: "c-2",
          giver: { kind: "guardian", guardianId: "g-1" },
          organisationIds: [orgs.school, orgs.childWelfare],
          givenOn: day(0),
          validUntil: null,
          form: "oral",
        },
      },
      {
        type: "record-consent",
        consent: {
          id: "c-3",
          giver: { kind: "guardian", guardianId: "g-3" },
          organisationIds: [orgs.school, orgs.childWelfare],
          givenOn: day(0),
          validUntil: null,
          form: "electronic",
        },
      },
      { type: "start-selection", on: day(1) },
      ...[staff.police, staff.social, staff.nurse].map((who): CaseCommand => ({
        type: "record-selection-decision",
        decision: {
          staffId: who.id,
          organisationId: who.organisationId,
          profession: who.profession,
          decision: "admit",
          decidedOn: day(2),
        },
      })),
      { type: "admit", on: day(3) },
      {
        type: "plan-meeting",
        meetingId: "m-1",
        plannedOn: day(4),
        composition: [coreSeat(staff.police), invitedSeat(orgs.school), responsibleWorkerSeat()],
      },
      {
        type: "record-meeting-held",
        meetingId: "m-1",
        heldOn: day(5),
        attended: ["p-staff-police", "p-org-test-school"],
      },
      { type: "inform-responsible-worker", meetingId: "m-1", on: day(5) },
      {
        type: "record-meeting-record",
        meetingId: "m-1",
        record: { recordedOn: day(6), recordedBy: staff.police.id, inClientRecord: true, inStatistics: false },
      },
      {
        type: "complete-meeting-record",
        meetingId: "m-1",
        amendment: {
          id: "a-1",
          recordedOn: day(7),
          recordedBy: staff.police.id,
          inClientRecord: false,
          inStatistics: true,
        },
      },
      {
        type: "make-referral",
        referral: {
          id: "r-1",
          meetingId: "m-1",
          service: "leisure-activity",
          organisationId: orgs.youth,
          madeOn: day(5),
          status: "made",
          statusChangedOn: day(5),
        },
      },
      { type: "update-referral", referralId: "r-1", status: "started", on: day(7) },
      { type: "plan-meeting", meetingId: "m-2", plannedOn: day(8), composition: [coreSeat(staff.nurse)] },
      {
        type: "send-invitations",
        meetingId: "m-2",
        on: day(6),
        sentBy: staff.police.id,
        invitations: [{ id: "i-1", participantId: "p-staff-nurse", channel: "secure-message" }],
      },
      { type: "answer-invitation", invitationId: "i-1", answer: "declined", on: day(7), recordedBy: staff.police.id },
      { type: "cancel-meeting", meetingId: "m-2", on: day(7) },
      { type: "withdraw-consent", consentId: "c-1", withdrawalId: "w-1", on: day(9) },
      { type: "end-existing-clientship", organisationId: orgs.childWelfare, endedOn: day(9) },
      {
        type: "correct-consent-withdrawal",
        consentId: "c-1",
        withdrawalId: "w-2",
        withdrawnOn: day(8),
        reason: "Peruminen kirjattiin väärälle päivälle (kuvitteellinen).",
      },
      { type: "close", on: day(10), reason: "goals-met" },
    ];
    const { seen, last } = run(
      buildCase({ guardians: [guardian("g-1")], referralSource: "police" }),
      commands,
      caseContext,
    );
    expect([...seen]).toEqual(["referred", "in-selection", "admitted", "active", "closed"]);
    // Every command was accepted.
    expect(last.version).toBe(commands.length);
  });
});
