import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { contains } from "../core/interval.js";
import { addDays, type LocalDate } from "../core/local-date.js";
import type { Case } from "../cases/case.js";
import type { CaseCommand } from "../cases/case-commands.js";
import { applyCaseCommand } from "../cases/case-lifecycle.js";
import { isConsentInEffect, requiredConsentGivers } from "../cases/consent-policy.js";
import {
  admittedCase,
  caseContext,
  clientSeat,
  coreOrganisationIds,
  coreSeat,
  day,
  guardian,
  invitedSeat,
  nonCoreOrganisationIds,
  onItsDay,
  orgs,
  staff,
} from "../cases/case.fixture.js";
import { helsinkiAnkkuri } from "../seed/helsinki/index.js";
import { caseAccessOn, caseMemberships, type MembershipContext } from "./case-membership.js";
import { resolveActor } from "./resolve-actor.js";

const selectingUnits: readonly string[] = [orgs.police, orgs.social, orgs.psychiatry];
const context: MembershipContext = {
  selectingUnits,
  coreOrganisationIdsOn: () => coreOrganisationIds,
  controllerOn: (organisationId) => organisationId,
};
const days = Array.from({ length: 40 }, (_, n) => day(n - 2));
const allOrganisations = [...coreOrganisationIds, ...nonCoreOrganisationIds];
const dayArb = fc.integer({ min: 0, max: 30 }).map(day);
const giverArb = fc.constantFrom({ kind: "client" as const }, { kind: "guardian" as const, guardianId: "g-1" });

/**
 * Random histories: consents, seats inside and outside the core team, withdrawals, corrections, closing,
 * and a client relationship with child welfare recorded and ended.
 */
const commandArb: fc.Arbitrary<CaseCommand> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .record({
        id: fc.constantFrom("c-1", "c-2", "c-3", "c-4"),
        giver: giverArb,
        organisationIds: fc.subarray([...nonCoreOrganisationIds], { minLength: 1 }),
        givenOn: dayArb,
        validUntil: fc.option(dayArb, { nil: null, freq: 3 }),
      })
      .map((consent): CaseCommand => ({ type: "record-consent", consent: { ...consent, form: "written" } })),
  },
  {
    weight: 4,
    arbitrary: fc
      .record({
        meetingId: fc.constantFrom("m-1", "m-2", "m-3"),
        plannedOn: dayArb,
        seats: fc.subarray([orgs.youth, orgs.school, orgs.schoolUnit, orgs.childWelfare], { minLength: 1 }),
      })
      .map(({ meetingId, plannedOn, seats }): CaseCommand => ({
        type: "plan-meeting",
        meetingId,
        plannedOn,
        composition: [
          coreSeat(staff.police),
          clientSeat(),
          ...seats.map((o) => (o === orgs.youth ? coreSeat(staff.youth) : invitedSeat(o))),
        ],
      })),
  },
  {
    weight: 3,
    arbitrary: fc
      .record({ consentId: fc.constantFrom("c-1", "c-2", "c-3", "c-4"), on: dayArb })
      .map(({ consentId, on }): CaseCommand => ({ type: "withdraw-consent", consentId, withdrawalId: "w-1", on })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ consentId: fc.constantFrom("c-1", "c-2", "c-3", "c-4"), withdrawnOn: fc.option(dayArb, { nil: null }) })
      .map(({ consentId, withdrawnOn }): CaseCommand => ({
        type: "correct-consent-withdrawal",
        consentId,
        withdrawalId: "w-2",
        withdrawnOn,
        reason: "Kirjausvirhe (kuvitteellinen).",
      })),
  },
  {
    weight: 1,
    arbitrary: fc
      .record({ meetingId: fc.constantFrom("m-1", "m-2", "m-3"), on: dayArb })
      .map((x): CaseCommand => ({ type: "cancel-meeting", ...x })),
  },
  { weight: 1, arbitrary: dayArb.map((on): CaseCommand => ({ type: "close", on, reason: "goals-met" })) },
  {
    weight: 2,
    arbitrary: fc.option(dayArb, { nil: null }).map((since): CaseCommand => ({
      type: "record-existing-clientship",
      clientship: { organisationId: orgs.childWelfare, since, responsibleWorker: null },
    })),
  },
  {
    weight: 2,
    arbitrary: dayArb.map((endedOn): CaseCommand => ({
      type: "end-existing-clientship",
      organisationId: orgs.childWelfare,
      endedOn,
    })),
  },
);

