import { describe, expect, it } from "vitest";
import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "../seed/helsinki/index.js";
import { indexOrganisations } from "../organisations/organisation.js";
import {
  admissionCommands,
  admittedCase,
  applyAll,
  buildCase,
  byClient,
  byGuardian,
  clientSeat,
  consent,
  coreOrganisationIds,
  coreSeat,
  day,
  guardian,
  invitedSeat,
  orgs,
  staff,
} from "../cases/case.fixture.js";
import type { Case, Meeting } from "../cases/case.js";
import {
  accessChain,
  caseAccessOn,
  caseMemberships,
  inRemovedPart,
  membershipContext,
  referralMemberships,
} from "./case-membership.js";

const context = {
  selectingUnits: [orgs.police, orgs.social, orgs.psychiatry],
  coreOrganisationIdsOn: () => coreOrganisationIds,
  // Each test organisation answers for itself.
  controllerOn: (organisationId: string) => organisationId,
};

const meeting = (
  id: string,
  plannedOn: string,
  composition: Meeting["composition"],
  extra: Partial<Meeting> = {},
): Meeting => ({
  id,
  plannedOn,
  status: "planned",
  heldOn: null,
  composition,
  attended: [],
  record: null,
  responsibleWorkerInformedOn: null,
  composedOn: null,
  cancelledOn: null,
  startTime: null,
  durationMinutes: null,
  place: null,
  invitations: [],
  ...extra,
});

const withSchool = (extra: Partial<Case> = {}) =>
  admittedCase({
    guardians: [guardian("g-1")],
    consents: [
      consent("c-1", byClient, [orgs.school], day(1)),
      consent("c-2", byGuardian("g-1"), [orgs.school], day(2)),
    ],
    ...extra,
  });

describe("case memberships", () => {
  it("open a referral to the selecting units and the referrer from the referral day", () => {
    expect(referralMemberships({ referredOn: day(0), referredByOrganisationId: orgs.youth }, context)).toEqual([
      { organisationId: orgs.police, basis: "selecting-unit", meetingId: null, consentIds: [], from: day(0), to: null },
      { organisationId: orgs.social, basis: "selecting-unit", meetingId: null, consentIds: [], from: day(0), to: null },
      {
        organisationId: orgs.psychiatry,
        basis: "selecting-unit",
        meetingId: null,
        consentIds: [],
        from: day(0),
        to: null,
      },
      { organisationId: orgs.youth, basis: "referrer", meetingId: null, consentIds: [], from: day(0), to: null },
    ]);
  });

  it("rest a seat outside the core team on the consents behind it, from when they are all in effect", () => {
    const c = withSchool({
      meetings: [meeting("m-1", day(6), [coreSeat(staff.police), clientSeat(), invitedSeat(orgs.school)])],
    });
    const school = caseMemberships(c, context).filter((m) => m.organisationId === orgs.school);
    expect(school).toEqual([
      {
        organisationId: orgs.school,
        basis: "consent",
        meetingId: "m-1",
        consentIds: ["c-1", "c-2"],
        from: day(6),
        to: null,
      },
    ]);
    expect(caseAccessOn(school, [orgs.school], day(6))).toBe("limited");
    expect(caseAccessOn(caseMemberships(c, context), [orgs.police], day(6))).toBe("full");
  });

  it("end it with the first consent that ends, and with the case's closing", () => {
    const seat = [meeting("m-1", day(6), [coreSeat(staff.police), invitedSeat(orgs.school)])];
    const withdrawn = withSchool({ meetings: seat });
    const consents = withdrawn.consents.map((x) =>
      x.id === "c-2" ? { ...x, withdrawnOn: day(9), validUntil: day(20) } : x,
    );
    expect(caseMemberships({ ...withdrawn, consents }, context).find((m) => m.basis === "consent")?.to).toBe(day(8));
    expect(caseMemberships({ ...withdrawn, closedOn: day(7) }, context).find((m) => m.basis === "consent")?.to).toBe(
      day(7),
    );
    // A consent withdrawn before the seat was given leaves no access at all.
    const early = withdrawn.consents.map((x) => (x.id === "c-1" ? { ...x, withdrawnOn: day(5) } : x));
    expect(caseMemberships({ ...withdrawn, consents: early }, context).some((m) => m.basis === "consent")).toBe(false);
  });

  it("open a case to an organisation with a client relationship from its recording until the day before it ended", () => {
    const clientship = { organisationId: orgs.childWelfare, recordedOn: day(3) };
    const of = (c: Case) => caseMemberships(c, context).filter((m) => m.basis === "existing-clientship");
    expect(of(admittedCase({ existingClientships: [clientship] })).map((m) => [m.from, m.to])).toEqual([
      [day(3), null],
    ]);
    const ended = of(admittedCase({ existingClientships: [{ ...clientship, endedOn: day(10) }] }));
    expect(ended.map((m) => [m.from, m.to])).toEqual([[day(3), day(9)]]);
    expect(caseAccessOn(ended, [orgs.childWelfare], day(9))).toBe("limited");
    expect(caseAccessOn(ended, [orgs.childWelfare], day(10))).toBeNull();
    // Ended on the day it was recorded: it gave nothing. Without a recording day it counts from the referral.
    expect(of(admittedCase({ existingClientships: [{ ...clientship, endedOn: day(3) }] }))).toEqual([]);
    const legacy = of(admittedCase({ existingClientships: [{ organisationId: orgs.childWelfare, endedOn: day(4) }] }));
    expect(legacy.map((m) => [m.from, m.to])).toEqual([[day(0), day(3)]]);
  });

  it("give nothing for a seat without consent, nor for one cancelled before it was given", () => {
    const c = admittedCase({
      meetings: [
        meeting("m-1", day(6), [invitedSeat(orgs.school)]),
        meeting("m-2", day(6), [coreSeat(staff.youth)], { composedOn: day(5), cancelledOn: day(5) }),
        meeting("m-3", day(8), [coreSeat(staff.youth)], { composedOn: day(4), cancelledOn: day(7) }),
      ],
    });
    const found = caseMemberships(c, context).filter((m) => m.meetingId !== null);
    expect(found.map((m) => [m.meetingId, m.organisationId, m.from, m.to])).toEqual([
      ["m-3", orgs.youth, day(4), day(6)],
    ]);
  });

  it("open a case to a unit through a membership of the organisation it belongs to", () => {
    const index = indexOrganisations(helsinkiAnkkuri.organisations);
    expect(accessChain(org.psychiatry, index)).toEqual([org.psychiatry, org.sotepe, org.city]);
    expect(accessChain("org-unknown")).toEqual(["org-unknown"]);
    const sotepe = [{ organisationId: org.sotepe, basis: "selecting-unit" as const, from: day(0), to: null }];
    expect(caseAccessOn(sotepe, accessChain(org.psychiatry, index), day(1))).toBe("full");
    expect(caseAccessOn(sotepe, [org.psychiatry], day(1))).toBeNull();
  });

  it("take their context from the agreement", () => {
    const derived = membershipContext(helsinkiAnkkuri.agreement, "2026-01-01");
    expect(derived.selectingUnits).toEqual([org.policePrevention, org.socialEmergency, org.psychiatry]);
    expect(derived.coreOrganisationIdsOn("2026-01-01")).toContain(org.youthServices);
  });
});

