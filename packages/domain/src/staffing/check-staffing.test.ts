import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  agreementWithNotices,
  buildAgreement,
  buildAssignment,
  buildClearance,
  buildPremisesAccess,
  buildStaff,
  buildStaffing,
  fx,
} from "../agreement/agreement.fixture.js";
import { addDays } from "../core/local-date.js";
import { checkStaffing, type StaffingCheckInput } from "./check-staffing.js";
import type { Assignment } from "./staff.js";

const year2025 = { from: "2025-01-01", to: "2025-12-31" };

/** The clean fixture team checked over 2025, with `change` applied to the input. */
function check(change: (input: StaffingCheckInput) => Partial<StaffingCheckInput> = () => ({})) {
  const input: StaffingCheckInput = { agreement: buildAgreement(), ...buildStaffing(), period: year2025 };
  return checkStaffing({ ...input, ...change(input) });
}

const codes = (found: ReturnType<typeof checkStaffing>) => found.map((v) => v.code).sort();

/** Replaces assignment `id` with `replacements` (its fields changed as given). */
const replace = (assignments: readonly Assignment[], id: string, ...replacements: Partial<Assignment>[]) =>
  assignments.flatMap((a) =>
    a.id === id ? replacements.map((r, n) => ({ ...a, ...r, id: n === 0 ? a.id : `${a.id}-${String(n + 1)}` })) : [a],
  );

describe("checkStaffing on a clean team", () => {
  it("finds nothing in a full year", () => {
    expect(check()).toEqual([]);
  });

  it("finds nothing in the year the agreement started, counting from its start", () => {
    expect(check(() => ({ period: { from: "2024-01-01", to: "2024-12-31" } }))).toEqual([]);
  });

  it("finds nothing on a single day", () => {
    expect(check(() => ({ period: { from: "2025-06-15", to: "2025-06-15" } }))).toEqual([]);
  });

  it("finds nothing before the agreement starts", () => {
    expect(check(() => ({ period: { from: "2024-01-01", to: "2024-04-30" }, assignments: [] }))).toEqual([]);
  });

  it("does not ask for a supervisor after the agreement has ended", () => {
    const found = check((input) => ({
      agreement: agreementWithNotices([fx.sotepe, "2025-01-15"]),
      assignments: replace(input.assignments, "as-aalto", { interval: { from: "2024-05-01", to: "2025-07-15" } }),
    }));
    expect(found).toEqual([]);
  });
});

describe("checkStaffing: references", () => {
  it("STAFFING.UNKNOWN_STAFF: an assignment of nobody on the staff list", () => {
    const ghost = buildAssignment({
      id: "as-ghost",
      staffId: "st-ghost",
      organisationId: fx.policeUnit,
      fraction: 0.5,
      needsPremisesAccess: false,
    });
    const found = check((input) => ({ assignments: [...input.assignments, ghost] }));
    expect(found).toEqual([
      expect.objectContaining({ code: "STAFFING.UNKNOWN_STAFF", ids: ["as-ghost", "st-ghost"], severity: "error" }),
    ]);
  });

  it("STAFFING.TEAM_MISMATCH: a staff member of another team", () => {
    const found = check((input) => ({
      staff: input.staff.map((s) => (s.id === "st-berg" ? { ...s, teamId: fx.otherTeam } : s)),
    }));
    expect(found).toEqual([expect.objectContaining({ code: "STAFFING.TEAM_MISMATCH", ids: ["as-berg", "st-berg"] })]);
  });

  it("STAFFING.TEAM_MISMATCH: an assignment to another team", () => {
    const found = check((input) => ({ assignments: replace(input.assignments, "as-berg", { teamId: fx.otherTeam }) }));
    expect(codes(found)).toEqual(["STAFFING.TEAM_MISMATCH"]);
  });

  it("STAFFING.UNIT_NOT_IN_TEAM: work counted for a unit that does not staff the team", () => {
    const found = check((input) => ({
      staff: [...input.staff, buildStaff("st-nyman", fx.policeInvestigation, "police-officer")],
      assignments: [
        ...input.assignments,
        buildAssignment({ id: "as-nyman", staffId: "st-nyman", organisationId: fx.policeInvestigation }),
      ],
    }));
    expect(found).toEqual([
      expect.objectContaining({ code: "STAFFING.UNIT_NOT_IN_TEAM", ids: ["as-nyman", fx.policeInvestigation] }),
    ]);
  });
});

