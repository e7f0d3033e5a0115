import { describe, expect, it } from "vitest";
import { admittedCase } from "../cases/case.fixture.js";
import type { Meeting, Participant } from "../cases/case.js";
import { indexOrganisations } from "../organisations/organisation.js";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import type { MembershipBasis } from "./case-membership.js";
import { controllerPartOf, controllerShareOf } from "./controller-share.js";

const context = {
  agreement: helsinkiAnkkuri.agreement,
  organisations: indexOrganisations(helsinkiAnkkuri.organisations),
};
const member = (organisationId: string, basis: MembershipBasis) => ({ organisationId, basis, from: "2026-01-01" });
const seat = (organisationId: string): Participant => ({
  id: `p-${organisationId}`,
  role: "core",
  organisationId,
  staffId: null,
  profession: null,
  guardianId: null,
});
const meeting = (id: string, ...organisations: string[]): Meeting => ({
  id,
  plannedOn: "2026-03-01",
  status: "planned",
  heldOn: null,
  composition: organisations.map(seat),
  attended: [],
  record: null,
  responsibleWorkerInformedOn: null,
  composedOn: null,
  cancelledOn: null,
  startTime: null,
  durationMinutes: null,
  place: null,
  invitations: [],
});

describe("controllerShareOf", () => {
  const memberships = [
    member(org.policePrevention, "selecting-unit"),
    member(org.socialEmergency, "selecting-unit"),
    member(org.education, "consent"),
  ];
  it("is full for a controller whose unit was a full member, limited on consent alone, null otherwise", () => {
    expect(controllerShareOf(memberships, org.police, context)).toBe("full");
    expect(controllerShareOf(memberships, org.sotepe, context)).toBe("full");
    expect(controllerShareOf(memberships, org.city, context)).toBe("limited");
    expect(controllerShareOf(memberships, org.kuva, context)).toBeNull();
  });
});

describe("controllerPartOf", () => {
  const c = {
    ...admittedCase(),
    meetings: [meeting("m-core", org.policePrevention), meeting("m-school", org.policePrevention, org.education)],
  };
  const memberships = [member(org.policePrevention, "selecting-unit"), member(org.education, "consent")];
  it("gives a full member the whole case", () => {
    expect(controllerPartOf(c, memberships, org.police, context)).toEqual({ share: "full", case: c });
  });
  it("gives a controller present on consent only the meetings it had a seat in, and no selection", () => {
    const part = controllerPartOf(c, memberships, org.city, context);
    expect(part?.share).toBe("limited");
    expect(part?.case.meetings.map((m) => m.id)).toEqual(["m-school"]);
    expect(part?.case.selection).toEqual([]);
  });
  it("gives nothing to a controller that never took part", () => {
    expect(controllerPartOf(c, memberships, org.kuva, context)).toBeNull();
  });
});