/** Histories that usually hold consents of both required givers for some organisations, then anything. */
const historyArb: fc.Arbitrary<CaseCommand[]> = fc
  .tuple(
    fc.subarray([...nonCoreOrganisationIds], { minLength: 1 }),
    dayArb,
    fc.array(commandArb, { maxLength: 14, size: "max" }),
  )
  .map(([organisationIds, givenOn, rest]): CaseCommand[] => [
    ...(["c-1", "c-2"] as const).map((id): CaseCommand => ({
      type: "record-consent",
      consent: {
        id,
        giver: id === "c-1" ? { kind: "client" } : { kind: "guardian", guardianId: "g-1" },
        organisationIds,
        givenOn,
        validUntil: null,
        form: "written",
      },
    })),
    ...rest,
  ]);

function history(commands: readonly CaseCommand[]): Case {
  let c = admittedCase({ guardians: [guardian("g-1")] });
  for (const command of commands) {
    const result = applyCaseCommand(c, command, onItsDay(command, caseContext, day(0)));
    if (result.ok) c = result.value;
  }
  return c;
}

/**
 * A basis for `organisationId` in force on `d`, read straight from the case's facts rather than
 * from `caseMemberships`: a selecting unit from the referral; a client relationship recorded by then
 * and not yet ended; or a seat not yet cancelled, seated by
 * then, of the core team or resting on a consent of every required giver that covered the
 * organisation on the meeting's day and is still in effect on `d`, in a case not closed before `d`.
 */
function justified(c: Case, organisationId: string, d: LocalDate): boolean {
  if (selectingUnits.includes(organisationId) && d >= c.referredOn) return true;
  const clientship = c.existingClientships.find((x) => x.organisationId === organisationId);
  if (
    clientship &&
    (clientship.recordedOn ?? c.referredOn) <= d &&
    (clientship.endedOn === null || d < clientship.endedOn)
  )
    return true;
  return c.meetings.some((m) => {
    if (!m.composition.some((p) => p.organisationId === organisationId)) return false;
    if ((m.composedOn ?? m.plannedOn) > d || (m.cancelledOn !== null && d >= m.cancelledOn)) return false;
    if (coreOrganisationIds.includes(organisationId)) return true;
    if (c.closedOn !== null && d > c.closedOn) return false;
    return requiredConsentGivers(c, m.plannedOn).every((giver) =>
      c.consents.some(
        (x) =>
          (giver.kind === "client" ? x.giver.kind === "client" : x.giver.kind === "guardian") &&
          x.organisationIds.includes(organisationId) &&
          isConsentInEffect(x, m.plannedOn) &&
          isConsentInEffect(x, d),
      ),
    );
  });
}