describe("checkStaffing: STAFFING.OVER_ALLOCATED", () => {
  const withNyman =
    (...assignments: Assignment[]) =>
    (input: StaffingCheckInput) => ({
      staff: [...input.staff, buildStaff("st-nyman", fx.policeUnit, "police-officer")],
      assignments: [...input.assignments, ...assignments],
    });

  it("reports 0.6 + 0.5 on the days they overlap, naming the dates", () => {
    const first = buildAssignment({
      id: "as-nyman-1",
      staffId: "st-nyman",
      organisationId: fx.policeUnit,
      fraction: 0.6,
      interval: { from: "2025-01-01", to: "2025-06-30" },
    });
    const second = buildAssignment({
      id: "as-nyman-2",
      staffId: "st-nyman",
      organisationId: fx.policeUnit,
      fraction: 0.5,
      interval: { from: "2025-03-01", to: "2025-12-31" },
    });
    const found = check(withNyman(first, second));
    expect(found).toEqual([
      expect.objectContaining({
        code: "STAFFING.OVER_ALLOCATED",
        ids: ["st-nyman", "as-nyman-1", "as-nyman-2"],
        severity: "error",
      }),
    ]);
    expect(found[0]!.message.en).toBe(
      "A staff member is assigned 1.10 FTE from 2025-03-01 to 2025-06-30; at most 1.0 is possible.",
    );
    expect(found[0]!.message.fi).toContain("2025-03-01–2025-06-30");
  });

  it("allows exactly 1.0", () => {
    const first = buildAssignment({
      id: "as-nyman-1",
      staffId: "st-nyman",
      organisationId: fx.policeUnit,
      fraction: 0.5,
    });
    const second = buildAssignment({
      id: "as-nyman-2",
      staffId: "st-nyman",
      organisationId: fx.policeUnit,
      fraction: 0.5,
    });
    expect(check(withNyman(first, second))).toEqual([]);
  });

  it("looks only inside the period", () => {
    const first = buildAssignment({
      id: "as-nyman-1",
      staffId: "st-nyman",
      organisationId: fx.policeUnit,
      fraction: 0.6,
      interval: { from: "2024-06-01", to: "2024-12-31" },
    });
    const second = buildAssignment({
      id: "as-nyman-2",
      staffId: "st-nyman",
      organisationId: fx.policeUnit,
      fraction: 0.6,
      interval: { from: "2024-06-01", to: "2024-12-31" },
    });
    expect(check(withNyman(first, second))).toEqual([]);
    const found = check((input) => ({
      ...withNyman(first, second)(input),
      period: { from: "2024-12-01", to: "2025-01-31" },
    }));
    expect(found.map((v) => v.message.en)).toEqual([
      "A staff member is assigned 1.20 FTE from 2024-12-01 to 2024-12-31; at most 1.0 is possible.",
    ]);
  });

  it("reports each run of days with a different set of assignments", () => {
    const full = buildAssignment({
      id: "as-nyman-1",
      staffId: "st-nyman",
      organisationId: fx.policeUnit,
      fraction: 0.8,
      interval: { from: "2025-01-01", to: "2025-01-31" },
    });
    const early = buildAssignment({
      id: "as-nyman-2",
      staffId: "st-nyman",
      organisationId: fx.policeUnit,
      fraction: 0.3,
      interval: { from: "2025-01-05", to: "2025-01-10" },
    });
    const late = buildAssignment({
      id: "as-nyman-3",
      staffId: "st-nyman",
      organisationId: fx.policeUnit,
      fraction: 0.3,
      interval: { from: "2025-01-11", to: "2025-01-20" },
    });
    const found = check(withNyman(full, early, late));
    expect(found.map((v) => v.ids)).toEqual([
      ["st-nyman", "as-nyman-1", "as-nyman-2"],
      ["st-nyman", "as-nyman-1", "as-nyman-3"],
    ]);
    expect(found[1]!.message.en).toContain("from 2025-01-11 to 2025-01-20");
  });
});

