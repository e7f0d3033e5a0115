import { describe, expect, it } from "vitest";
import type { Result } from "../core/violation.js";
import type { Agreement } from "./agreement.js";
import {
  addSignature,
  amendAgreement,
  type Amendment,
  amendmentSchema,
  checkJoiningDecision,
  giveNotice,
  recordJoiningDecision,
} from "./agreement-changes.js";
import {
  agreementWithNotices,
  buildAgreement,
  buildJoiningDecision,
  buildNotice,
  buildSignature,
  fx,
  signedByEveryParty,
} from "./agreement.fixture.js";
import { termsOn } from "./agreement-terms.js";

const summary = { fi: "Poliisin tavoite 6 htv", sv: "Polisens mål 6 årsverken", en: "Police target 6 FTE" };

function amendment(overrides: Partial<Amendment> = {}): Amendment {
  return amendmentSchema.parse({ effectiveFrom: "2025-01-01", decidedOn: "2024-12-01", summary, ...overrides });
}

/** The value of an ok result; fails the test on an error. */
function valueOf<T>(result: Result<T>): T {
  if (!result.ok) throw new Error(`Expected ok, got ${result.error.map((v) => v.code).join(", ")}`);
  return result.value;
}

/** The violation codes of a failed result; fails the test on ok. */
function codesOf(result: Result<unknown>): string[] {
  if (result.ok) throw new Error("Expected an error result");
  return result.error.map((v) => v.code);
}

describe("amendAgreement", () => {
  it("adds version 2 with the changed terms and carries the rest over", () => {
    const agreement = buildAgreement();
    const v1 = termsOn(agreement, "2024-05-01");
    const changedTargets = v1.fteTargets.map((t) => (t.organisationId === fx.policeUnit ? { ...t, fte: 6 } : t));
    const next = valueOf(amendAgreement(agreement, amendment({ fteTargets: changedTargets })));

    expect(next.versions.map((v) => v.number)).toEqual([1, 2]);
    const v2 = next.versions[1]!;
    expect(v2).toEqual({
      ...v1,
      number: 2,
      effectiveFrom: "2025-01-01",
      decidedOn: "2024-12-01",
      summary,
      fteTargets: changedTargets,
    });
    // Not in force before every party has signed it; then from its effective date.
    expect(termsOn(next, "2025-01-01").fteTargets[0]!.fte).toBe(5);
    const signed = signedByEveryParty(next);
    expect(termsOn(signed, "2024-12-31").fteTargets[0]!.fte).toBe(5);
    expect(termsOn(signed, "2025-01-01").fteTargets[0]!.fte).toBe(6);
  });

  it("never alters the earlier versions or the agreement it was given", () => {
    const agreement = buildAgreement();
    const before = JSON.parse(JSON.stringify(agreement)) as Agreement;
    const next = valueOf(amendAgreement(agreement, amendment({ noticePeriodMonths: 3 })));
    expect(agreement).toEqual(before);
    expect(next.versions[0]).toEqual(before.versions[0]);
    expect(next).not.toBe(agreement);
  });

  it("numbers each amendment after the latest and builds on it", () => {
    const first = valueOf(amendAgreement(buildAgreement(), amendment({ noticePeriodMonths: 3 })));
    const second = valueOf(
      amendAgreement(
        first,
        amendment({ effectiveFrom: "2025-06-01", decidedOn: "2025-05-01", joiningApproverIds: [fx.police] }),
      ),
    );
    expect(second.versions.map((v) => v.number)).toEqual([1, 2, 3]);
    expect(second.versions[2]!.noticePeriodMonths).toBe(3);
    expect(second.versions[2]!.joiningApproverIds).toEqual([fx.police]);
    expect(second.versions[1]!.joiningApproverIds).toEqual([fx.police, fx.sotepe]);
  });

  it("ignores fields given as undefined", () => {
    const agreement = buildAgreement();
    const next = valueOf(
      amendAgreement(agreement, { ...amendment(), parties: undefined, noticePeriodMonths: undefined }),
    );
    expect(next.versions[1]!.parties).toEqual(agreement.versions[0]!.parties);
    expect(next.versions[1]!.noticePeriodMonths).toBe(6);
  });

  it("allows an amendment that takes effect on the same day as the latest version, decided that day", () => {
    const next = valueOf(
      amendAgreement(
        buildAgreement(),
        amendment({ effectiveFrom: "2024-05-01", decidedOn: "2024-05-01", noticePeriodMonths: 4 }),
      ),
    );
    expect(termsOn(signedByEveryParty(next), "2024-05-01").noticePeriodMonths).toBe(4);
  });

  it("refuses an amendment effective before the latest version", () => {
    const first = valueOf(amendAgreement(buildAgreement(), amendment()));
    const result = amendAgreement(first, amendment({ effectiveFrom: "2024-12-31", decidedOn: "2024-12-01" }));
    expect(result).toEqual({
      ok: false,
      error: [
        expect.objectContaining({
          code: "AGREEMENT.VERSION_ORDER",
          ids: [fx.agreement],
          path: ["effectiveFrom"],
          severity: "error",
        }),
      ],
    });
    expect(result.ok ? "" : result.error[0]!.message.en).toContain("version 2 (2025-01-01)");
  });

  it("refuses an amendment decided after it takes effect", () => {
    const result = amendAgreement(
      buildAgreement(),
      amendment({ effectiveFrom: "2025-01-01", decidedOn: "2025-01-02" }),
    );
    expect(result).toEqual({
      ok: false,
      error: [expect.objectContaining({ code: "AGREEMENT.VERSION_ORDER", path: ["decidedOn"] })],
    });
  });

  it("reports both ordering problems at once", () => {
    expect(
      codesOf(amendAgreement(buildAgreement(), amendment({ effectiveFrom: "2024-01-01", decidedOn: "2024-02-01" }))),
    ).toEqual(["AGREEMENT.VERSION_ORDER", "AGREEMENT.VERSION_ORDER"]);
  });

  it("requires the dates and summary of an amendment", () => {
    expect(amendmentSchema.safeParse({ effectiveFrom: "2025-01-01", decidedOn: "2024-12-01" }).success).toBe(false);
    expect(amendmentSchema.safeParse({ decidedOn: "2024-12-01", summary }).success).toBe(false);
    expect(amendmentSchema.safeParse({ effectiveFrom: "2025-01-01", decidedOn: "2024-12-01", summary }).success).toBe(
      true,
    );
  });
});

