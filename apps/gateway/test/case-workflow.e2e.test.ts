import { testEngines } from "@ankkuri/db/testing";
import { professionNames, testIdentityCode } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ActivateCaseDocument,
  AddCaseNoteDocument,
  AddGuardianDocument,
  AdmitCaseDocument,
  CancelMeetingDocument,
  CaseDetailDocument,
  CloseCaseDocument,
  DeclineCaseDocument,
  InformResponsibleWorkerDocument,
  InvitationDocument,
  MakeReferralDocument,
  PlanMeetingDocument,
  RecordChildWelfareNotificationDocument,
  RecordExistingClientshipDocument,
  RecordMeetingHeldDocument,
  RecordMeetingRecordDocument,
  RecordSelectionDecisionDocument,
  ReferCaseDocument,
  StartSelectionDocument,
  UpdateReferralDocument,
  WithdrawConsentDocument,
} from "@ankkuri/client/operations";
import { type Harness, startHarness } from "./harness.js";
import {
  admit,
  as,
  clock,
  consentAll,
  coreComposition,
  login,
  nextIdentityCode,
  org,
  planCoreMeeting,
  refer,
} from "./steps.js";

const client = { givenName: "Eetu", familyName: "Esimerkki" };

describe.each(testEngines)("the case workflow over HTTP on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
  });
  afterAll(async () => {
    await h.close();
  });

  const detail = async (caseId: string, who: string = login.police) => {
    const { data } = await h.request(who, CaseDetailDocument, { caseId });
    if (!data?.case) throw new Error("case not visible");
    return data.case;
  };

  describe("referCase", () => {
    it("creates a referred case with the client's age band, and adds the returning client's referral to it", async () => {
      const identityCode = nextIdentityCode("2013-02-10");
      const input = {
        type: "YOUTH_CRIME" as const,
        referredOn: "2026-10-01",
        referralSource: "POLICE" as const,
        client: { identityCode, ...client },
      };
      const first = as((await h.request(login.police, ReferCaseDocument, { input })).data?.referCase, "CasePayload");
      expect(first).toMatchObject({
        existingClient: false,
        case: { status: "REFERRED", version: 0, client: { ageBand: { code: "UNDER_15" } } },
      });
      const again = as((await h.request(login.police, ReferCaseDocument, { input })).data?.referCase, "CasePayload");
      expect(again.existingClient).toBe(true);
      // The client's case is still open: the referral joins it, and no second case is opened.
      expect(again.case.caseId).toBe(first.case.caseId);
    });

    it("refuses identity codes outside the test range, with a wrong check character, or none at all", async () => {
      // A synthetic code with a valid check character but a real-range individual number (123).
      const realRange = "010594Y123".concat("0123456789ABCDEFHJKLMNPRSTUVWXY".charAt(Number("010594123") % 31));
      const valid = testIdentityCode("2012-05-01", 950);
      const wrongCheckCharacter = `${valid.slice(0, 10)}${valid.endsWith("0") ? "1" : "0"}`;
      const cases: [Record<string, unknown>, string][] = [
        [{ identityCode: realRange }, "IDENTITY_CODE.NOT_TEST_RANGE"],
        [{ identityCode: wrongCheckCharacter }, "IDENTITY_CODE.CHECK_CHARACTER"],
        [{}, "CLIENT.BIRTH_DATE_MISSING"],
      ];
      for (const [identity, code] of cases) {
        const result = (
          await h.request(login.police, ReferCaseDocument, {
            input: {
              type: "YOUTH_CRIME",
              referredOn: "2026-10-01",
              referralSource: "POLICE",
              client: { ...client, ...identity },
            },
          })
        ).data?.referCase;
        expect(as(result, "InvalidInputError")).toMatchObject({
          code,
          path: expect.arrayContaining(["client"]) as unknown,
        });
      }
    });

    it("refuses an empty name with the input's path, and accepts a birth date without an identity code", async () => {
      const invalid = (
        await h.request(login.police, ReferCaseDocument, {
          input: {
            type: "YOUTH_CRIME",
            referredOn: "2026-10-01",
            referralSource: "POLICE",
            client: { givenName: " ", familyName: "X", birthDate: "2010-01-01" },
          },
        })
      ).data?.referCase;
      expect(as(invalid, "InputValidationError").issues[0]?.path).toEqual(["input", "client", "givenName"]);
      const ok = (
        await h.request(login.police, ReferCaseDocument, {
          input: {
            type: "DOMESTIC_VIOLENCE",
            referredOn: "2026-10-01",
            referralSource: "SELF",
            client: { givenName: "Aino", familyName: "Aikuinen", birthDate: "1990-06-15" },
          },
        })
      ).data?.referCase;
      expect(as(ok, "CasePayload").case.client.ageBand.code).toBe("FROM_18");
    });
  });

  describe("selection", () => {
    it("admits only after the police, a social worker and the psychiatric nurse agree", async () => {
      const caseId = await refer(h);
      as(
        (await h.request(login.police, StartSelectionDocument, { input: { caseId, on: "2026-10-02" } })).data
          ?.startSelection,
        "CasePayload",
      );
      as(
        (
          await h.request(login.police, RecordSelectionDecisionDocument, {
            input: { caseId, admit: true, decidedOn: "2026-10-03" },
          })
        ).data?.recordSelectionDecision,
        "CasePayload",
      );
      const early = as(
        (await h.request(login.police, AdmitCaseDocument, { input: { caseId, on: "2026-10-03" } })).data?.admitCase,
        "RuleViolationError",
      );
      expect(early.code).toBe("CASE.SELECTION_INCOMPLETE");
      // The missing profession by its name, not its code.
      expect(early.message).toContain(professionNames["social-worker"].fi);
      expect(early.message).not.toContain("social-worker");
      const twice = as(
        (
          await h.request(login.police, RecordSelectionDecisionDocument, {
            input: { caseId, admit: true, decidedOn: "2026-10-03" },
          })
        ).data?.recordSelectionDecision,
        "RuleViolationError",
      );
      expect(twice.code).toBe("CASE.SELECTION_DUPLICATE");
      as(
        (
          await h.request(login.socialWorker, RecordSelectionDecisionDocument, {
            input: { caseId, admit: true, decidedOn: "2026-10-03" },
          })
        ).data?.recordSelectionDecision,
        "CasePayload",
      );
      as(
        (
          await h.request(login.nurse, RecordSelectionDecisionDocument, {
            input: { caseId, admit: true, decidedOn: "2026-10-03" },
          })
        ).data?.recordSelectionDecision,
        "CasePayload",
      );
      const admitted = as(
        (await h.request(login.police, AdmitCaseDocument, { input: { caseId, on: "2026-10-04" } })).data?.admitCase,
        "CasePayload",
      );
      expect(admitted.case).toMatchObject({ status: "ADMITTED", version: 5 });
    });

    it("declines when a participant proposes declining, and refuses admission then", async () => {
      const caseId = await refer(h);
      as(
        (await h.request(login.police, StartSelectionDocument, { input: { caseId, on: "2026-10-02" } })).data
          ?.startSelection,
        "CasePayload",
      );
      for (const [who, yes] of [
        [login.police, true],
        [login.socialWorker, false],
        [login.nurse, true],
      ] as const) {
        as(
          (
            await h.request(who, RecordSelectionDecisionDocument, {
              input: { caseId, admit: yes, decidedOn: "2026-10-03" },
            })
          ).data?.recordSelectionDecision,
          "CasePayload",
        );
      }
      expect(
        as(
          (await h.request(login.police, AdmitCaseDocument, { input: { caseId, on: "2026-10-04" } })).data?.admitCase,
          "RuleViolationError",
        ).code,
      ).toBe("CASE.SELECTION_NOT_UNANIMOUS");
      expect(
        as(
          (await h.request(login.police, DeclineCaseDocument, { input: { caseId, on: "2026-10-04" } })).data
            ?.declineCase,
          "CasePayload",
        ).case.status,
      ).toBe("DECLINED");
      expect(
        as(
          (await h.request(login.police, ActivateCaseDocument, { input: { caseId, on: "2026-10-05" } })).data
            ?.activateCase,
          "RuleViolationError",
        ).code,
      ).toBe("CASE.ILLEGAL_TRANSITION");
    });

    it("refuses a selection decision from someone who is not staff of the team", async () => {
      const caseId = await refer(h);
      as(
        (await h.request(login.police, StartSelectionDocument, { input: { caseId, on: "2026-10-02" } })).data
          ?.startSelection,
        "CasePayload",
      );
      // The operational supervisor is staff; the steering-group member is not a caseworker at all.
      const refused = await h.request(login.steering, RecordSelectionDecisionDocument, {
        input: { caseId, admit: true, decidedOn: "2026-10-03" },
      });
      expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });
  });

  describe("meetings, consents, records and referrals", () => {
    it("runs a case from admission to closing, refusing what the rules forbid", async () => {
      const caseId = await refer(h);
      await admit(h, caseId);
      const guardianId = (await detail(caseId)).guardians[0]?.guardianId ?? "";
      // Inviting an outside organisation (the education division) needs consent first.
      const school = { role: "INVITED" as const, organisationId: org.education, profession: "OTHER" as const };
      const refused = as(
        (
          await h.request(login.police, PlanMeetingDocument, {
            input: { caseId, plannedOn: "2026-11-10", composition: [...coreComposition, school] },
          })
        ).data?.planMeeting,
        "RuleViolationError",
      );
      expect(refused.violations.map((v) => v.code)).toEqual(["CONSENT.MISSING", "CONSENT.MISSING"]);
      const invitationBefore = (
        await h.request(login.police, InvitationDocument, { caseId, organisationId: org.education, on: "2026-11-10" })
      ).data?.case?.invitation;
      expect(invitationBefore?.allowed).toBe(false);
      await consentAll(h, caseId, guardianId, [org.education]);
      expect(
        (await h.request(login.police, InvitationDocument, { caseId, organisationId: org.education, on: "2026-11-10" }))
          .data?.case?.invitation,
      ).toMatchObject({ allowed: true, basis: "consent" });
      const meetingId = await planCoreMeeting(h, caseId, "2026-11-10", [...coreComposition, school]);
      const held = as(
        (
          await h.request(login.police, RecordMeetingHeldDocument, {
            input: { caseId, meetingId, heldOn: "2026-11-10", attended: ["p1", "p2", "p3", "p4"] },
          })
        ).data?.recordMeetingHeld,
        "CasePayload",
      );
      expect(held.case.status).toBe("ACTIVE");
      const heldAgain = as(
        (
          await h.request(login.police, RecordMeetingHeldDocument, {
            input: { caseId, meetingId, heldOn: "2026-11-10", attended: [] },
          })
        ).data?.recordMeetingHeld,
        "RuleViolationError",
      );
      expect(heldAgain.code).toBe("MEETING.NOT_PLANNED");
      as(
        (
          await h.request(login.police, RecordMeetingRecordDocument, {
            input: { caseId, meetingId, recordedOn: "2026-11-11", inClientRecord: true, inStatistics: true },
          })
        ).data?.recordMeetingRecord,
        "CasePayload",
      );
      expect(
        as(
          (
            await h.request(login.police, RecordMeetingRecordDocument, {
              input: { caseId, meetingId, recordedOn: "2026-11-12", inClientRecord: true, inStatistics: true },
            })
          ).data?.recordMeetingRecord,
          "RuleViolationError",
        ).code,
      ).toBe("MEETING.ALREADY_RECORDED");
      // Referrals to services, and a final status that does not change again.
      const referral = as(
        (
          await h.request(login.youthWorker, MakeReferralDocument, {
            input: {
              caseId,
              service: "LEISURE_ACTIVITY",
              organisationId: org.youthServices,
              meetingId,
              madeOn: "2026-11-10",
            },
          })
        ).data?.makeReferral,
        "CasePayload",
      );
      const referralId = referral.case.referrals[0]?.referralId ?? "";
      as(
        (
          await h.request(login.youthWorker, UpdateReferralDocument, {
            input: { caseId, referralId, status: "COMPLETED", on: "2026-11-20" },
          })
        ).data?.updateReferral,
        "CasePayload",
      );
      expect(
        as(
          (
            await h.request(login.youthWorker, UpdateReferralDocument, {
              input: { caseId, referralId, status: "STARTED", on: "2026-11-21" },
            })
          ).data?.updateReferral,
          "RuleViolationError",
        ).code,
      ).toBe("REFERRAL.FINAL");
      // A consent withdrawn stops further invitations, and cannot be withdrawn twice.
      const consentId = (await detail(caseId)).consents[0]?.consentId ?? "";
      as(
        (
          await h.request(login.socialWorker, WithdrawConsentDocument, {
            input: { caseId, consentId, on: "2026-11-15" },
          })
        ).data?.withdrawConsent,
        "CasePayload",
      );
      expect(
        as(
          (
            await h.request(login.socialWorker, WithdrawConsentDocument, {
              input: { caseId, consentId, on: "2026-11-16" },
            })
          ).data?.withdrawConsent,
          "RuleViolationError",
        ).code,
      ).toBe("CONSENT.ALREADY_WITHDRAWN");
      expect(
        as(
          (
            await h.request(login.police, PlanMeetingDocument, {
              input: { caseId, plannedOn: "2026-12-10", composition: [...coreComposition, school] },
            })
          ).data?.planMeeting,
          "RuleViolationError",
        ).code,
      ).toBe("CONSENT.MISSING");
      // A planned meeting cancelled; closing.
      const next = await planCoreMeeting(h, caseId, "2026-12-15");
      as(
        (await h.request(login.police, CancelMeetingDocument, { input: { caseId, meetingId: next, on: "2026-11-22" } }))
          .data?.cancelMeeting,
        "CasePayload",
      );
      const closed = as(
        (await h.request(login.police, CloseCaseDocument, { input: { caseId, on: "2026-11-22", reason: "GOALS_MET" } }))
          .data?.closeCase,
        "CasePayload",
      );
      expect(closed.case).toMatchObject({ status: "CLOSED", closedOn: "2026-11-22", closeReason: "GOALS_MET" });
      expect(
        as(
          (await h.request(login.police, CloseCaseDocument, { input: { caseId, on: "2026-11-23", reason: "OTHER" } }))
            .data?.closeCase,
          "RuleViolationError",
        ).code,
      ).toBe("CASE.ILLEGAL_TRANSITION");
      const final = await detail(caseId);
      expect(final.meetings.map((m) => m.status)).toEqual(["HELD", "CANCELLED"]);
      expect(final.meetings[0]?.participants.filter((p) => p.attended)).toHaveLength(4);
      expect(final.violations.filter((v) => v.severity === "ERROR")).toEqual([]);
    });

    it("records guardians, an existing client relationship and its worker, a notification, and notes", async () => {
      const caseId = await refer(h);
      await admit(h, caseId);
      const guardian = as(
        (
          await h.request(login.socialWorker, AddGuardianDocument, {
            input: {
              caseId,
              guardian: { givenName: "Pekka", familyName: "Esimerkki", relationship: "PARENT", hasCustody: true },
            },
          })
        ).data?.addGuardian,
        "CasePayload",
      );
      expect(guardian.case.guardians.map((g) => g.givenName)).toEqual(["Anna", "Pekka"]);
      as(
        (
          await h.request(login.socialWorker, RecordExistingClientshipDocument, {
            input: {
              caseId,
              organisationId: org.childWelfare,
              since: "2025-01-01",
              responsibleWorkerName: "Leena Lahti",
            },
          })
        ).data?.recordExistingClientship,
        "CasePayload",
      );
      const meetingId = await planCoreMeeting(h, caseId, "2026-11-12");
      as(
        (
          await h.request(login.police, RecordMeetingHeldDocument, {
            input: { caseId, meetingId, heldOn: "2026-11-12", attended: ["p1", "p2", "p3"] },
          })
        ).data?.recordMeetingHeld,
        "CasePayload",
      );
      expect((await detail(caseId)).violations.map((v) => v.code)).toContain("CASE.RESPONSIBLE_WORKER_NOT_INVOLVED");
      as(
        (
          await h.request(login.socialWorker, InformResponsibleWorkerDocument, {
            input: { caseId, meetingId, on: "2026-11-13" },
          })
        ).data?.informResponsibleWorker,
        "CasePayload",
      );
      expect((await detail(caseId)).violations.map((v) => v.code)).not.toContain(
        "CASE.RESPONSIBLE_WORKER_NOT_INVOLVED",
      );
      as(
        (
          await h.request(login.police, RecordChildWelfareNotificationDocument, {
            input: { caseId, madeOn: "2026-10-02", organisationId: org.policePrevention },
          })
        ).data?.recordChildWelfareNotification,
        "CasePayload",
      );
      const note = as(
        (
          await h.request(login.police, AddCaseNoteDocument, {
            input: { caseId, kind: "POLICE", body: "Esitutkinnan tila (kuvitteellinen)." },
          })
        ).data?.addCaseNote,
        "CasePayload",
      );
      expect(note.case.notes.map((n) => n.kind)).toEqual(["POLICE"]);
    });

    it("refuses a change based on a stale version and writes nothing", async () => {
      const caseId = await refer(h);
      const before = await detail(caseId);
      as(
        (
          await h.request(login.police, StartSelectionDocument, {
            input: { caseId, on: "2026-10-02", expectedVersion: before.version },
          })
        ).data?.startSelection,
        "CasePayload",
      );
      const stale = as(
        (
          await h.request(login.socialWorker, AddGuardianDocument, {
            input: {
              caseId,
              expectedVersion: before.version,
              guardian: { givenName: "Late", familyName: "Writer", relationship: "OTHER", hasCustody: false },
            },
          })
        ).data?.addGuardian,
        "ConflictError",
      );
      expect(stale).toMatchObject({ code: "CONFLICT.STALE_VERSION", currentVersion: before.version + 1 });
      expect((await detail(caseId)).guardians.map((g) => g.givenName)).toEqual(["Anna"]);
    });

    it("says not found for a case that does not exist", async () => {
      const missing = as(
        (
          await h.request(login.police, StartSelectionDocument, {
            input: { caseId: "00000000-0000-7000-8000-000000000000", on: "2026-10-02" },
          })
        ).data?.startSelection,
        "NotFoundError",
      );
      expect(missing.code).toBe("NOT_FOUND");
    });
  });
});
