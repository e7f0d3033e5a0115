import { describe, expect, it } from "vitest";
import { agreementSchema, type AgreementInput, fteTargetSchema } from "./agreement.js";
import {
  agreementInput,
  buildAgreement,
  buildJoiningDecision,
  fx,
  signatureInput,
  versionOneInput,
} from "./agreement.fixture.js";
import { checkAgreement } from "./agreement-rules.js";

type VersionInput = AgreementInput["versions"][number];

const summary = { fi: "Muutos", sv: "Ändring", en: "Amendment" };

/** The fixture with version 1's terms replaced by `change(v1)`. */
function withVersionOne(change: (v: VersionInput) => VersionInput) {
  return agreementSchema.parse({ ...agreementInput(), versions: [change(versionOneInput())] });
}

/** A later version with version 1's terms, signed by all parties. */
function version(number: number, effectiveFrom: string): VersionInput {
  return { ...versionOneInput(), number, effectiveFrom, decidedOn: effectiveFrom, summary };
}

const allSign = (number: number) => [fx.police, fx.sotepe, fx.kuva].map((o) => signatureInput(o, number));

function withVersions(...versions: VersionInput[]) {
  const input = agreementInput();
  return agreementSchema.parse({ ...input, versions, signatures: versions.flatMap((v) => allSign(v.number)) });
}

const codes = (agreement: Parameters<typeof checkAgreement>[0]) => checkAgreement(agreement).map((v) => v.code);

