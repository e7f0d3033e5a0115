import { describe, expect, it } from "vitest";
import { indexOrganisations } from "../organisations/organisation.js";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import { clientHoldingOrganisationIds, clientshipRefusals } from "./existing-clientship-rules.js";

const index = indexOrganisations(helsinkiAnkkuri.organisations);
const holders = clientHoldingOrganisationIds(helsinkiAnkkuri.agreement, index, "2026-11-22");
const selectingUnits = [org.policePrevention, org.socialEmergency, org.psychiatry];

describe("who can have clients of their own", () => {
  it("is a social, health or youth services unit of a party", () => {
    expect(holders).toEqual(
      expect.arrayContaining([org.childWelfare, org.socialEmergency, org.psychiatry, org.youthServices]),
    );
    // Not a party (a hospital district), not a unit (a division), not a client-holding sector (the police).
    for (const other of [org.hus, org.sotepe, org.policePrevention]) expect(holders).not.toContain(other);
  });

  it("ends for the units of a party whose notice period has ended", () => {
    const notice = {
      id: "notice-kuva",
      partyId: org.kuva,
      givenOn: "2025-01-15",
      reference: "Kuvan päätös (kuvitteellinen)",
    };
    const agreement = { ...helsinkiAnkkuri.agreement, notices: [notice] };
    expect(clientHoldingOrganisationIds(agreement, index, "2025-03-01")).toContain(org.youthServices);
    expect(clientHoldingOrganisationIds(agreement, index, "2026-11-22")).not.toContain(org.youthServices);
  });
});

describe("recording an existing client relationship", () => {
  const recording = (organisationId: string) => ({
    organisationId,
    selectingUnits,
    clientHolders: holders,
    organisations: index,
  });
  const codes = (clientshipOf: string, recordedBy: string) =>
    clientshipRefusals({ id: "case-1" }, { organisationId: clientshipOf }, recording(recordedBy)).map((v) => v.code);

  it("is accepted from the unit itself or a selecting unit", () => {
    expect(codes(org.childWelfare, org.childWelfare)).toEqual([]);
    expect(codes(org.childWelfare, org.socialEmergency)).toEqual([]);
  });

  it("is refused for an organisation that cannot have clients, and from anyone else", () => {
    expect(codes(org.hus, org.socialEmergency)).toEqual(["CLIENTSHIP.NOT_CLIENT_HOLDER"]);
    expect(codes(org.childWelfare, org.youthServices)).toEqual(["CLIENTSHIP.NOT_RECORDER"]);
    expect(codes(org.hus, org.youthServices)).toEqual(["CLIENTSHIP.NOT_CLIENT_HOLDER", "CLIENTSHIP.NOT_RECORDER"]);
  });
});