describe("giveNotice", () => {
  it("records the notice and returns the last day, six months on", () => {
    const agreement = buildAgreement();
    const notice = buildNotice(fx.kuva, "2025-01-15");
    const { agreement: next, endsOn } = valueOf(giveNotice(agreement, notice));
    expect(endsOn).toBe("2025-07-15");
    expect(next.notices).toEqual([notice]);
    expect(agreement.notices).toEqual([]);
  });

  it("clamps the end to the month's last day", () => {
    expect(valueOf(giveNotice(buildAgreement(), buildNotice(fx.sotepe, "2025-08-31"))).endsOn).toBe("2026-02-28");
  });

  it("refuses a notice before the agreement is in force", () => {
    const result = giveNotice(buildAgreement(), buildNotice(fx.police, "2024-04-30"));
    expect(result).toEqual({
      ok: false,
      error: [expect.objectContaining({ code: "AGREEMENT.NOT_IN_FORCE", ids: [fx.agreement] })],
    });
  });

  it("refuses a notice after the agreement has ended", () => {
    const ended = agreementWithNotices([fx.sotepe, "2025-01-15"]);
    expect(codesOf(giveNotice(ended, buildNotice(fx.police, "2025-07-16")))).toEqual(["AGREEMENT.NOT_IN_FORCE"]);
    expect(valueOf(giveNotice(ended, buildNotice(fx.police, "2025-07-15"))).endsOn).toBe("2026-01-15");
  });

  it("refuses a notice by an organisation that is not a party", () => {
    const result = giveNotice(buildAgreement(), buildNotice(fx.outsider, "2025-01-15"));
    expect(result).toEqual({
      ok: false,
      error: [expect.objectContaining({ code: "AGREEMENT.NOT_A_PARTY", ids: [fx.outsider, fx.agreement] })],
    });
  });

  it("refuses a second notice by the same party", () => {
    const once = valueOf(giveNotice(buildAgreement(), buildNotice(fx.kuva, "2025-01-15"))).agreement;
    const result = giveNotice(once, buildNotice(fx.kuva, "2025-02-01"));
    expect(result).toEqual({
      ok: false,
      error: [expect.objectContaining({ code: "AGREEMENT.NOTICE_ALREADY_GIVEN", ids: [fx.kuva, fx.agreement] })],
    });
    expect(valueOf(giveNotice(once, buildNotice(fx.sotepe, "2025-02-01"))).agreement.notices).toHaveLength(2);
  });
});

