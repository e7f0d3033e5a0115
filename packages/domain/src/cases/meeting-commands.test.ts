import { describe, expect, it } from "vitest";
import type { Case, Participant } from "./case.js";
import type { CaseCommand } from "./case-commands.js";
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
  clientSeat,
  consent,
  coreSeat,
  day,
  deepFreeze,
  guardianSeat,
  invitedSeat,
  orgs,
  refusalCodes,
  responsibleWorkerSeat,
  staff,
} from "./case.fixture.js";
import { invitationRefusals } from "./meeting-commands.js";

const schoolConsents = [
  consent("c-client", byClient, [orgs.school]),
  consent("c-g1", byGuardian("g-1"), [orgs.school]),
];
const worker = { staffId: null, name: "Testi Vastuutyöntekijä", organisationId: orgs.childWelfare };
const record = { recordedOn: day(6), recordedBy: staff.social.id, inClientRecord: true, inStatistics: true };

function apply(c: Case, command: CaseCommand) {
  return applyCaseCommand(deepFreeze(c), command, caseContext);
}

function plan(meetingId: string, composition: Participant[], plannedOn = day(4)): CaseCommand {
  return { type: "plan-meeting", meetingId, plannedOn, composition };
}

/** Admitted case with consents for the school from the client and guardian g-1. */
function withSchoolConsent(): Case {
  return admittedCase({ consents: schoolConsents });
}

