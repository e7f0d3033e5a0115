import { describe, expect, it } from "vitest";
import { agreementSchema } from "./agreement.js";
import {
  agreementInput,
  agreementWithNotices,
  agreementWithSupplierFrom,
  buildAgreement,
  buildJoiningDecision,
  buildNotice,
  fx,
  versionOneInput,
  signedByEveryParty,
} from "./agreement.fixture.js";
import {
  agreementEnd,
  agreementEndDate,
  coreOrganisationIds,
  hasGivenNotice,
  isInForce,
  isPartyOn,
  joinedOn,
  latestTerms,
  missingApprovers,
  partyEndDate,
  selectionOrganisationIds,
  supplierOn,
  termsOn,
} from "./agreement-terms.js";

const summary = { fi: "Muutos", sv: "Ändring", en: "Amendment" };

/** The fixture with version 2 (police target 6, notice period 3 months) from 2025-01-01 and version 3 from 2025-07-01. */
function amended() {
  const input = agreementInput();
  const v2 = {
    ...versionOneInput(),
    number: 2,
    effectiveFrom: "2025-01-01",
    decidedOn: "2024-12-01",
    summary,
    noticePeriodMonths: 3,
  };
  const v3 = { ...versionOneInput(), number: 3, effectiveFrom: "2025-07-01", decidedOn: "2025-06-01", summary };
  // Listed out of order on purpose: the number, not the array position, orders versions.
  return signedByEveryParty(agreementSchema.parse({ ...input, versions: [v3, ...input.versions, v2] }));
}

describe("termsOn", () => {
  it("gives the only version on any day, also before the agreement starts", () => {
    const agreement = buildAgreement();
    expect(termsOn(agreement, "2024-01-01").number).toBe(1);
    expect(termsOn(agreement, "2024-05-01").number).toBe(1);
    expect(termsOn(agreement, "2030-12-31").number).toBe(1);
  });

  it("switches to a new version on its effective date", () => {
    const agreement = amended();
    expect(termsOn(agreement, "2024-12-31").number).toBe(1);
    expect(termsOn(agreement, "2025-01-01").number).toBe(2);
    expect(termsOn(agreement, "2025-06-30").number).toBe(2);
    expect(termsOn(agreement, "2025-07-01").number).toBe(3);
    expect(termsOn(agreement, "2027-01-01").number).toBe(3);
  });

  it("prefers the later version when two take effect on the same day", () => {
    const input = agreementInput();
    const v2 = {
      ...versionOneInput(),
      number: 2,
      effectiveFrom: "2025-01-01",
      decidedOn: "2024-12-01",
      summary,
      noticePeriodMonths: 1,
    };
    const v3 = {
      ...versionOneInput(),
      number: 3,
      effectiveFrom: "2025-01-01",
      decidedOn: "2024-12-15",
      summary,
      noticePeriodMonths: 2,
    };
    const agreement = signedByEveryParty(agreementSchema.parse({ ...input, versions: [...input.versions, v2, v3] }));
    expect(termsOn(agreement, "2025-01-01").noticePeriodMonths).toBe(2);
  });
});

describe("supplierOn", () => {
  it("is the supplier of the terms in effect on the day", () => {
    const agreement = agreementWithSupplierFrom("2025-07-01", fx.policeInvestigation);
    expect(supplierOn(buildAgreement(), "2030-01-01")).toBe(fx.police);
    expect(supplierOn(agreement, "2025-06-30")).toBe(fx.police);
    expect(supplierOn(agreement, "2025-07-01")).toBe(fx.policeInvestigation);
  });
});

describe("latestTerms", () => {
  it("is the highest-numbered version wherever it is listed", () => {
    expect(latestTerms(amended()).number).toBe(3);
    expect(latestTerms(buildAgreement()).number).toBe(1);
  });
});