describe("a controller's part removed by retention", () => {
  const referredOn = "2025-01-10";
  const helsinki = membershipContext(
    helsinkiAnkkuri.agreement,
    referredOn,
    indexOrganisations(helsinkiAnkkuri.organisations),
  );
  const referred = buildCase({ referredOn, referredByOrganisationId: org.policePrevention });
  const policeRemoved = { controllerId: org.police, removedOn: "2031-01-15" };

  it("is never derived again, whatever the case still says, while the other controllers keep theirs", () => {
    const police = (c: Case) =>
      caseMemberships(c, helsinki)
        .filter((m) => m.organisationId === org.policePrevention)
        .map((m) => m.basis);
    expect(police(referred)).toEqual(["selecting-unit", "referrer"]);
    const removed = { ...referred, removedControllerParts: [policeRemoved] };
    expect(police(removed)).toEqual([]);
    expect(caseMemberships(removed, helsinki).map((m) => m.organisationId)).toEqual([
      org.socialEmergency,
      org.psychiatry,
    ]);
    // Later changes of the case carry the removal with them: the police's seat gives nothing back.
    const admitted = applyAll(removed, admissionCommands());
    expect(admitted.removedControllerParts).toEqual([policeRemoved]);
    expect(police(admitted)).toEqual([]);
  });

  it("covers a unit that was the controller's on the removal day or on the membership's first day", () => {
    // A unit that moved from one controller to another at the start of 2028.
    const controllerOn = (_: string, on: string) => (on < "2028-01-01" ? "org-old" : "org-new");
    const membership = { organisationId: "org-moved-unit", from: "2025-01-10" };
    const removedOf = (controllerId: string) => [{ controllerId, removedOn: "2031-01-15" }];
    expect(inRemovedPart(membership, removedOf("org-old"), controllerOn)).toBe(true);
    expect(inRemovedPart(membership, removedOf("org-new"), controllerOn)).toBe(true);
    expect(inRemovedPart(membership, removedOf("org-other"), controllerOn)).toBe(false);
    expect(inRemovedPart(membership, [], controllerOn)).toBe(false);
  });
});
