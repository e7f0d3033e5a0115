import { describe, expect, it } from "vitest";
import type { Case, Meeting } from "./case.js";
import { caseInvariants } from "./case-invariants.js";
import {
  activeCase,
  admittedCase,
  applyAll,
  buildCase,
  byClient,
  byGuardian,
  consent,
  coreSeat,
  day,
  decision,
  fullSelection,
  guardian,
  invitedSeat,
  orgs,
  staff,
} from "./case.fixture.js";

function codes(c: Case): string[] {
  return caseInvariants(c).map((v) => v.code);
}

const heldMeeting: Meeting = {
  id: "m-2",
  plannedOn: day(6),
  status: "held",
  heldOn: day(7),
  composition: [coreSeat(staff.police), invitedSeat(orgs.school)],
  attended: ["p-staff-police", "p-org-test-school"],
  record: null,
  responsibleWorkerInformedOn: null,
  composedOn: null,
  cancelledOn: null,
  startTime: null,
  durationMinutes: null,
  place: null,
  invitations: [],
};

function withMeeting(c: Case, meeting: Partial<Meeting>): Case {
  return { ...c, meetings: [...c.meetings, { ...heldMeeting, ...meeting }] };
}

describe("caseInvariants of cases built by the commands", () => {
  it("finds nothing in a referred, admitted, active, declined or closed case", () => {
    const declined = applyAll(buildCase(), [
      { type: "start-selection", on: day(1) },
      ...fullSelection(day(2), staff.police).map((d) => ({ type: "record-selection-decision" as const, decision: d })),
      { type: "decline", on: day(3) },
    ]);
    const closed = applyAll(activeCase(), [{ type: "close", on: day(9), reason: "goals-met" }]);
    for (const c of [buildCase(), admittedCase(), activeCase(), declined, closed])
      expect(caseInvariants(c)).toEqual([]);
  });
});

describe("CASE.STATE_INCONSISTENT", () => {
  it.each<[string, Case, string]>([
    ["referred with a selection start", { ...buildCase(), selectionStartedOn: day(1) }, "selectionStartedOn"],
    ["in selection without its start", { ...buildCase(), status: "in-selection" }, "selectionStartedOn"],
    [
      "in selection with a decision day",
      { ...buildCase(), status: "in-selection", selectionStartedOn: day(1), decidedOn: day(2) },
      "decidedOn",
    ],
    ["admitted without a decision day", { ...admittedCase(), decidedOn: null }, "decidedOn"],
    ["admitted with an activation day", { ...admittedCase(), activatedOn: day(4) }, "activatedOn"],
    ["active without an activation day", { ...activeCase(), activatedOn: null }, "activatedOn"],
    ["active with a closing day", { ...activeCase(), closedOn: day(9), closeReason: "other" }, "closedOn/closeReason"],
    ["closed without a reason", { ...activeCase(), status: "closed", closedOn: day(9) }, "closedOn/closeReason"],
  ])("is found for a case %s", (_label, c, field) => {
    const found = caseInvariants(c);
    expect(found.map((v) => v.code)).toEqual(["CASE.STATE_INCONSISTENT"]);
    expect(found[0]?.message.en).toContain(field);
    expect(found[0]?.severity).toBe("error");
    expect(found[0]?.ids).toEqual(["case-test-1"]);
  });

  it("lists every inconsistent field in one finding", () => {
    const found = caseInvariants({ ...buildCase(), selectionStartedOn: day(1), decidedOn: day(2) });
    expect(found.map((v) => v.message.en)).toEqual([
      "Fields inconsistent with the case's status (referred): selectionStartedOn, decidedOn.",
    ]);
  });

  it("accepts a closed case with or without an activation day", () => {
    const closedActive = applyAll(activeCase(), [{ type: "close", on: day(9), reason: "goals-met" }]);
    expect(codes({ ...closedActive, activatedOn: null })).toEqual([]);
  });
});

describe("CASE.DATE_ORDER", () => {
  it("is found when the lifecycle dates are out of order", () => {
    expect(codes({ ...admittedCase(), selectionStartedOn: day(-1) })).toEqual(["CASE.DATE_ORDER"]);
    expect(codes({ ...activeCase(), status: "closed", closedOn: day(4), closeReason: "other" })).toContain(
      "CASE.DATE_ORDER",
    );
  });

  it("is found for a meeting planned before the admission", () => {
    const found = caseInvariants(
      withMeeting(admittedCase(), {
        status: "planned",
        heldOn: null,
        plannedOn: day(2),
        composition: [coreSeat(staff.police)],
      }),
    );
    expect(found.map((v) => [v.code, v.ids])).toEqual([["CASE.DATE_ORDER", ["case-test-1", "m-2"]]]);
  });

  it("is found for a meeting of a case that was never admitted", () => {
    const c = { ...buildCase({ status: "in-selection", selectionStartedOn: day(1) }) };
    expect(codes(withMeeting(c, { status: "cancelled", heldOn: null }))).toEqual(["CASE.DATE_ORDER"]);
  });
});

