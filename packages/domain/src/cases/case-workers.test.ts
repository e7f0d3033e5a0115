import { describe, expect, it } from "vitest";
import { membershipContext, referralMemberships } from "../access/case-membership.js";
import { helsinkiAnkkuri } from "../seed/helsinki/index.js";
import { org } from "../seed/helsinki/organisations.js";
import {
  type CaseWorkerAssignment,
  type CaseWorkerContext,
  caseWorkerEndRefusals,
  caseWorkerInForce,
  caseWorkerRefusals,
} from "./case-workers.js";

const today = "2026-11-22";
const referral = { referredOn: "2026-10-01", referredByOrganisationId: org.policePrevention };
const memberships = referralMemberships(referral, membershipContext(helsinkiAnkkuri.agreement, referral.referredOn));
const officer = "st-hpl-jarvinen";
const socialWorker = "st-sotepe-mattila";
const youthWorker = "st-kuva-lindqvist";

const lead = (
  staffId: string,
  assignedOn = "2026-10-05",
  unassignedOn: string | null = null,
): CaseWorkerAssignment => ({
  id: `cw-${staffId}`,
  caseId: "case-1",
  staffId,
  role: "lead-worker",
  assignedOn,
  unassignedOn,
});

const context = (over: Partial<CaseWorkerContext> = {}): CaseWorkerContext => ({
  today,
  directory: helsinkiAnkkuri,
  case: { id: "case-1", status: "active", referredOn: referral.referredOn, memberships },
  existing: [],
  ...over,
});

const codes = (found: { code: string }[]) => found.map((v) => v.code);