describe("case memberships over random histories", () => {
  it("open a case to an organisation on a day only when a basis is in force that day", () => {
    const reach = { consentAccessDays: 0, endedByWithdrawal: 0, coreSeatDays: 0, endedClientships: 0 };
    fc.assert(
      fc.property(historyArb, (commands) => {
        const c = history(commands);
        const memberships = caseMemberships(c, context);
        for (const organisationId of allOrganisations) {
          for (const d of days) {
            const access = caseAccessOn(memberships, [organisationId], d);
            if (access !== null) expect(justified(c, organisationId, d), `${organisationId} on ${d}`).toBe(true);
            // And a client relationship in force gives access, from its recording to the day before its end.
            const clientship = c.existingClientships.find((x) => x.organisationId === organisationId);
            if (clientship && (clientship.recordedOn ?? c.referredOn) <= d && (clientship.endedOn ?? "9999") > d)
              expect(access, `${organisationId} on ${d}`).toBe("limited");
            if (access !== null && nonCoreOrganisationIds.includes(organisationId)) {
              reach.consentAccessDays += 1;
              expect(access).toBe("limited");
            }
            if (access === "full" && organisationId === orgs.youth) reach.coreSeatDays += 1;
          }
        }
        // No access rests on a client relationship on or after the day it ended.
        for (const x of c.existingClientships.filter((y) => y.endedOn !== null)) {
          for (const m of memberships.filter((y) => y.basis === "existing-clientship")) {
            expect(m.to !== null && x.endedOn !== null && m.to < x.endedOn).toBe(true);
          }
          if (days.some((d) => d >= (x.recordedOn ?? c.referredOn) && d < (x.endedOn ?? d)))
            reach.endedClientships += 1;
        }
        // No access rests on a consent on or after the day it was withdrawn.
        for (const m of memberships.filter((x) => x.basis === "consent")) {
          for (const consent of c.consents.filter((x) => m.consentIds.includes(x.id) && x.withdrawnOn !== null)) {
            expect(m.to !== null && consent.withdrawnOn !== null && m.to < consent.withdrawnOn).toBe(true);
            reach.endedByWithdrawal += 1;
          }
        }
      }),
      { numRuns: 400 },
    );
    // Not vacuous: the histories gave invited organisations access, ended it by withdrawals, seated the
    // core team, and ended client relationships that had given access.
    expect(reach.consentAccessDays).toBeGreaterThan(0);
    expect(reach.endedByWithdrawal).toBeGreaterThan(0);
    expect(reach.coreSeatDays).toBeGreaterThan(0);
    expect(reach.endedClientships).toBeGreaterThan(0);
  });

  it("give a core-team seat access from its seating until its cancellation", () => {
    fc.assert(
      fc.property(historyArb, (commands) => {
        const c = history(commands);
        const memberships = caseMemberships(c, context);
        for (const m of c.meetings.filter((x) => x.composition.some((p) => p.organisationId === orgs.youth))) {
          const from = m.composedOn ?? m.plannedOn;
          for (const d of days.filter((x) => x >= from && (m.cancelledOn === null || x < m.cancelledOn))) {
            expect(caseAccessOn(memberships, [orgs.youth], d)).toBe("full");
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("the actor over random assignment histories", () => {
  const jarvinen = "st-hpl-jarvinen";
  const mattila = "st-sotepe-mattila";
  const intervalArb = fc
    .tuple(fc.integer({ min: 0, max: 60 }), fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }))
    .map(([a, b]) => ({
      from: addDays("2026-11-01", a),
      to: b === null ? null : addDays("2026-11-01", Math.max(a, b)),
    }));

  it("exists on a day only with an assignment in force, and for city staff a clearance too", () => {
    let withRoles = 0;
    fc.assert(
      fc.property(intervalArb, intervalArb, fc.option(intervalArb, { nil: null }), (police, city, clearance) => {
        const directory = {
          ...helsinkiAnkkuri,
          assignments: helsinkiAnkkuri.assignments.map((a) =>
            a.staffId === jarvinen ? { ...a, interval: police } : a.staffId === mattila ? { ...a, interval: city } : a,
          ),
          clearances: helsinkiAnkkuri.clearances.map((x) =>
            x.staffId === mattila
              ? {
                  ...x,
                  grantedOn: clearance?.from ?? null,
                  validUntil: clearance?.to ?? null,
                  requestedOn: "2026-01-01",
                }
              : x,
          ),
        };
        for (let n = 0; n <= 62; n++) {
          const d = addDays("2026-11-01", n);
          const officer = resolveActor(directory, "maria.jarvinen", d);
          expect(officer.ok).toBe(contains(police, d));
          const worker = resolveActor(directory, "hanna.mattila", d);
          expect(worker.ok).toBe(contains(city, d) && clearance !== null && contains(clearance, d));
          if (worker.ok) withRoles += 1;
        }
      }),
      { numRuns: 200 },
    );
    expect(withRoles).toBeGreaterThan(0);
  });
});
