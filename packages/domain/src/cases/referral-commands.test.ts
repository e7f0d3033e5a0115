import { describe, expect, it } from "vitest";
import type { Case, Referral, ReferralStatus } from "./case.js";
import type { CaseCommand } from "./case-commands.js";
import { applyCaseCommand } from "./case-lifecycle.js";
import {
  accepted,
  activeCase,
  admittedCase,
  applyAll,
  caseContext,
  coreSeat,
  day,
  deepFreeze,
  orgs,
  refusalCodes,
  staff,
} from "./case.fixture.js";
import { finalReferralStatuses } from "./referral-commands.js";

function apply(c: Case, command: CaseCommand) {
  return applyCaseCommand(deepFreeze(c), command, caseContext);
}

/** A referral as `make-referral` takes it: only proposed or made. */
type NewReferral = Omit<Referral, "status"> & { status: "proposed" | "made" };

function referral(id: string, extra: Partial<NewReferral> = {}): NewReferral {
  return {
    id,
    meetingId: null,
    service: "leisure-activity",
    organisationId: orgs.youth,
    madeOn: day(6),
    status: "proposed",
    statusChangedOn: day(6),
    ...extra,
  };
}

function make(r: NewReferral): CaseCommand {
  return { type: "make-referral", referral: r };
}

describe("make-referral", () => {
  it("records a referral made in a held meeting, its status changed on the day made", () => {
    const c = accepted(
      apply(activeCase(), make(referral("r-1", { meetingId: "m-1", status: "made", statusChangedOn: day(30) }))),
    );
    expect(c.referrals).toEqual([
      { ...referral("r-1", { meetingId: "m-1", status: "made" }), statusChangedOn: day(6) },
    ]);
    expect(c.version).toBe(8);
  });

  it("records a referral made outside meetings in an admitted case", () => {
    expect(accepted(apply(admittedCase(), make(referral("r-1", { madeOn: day(3) })))).referrals).toHaveLength(1);
  });

  it("refuses a referral id already used", () => {
    const c = applyAll(activeCase(), [make(referral("r-1"))]);
    const result = apply(c, make(referral("r-1", { service: "housing" })));
    expect(refusalCodes(result)).toEqual(["CASE.DUPLICATE_ID"]);
  });

  it("refuses a referral before the admission", () => {
    expect(refusalCodes(apply(activeCase(), make(referral("r-1", { madeOn: day(2) }))))).toEqual(["CASE.DATE_ORDER"]);
  });

  it("refuses a meeting that has not been held, or does not exist", () => {
    const c = applyAll(activeCase(), [
      { type: "plan-meeting", meetingId: "m-2", plannedOn: day(9), composition: [coreSeat(staff.nurse)] },
    ]);
    const result = apply(c, make(referral("r-1", { meetingId: "m-2" })));
    expect(refusalCodes(result)).toEqual(["MEETING.NOT_HELD"]);
    expect(result.ok ? [] : result.error[0]?.path).toEqual(["meetingId"]);
    expect(refusalCodes(apply(c, make(referral("r-1", { meetingId: "m-x" }))))).toEqual(["MEETING.NOT_HELD"]);
  });

  it("is refused once the case is closed", () => {
    const closed = applyAll(activeCase(), [{ type: "close", on: day(6), reason: "goals-met" }]);
    expect(refusalCodes(apply(closed, make(referral("r-1"))))).toEqual(["CASE.ILLEGAL_TRANSITION"]);
  });
});

describe("update-referral", () => {
  const withReferral = () => applyAll(activeCase(), [make(referral("r-1"))]);

  it("moves a referral on and records the day", () => {
    const c = accepted(
      apply(withReferral(), { type: "update-referral", referralId: "r-1", status: "accepted", on: day(8) }),
    );
    expect(c.referrals[0]).toMatchObject({ status: "accepted", statusChangedOn: day(8) });
  });

  it("accepts a change on the same day as the previous one", () => {
    expect(apply(withReferral(), { type: "update-referral", referralId: "r-1", status: "made", on: day(6) }).ok).toBe(
      true,
    );
  });

  it("refuses an unknown referral", () => {
    expect(
      refusalCodes(apply(withReferral(), { type: "update-referral", referralId: "r-x", status: "made", on: day(8) })),
    ).toEqual(["CASE.NOT_FOUND"]);
  });

  it("refuses a change dated before the previous one", () => {
    expect(
      refusalCodes(apply(withReferral(), { type: "update-referral", referralId: "r-1", status: "made", on: day(5) })),
    ).toEqual(["CASE.DATE_ORDER"]);
  });

  it.each<ReferralStatus>(["completed", "declined", "cancelled"])("does not change a referral once %s", (status) => {
    const c = applyAll(withReferral(), [{ type: "update-referral", referralId: "r-1", status, on: day(8) }]);
    const result = apply(c, { type: "update-referral", referralId: "r-1", status: "started", on: day(9) });
    expect(refusalCodes(result)).toEqual(["REFERRAL.FINAL"]);
    expect(result.ok ? "" : result.error[0]?.message.en).toContain(status);
  });

  it("still updates after the case is closed", () => {
    const closed = applyAll(withReferral(), [{ type: "close", on: day(7), reason: "goals-met" }]);
    expect(
      accepted(apply(closed, { type: "update-referral", referralId: "r-1", status: "started", on: day(9) })).status,
    ).toBe("closed");
  });

  it("knows the final statuses", () => {
    expect(finalReferralStatuses).toEqual(["completed", "declined", "cancelled"]);
  });
});