describe("checkStaffing: the operational supervisor", () => {
  it("STAFFING.SUPERVISOR_GAP: days between one supervisor and the next", () => {
    const found = check((input) => {
      let assignments = replace(
        input.assignments,
        "as-aalto",
        { interval: { from: "2024-05-01", to: "2025-03-31" } },
        { role: "member", interval: { from: "2025-04-01", to: null } },
      );
      assignments = replace(
        assignments,
        "as-berg",
        { interval: { from: "2024-05-01", to: "2025-04-14" } },
        { role: "operational-supervisor", interval: { from: "2025-04-15", to: null } },
      );
      return { assignments };
    });
    expect(found).toEqual([
      expect.objectContaining({ code: "STAFFING.SUPERVISOR_GAP", ids: [fx.agreement], severity: "error" }),
    ]);
    expect(found[0]!.message.en).toBe("No operational supervisor from 2025-04-01 to 2025-04-14.");
    expect(found[0]!.message.fi).toContain("2025-04-01–2025-04-14");
  });

  it("STAFFING.SUPERVISOR_GAP: no supervisor at all, from the agreement's start", () => {
    const found = check((input) => ({
      assignments: replace(input.assignments, "as-aalto", { role: "member" }),
      period: { from: "2024-01-01", to: "2024-12-31" },
    }));
    expect(found.map((v) => [v.code, v.message.en])).toEqual([
      ["STAFFING.SUPERVISOR_GAP", "No operational supervisor from 2024-05-01 to 2024-12-31."],
    ]);
  });

  it("STAFFING.SUPERVISOR_OVERLAP: two supervisors on the same days", () => {
    const found = check((input) => ({
      assignments: replace(
        input.assignments,
        "as-berg",
        { interval: { from: "2024-05-01", to: "2025-02-28" } },
        { role: "operational-supervisor", interval: { from: "2025-03-01", to: "2025-03-31" } },
        { interval: { from: "2025-04-01", to: null } },
      ),
    }));
    expect(found).toEqual([
      expect.objectContaining({ code: "STAFFING.SUPERVISOR_OVERLAP", ids: ["as-aalto", "as-berg-2"] }),
    ]);
    expect(found[0]!.message.en).toBe("2 operational supervisors from 2025-03-01 to 2025-03-31; there must be one.");
  });

  it("STAFFING.SUPERVISOR_NOT_POLICE: a city employee as the operational supervisor", () => {
    const found = check((input) => {
      const assignments = replace(input.assignments, "as-aalto", { role: "member" });
      return { assignments: replace(assignments, "as-forsman", { role: "operational-supervisor" }) };
    });
    expect(found).toEqual([
      expect.objectContaining({ code: "STAFFING.SUPERVISOR_NOT_POLICE", ids: ["as-forsman", "st-forsman"] }),
    ]);
  });

  it("STAFFING.SUPERVISOR_NOT_POLICE: a supervisor who is not on the staff list", () => {
    const ghost = buildAssignment({
      id: "as-ghost",
      staffId: "st-ghost",
      organisationId: fx.policeUnit,
      role: "operational-supervisor",
      needsPremisesAccess: false,
    });
    const found = check((input) => ({
      assignments: [...replace(input.assignments, "as-aalto", { role: "member" }), ghost],
    }));
    expect(codes(found)).toEqual(["STAFFING.SUPERVISOR_NOT_POLICE", "STAFFING.UNKNOWN_STAFF"]);
  });
});