describe("checkAgreement", () => {
  it("finds nothing wrong with the fully signed fixture", () => {
    expect(checkAgreement(buildAgreement())).toEqual([]);
  });

  it("finds nothing wrong with a signed amendment and an approved joining decision", () => {
    const agreement = withVersions(versionOneInput(), version(2, "2025-01-01"));
    const decision = buildJoiningDecision(fx.outsiderUnit, "2025-03-01", [
      [fx.police, "2025-02-01"],
      [fx.sotepe, "2025-02-01"],
    ]);
    expect(checkAgreement({ ...agreement, joiningDecisions: [decision] })).toEqual([]);
  });

  describe("AGREEMENT.SUPPLIER_COUNT", () => {
    it("reports two suppliers", () => {
      const agreement = withVersionOne((v) => ({
        ...v,
        parties: v.parties.map((p, i) => (i === 1 ? { ...p, role: "supplier" as const } : p)),
      }));
      expect(checkAgreement(agreement)).toEqual([
        expect.objectContaining({
          code: "AGREEMENT.SUPPLIER_COUNT",
          ids: [fx.agreement],
          path: ["versions", 0, "parties"],
        }),
      ]);
      expect(checkAgreement(agreement)[0]!.message.en).toContain("2 suppliers");
    });

    it("reports a version without a supplier", () => {
      const agreement = withVersionOne((v) => ({
        ...v,
        parties: v.parties.map((p) => ({ ...p, role: "customer" as const })),
      }));
      expect(codes(agreement)).toEqual(["AGREEMENT.SUPPLIER_COUNT"]);
      expect(checkAgreement(agreement)[0]!.message.en).toContain("0 suppliers");
    });
  });

  it("AGREEMENT.DUPLICATE_PARTY: reports a party listed twice, once", () => {
    const agreement = withVersionOne((v) => ({ ...v, parties: [...v.parties, v.parties[2]!, v.parties[2]!] }));
    expect(checkAgreement(agreement)).toEqual([
      expect.objectContaining({ code: "AGREEMENT.DUPLICATE_PARTY", ids: [fx.kuva] }),
    ]);
  });

  describe("AGREEMENT.VERSION_NUMBERING", () => {
    it("reports a gap in the numbering", () => {
      const agreement = withVersions(versionOneInput(), version(3, "2025-01-01"));
      expect(checkAgreement(agreement)).toEqual([
        expect.objectContaining({ code: "AGREEMENT.VERSION_NUMBERING", path: ["versions", 1] }),
      ]);
    });

    it("reports a version that takes effect before the previous one", () => {
      const agreement = withVersions(versionOneInput(), version(2, "2025-06-01"), version(3, "2025-01-01"));
      expect(checkAgreement(agreement)).toEqual([
        expect.objectContaining({ code: "AGREEMENT.VERSION_NUMBERING", path: ["versions", 2] }),
      ]);
      expect(checkAgreement(agreement)[0]!.message.en).toContain("version 3");
    });

    it("accepts versions listed out of order and points paths at the input's positions", () => {
      const v2 = version(2, "2025-01-01");
      expect(checkAgreement(withVersions(v2, versionOneInput()))).toEqual([]);
      const badV2 = { ...v2, parties: v2.parties.map((p) => ({ ...p, role: "customer" as const })) };
      expect(checkAgreement(withVersions(badV2, versionOneInput()))).toEqual([
        expect.objectContaining({ code: "AGREEMENT.SUPPLIER_COUNT", path: ["versions", 0, "parties"] }),
      ]);
    });
  });

  it("AGREEMENT.START_MISMATCH: reports version 1 taking effect on another day than the start", () => {
    const agreement = buildAgreement({ startsOn: "2024-06-01" });
    expect(checkAgreement(agreement)).toEqual([
      expect.objectContaining({
        code: "AGREEMENT.START_MISMATCH",
        ids: [fx.agreement],
        path: ["versions", 0, "effectiveFrom"],
      }),
    ]);
    const listedLast = withVersions(version(2, "2025-01-01"), { ...versionOneInput(), effectiveFrom: "2024-05-02" });
    expect(checkAgreement(listedLast)).toEqual([
      expect.objectContaining({ code: "AGREEMENT.START_MISMATCH", path: ["versions", 1, "effectiveFrom"] }),
    ]);
  });

  describe("AGREEMENT.ROLE_NOT_PARTY", () => {
    it.each([
      [
        "joiningApproverIds",
        (v: VersionInput): VersionInput => ({ ...v, joiningApproverIds: [fx.police, fx.outsider] }),
      ],
      ["essentialPartyIds", (v: VersionInput): VersionInput => ({ ...v, essentialPartyIds: [fx.police, fx.outsider] })],
      [
        "teamUnits",
        (v: VersionInput): VersionInput => ({
          ...v,
          teamUnits: [
            ...v.teamUnits,
            { organisationId: fx.outsiderUnit, partyId: fx.outsider, professions: ["psychologist"] },
          ],
        }),
      ],
    ])("reports a non-party in %s", (field, change) => {
      const found = checkAgreement(withVersionOne(change));
      expect(found).toEqual([
        expect.objectContaining({ code: "AGREEMENT.ROLE_NOT_PARTY", ids: [fx.outsider], path: ["versions", 0, field] }),
      ]);
      expect(found[0]!.message.en).toContain(field);
    });
  });

  it("AGREEMENT.TARGET_UNIT_UNKNOWN: reports an FTE target for a unit that does not staff the team", () => {
    const agreement = withVersionOne((v) => ({
      ...v,
      fteTargets: [...v.fteTargets, { organisationId: fx.policeInvestigation, profession: "police-officer", fte: 1 }],
    }));
    expect(checkAgreement(agreement)).toEqual([
      expect.objectContaining({
        code: "AGREEMENT.TARGET_UNIT_UNKNOWN",
        ids: [fx.policeInvestigation],
        path: ["versions", 0, "fteTargets"],
      }),
    ]);
  });

  describe("AGREEMENT.SIGNATURE_MISSING", () => {
    it("reports a party that has not signed", () => {
      const agreement = buildAgreement({ signatures: [signatureInput(fx.police), signatureInput(fx.sotepe)] });
      expect(checkAgreement(agreement)).toEqual([
        expect.objectContaining({
          code: "AGREEMENT.SIGNATURE_MISSING",
          ids: [fx.kuva, fx.agreement],
          path: ["versions", 0, "parties"],
        }),
      ]);
    });

    it("reports every party of an unsigned amendment, not of the signed version", () => {
      const agreement = agreementSchema.parse({
        ...agreementInput(),
        versions: [versionOneInput(), version(2, "2025-01-01")],
      });
      const found = checkAgreement(agreement);
      expect(found.map((v) => [v.code, v.ids[0], v.path])).toEqual([
        ["AGREEMENT.SIGNATURE_MISSING", fx.police, ["versions", 1, "parties"]],
        ["AGREEMENT.SIGNATURE_MISSING", fx.sotepe, ["versions", 1, "parties"]],
        ["AGREEMENT.SIGNATURE_MISSING", fx.kuva, ["versions", 1, "parties"]],
      ]);
      expect(found[0]!.message.en).toContain("version 2");
    });

    it("does not count a signature on another version", () => {
      const agreement = buildAgreement({
        signatures: [signatureInput(fx.police), signatureInput(fx.sotepe), signatureInput(fx.kuva, 2)],
      });
      expect(codes(agreement)).toEqual(["AGREEMENT.SIGNATURE_MISSING"]);
    });
  });

  it("AGREEMENT.JOINING_APPROVAL_MISSING: reports a recorded joining decision without Sotepe's approval", () => {
    const decision = buildJoiningDecision(fx.outsiderUnit, "2025-03-01", [[fx.police, "2025-02-01"]]);
    const agreement = buildAgreement({ joiningDecisions: [decision] });
    expect(checkAgreement(agreement)).toEqual([
      expect.objectContaining({
        code: "AGREEMENT.JOINING_APPROVAL_MISSING",
        ids: [decision.id, fx.sotepe],
        path: ["joiningDecisions", 0],
      }),
    ]);
  });

  it("reports several problems together", () => {
    const agreement = agreementSchema.parse({
      ...agreementInput(),
      startsOn: "2024-04-01",
      signatures: [],
      versions: [{ ...versionOneInput(), essentialPartyIds: [fx.outsider] }],
    });
    expect(codes(agreement).sort()).toEqual([
      "AGREEMENT.ROLE_NOT_PARTY",
      "AGREEMENT.SIGNATURE_MISSING",
      "AGREEMENT.SIGNATURE_MISSING",
      "AGREEMENT.SIGNATURE_MISSING",
      "AGREEMENT.START_MISMATCH",
    ]);
  });
});