describe("agreementEndDate", () => {
  const agreement = buildAgreement();

  it.each([
    ["2025-01-15", "2025-07-15"],
    ["2025-08-31", "2026-02-28"],
    ["2023-08-31", "2024-02-29"],
    ["2024-12-31", "2025-06-30"],
    ["2025-07-01", "2026-01-01"],
  ])("a notice given on %s ends on %s (six calendar months, clamped to month end)", (givenOn, endsOn) => {
    expect(agreementEndDate(agreement, givenOn)).toBe(endsOn);
  });

  it("uses the notice period of the terms in effect on the notice date", () => {
    const agreement = amended();
    expect(agreementEndDate(agreement, "2024-12-31")).toBe("2025-06-30");
    expect(agreementEndDate(agreement, "2025-01-31")).toBe("2025-04-30");
    expect(agreementEndDate(agreement, "2025-07-01")).toBe("2026-01-01");
  });
});

describe("partyEndDate", () => {
  it("is null while the party has given no notice", () => {
    expect(partyEndDate(buildAgreement(), fx.kuva)).toBeNull();
    expect(partyEndDate(agreementWithNotices([fx.kuva, "2025-01-15"]), fx.sotepe)).toBeNull();
  });

  it("is the notice date plus the notice period", () => {
    expect(partyEndDate(agreementWithNotices([fx.kuva, "2025-01-15"]), fx.kuva)).toBe("2025-07-15");
  });

  it("takes the earliest end when a party's notices were recorded twice", () => {
    const agreement = agreementWithNotices([fx.kuva, "2025-09-01"], [fx.kuva, "2025-02-01"]);
    expect(partyEndDate(agreement, fx.kuva)).toBe("2025-08-01");
    expect(partyEndDate(agreementWithNotices([fx.kuva, "2025-02-01"], [fx.kuva, "2025-09-01"]), fx.kuva)).toBe(
      "2025-08-01",
    );
  });
});

describe("agreementEnd", () => {
  it("is null while the agreement runs until further notice", () => {
    expect(agreementEnd(buildAgreement())).toBeNull();
  });

  it("does not end with Kuva's notice: only Kuva's participation ends", () => {
    const agreement = agreementWithNotices([fx.kuva, "2025-01-15"]);
    expect(agreementEnd(agreement)).toBeNull();
    expect(isInForce(agreement, "2026-01-01")).toBe(true);
    expect(isPartyOn(agreement, fx.kuva, "2025-07-16")).toBe(false);
  });

  it.each([fx.police, fx.sotepe])("ends when the essential party %s's notice period ends", (partyId) => {
    expect(agreementEnd(agreementWithNotices([partyId, "2025-01-15"]))).toBe("2025-07-15");
  });

  it("ends at the earliest end among essential parties' notices", () => {
    const agreement = agreementWithNotices(
      [fx.kuva, "2024-10-01"],
      [fx.sotepe, "2025-03-10"],
      [fx.police, "2025-02-20"],
    );
    expect(agreementEnd(agreement)).toBe("2025-08-20");
    expect(agreementEnd(agreementWithNotices([fx.police, "2025-02-20"], [fx.sotepe, "2025-03-10"]))).toBe("2025-08-20");
  });

  it("judges essentiality by the terms on the notice date", () => {
    const input = agreementInput();
    const v2 = {
      ...versionOneInput(),
      number: 2,
      effectiveFrom: "2025-01-01",
      decidedOn: "2024-12-01",
      summary,
      essentialPartyIds: [fx.police, fx.sotepe, fx.kuva],
    };
    const withKuvaEssential = signedByEveryParty(
      agreementSchema.parse({ ...input, versions: [...input.versions, v2] }),
    );
    expect(agreementEnd({ ...withKuvaEssential, notices: [buildNotice(fx.kuva, "2024-12-31")] })).toBeNull();
    expect(agreementEnd({ ...withKuvaEssential, notices: [buildNotice(fx.kuva, "2025-01-01")] })).toBe("2025-07-01");
  });
});

describe("isInForce", () => {
  it("starts on the start date and runs indefinitely without notice", () => {
    const agreement = buildAgreement();
    expect(isInForce(agreement, "2024-04-30")).toBe(false);
    expect(isInForce(agreement, "2024-05-01")).toBe(true);
    expect(isInForce(agreement, "2099-12-31")).toBe(true);
  });

  it("is in force on the last day of the notice period and not after it", () => {
    const agreement = agreementWithNotices([fx.sotepe, "2025-08-31"]);
    expect(isInForce(agreement, "2026-02-28")).toBe(true);
    expect(isInForce(agreement, "2026-03-01")).toBe(false);
  });
});