describe("selection", () => {
  it("finds an admission without all three professions", () => {
    const c = { ...admittedCase(), selection: [decision(staff.police), decision(staff.social)] };
    expect(codes(c)).toEqual(["CASE.SELECTION_INCOMPLETE"]);
    expect(codes({ ...c, status: "declined", selection: [decision(staff.police, "decline")] })).toEqual([
      "CASE.SELECTION_INCOMPLETE",
    ]);
  });

  it("finds an admission against someone's decline", () => {
    expect(codes({ ...activeCase(), selection: fullSelection(day(2), staff.nurse) })).toEqual([
      "CASE.SELECTION_NOT_UNANIMOUS",
    ]);
  });

  it("accepts a decline in a declined case", () => {
    const c = {
      ...buildCase(),
      status: "declined" as const,
      selectionStartedOn: day(1),
      decidedOn: day(3),
      selection: fullSelection(day(2), staff.nurse),
    };
    expect(codes(c)).toEqual([]);
  });
});

describe("MEETING.STATE_INCONSISTENT", () => {
  const core = { composition: [coreSeat(staff.police)], attended: [] };

  it.each<[string, Case]>([
    ["held without a held day", withMeeting(activeCase(), { ...core, heldOn: null })],
    ["planned with a held day", withMeeting(activeCase(), { ...core, status: "planned" })],
    ["held before the admission", withMeeting(activeCase(), { ...core, plannedOn: day(3), heldOn: day(2) })],
    [
      "held after the case closed",
      withMeeting(applyAll(activeCase(), [{ type: "close", on: day(6), reason: "other" }]), { ...core }),
    ],
    [
      "recorded without being held",
      withMeeting(activeCase(), {
        ...core,
        status: "cancelled",
        heldOn: null,
        record: {
          recordedOn: day(8),
          recordedBy: staff.police.id,
          inClientRecord: true,
          inStatistics: true,
          amendments: [],
        },
      }),
    ],
    [
      "recorded before it was held",
      withMeeting(activeCase(), {
        ...core,
        record: {
          recordedOn: day(6),
          recordedBy: staff.police.id,
          inClientRecord: true,
          inStatistics: true,
          amendments: [],
        },
      }),
    ],
    [
      "planned in a closed case",
      withMeeting(applyAll(activeCase(), [{ type: "close", on: day(6), reason: "other" }]), {
        ...core,
        status: "planned",
        heldOn: null,
      }),
    ],
  ])("is found for a meeting %s", (_label, c) => {
    const found = caseInvariants(c);
    expect(found.map((v) => [v.code, v.ids])).toEqual([["MEETING.STATE_INCONSISTENT", ["case-test-1", "m-2"]]]);
  });
});

describe("CONSENT.STATE_INCONSISTENT", () => {
  it("is found for a consent withdrawn before it was given", () => {
    const c = buildCase({ consents: [consent("c-1", byClient, [orgs.school], day(3), { withdrawnOn: day(2) })] });
    expect(caseInvariants(c).map((v) => [v.code, v.ids])).toEqual([
      ["CONSENT.STATE_INCONSISTENT", ["case-test-1", "c-1"]],
    ]);
  });

  it("is found for a consent of a guardian who is not recorded", () => {
    expect(codes(buildCase({ consents: [consent("c-1", byGuardian("g-9"), [orgs.school])] }))).toEqual([
      "CONSENT.STATE_INCONSISTENT",
    ]);
  });
});

describe("consent at a held meeting", () => {
  // Who must consent can change after a meeting (a guardian recorded later, a backdated withdrawal),
  // so this is a finding of checkCase, not an invariant; see check-case.test.ts.
  it("is not an invariant", () => {
    expect(codes(withMeeting(activeCase({ consents: [consent("c-1", byClient, [orgs.school])] }), {}))).toEqual([]);
  });

  it("stays within the invariants when a guardian with custody is recorded after a meeting held on consent", () => {
    const consents = [consent("c-1", byClient, [orgs.school]), consent("c-2", byGuardian("g-1"), [orgs.school])];
    const held = applyAll(admittedCase({ consents }), [
      {
        type: "plan-meeting",
        meetingId: "m-1",
        plannedOn: day(4),
        composition: [coreSeat(staff.police), invitedSeat(orgs.school)],
      },
      { type: "record-meeting-held", meetingId: "m-1", heldOn: day(5), attended: ["p-org-test-school"] },
    ]);
    const later = applyAll(held, [{ type: "add-guardian", guardian: guardian("g-3") }]);
    expect(caseInvariants(later)).toEqual([]);
  });

  it("stays within the invariants when a consent is withdrawn from a day before a meeting held on it", () => {
    const consents = [consent("c-1", byClient, [orgs.school]), consent("c-2", byGuardian("g-1"), [orgs.school])];
    const later = applyAll(admittedCase({ consents }), [
      {
        type: "plan-meeting",
        meetingId: "m-1",
        plannedOn: day(4),
        composition: [coreSeat(staff.police), invitedSeat(orgs.school)],
      },
      { type: "record-meeting-held", meetingId: "m-1", heldOn: day(5), attended: ["p-org-test-school"] },
      { type: "withdraw-consent", consentId: "c-2", withdrawalId: "w-1", on: day(3) },
    ]);
    expect(caseInvariants(later)).toEqual([]);
  });
});