describe("agreement schemas", () => {
  it("keeps the OID exactly as issued, leading zero included", () => {
    expect(buildAgreement().oid).toBe("1.2.246.10.02012566.1.9.632.1");
  });

  it("applies defaults: no contact e-mail or phone, no named FTE, no supervisors", () => {
    const v1 = buildAgreement().versions[0]!;
    expect(v1.parties[0]!.contact).toEqual({
      name: "Kaarlo Testinen",
      title: "ylikomisario",
      email: null,
      phone: null,
    });
    expect(v1.fteTargets[1]).toEqual({
      organisationId: fx.socialEmergency,
      profession: "social-worker",
      fte: 2.5,
      namedFte: null,
      supervisors: 0,
    });
    expect(v1.fteTargets[3]!.namedFte).toBe(4);
  });

  it("refuses a named resource smaller than the part reserved for Ankkuri", () => {
    const result = fteTargetSchema.safeParse({
      organisationId: fx.youthServices,
      profession: "youth-worker",
      fte: 2,
      namedFte: 1.5,
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(["namedFte"]);
    expect(
      fteTargetSchema.safeParse({ organisationId: fx.youthServices, profession: "youth-worker", fte: 2, namedFte: 2 })
        .success,
    ).toBe(true);
  });

  it("refuses an agreement without versions and a joining decision without approvals", () => {
    expect(agreementSchema.safeParse({ ...agreementInput(), versions: [] }).success).toBe(false);
    const decision = {
      id: "join-x",
      organisationId: fx.outsiderUnit,
      effectiveFrom: "2025-01-01",
      approvals: [],
      description: "x",
    };
    expect(agreementSchema.safeParse({ ...agreementInput(), joiningDecisions: [decision] }).success).toBe(false);
  });
});
