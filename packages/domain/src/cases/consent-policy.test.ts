import { describe, expect, it } from "vitest";
import { defaultAgePolicy } from "./age-policy.js";
import type { Case, CaseInput, CaseStatus } from "./case.js";
import { caseStatusNames } from "./case-names.js";
import {
  buildCase,
  bornYearsBefore,
  byClient,
  byGuardian,
  caseContext,
  consent,
  day,
  guardian,
  organisationIndex,
  orgs,
} from "./case.fixture.js";
import { canInvite, isConsentInEffect, requiredConsentGivers } from "./consent-policy.js";

const on = day(10);

/** An active case whose client is `age` on {@link on}, with guardian g-1 (custody) and g-2 (no custody). */
function caseOfAge(age: number, overrides: Partial<CaseInput> = {}): Case {
  return buildCase({
    status: "active",
    client: { id: "client-test-1", birthDate: bornYearsBefore(on, age) },
    guardians: [guardian("g-1"), guardian("g-2", false)],
    ...overrides,
  });
}

describe("requiredConsentGivers", () => {
  it("asks only the guardians with custody for a child under 12", () => {
    expect(requiredConsentGivers(caseOfAge(11), on)).toEqual([byGuardian("g-1")]);
  });

  it.each([12, 17])("asks the client and every guardian with custody at %i", (age) => {
    expect(requiredConsentGivers(caseOfAge(age), on)).toEqual([byClient, byGuardian("g-1")]);
  });

  it("does not ask a guardian without custody", () => {
    const givers = requiredConsentGivers(caseOfAge(13), on);
    expect(givers).not.toContainEqual(byGuardian("g-2"));
  });

  it("asks every guardian with custody when there are several", () => {
    const c = caseOfAge(14, { guardians: [guardian("g-1"), guardian("g-3")] });
    expect(requiredConsentGivers(c, on)).toEqual([byClient, byGuardian("g-1"), byGuardian("g-3")]);
  });

  it("asks the client alone from 18", () => {
    expect(requiredConsentGivers(caseOfAge(18), on)).toEqual([byClient]);
  });

  it("changes on the 12th and the 18th birthday, not the day after", () => {
    expect(requiredConsentGivers(caseOfAge(12), day(9))).toEqual([byGuardian("g-1")]);
    expect(requiredConsentGivers(caseOfAge(18), day(9))).toEqual([byClient, byGuardian("g-1")]);
  });

  it("reads the ages from the policy", () => {
    const policy = { ...defaultAgePolicy, ownConsentFromAge: 15, adulthoodAge: 20 };
    expect(requiredConsentGivers(caseOfAge(14), on, policy)).toEqual([byGuardian("g-1")]);
    expect(requiredConsentGivers(caseOfAge(19), on, policy)).toEqual([byClient, byGuardian("g-1")]);
  });
});

describe("isConsentInEffect", () => {
  const given = consent("c-1", byClient, [orgs.school], day(2), { validUntil: day(8), withdrawnOn: day(6) });

  it("starts on the day given", () => {
    expect(isConsentInEffect(given, day(1))).toBe(false);
    expect(isConsentInEffect(given, day(2))).toBe(true);
  });

  it("ends on the day of withdrawal", () => {
    expect(isConsentInEffect(given, day(5))).toBe(true);
    expect(isConsentInEffect(given, day(6))).toBe(false);
  });

  it("is in effect through validUntil and not after", () => {
    const expiring = { ...given, withdrawnOn: null };
    expect(isConsentInEffect(expiring, day(8))).toBe(true);
    expect(isConsentInEffect(expiring, day(9))).toBe(false);
  });
});

