import { describe, expect, it } from "vitest";
import {
  agreementWithSupplierFrom,
  buildAgreement,
  buildAssignment,
  buildClearance,
  buildStaffing,
  fx,
  type Staffing,
} from "../agreement/agreement.fixture.js";
import type { Agreement } from "../agreement/agreement.js";
import { checkStaffing } from "./check-staffing.js";
import { countedAssignments, isPoliceStaff, type StaffingRecords } from "./counted-assignments.js";
import { fteReport } from "./fte-report.js";

const year2025 = { from: "2025-01-01", to: "2025-12-31" };
const secondHalf = { from: "2025-07-01", to: "2025-12-31" };

type Team = Staffing & { agreement: Agreement };

/** The clean fixture team, with `change` applied. */
function records(change: (r: Team) => Partial<Team> = () => ({})): Team {
  const base = { agreement: buildAgreement(), ...buildStaffing() };
  return { ...base, ...change(base) };
}

/** Each counted assignment's id and days, in input order. */
const counted = (r: StaffingRecords, period = year2025) =>
  countedAssignments(r, period).map((a) => [a.id, a.interval.from, a.interval.to]);

describe("countedAssignments", () => {
  it("counts every assignment of a team whose city staff are cleared, the city's while their clearances last", () => {
    const r = records();
    expect(counted(r)).toEqual(
      r.assignments.map((a) => [a.id, a.interval.from, a.organisationId === fx.policeUnit ? null : "2029-04-14"]),
    );
  });

  it("counts police staff's work on the premises without a clearance, and city staff's only while cleared", () => {
    const r = records((base) => ({
      clearances: [
        ...base.clearances.filter((c) => !["st-forsman", "st-granqvist"].includes(c.staffId)),
        // Granted halfway through 2025 and revoked at the end of October: counts for four months.
        buildClearance({
          id: "sc-granqvist",
          staffId: "st-granqvist",
          grantedOn: "2025-07-01",
          revokedOn: "2025-11-01",
        }),
      ],
    }));
    const ids = counted(r).map(([id]) => id);
    expect(ids).toContain("as-aalto");
    expect(ids).not.toContain("as-forsman");
    expect(counted(r).filter(([id]) => id === "as-granqvist")).toEqual([["as-granqvist", "2025-07-01", "2025-10-31"]]);
  });

  it("counts work away from the premises as assigned, cleared or not", () => {
    const r = records((base) => ({
      clearances: [],
      assignments: [
        buildAssignment({
          id: "as-outreach",
          staffId: "st-holm",
          organisationId: fx.socialEmergency,
          fraction: 0.5,
          needsPremisesAccess: false,
        }),
        ...base.assignments,
      ],
    }));
    expect(counted(r).map(([id]) => id)).toEqual([
      "as-outreach",
      ...records()
        .assignments.slice(0, 5)
        .map((a) => a.id),
    ]);
  });

  it("takes the supplier from the terms in effect on the period's first day, not from the first version", () => {
    // From July the supplier is the crime investigation unit: the prevention unit's officers are then
    // staff like any other, and their work on the premises counts only with a clearance (they have none).
    const r = records(() => ({ agreement: agreementWithSupplierFrom("2025-07-01", fx.policeInvestigation) }));
    const police = records()
      .assignments.filter((a) => a.organisationId === fx.policeUnit)
      .map((a) => a.id);
    expect(police).toHaveLength(5);
    expect(counted(r, { from: "2025-01-01", to: "2025-06-30" }).map(([id]) => id)).toEqual(
      expect.arrayContaining(police),
    );
    expect(counted(r, secondHalf).map(([id]) => id)).not.toEqual(expect.arrayContaining([police[0]]));
    expect(fteReport(r.agreement, countedAssignments(r, secondHalf), secondHalf).units[0]).toMatchObject({
      organisationId: fx.policeUnit,
      realised: 0,
    });
  });

  it("is what checkStaffing counts the targets with", () => {
    const r = records(() => ({ agreement: agreementWithSupplierFrom("2025-07-01", fx.policeInvestigation) }));
    const shortfalls = (period: { from: string; to: string }) =>
      checkStaffing({ ...r, premisesAccess: [], period })
        .filter((v) => v.code === "STAFFING.TARGET_SHORTFALL")
        .map((v) => v.ids);
    expect(shortfalls({ from: "2025-01-01", to: "2025-06-30" })).toEqual([]);
    expect(shortfalls(secondHalf)).toEqual([[fx.policeUnit]]);
  });
});

describe("isPoliceStaff", () => {
  it("holds for staff of the supplier's units and for nobody unknown", () => {
    const isPolice = isPoliceStaff(records(), year2025);
    expect(isPolice("st-aalto")).toBe(true);
    expect(isPolice("st-forsman")).toBe(false);
    expect(isPolice("st-nobody")).toBe(false);
  });

  it("holds for nobody when the terms name no supplier", () => {
    const agreement = buildAgreement();
    const terms = agreement.versions.map((v) => ({ ...v, parties: v.parties.filter((p) => p.role !== "supplier") }));
    expect(
      isPoliceStaff(
        records(() => ({ agreement: { ...agreement, versions: terms } })),
        year2025,
      )("st-aalto"),
    ).toBe(false);
  });
});