describe("checkJoiningDecision and recordJoiningDecision", () => {
  const approvedBy = (...by: string[]) => by.map((o): [string, string] => [o, "2025-02-01"]);

  it("accepts a decision approved by the police and Sotepe, without Kuva", () => {
    const agreement = buildAgreement();
    const decision = buildJoiningDecision(fx.outsiderUnit, "2025-03-01", approvedBy(fx.police, fx.sotepe));
    expect(checkJoiningDecision(agreement, decision)).toEqual([]);
    const next = valueOf(recordJoiningDecision(agreement, decision));
    expect(next.joiningDecisions).toEqual([decision]);
    expect(agreement.joiningDecisions).toEqual([]);
  });

  it("accepts Kuva's approval alongside, though it is not required", () => {
    const decision = buildJoiningDecision(fx.outsiderUnit, "2025-03-01", approvedBy(fx.kuva, fx.police, fx.sotepe));
    expect(checkJoiningDecision(buildAgreement(), decision)).toEqual([]);
  });

  it("refuses the police's approval alone and names Sotepe as missing", () => {
    const decision = buildJoiningDecision(fx.outsiderUnit, "2025-03-01", approvedBy(fx.police));
    const found = checkJoiningDecision(buildAgreement(), decision);
    expect(found).toEqual([
      expect.objectContaining({
        code: "AGREEMENT.JOINING_APPROVAL_MISSING",
        ids: [decision.id, fx.sotepe],
        path: ["approvals"],
      }),
    ]);
    // The missing party is in `ids`; the message names no id.
    expect(found[0]!.message.en).not.toContain(fx.sotepe);
    expect(found[0]!.message.fi).not.toContain(fx.sotepe);
  });

  it("does not let Kuva stand in for Sotepe", () => {
    const decision = buildJoiningDecision(fx.outsiderUnit, "2025-03-01", approvedBy(fx.police, fx.kuva));
    expect(checkJoiningDecision(buildAgreement(), decision).map((v) => v.ids)).toEqual([[decision.id, fx.sotepe]]);
  });

  it("names both approvers when only Kuva approved", () => {
    const decision = buildJoiningDecision(fx.outsiderUnit, "2025-03-01", approvedBy(fx.kuva));
    expect(checkJoiningDecision(buildAgreement(), decision)[0]!.ids).toEqual([decision.id, fx.police, fx.sotepe]);
  });

  it("refuses an approval given after the joining took effect, but not one given that day", () => {
    const late = buildJoiningDecision(fx.outsiderUnit, "2025-03-01", [
      [fx.police, "2025-03-01"],
      [fx.sotepe, "2025-03-02"],
    ]);
    expect(checkJoiningDecision(buildAgreement(), late)).toEqual([
      expect.objectContaining({ code: "AGREEMENT.JOINING_APPROVAL_LATE", ids: [late.id, fx.sotepe] }),
    ]);
  });

  it("refuses an organisation that already is a staffing unit of the team", () => {
    const decision = buildJoiningDecision(fx.psychiatry, "2025-03-01", approvedBy(fx.police, fx.sotepe));
    expect(checkJoiningDecision(buildAgreement(), decision)).toEqual([
      expect.objectContaining({ code: "AGREEMENT.ALREADY_MEMBER", ids: [fx.psychiatry] }),
    ]);
  });

  it("refuses admitting an authority twice, but not before its first admission takes effect", () => {
    const first = buildJoiningDecision(fx.outsiderUnit, "2025-03-01", approvedBy(fx.police, fx.sotepe));
    const agreement = valueOf(recordJoiningDecision(buildAgreement(), first));
    const again = buildJoiningDecision(fx.outsiderUnit, "2025-04-01", approvedBy(fx.police, fx.sotepe));
    expect(checkJoiningDecision(agreement, again).map((v) => v.code)).toEqual(["AGREEMENT.ALREADY_MEMBER"]);
    const earlier = buildJoiningDecision(fx.outsiderUnit, "2025-02-15", [
      [fx.police, "2025-01-01"],
      [fx.sotepe, "2025-01-01"],
    ]);
    expect(checkJoiningDecision(agreement, earlier)).toEqual([]);
  });

  it("admits the units of a party that has left", () => {
    const agreement = agreementWithNotices([fx.kuva, "2025-01-15"]);
    const decision = buildJoiningDecision(fx.youthServices, "2025-08-01", approvedBy(fx.police, fx.sotepe));
    expect(checkJoiningDecision(agreement, decision)).toEqual([]);
  });

  it("refuses a decision that takes effect while the agreement is not in force", () => {
    const decision = buildJoiningDecision(fx.outsiderUnit, "2024-04-01", [
      [fx.police, "2024-03-01"],
      [fx.sotepe, "2024-03-01"],
    ]);
    expect(checkJoiningDecision(buildAgreement(), decision)).toEqual([
      expect.objectContaining({ code: "AGREEMENT.NOT_IN_FORCE", ids: [fx.agreement] }),
    ]);
  });

  it("reports every problem at once and records nothing", () => {
    const agreement = buildAgreement();
    const decision = buildJoiningDecision(fx.psychiatry, "2025-03-01", [[fx.police, "2025-04-01"]]);
    const result = recordJoiningDecision(agreement, decision);
    expect(codesOf(result)).toEqual([
      "AGREEMENT.JOINING_APPROVAL_MISSING",
      "AGREEMENT.JOINING_APPROVAL_LATE",
      "AGREEMENT.ALREADY_MEMBER",
    ]);
    expect(agreement.joiningDecisions).toEqual([]);
  });
});