describe("checkStaffing: security clearances and premises", () => {
  const newcomer = (input: StaffingCheckInput, ...records: Partial<StaffingCheckInput>[]) => ({
    staff: [...input.staff, buildStaff("st-nurmi", fx.youthServices, "youth-worker")],
    assignments: [...input.assignments, ...records.flatMap((r) => r.assignments ?? [])],
    clearances: [...input.clearances, ...records.flatMap((r) => r.clearances ?? [])],
    premisesAccess: [...input.premisesAccess, ...records.flatMap((r) => r.premisesAccess ?? [])],
  });
  const nurmiWork = (overrides: Partial<Assignment> = {}) =>
    buildAssignment({
      id: "as-nurmi",
      staffId: "st-nurmi",
      organisationId: fx.youthServices,
      fraction: 0.5,
      interval: { from: "2025-01-01", to: null },
      ...overrides,
    });

  it("STAFFING.AWAITING_CLEARANCE: a warning for the days before the clearance is granted", () => {
    const found = check((input) =>
      newcomer(input, {
        assignments: [nurmiWork()],
        clearances: [
          buildClearance({ id: "sc-nurmi", staffId: "st-nurmi", requestedOn: "2024-12-01", grantedOn: "2025-03-01" }),
        ],
      }),
    );
    expect(found).toEqual([
      expect.objectContaining({
        code: "STAFFING.AWAITING_CLEARANCE",
        ids: ["as-nurmi", "st-nurmi"],
        severity: "warning",
      }),
    ]);
    expect(found[0]!.message.en).toBe(
      "An assignment is not active from 2025-01-01 to 2025-02-28: no valid security clearance.",
    );
  });

  it("STAFFING.AWAITING_CLEARANCE: the whole period while the clearance is pending", () => {
    const found = check((input) =>
      newcomer(input, {
        assignments: [nurmiWork()],
        clearances: [buildClearance({ id: "sc-nurmi", staffId: "st-nurmi", grantedOn: null, validUntil: null })],
      }),
    );
    expect(found.map((v) => v.message.en)).toEqual([
      "An assignment is not active from 2025-01-01 to 2025-12-31: no valid security clearance.",
    ]);
  });

  it("does not gate work off the premises or police staff's work", () => {
    expect(check((input) => newcomer(input, { assignments: [nurmiWork({ needsPremisesAccess: false })] }))).toEqual([]);
    const police = buildAssignment({
      id: "as-nyman",
      staffId: "st-nyman",
      organisationId: fx.policeUnit,
      interval: { from: "2025-01-01", to: null },
    });
    expect(
      check((input) => ({
        staff: [...input.staff, buildStaff("st-nyman", fx.policeUnit, "police-officer")],
        assignments: [...input.assignments, police],
      })),
    ).toEqual([]);
  });

  it("STAFFING.ACCESS_WITHOUT_CLEARANCE: a city employee's access right without a clearance", () => {
    const found = check((input) =>
      newcomer(input, {
        premisesAccess: [
          buildPremisesAccess({ id: "pa-nurmi", staffId: "st-nurmi", interval: { from: "2025-01-01", to: null } }),
        ],
      }),
    );
    expect(found).toEqual([
      expect.objectContaining({
        code: "STAFFING.ACCESS_WITHOUT_CLEARANCE",
        ids: ["pa-nurmi", "st-nurmi"],
        severity: "error",
      }),
    ]);
    expect(found[0]!.message.en).toBe(
      "An access right is valid from 2025-01-01 to 2025-12-31 without a security clearance.",
    );
  });

  it("STAFFING.ACCESS_WITHOUT_CLEARANCE: an access right that outlives a revoked clearance", () => {
    const found = check((input) => ({
      clearances: input.clearances.map((c) => (c.id === "sc-jansson" ? { ...c, revokedOn: "2025-06-01" } : c)),
    }));
    expect(found.map((v) => [v.code, v.ids[0], v.message.en])).toEqual([
      [
        "STAFFING.AWAITING_CLEARANCE",
        "as-jansson",
        "An assignment is not active from 2025-06-01 to 2025-12-31: no valid security clearance.",
      ],
      [
        "STAFFING.ACCESS_WITHOUT_CLEARANCE",
        "pa-jansson",
        "An access right is valid from 2025-06-01 to 2025-12-31 without a security clearance.",
      ],
      ["STAFFING.TARGET_SHORTFALL", fx.youthServices, expect.stringContaining("against a target of 2.00") as string],
    ]);
  });

  it("does not ask police staff for a clearance to their own premises", () => {
    const found = check((input) => ({
      premisesAccess: [...input.premisesAccess, buildPremisesAccess({ id: "pa-aalto", staffId: "st-aalto" })],
    }));
    expect(found).toEqual([]);
  });

  it("STAFFING.CLEARANCE_NOT_BY_POLICE: a clearance requested by the city", () => {
    const found = check((input) => ({
      clearances: input.clearances.map((c) => (c.id === "sc-isaksson" ? { ...c, requestedById: fx.sotepe } : c)),
    }));
    expect(found).toEqual([
      expect.objectContaining({ code: "STAFFING.CLEARANCE_NOT_BY_POLICE", ids: ["sc-isaksson", "st-isaksson"] }),
    ]);
  });

  it("ignores who requested a clearance that grants nothing", () => {
    const pending = buildClearance({
      id: "sc-pending",
      staffId: "st-isaksson",
      requestedById: fx.sotepe,
      grantedOn: null,
      validUntil: null,
    });
    expect(check((input) => ({ clearances: [...input.clearances, pending] }))).toEqual([]);
  });

  it("applies a stricter clearance policy", () => {
    const found = check(() => ({ policy: { requiredScope: "extended" } }));
    expect(found.filter((v) => v.code === "STAFFING.AWAITING_CLEARANCE")).toHaveLength(8);
    expect(found.filter((v) => v.code === "STAFFING.ACCESS_WITHOUT_CLEARANCE")).toHaveLength(8);
    expect(found.filter((v) => v.code === "STAFFING.TARGET_SHORTFALL").map((v) => v.ids)).toEqual([
      [fx.socialEmergency],
      [fx.psychiatry],
      [fx.youthServices],
    ]);
  });
});

