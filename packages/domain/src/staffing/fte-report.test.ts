import { describe, expect, it } from "vitest";
import { agreementSchema, type AgreementInput } from "../agreement/agreement.js";
import {
  agreementInput,
  agreementWithNotices,
  buildAgreement,
  buildAssignment,
  buildStaffing,
  fx,
  versionOneInput,
  signedByEveryParty,
} from "../agreement/agreement.fixture.js";
import { type FteReport, fteReport } from "./fte-report.js";

type VersionInput = AgreementInput["versions"][number];

const year2024 = { from: "2024-01-01", to: "2024-12-31" };
const year2025 = { from: "2025-01-01", to: "2025-12-31" };
const round3 = (x: number) => Math.round(x * 1000) / 1000;

const row = (report: FteReport, organisationId: string) => {
  const found = report.units.find((u) => u.organisationId === organisationId);
  if (!found) throw new Error(`No row for ${organisationId}`);
  return found;
};

/** The fixture with a version 2 from `effectiveFrom` whose terms are `change(v1)`. */
function amendedFrom(effectiveFrom: string, change: (v: VersionInput) => VersionInput) {
  const v1 = versionOneInput();
  const v2 = {
    ...change(v1),
    number: 2,
    effectiveFrom,
    decidedOn: effectiveFrom,
    summary: { fi: "Muutos", sv: "Ändring", en: "Amendment" },
  };
  return signedByEveryParty(agreementSchema.parse({ ...agreementInput(), versions: [v1, v2] }));
}

