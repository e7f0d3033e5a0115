import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays } from "../core/local-date.js";
import type { Result } from "../core/violation.js";
import type { Agreement, Signature } from "./agreement.js";
import { type Amendment, amendmentSchema } from "./agreement-changes.js";
import { buildAgreement, buildOrganisations, buildSignature, fx } from "./agreement.fixture.js";
import { signedOn, termsOn, unsignedParties } from "./agreement-terms.js";
import { checkAmendment, checkSignature, versionStatus } from "./amendments.js";

const summary = { fi: "Muutos", sv: "Ändring", en: "Amendment" };
const amendment = (overrides: Partial<Amendment> = {}): Amendment =>
  amendmentSchema.parse({ effectiveFrom: "2025-01-01", decidedOn: "2024-12-01", summary, ...overrides });
const valueOf = <T>(result: Result<T>): T => {
  if (!result.ok) throw new Error(result.error.map((v) => v.code).join(", "));
  return result.value;
};
const codesOf = (result: Result<unknown>) => (result.ok ? [] : result.error.map((v) => v.code));
const organisations = buildOrganisations();
const sign = (organisationId: string, versionNumber: number, signedAt: string): Signature => ({
  ...buildSignature(organisationId, versionNumber),
  signedAt,
});

describe("checkAmendment", () => {
  it("adds a version with changed targets, keeps the earlier ones, and leaves it out of force until signed", () => {
    const agreement = buildAgreement();
    const targets = agreement.versions[0]!.fteTargets.map((t) =>
      t.organisationId === fx.policeUnit ? { ...t, fte: 6 } : t,
    );
    const { agreement: next, version } = valueOf(
      checkAmendment(agreement, amendment({ fteTargets: targets }), "2024-11-22"),
    );
    expect(version.number).toBe(2);
    expect(next.versions[0]).toEqual(agreement.versions[0]);
    expect(termsOn(next, "2025-06-01").number).toBe(1);
    expect(versionStatus(next, version)).toEqual({
      inForceFrom: null,
      unsignedPartyIds: [fx.police, fx.sotepe, fx.kuva],
    });
  });

  it("refuses an amendment effective before today", () => {
    expect(codesOf(checkAmendment(buildAgreement(), amendment(), "2025-01-02"))).toEqual([
      "AGREEMENT.AMENDMENT_IN_PAST",
    ]);
  });

  it("refuses new terms that break the agreement's rules, e.g. a second supplier or a target of no unit", () => {
    const parties = buildAgreement().versions[0]!.parties.map((p) => ({ ...p, role: "supplier" as const }));
    expect(codesOf(checkAmendment(buildAgreement(), amendment({ parties }), "2024-11-22"))).toContain(
      "AGREEMENT.SUPPLIER_COUNT",
    );
    const fteTargets = [
      { organisationId: fx.outsiderUnit, profession: "psychologist" as const, fte: 1, namedFte: null, supervisors: 0 },
    ];
    expect(codesOf(checkAmendment(buildAgreement(), amendment({ fteTargets }), "2024-11-22"))).toContain(
      "AGREEMENT.TARGET_UNIT_UNKNOWN",
    );
  });
});

