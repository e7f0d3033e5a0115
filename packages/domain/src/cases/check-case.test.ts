import { describe, expect, it } from "vitest";
import type { Case, CaseInput, MeetingRecord } from "./case.js";
import type { CaseCommand } from "./case-commands.js";
import { type CheckCaseOptions, checkCase, defaultRecordingGraceDays } from "./check-case.js";
import {
  activeCase,
  applyAll,
  bornYearsBefore,
  buildCase,
  byClient,
  byGuardian,
  caseContext,
  clientSeat,
  consent,
  coreOrganisationIds,
  coreSeat,
  day,
  guardian,
  invitedSeat,
  orgs,
  responsibleWorkerSeat,
  staff,
} from "./case.fixture.js";

const record: Omit<MeetingRecord, "amendments"> = {
  recordedOn: day(6),
  recordedBy: staff.social.id,
  inClientRecord: true,
  inStatistics: true,
};
const worker = { staffId: null, name: "Testi Vastuutyöntekijä", organisationId: orgs.childWelfare };

function options(asOf: string, extra: Partial<CheckCaseOptions> = {}): CheckCaseOptions {
  return { ...caseContext, asOf, ...extra };
}

/** Codes and severities found on `asOf`. */
function findings(c: Case, asOf: string, extra: Partial<CheckCaseOptions> = {}): [string, string][] {
  return checkCase(c, options(asOf, extra)).map((v) => [v.code, v.severity]);
}

/** An active case whose meeting m-1 (day 5) is recorded on day 6. */
function recordedCase(overrides: Partial<CaseInput> = {}): Case {
  return applyAll(activeCase(overrides), [{ type: "record-meeting-record", meetingId: "m-1", record }]);
}

function planM2(plannedOn: string, composition = [coreSeat(staff.nurse), coreSeat(staff.youth)]): CaseCommand {
  return { type: "plan-meeting", meetingId: "m-2", plannedOn, composition };
}