describe("addSignature", () => {
  it("adds a party's signature to an existing version", () => {
    const agreement = buildAgreement({ signatures: [] });
    const signature = buildSignature(fx.kuva);
    expect(valueOf(addSignature(agreement, signature)).signatures).toEqual([signature]);
    expect(agreement.signatures).toEqual([]);
  });

  it("signs an amended version", () => {
    const amended = valueOf(amendAgreement(buildAgreement(), amendment()));
    expect(valueOf(addSignature(amended, buildSignature(fx.police, 2))).signatures.at(-1)!.versionNumber).toBe(2);
  });

  it("refuses a signature on a version that does not exist", () => {
    const result = addSignature(buildAgreement(), buildSignature(fx.police, 2));
    expect(result).toEqual({
      ok: false,
      error: [
        expect.objectContaining({ code: "AGREEMENT.UNKNOWN_VERSION", ids: [fx.agreement], path: ["versionNumber"] }),
      ],
    });
  });

  it("refuses a signer whose organisation is not a party of the version", () => {
    const result = addSignature(buildAgreement(), buildSignature(fx.outsider));
    expect(result).toEqual({
      ok: false,
      error: [
        expect.objectContaining({ code: "AGREEMENT.SIGNER_NOT_PARTY", ids: [fx.outsider], path: ["organisationId"] }),
      ],
    });
    // A unit of a party signs for nobody: the party itself signs.
    expect(codesOf(addSignature(buildAgreement(), buildSignature(fx.youthServices)))).toEqual([
      "AGREEMENT.SIGNER_NOT_PARTY",
    ]);
  });
});
