import { describe, expect, it } from "vitest";
import { coreOrganisationIds } from "../../agreement/agreement-terms.js";
import { chairCalendar, chairOn } from "../../governance/chair-rotation.js";
import { rotationFromAgreement } from "../../governance/rotation-from-agreement.js";
import { isValidBusinessId } from "../../organisations/business-id.js";
import { businessIdOf, indexOrganisations } from "../../organisations/organisation.js";
import { fteReport } from "../../staffing/fte-report.js";
import { checkTeamDataset } from "../team-dataset.js";
import { helsinki004OrganisationIds as o4, helsinkiAnkkuri, helsinkiOrganisationIds as org } from "./index.js";

const { agreement, organisations, bodies } = helsinkiAnkkuri;
const index = indexOrganisations(organisations);
const body = (id: string) => {
  const found = bodies.find((b) => b.id === id);
  if (!found) throw new Error(`no body ${id}`);
  return found;
};

describe("the Helsinki Ankkuri dataset", () => {
  it("breaks no rule from the agreement's start to the seed's date (only collective parties lack business IDs)", () => {
    const found = checkTeamDataset(helsinkiAnkkuri, { from: "2024-05-01", to: "2026-11-22" });
    expect(found.filter((v) => v.severity === "error")).toEqual([]);
    expect(found.map((v) => `${v.code} ${v.ids.join(",")}`).sort()).toEqual([
      `ORG.BUSINESS_ID_MISSING ${o4.contractSchools}`,
      `ORG.BUSINESS_ID_MISSING ${o4.parish}`,
      `ORG.BUSINESS_ID_MISSING ${o4.thirdSector}`,
    ]);
  });

  it("is bilingual: its scheduled reports come in Finnish and in Swedish", () => {
    expect(helsinkiAnkkuri.team.reportLanguages).toEqual(["fi", "sv"]);
  });

  it("keeps the agreement's identifier exactly as issued, leading-zero arc included", () => {
    expect(agreement.oid).toBe("1.2.246.10.02012566.1.9.632.1");
    expect(agreement.startsOn).toBe("2024-05-01");
    expect(agreement.versions).toHaveLength(1);
    expect(agreement.versions[0]?.noticePeriodMonths).toBe(6);
  });

  it("has the police department as supplier and Sotepe and Kuva as customers, each signed", () => {
    const parties = agreement.versions[0]?.parties.map((p) => [p.organisationId, p.role]);
    expect(parties).toEqual([
      [org.police, "supplier"],
      [org.sotepe, "customer"],
      [org.kuva, "customer"],
    ]);
    expect(agreement.signatures.map((s) => s.organisationId).sort()).toEqual([org.kuva, org.sotepe, org.police].sort());
    expect(agreement.signatures.every((s) => s.method === "strong-authentication")).toBe(true);
  });

  it("needs the police department and Sotepe, not Kuva, for joining decisions", () => {
    expect(agreement.versions[0]?.joiningApproverIds).toEqual([org.police, org.sotepe]);
  });

  it("gives divisions their legal entity's valid business ID", () => {
    expect(businessIdOf(org.police, index)).toBe("0245432-1");
    expect(businessIdOf(org.sotepe, index)).toBe("0201256-6");
    expect(businessIdOf(org.youthServices, index)).toBe("0201256-6");
    for (const o of organisations.filter((x) => x.businessId !== null))
      expect(isValidBusinessId(o.businessId ?? "")).toBe(true);
    for (const o of organisations) expect(o.name.sv.length * o.name.en.length * o.name.fi.length).toBeGreaterThan(0);
  });

  it("sets the FTE targets of 003 § 5 and staffs them exactly", () => {
    const report = fteReport(agreement, helsinkiAnkkuri.assignments, { from: "2025-01-01", to: "2025-12-31" });
    const row = (id: string) => report.units.find((u) => u.organisationId === id);
    expect(row(org.policePrevention)).toMatchObject({ target: 5, realised: 5, headcount: 5 });
    expect(row(org.socialEmergency)).toMatchObject({ target: 2.5, realised: 2.5 });
    expect(row(org.psychiatry)).toMatchObject({ target: 1, realised: 1 });
    expect(row(org.youthServices)).toMatchObject({ target: 2, named: 4, realised: 2, headcount: 4 });
    const supervisors = helsinkiAnkkuri.assignments.filter((a) => a.role === "operational-supervisor");
    expect(supervisors).toHaveLength(1);
    expect(agreement.versions[0]?.fteTargets.find((t) => t.organisationId === org.policePrevention)?.supervisors).toBe(
      1,
    );
  });

  it("rotates the Ankkuri steering group's chair yearly from 1 May 2024 among the three parties", () => {
    const group = body("body-hel-ankkuri-steering");
    if (group.chairPolicy.kind !== "rotating") throw new Error("expected a rotating chair");
    const calendar = chairCalendar(group.chairPolicy.rotation, "2024-05-01", 4).map((t) => [t.from, t.chairId]);
    expect(calendar).toEqual([
      ["2024-05-01", org.police],
      ["2025-05-01", org.sotepe],
      ["2026-05-01", org.kuva],
      ["2027-05-01", org.police],
    ]);
    // The rotation derived from the agreement agrees with the recorded one.
    const derived = rotationFromAgreement(agreement);
    expect(chairOn(derived, "2026-11-22")?.chairId).toBe(chairOn(group.chairPolicy.rotation, "2026-11-22")?.chairId);
  });

  it("models the 004 bodies: LASU collegium, four regional groups, networks and NOP", () => {
    const regional = bodies.filter((b) => b.kind === "regional-coordination-group");
    expect(regional.map((b) => b.region)).toEqual(["Etelä-keskinen", "Itä-kaakko", "Koillinen", "Länsi-pohjoinen"]);
    for (const group of regional) {
      expect(group.parentBodyId).toBe("body-hel-lasu");
      const invited = group.seats.filter((s) => s.attendance === "invited-when-needed").map((s) => s.organisationId);
      expect(invited.sort()).toEqual([org.police, org.hus, o4.thirdSector].sort());
      expect(group.legalBasis).toEqual(["Lastensuojelulaki 417/2007 12 §"]);
    }
    expect(body("body-hel-lasu").seats.filter((s) => s.secretary)).toHaveLength(1);
    expect(body("body-hel-nop").ageScope).toMatchObject({ min: 15, max: 29 });
  });

  it("has a core team of the four staffing units; everyone else needs consent", () => {
    expect(coreOrganisationIds(agreement, "2025-01-01").sort()).toEqual(
      [org.policePrevention, org.socialEmergency, org.psychiatry, org.youthServices].sort(),
    );
  });

  it("holds fictional people only: no real officials' contact details from the seeds", () => {
    const contacts = agreement.versions.flatMap((v) => v.parties.map((p) => p.contact));
    for (const c of contacts) {
      expect(c.email ?? "").toMatch(/\.example$/);
      expect(c.phone).toBeNull();
    }
    const realNames = [
      "Friman",
      "Mäkeläinen",
      "Hörkkö",
      "Liukku",
      "Jolkkonen",
      "Ahonen",
      "Ujula",
      "Liimatainen",
      "Salonen",
    ];
    const names = [
      ...contacts.map((c) => c.name),
      ...agreement.signatures.map((s) => s.signerName),
      ...helsinkiAnkkuri.staff.map((s) => s.familyName),
    ];
    for (const real of realNames) expect(names.join(" ")).not.toContain(real);
  });

  it("gives each staff member a unique login", () => {
    const logins = helsinkiAnkkuri.staff.map((s) => s.login);
    expect(new Set(logins).size).toBe(logins.length);
    expect(logins).toContain("maria.jarvinen");
  });
});
