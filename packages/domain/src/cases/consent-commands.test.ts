import { describe, expect, it } from "vitest";
import type { Case, Consent } from "./case.js";
import type { CaseCommand } from "./case-commands.js";
import { caseInvariants } from "./case-invariants.js";
import { applyCaseCommand } from "./case-lifecycle.js";
import {
  accepted,
  activeCase,
  admittedCase,
  applyAll,
  buildCase,
  byClient,
  byGuardian,
  caseContext,
  consent,
  coreSeat,
  day,
  deepFreeze,
  guardian,
  invitedSeat,
  orgs,
  refusalCodes,
  staff,
} from "./case.fixture.js";

function apply(c: Case, command: CaseCommand) {
  return applyCaseCommand(deepFreeze(c), command, caseContext);
}

function record(given: Consent): CaseCommand {
  const { withdrawnOn: _withdrawnOn, ...rest } = given;
  return { type: "record-consent", consent: rest };
}

describe("record-consent", () => {
  it("records a consent of the client, not withdrawn", () => {
    const c = accepted(
      apply(
        buildCase(),
        record(consent("c-1", byClient, [orgs.school], day(0), { validUntil: day(100), form: "electronic" })),
      ),
    );
    expect(c.consents).toEqual([
      consent("c-1", byClient, [orgs.school], day(0), { validUntil: day(100), form: "electronic" }),
    ]);
    expect(c).toMatchObject({ status: "referred", version: 1 });
  });

  it("records a consent of a recorded guardian", () => {
    const c = accepted(
      apply(
        buildCase({ guardians: [guardian("g-1")] }),
        record(consent("c-1", byGuardian("g-1"), [orgs.school, orgs.childWelfare])),
      ),
    );
    expect(c.consents[0]?.giver).toEqual(byGuardian("g-1"));
  });

  it("refuses a consent id already used", () => {
    const c = applyAll(buildCase(), [record(consent("c-1", byClient, [orgs.school]))]);
    expect(refusalCodes(apply(c, record(consent("c-1", byClient, [orgs.childWelfare]))))).toEqual([
      "CASE.DUPLICATE_ID",
    ]);
  });

  it("refuses a consent of a guardian who is not recorded", () => {
    const result = apply(
      buildCase({ guardians: [guardian("g-1")] }),
      record(consent("c-1", byGuardian("g-2"), [orgs.school])),
    );
    expect(refusalCodes(result)).toEqual(["CASE.GUARDIAN_UNKNOWN"]);
    expect(result.ok ? [] : result.error[0]?.path).toEqual(["giver", "guardianId"]);
  });

  it("refuses a consent that expires before it is given, and accepts one that lasts a single day", () => {
    expect(
      refusalCodes(apply(buildCase(), record(consent("c-1", byClient, [orgs.school], day(2), { validUntil: day(1) })))),
    ).toEqual(["CASE.DATE_ORDER"]);
    expect(apply(buildCase(), record(consent("c-1", byClient, [orgs.school], day(2), { validUntil: day(2) }))).ok).toBe(
      true,
    );
  });

  it("is refused once the case has ended", () => {
    for (const status of ["declined", "closed"] as const) {
      expect(refusalCodes(apply(buildCase({ status }), record(consent("c-1", byClient, [orgs.school]))))).toEqual([
        "CASE.ILLEGAL_TRANSITION",
      ]);
    }
  });
});

describe("withdraw-consent", () => {
  const withConsent = () => buildCase({ consents: [consent("c-1", byClient, [orgs.school], day(2))] });

  it("withdraws from the given day", () => {
    const c = accepted(
      apply(withConsent(), { type: "withdraw-consent", consentId: "c-1", withdrawalId: "w-1", on: day(4) }),
    );
    expect(c.consents[0]?.withdrawnOn).toBe(day(4));
    expect(c.version).toBe(1);
  });

  it("accepts a withdrawal on the day the consent was given", () => {
    expect(
      apply(withConsent(), { type: "withdraw-consent", consentId: "c-1", withdrawalId: "w-1", on: day(2) }).ok,
    ).toBe(true);
  });

  it("refuses an unknown consent", () => {
    const result = apply(withConsent(), {
      type: "withdraw-consent",
      consentId: "c-x",
      withdrawalId: "w-1",
      on: day(4),
    });
    expect(refusalCodes(result)).toEqual(["CASE.NOT_FOUND"]);
    expect(result.ok ? [] : result.error[0]?.ids).toEqual(["case-test-1", "c-x"]);
  });

  it("refuses a second withdrawal", () => {
    const c = applyAll(withConsent(), [
      { type: "withdraw-consent", consentId: "c-1", withdrawalId: "w-1", on: day(4) },
    ]);
    const result = apply(c, { type: "withdraw-consent", consentId: "c-1", withdrawalId: "w-1", on: day(5) });
    expect(refusalCodes(result)).toEqual(["CONSENT.ALREADY_WITHDRAWN"]);
    expect(result.ok ? "" : result.error[0]?.message.en).toContain(day(4));
  });

  it("refuses a withdrawal before the consent was given", () => {
    expect(
      refusalCodes(
        apply(withConsent(), { type: "withdraw-consent", consentId: "c-1", withdrawalId: "w-1", on: day(1) }),
      ),
    ).toEqual(["CASE.DATE_ORDER"]);
  });

  it("is the client's right even after the case has ended", () => {
    for (const status of ["declined", "closed"] as const) {
      const c = buildCase({ status, consents: [consent("c-1", byClient, [orgs.school], day(2))] });
      expect(
        accepted(apply(c, { type: "withdraw-consent", consentId: "c-1", withdrawalId: "w-1", on: day(9) })).status,
      ).toBe(status);
    }
  });

  it("stops invitations from the day of withdrawal", () => {
    const consents = [consent("c-client", byClient, [orgs.school]), consent("c-g1", byGuardian("g-1"), [orgs.school])];
    const c = applyAll(admittedCase({ consents }), [
      { type: "withdraw-consent", consentId: "c-client", withdrawalId: "w-1", on: day(8) },
    ]);
    const plan = (plannedOn: string): CaseCommand => ({
      type: "plan-meeting",
      meetingId: "m-1",
      plannedOn,
      composition: [coreSeat(staff.police), invitedSeat(orgs.school)],
    });
    expect(apply(c, plan(day(7))).ok).toBe(true);
    expect(refusalCodes(apply(c, plan(day(8))))).toEqual(["CONSENT.MISSING"]);
  });

  it("keeps an active case within its invariants", () => {
    const c = applyAll(activeCase({ consents: [consent("c-1", byClient, [orgs.school])] }), [
      { type: "withdraw-consent", consentId: "c-1", withdrawalId: "w-1", on: day(6) },
    ]);
    expect(caseInvariants(c)).toEqual([]);
  });
});