describe("plan-meeting", () => {
  it("plans a meeting of the core team", () => {
    const composition = [coreSeat(staff.police), coreSeat(staff.social), clientSeat(), guardianSeat("g-1")];
    const c = accepted(apply(admittedCase(), plan("m-1", composition)));
    expect(c.meetings).toEqual([
      {
        id: "m-1",
        plannedOn: day(4),
        status: "planned",
        heldOn: null,
        composition,
        attended: [],
        record: null,
        responsibleWorkerInformedOn: null,
        // Planned for a day before the fixtures' today: its seats give access from that day.
        composedOn: day(4),
        cancelledOn: null,
        startTime: null,
        durationMinutes: null,
        place: null,
        invitations: [],
      },
    ]);
    expect(c).toMatchObject({ status: "admitted", version: 6 });
  });

  it("refuses a meeting id already used", () => {
    const c = applyAll(admittedCase(), [plan("m-1", [coreSeat(staff.police)])]);
    expect(refusalCodes(apply(c, plan("m-1", [coreSeat(staff.nurse)])))).toEqual(["CASE.DUPLICATE_ID"]);
  });

  it("refuses a meeting planned before the admission", () => {
    expect(refusalCodes(apply(admittedCase(), plan("m-1", [coreSeat(staff.police)], day(2))))).toEqual([
      "CASE.DATE_ORDER",
    ]);
  });

  it("refuses a participant listed twice, pointing at the second", () => {
    const result = apply(
      admittedCase(),
      plan("m-1", [coreSeat(staff.police), coreSeat(staff.social, "p-staff-police")]),
    );
    expect(refusalCodes(result)).toEqual(["MEETING.DUPLICATE_PARTICIPANT"]);
    expect(result.ok ? [] : result.error[0]?.path).toEqual(["composition", 1]);
  });

  it("refuses a client or guardian with an organisation, and anyone else without one", () => {
    const clientWithOrg: Participant = { ...clientSeat(), organisationId: orgs.police };
    const invitedWithoutOrg: Participant = { ...invitedSeat(orgs.school), organisationId: null };
    const result = apply(admittedCase(), plan("m-1", [coreSeat(staff.police), clientWithOrg, invitedWithoutOrg]));
    expect(refusalCodes(result)).toEqual(["MEETING.PARTICIPANT_INVALID", "MEETING.PARTICIPANT_INVALID"]);
    expect(result.ok ? [] : result.error.map((v) => v.path)).toEqual([
      ["composition", 1, "organisationId"],
      ["composition", 2, "organisationId"],
    ]);
  });

  it("refuses a guardian who is not recorded in the case", () => {
    const result = apply(admittedCase(), plan("m-1", [coreSeat(staff.police), guardianSeat("g-7")]));
    expect(refusalCodes(result)).toEqual(["CASE.GUARDIAN_UNKNOWN"]);
    expect(result.ok ? [] : result.error[0]?.path).toEqual(["composition", 1, "guardianId"]);
  });

  it("refuses a party outside the core team without consent", () => {
    const result = apply(
      admittedCase({ consents: [schoolConsents[0]!] }),
      plan("m-1", [coreSeat(staff.police), invitedSeat(orgs.school)]),
    );
    expect(refusalCodes(result)).toEqual(["CONSENT.MISSING"]);
    expect(result.ok ? "" : result.error[0]?.message.en).toContain("from the parent");
  });

  it("invites a party outside the core team with every required consent", () => {
    const c = accepted(apply(withSchoolConsent(), plan("m-1", [coreSeat(staff.police), invitedSeat(orgs.school)])));
    expect(c.meetings).toHaveLength(1);
  });

  it("checks consent on the planned day", () => {
    const c = admittedCase({
      consents: [
        schoolConsents[0]!,
        consent("c-g1", byGuardian("g-1"), [orgs.school], day(1), { withdrawnOn: day(6) }),
      ],
    });
    expect(apply(c, plan("m-1", [invitedSeat(orgs.school)], day(5))).ok).toBe(true);
    expect(refusalCodes(apply(c, plan("m-1", [invitedSeat(orgs.school)], day(6))))).toEqual(["CONSENT.MISSING"]);
  });

  it("needs consent for the responsible social worker of a recorded client relationship too, as for anyone outside the core team", () => {
    const c = admittedCase({ existingClientships: [{ organisationId: orgs.childWelfare, responsibleWorker: worker }] });
    expect(refusalCodes(apply(c, plan("m-1", [coreSeat(staff.police), responsibleWorkerSeat()])))).toEqual([
      "CONSENT.MISSING",
      "CONSENT.MISSING",
    ]);
    const consented = admittedCase({
      existingClientships: [{ organisationId: orgs.childWelfare, responsibleWorker: worker }],
      consents: [
        consent("c-client", byClient, [orgs.childWelfare]),
        consent("c-g1", byGuardian("g-1"), [orgs.childWelfare]),
      ],
    });
    expect(apply(consented, plan("m-1", [coreSeat(staff.police), responsibleWorkerSeat()])).ok).toBe(true);
  });

  it("refuses a responsible-worker seat when no client relationship with that organisation is recorded", () => {
    const c = admittedCase({ existingClientships: [{ organisationId: orgs.school, responsibleWorker: null }] });
    expect(refusalCodes(apply(c, plan("m-1", [coreSeat(staff.police), responsibleWorkerSeat()])))).toEqual([
      "MEETING.NO_CLIENTSHIP",
      "CONSENT.MISSING",
      "CONSENT.MISSING",
    ]);
  });

  it("seats a responsible worker only on a day the relationship is in force: begun, and not yet ended", () => {
    const consents = [
      consent("c-client", byClient, [orgs.childWelfare]),
      consent("c-g1", byGuardian("g-1"), [orgs.childWelfare]),
    ];
    const c = admittedCase({
      existingClientships: [{ organisationId: orgs.childWelfare, since: day(5), responsibleWorker: worker }],
      consents,
    });
    const seat = [coreSeat(staff.police), responsibleWorkerSeat()];
    expect(refusalCodes(apply(c, plan("m-1", seat, day(4))))).toEqual(["MEETING.NO_CLIENTSHIP"]);
    expect(apply(c, plan("m-1", seat, day(5))).ok).toBe(true);
    const ended = accepted(
      applyCaseCommand(
        c,
        { type: "end-existing-clientship", organisationId: orgs.childWelfare, endedOn: day(8) },
        caseContext,
      ),
    );
    expect(apply(ended, plan("m-1", seat, day(7))).ok).toBe(true);
    const after = apply(ended, plan("m-1", seat, day(8)));
    expect(refusalCodes(after)).toEqual(["MEETING.NO_CLIENTSHIP"]);
    expect(after.ok ? null : after.error[0]?.message.en).toContain(`in force on the meeting's day ${day(8)}`);
  });

  it("needs consent for others from the organisation of the responsible worker", () => {
    const c = admittedCase({ existingClientships: [{ organisationId: orgs.childWelfare, responsibleWorker: worker }] });
    const result = apply(c, plan("m-1", [responsibleWorkerSeat(), invitedSeat(orgs.childWelfare)]));
    expect(refusalCodes(result)).toEqual(["CONSENT.MISSING", "CONSENT.MISSING"]);
  });

  it("plans in an active case too", () => {
    expect(accepted(apply(activeCase(), plan("m-2", [coreSeat(staff.nurse)], day(12)))).meetings).toHaveLength(2);
  });
});

