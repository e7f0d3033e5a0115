import { testEngines } from "@ankkuri/db/testing";
import {
  countedAssignments,
  fteReport,
  helsinkiAnkkuri,
  helsinkiOrganisationIds as org,
  type TeamDataset,
} from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FteDashboardDocument } from "@ankkuri/client/operations";
import { type Harness, startHarness } from "./harness.js";
import { clock, login } from "./steps.js";

// The Helsinki team with a version 2 of the agreement from 2026-01-01 in which the police's crime
// investigation unit is the supplier (the department stays a party, for its staffing unit): from then
// on the prevention unit's officers are staff like any other, whose work on the police premises
// counts only while they hold a clearance.
const [terms] = helsinkiAnkkuri.agreement.versions;
const supplier = terms?.parties.find((p) => p.role === "supplier");
if (!terms || !supplier) throw new Error("the Helsinki agreement has no terms or no supplier");
const supplierChanges: TeamDataset = {
  ...helsinkiAnkkuri,
  agreement: {
    ...helsinkiAnkkuri.agreement,
    versions: [
      terms,
      {
        ...terms,
        number: 2,
        effectiveFrom: "2026-01-01",
        decidedOn: "2025-12-01",
        parties: [
          ...terms.parties.map((p) => (p === supplier ? { ...p, role: "customer" as const } : p)),
          { ...supplier, organisationId: org.policeInvestigation },
        ],
      },
    ],
    // A version is in force only once every party has signed it.
    signatures: [
      ...helsinkiAnkkuri.agreement.signatures,
      ...[...terms.parties.map((p) => p.organisationId), org.policeInvestigation].map((organisationId) => ({
        id: `sig-2026-${organisationId}`,
        versionNumber: 2,
        signerName: "Allekirjoittaja Kuvitteellinen",
        signerTitle: "toimialajohtaja",
        organisationId,
        method: "strong-authentication" as const,
        signedAt: "2025-12-01T12:00:00+02:00",
      })),
    ],
  },
};

const firstHalf2025 = { from: "2025-01-01", to: "2025-06-30" };
const firstHalf2026 = { from: "2026-01-01", to: "2026-06-30" };

describe.each(testEngines)("the FTE dashboard on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock }, dataset: supplierChanges });
  });
  afterAll(async () => {
    await h.close();
  });

  const dashboard = async (period: { from: string; to: string }) => {
    const { data, errors } = await h.request(login.leadership, FteDashboardDocument, { period });
    expect(errors).toBeUndefined();
    return data?.fteReport.units.map((u) => [u.organisation.id, u.realised, u.headcount]);
  };
  const domain = (period: { from: string; to: string }) =>
    fteReport(supplierChanges.agreement, countedAssignments(supplierChanges, period), period).units.map((u) => [
      u.organisationId,
      u.realised,
      u.headcount,
    ]);

  it("counts as the domain does, with the supplier of each period's terms, whichever period was asked first", async () => {
    const police = (units: ReturnType<typeof domain>) => units.find(([id]) => id === org.policePrevention)?.[1];
    expect(police(domain(firstHalf2026))).toBeLessThan(police(domain(firstHalf2025)) as number);
    expect(await dashboard(firstHalf2025)).toEqual(domain(firstHalf2025));
    expect(await dashboard(firstHalf2026)).toEqual(domain(firstHalf2026));
    expect(await dashboard(firstHalf2025)).toEqual(domain(firstHalf2025));
  });
});