describe("isPartyOn", () => {
  it("holds for each party while the agreement is in force", () => {
    const agreement = buildAgreement();
    for (const party of [fx.police, fx.sotepe, fx.kuva]) {
      expect(isPartyOn(agreement, party, "2024-05-01")).toBe(true);
      expect(isPartyOn(agreement, party, "2024-04-30")).toBe(false);
    }
  });

  it("is false for an organisation that is not a party", () => {
    expect(isPartyOn(buildAgreement(), fx.outsider, "2025-01-01")).toBe(false);
    expect(isPartyOn(buildAgreement(), fx.youthServices, "2025-01-01")).toBe(false);
  });

  it("ends a party's participation after its own end date", () => {
    const agreement = agreementWithNotices([fx.kuva, "2025-01-15"]);
    expect(isPartyOn(agreement, fx.kuva, "2025-07-15")).toBe(true);
    expect(isPartyOn(agreement, fx.kuva, "2025-07-16")).toBe(false);
    expect(isPartyOn(agreement, fx.police, "2025-07-16")).toBe(true);
  });

  it("ends every party's participation when the agreement ends", () => {
    const agreement = agreementWithNotices([fx.sotepe, "2025-01-15"]);
    expect(isPartyOn(agreement, fx.police, "2025-07-15")).toBe(true);
    expect(isPartyOn(agreement, fx.police, "2025-07-16")).toBe(false);
    expect(isPartyOn(agreement, fx.kuva, "2025-07-16")).toBe(false);
  });

  it("follows the parties of the version in effect", () => {
    const input = agreementInput();
    const v1 = versionOneInput();
    const v2 = {
      ...v1,
      number: 2,
      effectiveFrom: "2025-01-01",
      decidedOn: "2024-12-01",
      summary,
      parties: v1.parties.filter((p) => p.organisationId !== fx.kuva),
    };
    const agreement = signedByEveryParty(agreementSchema.parse({ ...input, versions: [v1, v2] }));
    expect(isPartyOn(agreement, fx.kuva, "2024-12-31")).toBe(true);
    expect(isPartyOn(agreement, fx.kuva, "2025-01-01")).toBe(false);
  });
});

describe("hasGivenNotice", () => {
  it("is true from the notice date on, for the party that gave it", () => {
    const agreement = agreementWithNotices([fx.kuva, "2025-01-15"]);
    expect(hasGivenNotice(agreement, fx.kuva, "2025-01-14")).toBe(false);
    expect(hasGivenNotice(agreement, fx.kuva, "2025-01-15")).toBe(true);
    expect(hasGivenNotice(agreement, fx.kuva, "2030-01-01")).toBe(true);
    expect(hasGivenNotice(agreement, fx.sotepe, "2030-01-01")).toBe(false);
  });
});

describe("missingApprovers", () => {
  it("lists the joining approvers without an approval, in the order of the terms", () => {
    const agreement = buildAgreement();
    expect(missingApprovers(agreement, "2025-01-01", [])).toEqual([fx.police, fx.sotepe]);
    expect(missingApprovers(agreement, "2025-01-01", [{ organisationId: fx.kuva }])).toEqual([fx.police, fx.sotepe]);
    expect(missingApprovers(agreement, "2025-01-01", [{ organisationId: fx.police }])).toEqual([fx.sotepe]);
    expect(
      missingApprovers(agreement, "2025-01-01", [{ organisationId: fx.sotepe }, { organisationId: fx.police }]),
    ).toEqual([]);
  });
});