describe("record-meeting-held", () => {
  const planned = () =>
    applyAll(withSchoolConsent(), [
      plan("m-1", [coreSeat(staff.police), coreSeat(staff.social), invitedSeat(orgs.school), clientSeat()]),
    ]);

  it("records attendance, and the first held meeting activates the case", () => {
    const c = accepted(
      apply(planned(), {
        type: "record-meeting-held",
        meetingId: "m-1",
        heldOn: day(5),
        attended: ["p-staff-police", "p-org-test-school"],
      }),
    );
    expect(c).toMatchObject({ status: "active", activatedOn: day(5), version: 7 });
    expect(c.meetings[0]).toMatchObject({
      status: "held",
      heldOn: day(5),
      attended: ["p-staff-police", "p-org-test-school"],
    });
  });

  it("keeps the activation day of an active case", () => {
    const c = applyAll(activeCase(), [plan("m-2", [coreSeat(staff.nurse)], day(8))]);
    const held = accepted(apply(c, { type: "record-meeting-held", meetingId: "m-2", heldOn: day(9), attended: [] }));
    expect(held).toMatchObject({ status: "active", activatedOn: day(5) });
  });

  it("refuses an unknown meeting", () => {
    const result = apply(planned(), { type: "record-meeting-held", meetingId: "m-x", heldOn: day(5), attended: [] });
    expect(refusalCodes(result)).toEqual(["CASE.NOT_FOUND"]);
    expect(result.ok ? [] : result.error[0]?.ids).toEqual(["case-test-1", "m-x"]);
  });

  it("refuses a meeting already held or cancelled", () => {
    expect(
      refusalCodes(
        apply(activeCase(), { type: "record-meeting-held", meetingId: "m-1", heldOn: day(6), attended: [] }),
      ),
    ).toEqual(["MEETING.NOT_PLANNED"]);
    const cancelled = applyAll(planned(), [{ type: "cancel-meeting", meetingId: "m-1", on: day(4) }]);
    const result = apply(cancelled, { type: "record-meeting-held", meetingId: "m-1", heldOn: day(6), attended: [] });
    expect(refusalCodes(result)).toEqual(["MEETING.NOT_PLANNED"]);
    expect(result.ok ? "" : result.error[0]?.message.en).toBe("The meeting is already cancelled.");
  });

  it("refuses an attendee who is not in the composition", () => {
    const result = apply(planned(), {
      type: "record-meeting-held",
      meetingId: "m-1",
      heldOn: day(5),
      attended: ["p-staff-police", "p-stranger"],
    });
    expect(refusalCodes(result)).toEqual(["MEETING.ATTENDEE_UNKNOWN"]);
    expect(result.ok ? [] : result.error[0]?.ids).toEqual(["case-test-1", "p-stranger"]);
  });

  it("refuses a held day before the admission", () => {
    expect(
      refusalCodes(apply(planned(), { type: "record-meeting-held", meetingId: "m-1", heldOn: day(2), attended: [] })),
    ).toEqual(["CASE.DATE_ORDER"]);
  });

  it("keeps out a party whose consent was withdrawn after planning", () => {
    const c = applyAll(planned(), [{ type: "withdraw-consent", consentId: "c-g1", withdrawalId: "w-1", on: day(5) }]);
    const present = apply(c, {
      type: "record-meeting-held",
      meetingId: "m-1",
      heldOn: day(5),
      attended: ["p-staff-police", "p-org-test-school"],
    });
    expect(refusalCodes(present)).toEqual(["CONSENT.MISSING"]);
    const absent = apply(c, {
      type: "record-meeting-held",
      meetingId: "m-1",
      heldOn: day(5),
      attended: ["p-staff-police", "p-staff-social"],
    });
    expect(absent.ok).toBe(true);
  });

  it("is refused once the case is closed", () => {
    const c = applyAll(activeCase(), [
      plan("m-2", [coreSeat(staff.nurse)], day(8)),
      { type: "close", on: day(9), reason: "goals-met" },
    ]);
    expect(
      refusalCodes(apply(c, { type: "record-meeting-held", meetingId: "m-2", heldOn: day(9), attended: [] })),
    ).toEqual(["CASE.ILLEGAL_TRANSITION"]);
  });
});

describe("cancel-meeting", () => {
  it("cancels a planned meeting", () => {
    const c = applyAll(admittedCase(), [plan("m-1", [coreSeat(staff.police)])]);
    const cancelled = accepted(apply(c, { type: "cancel-meeting", meetingId: "m-1", on: day(4) }));
    expect(cancelled.meetings[0]?.status).toBe("cancelled");
    expect(cancelled.status).toBe("admitted");
  });

  it("refuses an unknown meeting", () => {
    expect(refusalCodes(apply(activeCase(), { type: "cancel-meeting", meetingId: "m-x", on: day(6) }))).toEqual([
      "CASE.NOT_FOUND",
    ]);
  });

  it("refuses a meeting that is not planned", () => {
    expect(refusalCodes(apply(activeCase(), { type: "cancel-meeting", meetingId: "m-1", on: day(6) }))).toEqual([
      "MEETING.NOT_PLANNED",
    ]);
  });
});

