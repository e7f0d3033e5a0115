import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildAssignment, buildClearance, buildPremisesAccess, fx } from "../agreement/agreement.fixture.js";
import { contains } from "../core/interval.js";
import { addDays } from "../core/local-date.js";
import { realisedFte } from "./fte.js";
import {
  canAccessPremises,
  clearanceInterval,
  defaultClearancePolicy,
  effectiveAssignments,
  scopeSuffices,
  validClearanceIntervals,
} from "./security-clearance.js";
import { type Assignment, clearanceScopes, securityClearanceSchema } from "./staff.js";

const policeStaff = new Set(["st-aalto"]);
const needsClearance = (a: Assignment) => a.needsPremisesAccess && !policeStaff.has(a.staffId);

describe("clearanceInterval", () => {
  it("is null while the clearance is pending", () => {
    expect(
      clearanceInterval(buildClearance({ id: "sc-1", staffId: "st-x", grantedOn: null, validUntil: null })),
    ).toBeNull();
  });

  it("is null for a denied clearance, even with a grant date recorded", () => {
    expect(
      clearanceInterval(buildClearance({ id: "sc-1", staffId: "st-x", grantedOn: null, deniedOn: "2024-03-01" })),
    ).toBeNull();
    expect(
      clearanceInterval(
        buildClearance({ id: "sc-1", staffId: "st-x", grantedOn: "2024-03-01", deniedOn: "2024-03-02" }),
      ),
    ).toBeNull();
  });

  it("runs from the grant to the expiry, both included", () => {
    expect(clearanceInterval(buildClearance({ id: "sc-1", staffId: "st-x" }))).toEqual({
      from: "2024-04-15",
      to: "2029-04-14",
    });
  });

  it("is open-ended without an expiry", () => {
    expect(clearanceInterval(buildClearance({ id: "sc-1", staffId: "st-x", validUntil: null }))).toEqual({
      from: "2024-04-15",
      to: null,
    });
  });

  it("ends the day before a revocation", () => {
    expect(clearanceInterval(buildClearance({ id: "sc-1", staffId: "st-x", revokedOn: "2025-03-01" }))).toEqual({
      from: "2024-04-15",
      to: "2025-02-28",
    });
    expect(
      clearanceInterval(buildClearance({ id: "sc-1", staffId: "st-x", validUntil: null, revokedOn: "2025-03-01" })),
    ).toEqual({ from: "2024-04-15", to: "2025-02-28" });
  });

  it("keeps the expiry when it comes before the revocation", () => {
    expect(
      clearanceInterval(
        buildClearance({ id: "sc-1", staffId: "st-x", validUntil: "2025-01-31", revokedOn: "2025-03-01" }),
      ),
    ).toEqual({ from: "2024-04-15", to: "2025-01-31" });
  });

  it("is null when revoked on the day it was granted", () => {
    expect(clearanceInterval(buildClearance({ id: "sc-1", staffId: "st-x", revokedOn: "2024-04-15" }))).toBeNull();
    expect(clearanceInterval(buildClearance({ id: "sc-1", staffId: "st-x", revokedOn: "2024-04-16" }))).toEqual({
      from: "2024-04-15",
      to: "2024-04-15",
    });
  });
});

describe("scopeSuffices", () => {
  it("orders scopes narrow < standard < extended", () => {
    expect(clearanceScopes).toEqual(["narrow", "standard", "extended"]);
    expect(scopeSuffices("narrow", "standard")).toBe(false);
    expect(scopeSuffices("standard", "standard")).toBe(true);
    expect(scopeSuffices("extended", "standard")).toBe(true);
    expect(scopeSuffices("standard", "extended")).toBe(false);
    expect(scopeSuffices("narrow", "narrow")).toBe(true);
  });

  it("requires a standard clearance by default", () => {
    expect(defaultClearancePolicy).toEqual({ requiredScope: "standard" });
  });
});

describe("validClearanceIntervals", () => {
  const clearances = [
    buildClearance({ id: "sc-1", staffId: "st-x", scope: "narrow", grantedOn: "2024-01-01", validUntil: null }),
    buildClearance({
      id: "sc-2",
      staffId: "st-x",
      scope: "standard",
      grantedOn: "2024-06-01",
      validUntil: "2024-12-31",
    }),
    buildClearance({ id: "sc-3", staffId: "st-x", scope: "extended", grantedOn: "2025-02-01", validUntil: null }),
    buildClearance({ id: "sc-4", staffId: "st-x", scope: "extended", grantedOn: null }),
    buildClearance({ id: "sc-5", staffId: "st-y", scope: "extended" }),
  ];

  it("keeps the person's granted clearances of sufficient scope", () => {
    expect(validClearanceIntervals("st-x", clearances)).toEqual([
      { from: "2024-06-01", to: "2024-12-31" },
      { from: "2025-02-01", to: null },
    ]);
    expect(validClearanceIntervals("st-x", clearances, { requiredScope: "extended" })).toEqual([
      { from: "2025-02-01", to: null },
    ]);
    expect(validClearanceIntervals("st-x", clearances, { requiredScope: "narrow" })).toHaveLength(3);
    expect(validClearanceIntervals("st-z", clearances)).toEqual([]);
  });
});