describe("joinedOn and coreOrganisationIds", () => {
  const units = [fx.policeUnit, fx.socialEmergency, fx.psychiatry, fx.youthServices];

  it("makes the staffing units of all parties the core team", () => {
    expect(coreOrganisationIds(buildAgreement(), "2024-05-01")).toEqual(units);
  });

  it("has no core team before the agreement starts", () => {
    expect(coreOrganisationIds(buildAgreement(), "2024-04-30")).toEqual([]);
  });

  it("admits a joined authority from its effective date when the police and Sotepe both approved", () => {
    const decision = buildJoiningDecision(fx.outsiderUnit, "2025-03-01", [
      [fx.police, "2025-02-01"],
      [fx.sotepe, "2025-02-10"],
    ]);
    const agreement = buildAgreement({ joiningDecisions: [decision] });
    expect(joinedOn(agreement, "2025-02-28")).toEqual([]);
    expect(coreOrganisationIds(agreement, "2025-02-28")).not.toContain(fx.outsiderUnit);
    expect(joinedOn(agreement, "2025-03-01")).toEqual([decision]);
    expect(coreOrganisationIds(agreement, "2025-03-01")).toEqual([...units, fx.outsiderUnit]);
  });

  it.each([
    ["the police alone", [[fx.police, "2025-02-01"]]],
    ["Sotepe alone", [[fx.sotepe, "2025-02-01"]]],
    [
      "the police and Kuva",
      [
        [fx.police, "2025-02-01"],
        [fx.kuva, "2025-02-01"],
      ],
    ],
  ] as [string, [string, string][]][])("does not admit an authority approved by %s", (_, approvals) => {
    const agreement = buildAgreement({
      joiningDecisions: [buildJoiningDecision(fx.outsiderUnit, "2025-03-01", approvals)],
    });
    expect(joinedOn(agreement, "2025-06-01")).toEqual([]);
    expect(coreOrganisationIds(agreement, "2025-06-01")).toEqual(units);
  });

  it("does not need Kuva's approval", () => {
    const decision = buildJoiningDecision(fx.outsiderUnit, "2025-03-01", [
      [fx.police, "2025-02-01"],
      [fx.sotepe, "2025-02-01"],
    ]);
    expect(joinedOn(buildAgreement({ joiningDecisions: [decision] }), "2025-03-01")).toHaveLength(1);
  });

  it("drops a departing party's units after its end date", () => {
    const agreement = agreementWithNotices([fx.kuva, "2025-01-15"]);
    expect(coreOrganisationIds(agreement, "2025-07-15")).toContain(fx.youthServices);
    expect(coreOrganisationIds(agreement, "2025-07-16")).toEqual([fx.policeUnit, fx.socialEmergency, fx.psychiatry]);
  });

  it("has no core team, joined authorities included, after the agreement has ended", () => {
    const decision = buildJoiningDecision(fx.outsiderUnit, "2025-03-01", [
      [fx.police, "2025-02-01"],
      [fx.sotepe, "2025-02-01"],
    ]);
    const agreement = buildAgreement({ joiningDecisions: [decision], notices: [buildNotice(fx.police, "2025-04-01")] });
    expect(coreOrganisationIds(agreement, "2025-10-01")).toEqual([...units, fx.outsiderUnit]);
    expect(coreOrganisationIds(agreement, "2025-10-02")).toEqual([]);
  });

  it("lists an organisation once even when it is both a unit and admitted", () => {
    const decision = buildJoiningDecision(fx.psychiatry, "2025-03-01", [
      [fx.police, "2025-02-01"],
      [fx.sotepe, "2025-02-01"],
    ]);
    expect(coreOrganisationIds(buildAgreement({ joiningDecisions: [decision] }), "2025-03-01")).toEqual(units);
  });
});

describe("selectionOrganisationIds", () => {
  it("lists the core units of the selecting professions: police, social work, psychiatric nursing", () => {
    expect(selectionOrganisationIds(buildAgreement(), "2025-01-01").sort()).toEqual(
      [fx.policeUnit, fx.psychiatry, fx.socialEmergency].sort(),
    );
  });

  it("drops a unit whose party's participation has ended", () => {
    const agreement = agreementWithNotices([fx.kuva, "2025-01-15"]);
    // Kuva does not select clients, so its departure changes nothing; Sotepe's ends the agreement.
    expect(selectionOrganisationIds(agreement, "2025-07-16")).toHaveLength(3);
    const ended = agreementWithNotices([fx.sotepe, "2025-01-15"]);
    expect(selectionOrganisationIds(ended, "2025-07-15")).toContain(fx.socialEmergency);
    expect(selectionOrganisationIds(ended, "2025-07-16")).toEqual([]);
  });
});