describe("record-meeting-record", () => {
  it("records a held meeting", () => {
    const c = accepted(apply(activeCase(), { type: "record-meeting-record", meetingId: "m-1", record }));
    expect(c.meetings[0]?.record).toEqual({ ...record, amendments: [] });
  });

  it("accepts a record made on the day of the meeting", () => {
    expect(
      apply(activeCase(), {
        type: "record-meeting-record",
        meetingId: "m-1",
        record: { ...record, recordedOn: day(5) },
      }).ok,
    ).toBe(true);
  });

  it("still records after the case is closed", () => {
    const closed = applyAll(activeCase(), [{ type: "close", on: day(5), reason: "goals-met" }]);
    expect(accepted(apply(closed, { type: "record-meeting-record", meetingId: "m-1", record })).status).toBe("closed");
  });

  it("refuses an unknown meeting", () => {
    expect(refusalCodes(apply(activeCase(), { type: "record-meeting-record", meetingId: "m-x", record }))).toEqual([
      "CASE.NOT_FOUND",
    ]);
  });

  it("refuses a meeting that has not been held", () => {
    const c = applyAll(activeCase(), [plan("m-2", [coreSeat(staff.nurse)], day(8))]);
    expect(refusalCodes(apply(c, { type: "record-meeting-record", meetingId: "m-2", record }))).toEqual([
      "MEETING.NOT_HELD",
    ]);
  });

  it("writes a record once", () => {
    const c = applyAll(activeCase(), [{ type: "record-meeting-record", meetingId: "m-1", record }]);
    const result = apply(c, {
      type: "record-meeting-record",
      meetingId: "m-1",
      record: { ...record, recordedOn: day(7) },
    });
    expect(refusalCodes(result)).toEqual(["MEETING.ALREADY_RECORDED"]);
    expect(result.ok ? "" : result.error[0]?.message.en).toContain(day(6));
  });

  it("refuses a record dated before the meeting", () => {
    expect(
      refusalCodes(
        apply(activeCase(), {
          type: "record-meeting-record",
          meetingId: "m-1",
          record: { ...record, recordedOn: day(4) },
        }),
      ),
    ).toEqual(["CASE.DATE_ORDER"]);
  });
});

describe("inform-responsible-worker", () => {
  const withWorker = () =>
    activeCase({ existingClientships: [{ organisationId: orgs.childWelfare, responsibleWorker: worker }] });

  it("records when the responsible worker was informed", () => {
    const c = accepted(apply(withWorker(), { type: "inform-responsible-worker", meetingId: "m-1", on: day(5) }));
    expect(c.meetings[0]?.responsibleWorkerInformedOn).toBe(day(5));
  });

  it("still informs after the case is closed", () => {
    const closed = applyAll(withWorker(), [{ type: "close", on: day(6), reason: "goals-met" }]);
    expect(apply(closed, { type: "inform-responsible-worker", meetingId: "m-1", on: day(7) }).ok).toBe(true);
  });

  it("refuses an unknown meeting", () => {
    expect(
      refusalCodes(apply(withWorker(), { type: "inform-responsible-worker", meetingId: "m-x", on: day(5) })),
    ).toEqual(["CASE.NOT_FOUND"]);
  });

  it("refuses when no responsible worker is recorded", () => {
    expect(
      refusalCodes(apply(activeCase(), { type: "inform-responsible-worker", meetingId: "m-1", on: day(5) })),
    ).toEqual(["CASE.RESPONSIBLE_WORKER_MISSING"]);
    const unnamed = activeCase({ existingClientships: [{ organisationId: orgs.childWelfare }] });
    expect(refusalCodes(apply(unnamed, { type: "inform-responsible-worker", meetingId: "m-1", on: day(5) }))).toEqual([
      "CASE.RESPONSIBLE_WORKER_MISSING",
    ]);
  });
});

describe("invitationRefusals", () => {
  const c = buildCase({ status: "active", guardians: [{ id: "g-1", relationship: "parent" }] });

  it("skips the client and guardians, and checks each organisation once", () => {
    const found = invitationRefusals(
      c,
      [clientSeat(), guardianSeat("g-1"), invitedSeat(orgs.school, "p-a"), invitedSeat(orgs.school, "p-b")],
      day(5),
      caseContext,
    );
    expect(found.map((v) => v.code)).toEqual(["CONSENT.MISSING", "CONSENT.MISSING"]);
  });

  it("finds nothing for the core team", () => {
    expect(invitationRefusals(c, [coreSeat(staff.police), coreSeat(staff.youth)], day(5), caseContext)).toEqual([]);
  });
});