describe("checkCase", () => {
  it("finds nothing in a well-kept case", () => {
    expect(checkCase(recordedCase(), options(day(60)))).toEqual([]);
  });

  it("includes the case invariants", () => {
    expect(findings({ ...recordedCase(), activatedOn: null }, day(6))).toEqual([["CASE.STATE_INCONSISTENT", "error"]]);
  });

  describe("CASE.MEETING_UNRECORDED", () => {
    it("waits the default grace of 7 days: day 7 after the meeting is on time, day 8 is late", () => {
      expect(defaultRecordingGraceDays).toBe(7);
      expect(findings(activeCase(), day(5 + 7))).toEqual([]);
      const late = checkCase(activeCase(), options(day(5 + 8)));
      expect(late.map((v) => [v.code, v.severity, v.ids])).toEqual([
        ["CASE.MEETING_UNRECORDED", "error", ["case-test-1", "m-1"]],
      ]);
      expect(late[0]?.message.en).toContain(day(5));
    });

    it("uses the grace days given", () => {
      expect(findings(activeCase(), day(7), { recordingGraceDays: 2 })).toEqual([]);
      expect(findings(activeCase(), day(8), { recordingGraceDays: 2 })).toEqual([["CASE.MEETING_UNRECORDED", "error"]]);
    });

    it("is not found once the meeting is recorded, however late", () => {
      expect(findings(recordedCase(), day(400))).toEqual([]);
    });

    it("is still found after the case is closed", () => {
      const closed = applyAll(activeCase(), [{ type: "close", on: day(6), reason: "goals-met" }]);
      expect(findings(closed, day(30))).toEqual([["CASE.MEETING_UNRECORDED", "error"]]);
    });
  });

  it("warns about a record kept in only one of the client and statistics records", () => {
    for (const partial of [{ inClientRecord: false }, { inStatistics: false }]) {
      const c = applyAll(activeCase(), [
        { type: "record-meeting-record", meetingId: "m-1", record: { ...record, ...partial } },
      ]);
      expect(findings(c, day(60))).toEqual([["CASE.RECORD_INCOMPLETE", "warning"]]);
    }
  });

  describe("CASE.PLANNED_MEETING_OVERDUE", () => {
    it("warns when a planned meeting is more than the grace days past", () => {
      const c = applyAll(recordedCase(), [planM2(day(8))]);
      expect(findings(c, day(15))).toEqual([]);
      const overdue = checkCase(c, options(day(16)));
      expect(overdue.map((v) => [v.code, v.severity, v.ids])).toEqual([
        ["CASE.PLANNED_MEETING_OVERDUE", "warning", ["case-test-1", "m-2"]],
      ]);
    });

    it("does not warn about a cancelled meeting", () => {
      const c = applyAll(recordedCase(), [planM2(day(8)), { type: "cancel-meeting", meetingId: "m-2", on: day(7) }]);
      expect(findings(c, day(60))).toEqual([]);
    });
  });

  describe("CASE.COMPOSITION_SINGLE_PROFESSION", () => {
    it("warns about a meeting of one profession; the client and guardians do not count", () => {
      const c = applyAll(recordedCase(), [
        planM2(day(8), [coreSeat(staff.social), coreSeat(staff.social2), clientSeat()]),
      ]);
      const found = checkCase(c, options(day(9)));
      expect(found.map((v) => [v.code, v.severity, v.ids])).toEqual([
        ["CASE.COMPOSITION_SINGLE_PROFESSION", "warning", ["case-test-1", "m-2"]],
      ]);
    });

    it("counts a profession from outside the core team", () => {
      const c = recordedCase({
        existingClientships: [{ organisationId: orgs.childWelfare, responsibleWorker: worker }],
        consents: [
          consent("c-cw-client", byClient, [orgs.childWelfare, orgs.school]),
          consent("c-cw-g1", byGuardian("g-1"), [orgs.childWelfare, orgs.school]),
        ],
      });
      const planned = applyAll(c, [
        { type: "inform-responsible-worker", meetingId: "m-1", on: day(4) },
        planM2(day(8), [coreSeat(staff.social), { ...responsibleWorkerSeat(), profession: "psychologist" }]),
      ]);
      expect(findings(planned, day(9))).toEqual([]);
    });

    it("ignores a cancelled meeting of one profession", () => {
      const c = applyAll(recordedCase(), [
        planM2(day(8), [coreSeat(staff.nurse)]),
        { type: "cancel-meeting", meetingId: "m-2", on: day(7) },
      ]);
      expect(findings(c, day(9))).toEqual([]);
    });
  });

  describe("responsible social worker", () => {
    it("is required when the client is a client of another organisation", () => {
      const c = recordedCase({ existingClientships: [{ organisationId: orgs.childWelfare }] });
      const found = checkCase(c, options(day(9)));
      expect(found.map((v) => [v.code, v.severity, v.ids])).toEqual([
        ["CASE.RESPONSIBLE_WORKER_MISSING", "error", ["case-test-1", orgs.childWelfare]],
      ]);
    });

    it("must attend or be informed of each held meeting", () => {
      const c = recordedCase({
        existingClientships: [{ organisationId: orgs.childWelfare, responsibleWorker: worker }],
      });
      const found = checkCase(c, options(day(9)));
      expect(found.map((v) => [v.code, v.severity, v.ids])).toEqual([
        ["CASE.RESPONSIBLE_WORKER_NOT_INVOLVED", "error", ["case-test-1", "m-1"]],
      ]);
      expect(found[0]?.message.en).toContain(worker.name);
    });

    it("is satisfied when informed", () => {
      const c = applyAll(
        recordedCase({ existingClientships: [{ organisationId: orgs.childWelfare, responsibleWorker: worker }] }),
        [{ type: "inform-responsible-worker", meetingId: "m-1", on: day(4) }],
      );
      expect(findings(c, day(9))).toEqual([]);
    });

    it("is satisfied when present, not when only invited", () => {
      const withConsents = {
        consents: [
          consent("c-cw-client", byClient, [orgs.childWelfare, orgs.school]),
          consent("c-cw-g1", byGuardian("g-1"), [orgs.childWelfare, orgs.school]),
        ],
      };
      const clientship = { organisationId: orgs.childWelfare, responsibleWorker: worker };
      const planned = applyAll(recordedCase({ existingClientships: [clientship], ...withConsents }), [
        { type: "inform-responsible-worker", meetingId: "m-1", on: day(4) },
        planM2(day(8), [coreSeat(staff.nurse), responsibleWorkerSeat()]),
      ]);
      const held = (attended: string[]) =>
        applyAll(planned, [
          { type: "record-meeting-held", meetingId: "m-2", heldOn: day(8), attended },
          { type: "record-meeting-record", meetingId: "m-2", record: { ...record, recordedOn: day(8) } },
        ]);
      expect(findings(held(["p-staff-nurse", "p-responsible-worker"]), day(9))).toEqual([]);
      expect(findings(held(["p-staff-nurse"]), day(9))).toEqual([["CASE.RESPONSIBLE_WORKER_NOT_INVOLVED", "error"]]);
    });

    it("does not count a worker of another organisation", () => {
      const c = recordedCase({
        existingClientships: [
          { organisationId: orgs.childWelfare, responsibleWorker: worker },
          { organisationId: orgs.school, responsibleWorker: { ...worker, organisationId: orgs.school } },
        ],
        consents: [
          consent("c-cw-client", byClient, [orgs.childWelfare, orgs.school]),
          consent("c-cw-g1", byGuardian("g-1"), [orgs.childWelfare, orgs.school]),
        ],
      });
      const withSchoolWorker = applyAll(c, [
        planM2(day(8), [coreSeat(staff.nurse), responsibleWorkerSeat(orgs.school, "p-school-worker")]),
        { type: "record-meeting-held", meetingId: "m-2", heldOn: day(8), attended: ["p-school-worker"] },
      ]);
      const m2 = checkCase(withSchoolWorker, options(day(9))).filter((v) => v.ids.includes("m-2"));
      expect(m2.map((v) => v.code)).toEqual(["CASE.RESPONSIBLE_WORKER_NOT_INVOLVED"]);
    });

    it("skips a held meeting without a held day when the relationship has a start (the invariants report that meeting)", () => {
      const c = recordedCase({
        existingClientships: [{ organisationId: orgs.childWelfare, since: day(0), responsibleWorker: worker }],
      });
      const broken = { ...c, meetings: c.meetings.map((m) => ({ ...m, heldOn: null, record: null })) };
      expect(findings(broken, day(9))).toEqual([["MEETING.STATE_INCONSISTENT", "error"]]);
    });

    it("concerns only meetings held before the client relationship ended", () => {
      const c = recordedCase({
        existingClientships: [{ organisationId: orgs.childWelfare, responsibleWorker: worker, endedOn: day(5) }],
      });
      expect(findings(c, day(9))).toEqual([]);
      const open = recordedCase({
        existingClientships: [{ organisationId: orgs.childWelfare, responsibleWorker: worker, endedOn: day(6) }],
      });
      expect(findings(open, day(9)).map(([code]) => code)).toEqual(["CASE.RESPONSIBLE_WORKER_NOT_INVOLVED"]);
    });

    it("concerns only meetings since the client relationship began", () => {
      const c = recordedCase({
        existingClientships: [{ organisationId: orgs.childWelfare, since: day(6), responsibleWorker: worker }],
      });
      expect(findings(c, day(9))).toEqual([]);
    });
  });

  describe("CASE.GUARDIAN_MISSING", () => {
    it("warns about an open case of a minor without a guardian with custody", () => {
      expect(findings(buildCase(), day(1))).toEqual([["CASE.GUARDIAN_MISSING", "warning"]]);
      expect(findings(buildCase({ guardians: [guardian("g-1", false)] }), day(1))).toEqual([
        ["CASE.GUARDIAN_MISSING", "warning"],
      ]);
    });

    it("does not warn for an adult or a case that has ended", () => {
      expect(
        findings(buildCase({ client: { id: "client-test-1", birthDate: bornYearsBefore(day(1), 18) } }), day(1)),
      ).toEqual([]);
      expect(
        findings({ ...buildCase(), status: "declined", selectionStartedOn: day(1), decidedOn: day(2) }, day(3)).map(
          ([code]) => code,
        ),
      ).not.toContain("CASE.GUARDIAN_MISSING");
    });

    it("uses the age on the day of the check", () => {
      const c = buildCase({ client: { id: "client-test-1", birthDate: bornYearsBefore(day(10), 18) } });
      expect(findings(c, day(9))).toEqual([["CASE.GUARDIAN_MISSING", "warning"]]);
      expect(findings(c, day(10))).toEqual([]);
    });
  });

  describe("CASE.CHILD_WELFARE_NOTIFICATION_MISSING", () => {
    const police = { referralSource: "police" as const, guardians: [guardian("g-1")] };

    it("warns when the police referred a minor and no notification is recorded", () => {
      expect(findings(buildCase(police), day(1))).toEqual([["CASE.CHILD_WELFARE_NOTIFICATION_MISSING", "warning"]]);
    });

    it("does not warn with a notification, for an adult, or for another referral source", () => {
      expect(
        findings(
          buildCase({ ...police, childWelfareNotification: { madeOn: day(0), organisationId: orgs.police } }),
          day(1),
        ),
      ).toEqual([]);
      expect(
        findings(
          buildCase({ ...police, client: { id: "client-test-1", birthDate: bornYearsBefore(day(0), 18) } }),
          day(1),
        ),
      ).toEqual([]);
      expect(findings(buildCase({ guardians: [guardian("g-1")] }), day(1))).toEqual([]);
    });

    it("uses the age on the referral day", () => {
      const c = buildCase({ ...police, client: { id: "client-test-1", birthDate: bornYearsBefore(day(1), 18) } });
      expect(findings(c, day(30))).toEqual([["CASE.CHILD_WELFARE_NOTIFICATION_MISSING", "warning"]]);
    });
  });

  describe("consent of planned meetings", () => {
    const consents = [consent("c-client", byClient, [orgs.school]), consent("c-g1", byGuardian("g-1"), [orgs.school])];
    const planned = () =>
      applyAll(recordedCase({ consents }), [planM2(day(12), [coreSeat(staff.nurse), invitedSeat(orgs.school)])]);

    it("finds nothing while the consents are in effect", () => {
      expect(findings(planned(), day(9))).toEqual([]);
    });

    it("finds a consent withdrawn after planning", () => {
      const c = applyAll(planned(), [
        { type: "withdraw-consent", consentId: "c-g1", withdrawalId: "w-1", on: day(10) },
      ]);
      const found = checkCase(c, options(day(10)));
      expect(found.map((v) => [v.code, v.severity, v.ids])).toEqual([
        ["CONSENT.MISSING", "error", ["case-test-1", orgs.school, "g-1", "m-2"]],
      ]);
    });

    it("does not look at a withdrawal dated after the planned day", () => {
      const c = applyAll(planned(), [
        { type: "withdraw-consent", consentId: "c-g1", withdrawalId: "w-1", on: day(13) },
      ]);
      expect(findings(c, day(10))).toEqual([]);
    });
  });

  describe("consent at held meetings", () => {
    const consents = [consent("c-client", byClient, [orgs.school]), consent("c-g1", byGuardian("g-1"), [orgs.school])];
    const held = () =>
      applyAll(recordedCase({ consents }), [
        planM2(day(8), [coreSeat(staff.nurse), invitedSeat(orgs.school)]),
        {
          type: "record-meeting-held",
          meetingId: "m-2",
          heldOn: day(8),
          attended: ["p-staff-nurse", "p-org-test-school"],
        },
        { type: "record-meeting-record", meetingId: "m-2", record: { ...record, recordedOn: day(8) } },
      ]);

    it("finds nothing when everyone present had consent", () => {
      expect(findings(held(), day(9))).toEqual([]);
    });

    it("finds a party present without consent", () => {
      const m2 = held().meetings[1]!;
      const c = { ...recordedCase({ consents: [consents[0]!] }), meetings: [...recordedCase().meetings, m2] };
      const found = checkCase(c, options(day(9)));
      expect(found.map((v) => [v.code, v.severity, v.ids])).toEqual([
        ["CONSENT.MISSING", "error", ["case-test-1", orgs.school, "g-1", "m-2"]],
      ]);
      expect(found[0]?.message.en).toContain("from the parent");
    });

    it("finds nothing for parties who were invited but absent, or in the core team", () => {
      const m2 = { ...held().meetings[1]!, attended: ["p-staff-nurse"] };
      expect(findings({ ...recordedCase(), meetings: [...recordedCase().meetings, m2] }, day(9))).toEqual([]);
      const present = { ...held().meetings[1]!, attended: ["p-org-test-school"] };
      expect(
        findings({ ...recordedCase(), meetings: [...recordedCase().meetings, present] }, day(9), {
          coreOrganisationIds: [...coreOrganisationIds, orgs.school],
        }),
      ).toEqual([]);
    });

    it("finds a guardian with custody recorded after the meeting, whose consent the meeting lacked", () => {
      const c = applyAll(held(), [{ type: "add-guardian", guardian: guardian("g-3") }]);
      expect(checkCase(c, options(day(9))).map((v) => [v.code, v.message.en])).toEqual([
        // The third guardian, the second of those who are parents with custody.
        // The school is not in this test's records: named as unknown, never by its id.
        ["CONSENT.MISSING", `Consent from the parent (2.) to invite an unknown organisation is missing on ${day(8)}.`],
      ]);
    });

    it("finds a withdrawal dated before the meeting", () => {
      const c = applyAll(held(), [
        { type: "withdraw-consent", consentId: "c-client", withdrawalId: "w-1", on: day(7) },
      ]);
      expect(findings(c, day(9))).toEqual([["CONSENT.MISSING", "error"]]);
      const after = applyAll(held(), [
        { type: "withdraw-consent", consentId: "c-client", withdrawalId: "w-1", on: day(9) },
      ]);
      expect(findings(after, day(9))).toEqual([]);
    });

    it("checks a closed case too", () => {
      const c = applyAll(held(), [
        { type: "close", on: day(9), reason: "goals-met" },
        { type: "withdraw-consent", consentId: "c-g1", withdrawalId: "w-1", on: day(2) },
      ]);
      expect(findings(c, day(10))).toEqual([["CONSENT.MISSING", "error"]]);
    });
  });

  it("reads the adulthood age from the policy", () => {
    const c = buildCase({ client: { id: "client-test-1", birthDate: bornYearsBefore(day(1), 19) } });
    expect(findings(c, day(1))).toEqual([]);
    const policy = { criminalResponsibilityAge: 15, adulthoodAge: 20, ownConsentFromAge: 12, bands: [] };
    expect(findings(c, day(1), { policy })).toEqual([["CASE.GUARDIAN_MISSING", "warning"]]);
  });
});