describe("checkSignature and the version in force", () => {
  const amended = () => valueOf(checkAmendment(buildAgreement(), amendment(), "2024-11-22")).agreement;
  const now = "2025-06-01T12:00:00+03:00";

  it("brings a version into force when its last party signs, never retroactively", () => {
    let agreement = amended();
    agreement = valueOf(checkSignature(agreement, organisations, sign(fx.police, 2, "2024-12-10T10:00:00+02:00"), now));
    agreement = valueOf(checkSignature(agreement, organisations, sign(fx.sotepe, 2, "2024-12-11T10:00:00+02:00"), now));
    expect(termsOn(agreement, "2025-02-01").number).toBe(1);
    expect(unsignedParties(agreement, agreement.versions[1]!)).toEqual([fx.kuva]);
    // Kuva signs after the effective date: the version is in force from the signing day.
    agreement = valueOf(checkSignature(agreement, organisations, sign(fx.kuva, 2, "2025-02-03T09:00:00+02:00"), now));
    expect(versionStatus(agreement, agreement.versions[1]!).inForceFrom).toBe("2025-02-03");
    expect(termsOn(agreement, "2025-02-02").number).toBe(1);
    expect(termsOn(agreement, "2025-02-03").number).toBe(2);
  });

  it("reads the signing day in Helsinki time", () => {
    expect(signedOn("2025-02-02T22:30:00Z")).toBe("2025-02-03");
    expect(signedOn("2025-02-03T21:30:00Z")).toBe("2025-02-03");
  });

  it("refuses a second signature of a party, a signer that is no party, an unknown version, a future or premature date", () => {
    const agreement = amended();
    const signedOnce = valueOf(
      checkSignature(agreement, organisations, sign(fx.police, 2, "2024-12-10T10:00:00+02:00"), now),
    );
    const twice = checkSignature(signedOnce, organisations, sign(fx.police, 2, "2024-12-12T10:00:00+02:00"), now);
    expect(codesOf(twice)).toEqual(["AGREEMENT.ALREADY_SIGNED"]);
    expect(twice.ok ? "" : twice.error[0]?.message.sv).toContain("Allekirjoittaja Kuvitteellinen");
    const outsider = checkSignature(agreement, organisations, sign(fx.policeUnit, 2, "2024-12-10T10:00:00+02:00"), now);
    expect(codesOf(outsider)).toEqual(["AGREEMENT.SIGNER_NOT_PARTY"]);
    expect(outsider.ok ? "" : outsider.error[0]?.message.fi).not.toContain(fx.policeUnit);
    expect(
      codesOf(checkSignature(agreement, organisations, sign(fx.police, 3, "2024-12-10T10:00:00+02:00"), now)),
    ).toEqual(["AGREEMENT.UNKNOWN_VERSION"]);
    expect(
      codesOf(checkSignature(agreement, organisations, sign(fx.police, 2, "2025-06-02T10:00:00+03:00"), now)),
    ).toEqual(["AGREEMENT.SIGNED_IN_FUTURE"]);
    expect(
      codesOf(checkSignature(agreement, organisations, sign(fx.police, 2, "2024-11-30T10:00:00+02:00"), now)),
    ).toEqual(["AGREEMENT.SIGNED_BEFORE_DECISION"]);
  });
});

describe("a sequence of versions (property)", () => {
  const parties = [fx.police, fx.sotepe, fx.kuva];
  // Up to four amendments, each effective some days after the previous, each party signing it some
  // days after its decision or not at all.
  const plan = fc.array(
    fc.record({
      gap: fc.integer({ min: 0, max: 120 }),
      signings: fc.tuple(...parties.map(() => fc.option(fc.integer({ min: 0, max: 200 }), { nil: undefined }))),
    }),
    { maxLength: 4 },
  );

  const build = (steps: { gap: number; signings: (number | undefined)[] }[]) => {
    let agreement: Agreement = buildAgreement();
    let from = "2025-01-01";
    const signatures: Signature[] = [];
    for (const step of steps) {
      from = addDays(from, step.gap);
      const decidedOn = addDays(from, -10);
      agreement = valueOf(
        checkAmendment(agreement, amendment({ effectiveFrom: from, decidedOn }), "2024-11-22"),
      ).agreement;
      const number = agreement.versions.length;
      step.signings.forEach((delay, i) => {
        if (delay !== undefined)
          signatures.push(sign(parties[i]!, number, `${addDays(decidedOn, delay)}T12:00:00+02:00`));
      });
    }
    return { agreement, signatures };
  };

  it("keeps every earlier version, and the terms in force on a day are the newest version fully signed by then", () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 0, max: 900 }), (steps, offset) => {
        const { agreement: unsigned, signatures } = build(steps);
        const agreement = { ...unsigned, signatures: [...unsigned.signatures, ...signatures] };
        expect(agreement.versions.map((v) => v.number)).toEqual(agreement.versions.map((_v, i) => i + 1));
        expect(agreement.versions[0]).toEqual(buildAgreement().versions[0]);
        const day = addDays("2024-12-01", offset);
        const terms = termsOn(agreement, day);
        if (terms.number > 1) {
          expect(unsignedParties(agreement, terms)).toEqual([]);
          expect(terms.effectiveFrom <= day).toBe(true);
          for (const s of agreement.signatures.filter((s) => s.versionNumber === terms.number))
            expect(signedOn(s.signedAt) <= day).toBe(true);
        }
        // No newer version is fully signed and effective by that day.
        for (const v of agreement.versions.filter((v) => v.number > terms.number)) {
          const status = versionStatus(agreement, v);
          expect(status.inForceFrom === null || status.inForceFrom > day).toBe(true);
        }
      }),
    );
  });

  it("a signature never changes the terms of the days before it was given", () => {
    fc.assert(
      fc.property(plan, fc.integer({ min: 0, max: 900 }), (steps, offset) => {
        const { agreement: unsigned, signatures } = build(steps);
        let agreement = unsigned;
        const day = addDays("2024-12-01", offset);
        for (const s of signatures) {
          const before = termsOn(agreement, day).number;
          agreement = { ...agreement, signatures: [...agreement.signatures, s] };
          if (day < signedOn(s.signedAt)) expect(termsOn(agreement, day).number).toBe(before);
        }
      }),
    );
  });
});