describe("effectiveAssignments", () => {
  const cityWork = buildAssignment({ id: "as-city", staffId: "st-city", organisationId: fx.psychiatry });

  it("clips a city employee's assignment to the clearance", () => {
    const clearance = buildClearance({
      id: "sc-city",
      staffId: "st-city",
      grantedOn: "2024-06-01",
      validUntil: "2025-05-31",
    });
    expect(effectiveAssignments([cityWork], [clearance], needsClearance)).toEqual([
      { ...cityWork, interval: { from: "2024-06-01", to: "2025-05-31" } },
    ]);
  });

  it("splits the assignment around a gap between clearances", () => {
    const clearances = [
      buildClearance({ id: "sc-a", staffId: "st-city", grantedOn: "2024-04-01", validUntil: "2024-12-31" }),
      buildClearance({ id: "sc-b", staffId: "st-city", grantedOn: "2025-03-01", validUntil: null }),
    ];
    expect(effectiveAssignments([cityWork], clearances, needsClearance).map((a) => [a.id, a.interval])).toEqual([
      ["as-city", { from: "2024-05-01", to: "2024-12-31" }],
      ["as-city", { from: "2025-03-01", to: null }],
    ]);
  });

  it("drops the assignment while the clearance is pending, denied or of too narrow a scope", () => {
    const cases = [
      buildClearance({ id: "sc-p", staffId: "st-city", grantedOn: null, validUntil: null }),
      buildClearance({ id: "sc-d", staffId: "st-city", grantedOn: null, deniedOn: "2024-04-01" }),
      buildClearance({ id: "sc-n", staffId: "st-city", scope: "narrow" }),
      buildClearance({ id: "sc-o", staffId: "st-other" }),
      buildClearance({ id: "sc-e", staffId: "st-city", grantedOn: "2020-01-01", validUntil: "2024-04-30" }),
    ];
    for (const clearance of cases) expect(effectiveAssignments([cityWork], [clearance], needsClearance)).toEqual([]);
  });

  it("respects a stricter policy", () => {
    const standard = buildClearance({ id: "sc-s", staffId: "st-city" });
    expect(effectiveAssignments([cityWork], [standard], needsClearance, { requiredScope: "extended" })).toEqual([]);
    expect(effectiveAssignments([cityWork], [standard], needsClearance)).toHaveLength(1);
  });

  it("returns police staff and work off the premises unchanged", () => {
    const police = buildAssignment({ id: "as-police", staffId: "st-aalto", organisationId: fx.policeUnit });
    const offPremises = buildAssignment({
      id: "as-off",
      staffId: "st-city",
      organisationId: fx.psychiatry,
      needsPremisesAccess: false,
    });
    const result = effectiveAssignments([police, offPremises], [], needsClearance);
    expect(result).toEqual([police, offPremises]);
    expect(result[0]).toBe(police);
  });

  it("counts a day once when a renewed clearance overlaps the old one", () => {
    const clearances = [
      buildClearance({ id: "sc-old", staffId: "st-city", grantedOn: "2024-04-15", validUntil: "2025-06-30" }),
      buildClearance({ id: "sc-new", staffId: "st-city", grantedOn: "2025-06-01", validUntil: "2030-05-31" }),
      buildClearance({
        id: "sc-ext",
        staffId: "st-city",
        scope: "extended",
        grantedOn: "2025-01-01",
        validUntil: "2025-01-31",
      }),
    ];
    const effective = effectiveAssignments([cityWork], clearances, needsClearance);
    expect(effective.map((a) => a.interval)).toEqual([{ from: "2024-05-01", to: "2030-05-31" }]);
    expect(realisedFte(effective, fx.psychiatry, { from: "2025-01-01", to: "2025-12-31" })).toBe(1);
  });

  it("joins clearances that follow each other without a gap", () => {
    const clearances = [
      buildClearance({ id: "sc-b", staffId: "st-city", grantedOn: "2025-01-01", validUntil: null }),
      buildClearance({ id: "sc-a", staffId: "st-city", grantedOn: "2024-04-15", validUntil: "2024-12-31" }),
      buildClearance({
        id: "sc-c",
        staffId: "st-city",
        scope: "extended",
        grantedOn: "2026-01-01",
        validUntil: "2026-12-31",
      }),
    ];
    expect(effectiveAssignments([cityWork], clearances, needsClearance).map((a) => a.interval)).toEqual([
      { from: "2024-05-01", to: null },
    ]);
  });

  it("counts each day of the assignment exactly once when some clearance covers it, and never otherwise", () => {
    const base = "2025-01-01";
    const day = (offset: number) => addDays(base, offset);
    const clearanceArb = fc.record({
      granted: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
      length: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      revokedAfter: fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
      scope: fc.constantFrom(...clearanceScopes),
    });
    fc.assert(
      fc.property(
        fc.array(clearanceArb, { maxLength: 5 }),
        fc.integer({ min: 0, max: 40 }),
        fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
        (specs, start, length) => {
          const clearances = specs.map((c, n) =>
            buildClearance({
              id: `sc-${String(n)}`,
              staffId: "st-city",
              scope: c.scope,
              grantedOn: c.granted === null ? null : day(c.granted),
              validUntil: c.granted === null || c.length === null ? null : day(c.granted + c.length),
              revokedOn: c.granted === null || c.revokedAfter === null ? null : day(c.granted + c.revokedAfter),
            }),
          );
          const work = buildAssignment({
            id: "as-city",
            staffId: "st-city",
            organisationId: fx.psychiatry,
            interval: { from: day(start), to: length === null ? null : day(start + length) },
          });
          const effective = effectiveAssignments([work], clearances, needsClearance);
          const valid = validClearanceIntervals("st-city", clearances);
          const wrongDays: string[] = [];
          for (let d = -5; d <= 90; d++) {
            const date = day(d);
            const expected = contains(work.interval, date) && valid.some((i) => contains(i, date)) ? 1 : 0;
            if (effective.filter((a) => contains(a.interval, date)).length !== expected) wrongDays.push(date);
          }
          expect(wrongDays).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("canAccessPremises", () => {
  const records = {
    clearances: [
      buildClearance({ id: "sc-city", staffId: "st-city", grantedOn: "2024-04-15", validUntil: "2025-04-14" }),
    ],
    premisesAccess: [
      buildPremisesAccess({ id: "pa-city", staffId: "st-city", interval: { from: "2024-05-01", to: "2025-12-31" } }),
    ],
  };

  it("allows a person with a valid clearance and a personal access right", () => {
    expect(canAccessPremises("st-city", "2024-05-01", records)).toEqual({ allowed: true });
    expect(canAccessPremises("st-city", "2025-04-14", records)).toEqual({ allowed: true });
  });

  it("refuses without a valid clearance", () => {
    expect(canAccessPremises("st-city", "2025-04-15", records)).toEqual({
      allowed: false,
      reasons: [expect.objectContaining({ code: "STAFFING.CLEARANCE_MISSING", ids: ["st-city"], severity: "error" })],
    });
  });

  it("refuses without an access right", () => {
    expect(canAccessPremises("st-city", "2024-04-20", records)).toEqual({
      allowed: false,
      reasons: [expect.objectContaining({ code: "STAFFING.ACCESS_RIGHT_MISSING", ids: ["st-city"] })],
    });
  });

  it("gives both reasons when both are missing", () => {
    const decision = canAccessPremises("st-city", "2026-01-01", records);
    expect(decision.allowed ? [] : decision.reasons.map((r) => r.code)).toEqual([
      "STAFFING.CLEARANCE_MISSING",
      "STAFFING.ACCESS_RIGHT_MISSING",
    ]);
    expect(decision.allowed ? "" : decision.reasons[0]!.message.en).toContain("2026-01-01");
  });

  it("does not lend one person's records to another", () => {
    const decision = canAccessPremises("st-other", "2024-06-01", records);
    expect(decision.allowed ? [] : decision.reasons.map((r) => r.code)).toEqual([
      "STAFFING.CLEARANCE_MISSING",
      "STAFFING.ACCESS_RIGHT_MISSING",
    ]);
  });

  it("applies the policy's required scope", () => {
    expect(canAccessPremises("st-city", "2024-06-01", records, { requiredScope: "extended" })).toMatchObject({
      allowed: false,
      reasons: [{ code: "STAFFING.CLEARANCE_MISSING" }],
    });
  });
});

describe("securityClearanceSchema", () => {
  it("defaults a requested clearance to pending", () => {
    const pending = securityClearanceSchema.parse({
      id: "sc-1",
      staffId: "st-x",
      scope: "standard",
      requestedById: fx.police,
      requestedOn: "2024-02-01",
    });
    expect(pending).toMatchObject({ grantedOn: null, deniedOn: null, validUntil: null, revokedOn: null });
  });
});