describe("canInvite", () => {
  const bothConsents = [
    consent("c-client", byClient, [orgs.school]),
    consent("c-g1", byGuardian("g-1"), [orgs.school]),
  ];

  it("lets the core team be invited without consent", () => {
    expect(canInvite(caseOfAge(13), orgs.police, on, caseContext)).toEqual({ allowed: true, basis: "core-team" });
  });

  it("needs consent for everyone when no core team is given", () => {
    const decision = canInvite(caseOfAge(13), orgs.police, on);
    expect(decision.allowed).toBe(false);
  });

  it("names the guardian whose consent is missing", () => {
    const decision = canInvite(caseOfAge(13, { consents: [bothConsents[0]!] }), orgs.school, on, caseContext);
    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    expect(decision.reasons).toHaveLength(1);
    const [reason] = decision.reasons;
    expect(reason?.code).toBe("CONSENT.MISSING");
    expect(reason?.severity).toBe("error");
    expect(reason?.ids).toEqual(["case-test-1", orgs.school, "g-1"]);
    expect(reason?.message.en).toContain("from the parent");
    expect(reason?.message.fi).toContain("vanhemmalta");
  });

  it("names the client when the client's own consent is missing", () => {
    const decision = canInvite(caseOfAge(13, { consents: [bothConsents[1]!] }), orgs.school, on, caseContext);
    expect(decision.allowed).toBe(false);
    if (decision.allowed) return;
    expect(decision.reasons.map((r) => r.code)).toEqual(["CONSENT.MISSING"]);
    expect(decision.reasons[0]?.message.en).toContain("the client");
  });

  it("lists one reason for each missing giver", () => {
    const decision = canInvite(caseOfAge(13), orgs.school, on, caseContext);
    expect(decision.allowed ? [] : decision.reasons.map((r) => r.code)).toEqual(["CONSENT.MISSING", "CONSENT.MISSING"]);
  });

  it("allows the invitation with every required consent and names the consents used", () => {
    expect(canInvite(caseOfAge(13, { consents: bothConsents }), orgs.school, on, caseContext)).toEqual({
      allowed: true,
      basis: "consent",
      consentIds: ["c-client", "c-g1"],
    });
  });

  it("ignores a consent that covers another organisation or is given by someone else", () => {
    const consents = [
      consent("c-client", byClient, [orgs.childWelfare]),
      consent("c-g2", byGuardian("g-2"), [orgs.school]),
      bothConsents[1]!,
    ];
    const decision = canInvite(caseOfAge(13, { consents }), orgs.school, on, caseContext);
    expect(decision.allowed ? [] : decision.reasons.map((r) => r.message.en)).toEqual([
      `Consent from the client to invite an unknown organisation is missing on ${on}.`,
    ]);
  });

  it("names the organisation and the guardian in words in every language, never by id", () => {
    const decision = canInvite(caseOfAge(13, { consents: [bothConsents[0]!] }), orgs.school, on, {
      ...caseContext,
      organisations: organisationIndex,
    });
    const [missing] = decision.allowed ? [] : decision.reasons;
    expect(missing?.message).toEqual({
      fi: `Lupa kutsua Testikoulu puuttuu vanhemmalta (${on}).`,
      sv: `Samtycke av föräldern att bjuda in Testikoulu saknas (${on}).`,
      en: `Consent from the parent to invite Testikoulu is missing on ${on}.`,
    });
    expect(JSON.stringify(missing?.message)).not.toMatch(/g-1|org-/);
  });

  it("refuses from the day of withdrawal and allows the day before", () => {
    const consents = [bothConsents[0]!, consent("c-g1", byGuardian("g-1"), [orgs.school], day(1), { withdrawnOn: on })];
    const c = caseOfAge(13, { consents });
    expect(canInvite(c, orgs.school, day(9), caseContext).allowed).toBe(true);
    const decision = canInvite(c, orgs.school, on, caseContext);
    expect(decision.allowed ? [] : decision.reasons.map((r) => r.code)).toEqual(["CONSENT.MISSING"]);
  });

  it("refuses after the consent has expired", () => {
    const consents = [
      bothConsents[0]!,
      consent("c-g1", byGuardian("g-1"), [orgs.school], day(1), { validUntil: day(9) }),
    ];
    const c = caseOfAge(13, { consents });
    expect(canInvite(c, orgs.school, day(9), caseContext).allowed).toBe(true);
    expect(canInvite(c, orgs.school, on, caseContext).allowed).toBe(false);
  });

  it("refuses before the consent is given", () => {
    expect(canInvite(caseOfAge(13, { consents: bothConsents }), orgs.school, day(0), caseContext).allowed).toBe(false);
  });

  it("uses another consent of the same giver when the first has been withdrawn", () => {
    const consents = [
      bothConsents[0]!,
      consent("c-g1-old", byGuardian("g-1"), [orgs.school], day(1), { withdrawnOn: day(3) }),
      consent("c-g1-new", byGuardian("g-1"), [orgs.school], day(4)),
    ];
    expect(canInvite(caseOfAge(13, { consents }), orgs.school, on, caseContext)).toEqual({
      allowed: true,
      basis: "consent",
      consentIds: ["c-client", "c-g1-new"],
    });
  });

  it("refuses for a minor with no guardian recorded", () => {
    const decision = canInvite(
      caseOfAge(13, { guardians: [], consents: [bothConsents[0]!] }),
      orgs.school,
      on,
      caseContext,
    );
    expect(decision.allowed ? [] : decision.reasons.map((r) => r.code)).toEqual(["CONSENT.NO_GUARDIAN_RECORDED"]);
  });

  it("refuses for a child under 12 with no guardian recorded (nobody could consent)", () => {
    const decision = canInvite(caseOfAge(10, { guardians: [] }), orgs.school, on, caseContext);
    expect(decision.allowed ? [] : decision.reasons.map((r) => r.code)).toEqual(["CONSENT.NO_GUARDIAN_RECORDED"]);
  });

  it("treats guardians without custody as no guardian for consent", () => {
    const decision = canInvite(
      caseOfAge(13, { guardians: [guardian("g-2", false)], consents: [bothConsents[0]!] }),
      orgs.school,
      on,
      caseContext,
    );
    expect(decision.allowed ? [] : decision.reasons.map((r) => r.code)).toEqual(["CONSENT.NO_GUARDIAN_RECORDED"]);
  });

  it("needs only the client's consent for an adult, even without guardians", () => {
    const c = caseOfAge(18, { guardians: [], consents: [consent("c-client", byClient, [orgs.school])] });
    expect(canInvite(c, orgs.school, on, caseContext)).toEqual({
      allowed: true,
      basis: "consent",
      consentIds: ["c-client"],
    });
    const withoutClient = caseOfAge(18, { consents: [bothConsents[1]!] });
    expect(canInvite(withoutClient, orgs.school, on, caseContext).allowed).toBe(false);
  });

  it("reads the age rules from the context's policy", () => {
    const policy = { ...defaultAgePolicy, ownConsentFromAge: 15 };
    const c = caseOfAge(13, { consents: [bothConsents[1]!] });
    expect(canInvite(c, orgs.school, on, { ...caseContext, policy })).toEqual({
      allowed: true,
      basis: "consent",
      consentIds: ["c-g1"],
    });
  });

  it.each<CaseStatus>(["referred", "in-selection", "declined", "closed"])(
    "refuses any invitation while the case is %s",
    (status) => {
      const decision = canInvite(caseOfAge(13, { status, consents: bothConsents }), orgs.police, on, caseContext);
      expect(decision.allowed).toBe(false);
      if (decision.allowed) return;
      expect(decision.reasons.map((r) => r.code)).toEqual(["CASE.NOT_OPEN"]);
      // The status in words in every language, never its code (`in-selection`).
      const message = decision.reasons[0]?.message;
      for (const language of ["fi", "sv", "en"] as const)
        expect(message?.[language]).toContain(caseStatusNames[status][language]);
      if (status.includes("-")) expect(Object.values(message ?? {}).join(" ")).not.toContain(status);
    },
  );

  it("allows invitations while the case is admitted", () => {
    expect(
      canInvite(caseOfAge(13, { status: "admitted", consents: bothConsents }), orgs.school, on, caseContext).allowed,
    ).toBe(true);
  });

  describe("consent scope", () => {
    const parentScope = [
      consent("c-client", byClient, [orgs.school]),
      consent("c-g1", byGuardian("g-1"), [orgs.school]),
    ];
    const unitScope = [
      consent("c-client", byClient, [orgs.schoolUnit]),
      consent("c-g1", byGuardian("g-1"), [orgs.schoolUnit]),
    ];

    it("covers a sub-unit of the named organisation when the organisation index is given", () => {
      const decision = canInvite(caseOfAge(13, { consents: parentScope }), orgs.schoolUnit, on, {
        ...caseContext,
        organisations: organisationIndex,
      });
      expect(decision).toEqual({ allowed: true, basis: "consent", consentIds: ["c-client", "c-g1"] });
    });

    it("does not cover the sub-unit without the index", () => {
      expect(canInvite(caseOfAge(13, { consents: parentScope }), orgs.schoolUnit, on, caseContext).allowed).toBe(false);
    });

    it("does not cover the parent when only a sub-unit is named", () => {
      expect(
        canInvite(caseOfAge(13, { consents: unitScope }), orgs.school, on, {
          ...caseContext,
          organisations: organisationIndex,
        }).allowed,
      ).toBe(false);
    });

    it("does not cover an unrelated organisation even with the index", () => {
      expect(
        canInvite(caseOfAge(13, { consents: parentScope }), orgs.childWelfare, on, {
          ...caseContext,
          organisations: organisationIndex,
        }).allowed,
      ).toBe(false);
    });
  });
});