describe("checkStaffing: STAFFING.TARGET_SHORTFALL", () => {
  it("warns when a unit has nobody", () => {
    const found = check((input) => ({ assignments: input.assignments.filter((a) => a.id !== "as-isaksson") }));
    expect(found).toEqual([
      expect.objectContaining({ code: "STAFFING.TARGET_SHORTFALL", ids: [fx.psychiatry], severity: "warning" }),
    ]);
    expect(found[0]!.message.en).toBe(`A unit realised 0.00 FTE against a target of 1.00 (2025-01-01–2025-12-31).`);
  });

  it("warns at a hundredth short", () => {
    const found = check((input) => ({ assignments: replace(input.assignments, "as-holm", { fraction: 0.49 }) }));
    expect(found.map((v) => [v.code, v.ids])).toEqual([["STAFFING.TARGET_SHORTFALL", [fx.socialEmergency]]]);
  });

  it("does not count work awaiting clearance", () => {
    const found = check((input) => ({
      clearances: input.clearances.map((c) => (c.id === "sc-isaksson" ? { ...c, grantedOn: "2025-07-01" } : c)),
    }));
    expect(codes(found)).toEqual([
      "STAFFING.ACCESS_WITHOUT_CLEARANCE",
      "STAFFING.AWAITING_CLEARANCE",
      "STAFFING.TARGET_SHORTFALL",
    ]);
    expect(found.find((v) => v.code === "STAFFING.TARGET_SHORTFALL")?.message.en).toContain("realised 0.50 FTE");
  });
});

describe("checkStaffing: over-allocation property", () => {
  const window = { from: "2025-01-01", to: "2025-01-31" };
  const day = (offset: number) => addDays(window.from, offset);
  const datesOf = (message: string) => {
    const m = /from (\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})/.exec(message);
    if (!m) throw new Error(`No dates in ${message}`);
    return [m[1] as string, m[2] as string] as const;
  };

  const assignmentArb = fc.record({
    percent: fc.integer({ min: 1, max: 100 }),
    start: fc.integer({ min: -5, max: 35 }),
    length: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
  });

  it("reports exactly the days on which one person's fractions sum above 1.0", () => {
    const agreement = buildAgreement();
    const organisations = buildStaffing().organisations;
    const staff = [buildStaff("st-prop", fx.policeUnit, "police-officer")];
    fc.assert(
      fc.property(fc.array(assignmentArb, { minLength: 1, maxLength: 5 }), (specs) => {
        const assignments = specs.map((s, n) =>
          buildAssignment({
            id: `as-prop-${String(n)}`,
            staffId: "st-prop",
            organisationId: fx.policeUnit,
            fraction: s.percent / 100,
            interval: { from: day(s.start), to: s.length === null ? null : day(s.start + s.length) },
          }),
        );
        const found = checkStaffing({
          agreement,
          organisations,
          staff,
          assignments,
          clearances: [],
          premisesAccess: [],
          period: window,
        }).filter((v) => v.code === "STAFFING.OVER_ALLOCATED");

        // Brute force: the sum of hundredths on each day of the window.
        const overDays = new Set<string>();
        let max = 0;
        for (let d = 0; d <= 30; d++) {
          const date = day(d);
          const sum = specs.reduce((acc, s, n) => {
            const a = assignments[n]!;
            return acc + (a.interval.from <= date && (a.interval.to === null || date <= a.interval.to) ? s.percent : 0);
          }, 0);
          max = Math.max(max, sum);
          if (sum > 100) overDays.add(date);
        }

        expect(found.length > 0).toBe(max > 100);
        const reportedDays = new Set<string>();
        for (const v of found) {
          const [from, to] = datesOf(v.message.en);
          for (let date = from; date <= to; date = addDays(date, 1)) reportedDays.add(date);
        }
        expect([...reportedDays].sort()).toEqual([...overDays].sort());
      }),
      { numRuns: 300 },
    );
  });
});