describe("assigning a worker to a case", () => {
  it("accepts a team member whose organisation takes part in the case in full, as lead or pair", () => {
    expect(caseWorkerRefusals({ staffId: officer, role: "lead-worker", on: today }, context())).toEqual([]);
    expect(
      caseWorkerRefusals(
        { staffId: socialWorker, role: "pair-worker", on: today },
        context({ existing: [lead(officer)] }),
      ),
    ).toEqual([]);
  });

  it("refuses a day in the future or before the referral, and a case closed or declined", () => {
    expect(codes(caseWorkerRefusals({ staffId: officer, role: "pair-worker", on: "2026-11-23" }, context()))).toEqual([
      "CASE.FUTURE_DATE",
    ]);
    expect(codes(caseWorkerRefusals({ staffId: officer, role: "pair-worker", on: "2026-09-30" }, context()))).toEqual([
      "CASEWORKER.BEFORE_REFERRAL",
    ]);
    const closed = context({ case: { ...context().case, status: "closed" } });
    expect(codes(caseWorkerRefusals({ staffId: officer, role: "pair-worker", on: today }, closed))).toEqual([
      "CASEWORKER.CASE_NOT_OPEN",
    ]);
  });

  it("refuses someone without an assignment in the team that day, naming them", () => {
    const ended = {
      ...helsinkiAnkkuri,
      assignments: helsinkiAnkkuri.assignments.map((a) =>
        a.staffId === officer ? { ...a, interval: { from: a.interval.from, to: "2026-11-01" } } : a,
      ),
    };
    const found = caseWorkerRefusals(
      { staffId: officer, role: "pair-worker", on: today },
      context({ directory: ended }),
    );
    expect(codes(found)).toEqual(["CASEWORKER.NOT_IN_TEAM"]);
    expect(found[0]?.message.sv).toContain("Maria Järvinen");
  });

  it("refuses a city employee whose security clearance is not valid that day (003 § 7)", () => {
    const revoked = {
      ...helsinkiAnkkuri,
      clearances: helsinkiAnkkuri.clearances.map((c) =>
        c.staffId === socialWorker ? { ...c, revokedOn: "2026-11-01" } : c,
      ),
    };
    const found = caseWorkerRefusals(
      { staffId: socialWorker, role: "pair-worker", on: today },
      context({ directory: revoked }),
    );
    expect(codes(found)).toEqual(["CASEWORKER.NO_CLEARANCE"]);
    expect(found[0]?.message.fi).toContain("Hanna Mattila");
  });

  it("refuses a worker whose organisation does not take part in the case in full, naming the organisation", () => {
    const found = caseWorkerRefusals({ staffId: youthWorker, role: "pair-worker", on: today }, context());
    expect(codes(found)).toEqual(["CASEWORKER.NO_ACCESS"]);
    expect(found[0]?.message.fi).toContain("Nuorisopalvelut");
    expect(found[0]?.message.en).not.toContain("org-");
    const seated = context({
      case: {
        ...context().case,
        memberships: [
          ...memberships,
          { organisationId: org.youthServices, basis: "meeting-seat", from: "2026-11-01", to: null },
        ],
      },
    });
    expect(caseWorkerRefusals({ staffId: youthWorker, role: "pair-worker", on: today }, seated)).toEqual([]);
  });

  it("keeps one lead worker at a time and assigns a person once; an ended assignment frees both", () => {
    const taken = context({ existing: [lead(officer)] });
    expect(codes(caseWorkerRefusals({ staffId: socialWorker, role: "lead-worker", on: today }, taken))).toEqual([
      "CASEWORKER.LEAD_TAKEN",
    ]);
    expect(codes(caseWorkerRefusals({ staffId: officer, role: "pair-worker", on: today }, taken))).toEqual([
      "CASEWORKER.ALREADY_ASSIGNED",
    ]);
    // Handed over today: the previous lead's last day was yesterday.
    const handedOver = context({ existing: [lead(officer, "2026-10-05", today)] });
    expect(caseWorkerRefusals({ staffId: socialWorker, role: "lead-worker", on: today }, handedOver)).toEqual([]);
    expect(caseWorkerRefusals({ staffId: officer, role: "pair-worker", on: today }, handedOver)).toEqual([]);
    // A backdated lead would overlap the one ended later.
    expect(
      codes(caseWorkerRefusals({ staffId: socialWorker, role: "lead-worker", on: "2026-11-01" }, handedOver)),
    ).toEqual(["CASEWORKER.LEAD_TAKEN"]);
  });

  it("counts an assignment in force from its first day until the day before it ended", () => {
    const a = lead(officer, "2026-10-05", "2026-11-22");
    expect([
      caseWorkerInForce(a, "2026-10-04"),
      caseWorkerInForce(a, "2026-10-05"),
      caseWorkerInForce(a, "2026-11-21"),
    ]).toEqual([false, true, true]);
    expect(caseWorkerInForce(a, "2026-11-22")).toBe(false);
    expect(caseWorkerInForce(lead(officer), "2030-01-01")).toBe(true);
  });
});

describe("ending a worker's assignment", () => {
  const end = (on: string, existing: CaseWorkerAssignment[]) =>
    caseWorkerEndRefusals({ staffId: officer, on }, { today, directory: helsinkiAnkkuri, existing, caseId: "case-1" });

  it("ends the assignment in force, not in the future nor before it began", () => {
    expect(end(today, [lead(officer)])).toEqual({ assignment: lead(officer), refusals: [] });
    expect(codes(end("2026-11-23", [lead(officer)]).refusals)).toEqual(["CASE.FUTURE_DATE"]);
    expect(codes(end("2026-10-04", [lead(officer)]).refusals)).toEqual(["CASEWORKER.UNASSIGN_BEFORE_ASSIGN"]);
  });

  it("refuses when the person has no assignment in force on the case, naming them", () => {
    const found = end(today, [lead(officer, "2026-10-05", "2026-11-01")]);
    expect(found.assignment).toBeNull();
    expect(codes(found.refusals)).toEqual(["CASEWORKER.NOT_ASSIGNED"]);
    expect(found.refusals[0]?.message.en).toContain("Maria Järvinen");
  });
});