describe("fteReport", () => {
  it("reports each unit's target, named resource, realisation and headcount for a year in force", () => {
    const { assignments } = buildStaffing();
    const report = fteReport(buildAgreement(), assignments, year2025);
    expect(report.period).toEqual(year2025);
    expect(report.units).toEqual([
      {
        organisationId: fx.policeUnit,
        partyId: fx.police,
        profession: "police-officer",
        target: 5,
        named: null,
        realised: 5,
        difference: 0,
        headcount: 5,
      },
      {
        organisationId: fx.socialEmergency,
        partyId: fx.sotepe,
        profession: "social-worker",
        target: 2.5,
        named: null,
        realised: 2.5,
        difference: 0,
        headcount: 3,
      },
      {
        organisationId: fx.psychiatry,
        partyId: fx.sotepe,
        profession: "psychiatric-nurse",
        target: 1,
        named: null,
        realised: 1,
        difference: 0,
        headcount: 1,
      },
      {
        organisationId: fx.youthServices,
        partyId: fx.kuva,
        profession: "youth-worker",
        target: 2,
        named: 4,
        realised: 2,
        difference: 0,
        headcount: 4,
      },
    ]);
    expect(report.parties).toEqual([
      { partyId: fx.police, target: 5, realised: 5, difference: 0 },
      { partyId: fx.sotepe, target: 3.5, realised: 3.5, difference: 0 },
      { partyId: fx.kuva, target: 2, realised: 2, difference: 0 },
    ]);
  });

  it("weights targets by the days in force: 2024 from 1 May is 245 of 366 days", () => {
    const report = fteReport(buildAgreement(), [], year2024);
    expect(row(report, fx.policeUnit).target).toBe(round3((5 * 245) / 366));
    expect(row(report, fx.policeUnit).target).toBe(3.347);
    expect(row(report, fx.socialEmergency).target).toBe(1.673);
    expect(row(report, fx.psychiatry).target).toBe(0.669);
    expect(row(report, fx.youthServices).target).toBe(1.339);
    expect(row(report, fx.youthServices).named).toBe(2.678);
  });

  it("counts realised work over the whole period, so a team from 1 May realises 245/366 of full staffing", () => {
    const { assignments } = buildStaffing();
    const police = row(fteReport(buildAgreement(), assignments, year2024), fx.policeUnit);
    expect(police.realised).toBe(3.347);
    expect(police.difference).toBe(0);
  });

  it("weights each version's target by the days it applied", () => {
    const agreement = amendedFrom("2025-07-01", (v) => ({
      ...v,
      fteTargets: v.fteTargets.map((t) => (t.organisationId === fx.policeUnit ? { ...t, fte: 6 } : t)),
    }));
    const report = fteReport(agreement, buildStaffing().assignments, year2025);
    // 181 days at 5, 184 days at 6.
    expect(row(report, fx.policeUnit).target).toBe(round3((5 * 181 + 6 * 184) / 365));
    expect(row(report, fx.policeUnit).target).toBe(5.504);
    expect(row(report, fx.policeUnit).difference).toBe(-0.504);
    expect(row(report, fx.socialEmergency).target).toBe(2.5);
    expect(report.parties[0]).toEqual({ partyId: fx.police, target: 5.504, realised: 5, difference: -0.504 });
  });

  it("reflects a target dropped or a unit added by an amendment", () => {
    const agreement = amendedFrom("2025-07-01", (v) => ({
      ...v,
      teamUnits: [
        ...v.teamUnits,
        { organisationId: fx.policeInvestigation, partyId: fx.police, professions: ["police-officer"] },
      ],
      fteTargets: [
        ...v.fteTargets.filter((t) => t.organisationId !== fx.psychiatry),
        { organisationId: fx.policeInvestigation, profession: "police-officer", fte: 1 },
      ],
    }));
    const report = fteReport(agreement, [], year2025);
    expect(row(report, fx.psychiatry).target).toBe(round3(181 / 365));
    expect(row(report, fx.policeInvestigation).target).toBe(round3(184 / 365));
    expect(row(report, fx.policeInvestigation).partyId).toBe(fx.police);
    expect(report.parties.find((p) => p.partyId === fx.police)?.target).toBe(round3(5 + round3(184 / 365)));
  });

  it("stops a departing party's targets after its end date, leaving the others", () => {
    // Kuva's notice on 15 January ends its part on 15 July: 196 days of 2025.
    const report = fteReport(agreementWithNotices([fx.kuva, "2025-01-15"]), [], year2025);
    expect(row(report, fx.youthServices).target).toBe(round3((2 * 196) / 365));
    expect(row(report, fx.youthServices).named).toBe(round3((4 * 196) / 365));
    expect(row(report, fx.youthServices).named).toBe(2.148);
    expect(row(report, fx.policeUnit).target).toBe(5);
    expect(row(report, fx.socialEmergency).target).toBe(2.5);
  });

  it("drops a party that left before the period", () => {
    const report = fteReport(agreementWithNotices([fx.kuva, "2024-06-01"]), [], year2025);
    expect(report.units.map((u) => u.organisationId)).toEqual([fx.policeUnit, fx.socialEmergency, fx.psychiatry]);
    expect(report.parties.map((p) => p.partyId)).toEqual([fx.police, fx.sotepe]);
  });

  it("stops every target when an essential party's notice ends the agreement", () => {
    const report = fteReport(agreementWithNotices([fx.sotepe, "2025-01-15"]), [], year2025);
    expect(report.units.map((u) => u.target)).toEqual([2.685, 1.342, 0.537, 1.074]);
    expect(row(report, fx.policeUnit).target).toBe(round3((5 * 196) / 365));
  });

  it("has no rows for a period outside the agreement", () => {
    expect(fteReport(buildAgreement(), buildStaffing().assignments, { from: "2024-01-01", to: "2024-04-30" })).toEqual({
      period: { from: "2024-01-01", to: "2024-04-30" },
      units: [],
      parties: [],
    });
    expect(
      fteReport(agreementWithNotices([fx.police, "2025-01-15"]), [], { from: "2025-07-16", to: "2025-12-31" }).units,
    ).toEqual([]);
  });

  it("rounds figures to three decimals", () => {
    const period = { from: "2025-01-01", to: "2025-01-03" };
    const one = buildAssignment({
      id: "as-one",
      staffId: "st-one",
      organisationId: fx.psychiatry,
      interval: { from: "2025-01-02", to: "2025-01-02" },
    });
    const psychiatry = row(fteReport(buildAgreement(), [one], period), fx.psychiatry);
    expect(psychiatry.realised).toBe(0.333);
    expect(psychiatry.difference).toBe(-0.667);
    expect(psychiatry.headcount).toBe(1);
  });

  it("totals a party's units as the report shows them", () => {
    const report = fteReport(buildAgreement(), [], year2024);
    // 1.673 + 0.669: the party's row adds up the unit rows.
    expect(report.parties.find((p) => p.partyId === fx.sotepe)).toEqual({
      partyId: fx.sotepe,
      target: 2.342,
      realised: 0,
      difference: -2.342,
    });
  });

  it("shows a surplus as a positive difference", () => {
    const { assignments } = buildStaffing();
    const extra = buildAssignment({
      id: "as-extra",
      staffId: "st-extra",
      organisationId: fx.youthServices,
      fraction: 0.5,
    });
    const youth = row(fteReport(buildAgreement(), [...assignments, extra], year2025), fx.youthServices);
    expect(youth.difference).toBe(0.5);
    expect(youth.headcount).toBe(5);
  });

  it("skips a target whose unit does not staff the team", () => {
    const agreement = agreementSchema.parse({
      ...agreementInput(),
      versions: [
        {
          ...versionOneInput(),
          fteTargets: [{ organisationId: fx.policeInvestigation, profession: "police-officer", fte: 1 }],
        },
      ],
    });
    expect(fteReport(agreement, [], year2025).units).toEqual([]);
  });
});
