import { testEngines } from "@ankkuri/db/testing";
import { actorSchema, helsinkiAnkkuri } from "@ankkuri/domain";
import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AccessLogDocument,
  AnswerInvitationDocument,
  CompleteMeetingRecordDocument,
  MeetingLogisticsDocument,
  PlanMeetingDocument,
  SendInvitationsDocument,
  TeamPremisesDocument,
  AddCaseNoteDocument,
  AddStaffMemberDocument,
  AmendAgreementDocument,
  EndAssignmentDocument,
  OverrideChairTermDocument,
  PlanBodyMeetingDocument,
  RecordBodyMeetingDocument,
  RecordConsultationDocument,
  SignAgreementDocument,
  ClosePoliceMailAccountDocument,
  CloseUserAccountDocument,
  CreateUserAccountDocument,
  GrantPoliceMailAccountDocument,
  GrantPremisesAccessDocument,
  MoveAssignmentDocument,
  RevokeClearanceDocument,
  RevokePremisesAccessDocument,
  UpdateStaffMemberDocument,
  UserAccountsDocument,
  AgreementDocument,
  AssignCaseWorkerDocument,
  AssignStaffDocument,
  CaseloadsDocument,
  CaseWorkersDocument,
  UnassignCaseWorkerDocument,
  WorkerCaseListDocument,
  CaseDetailDocument,
  CaseListDocument,
  ChairCalendarDocument,
  FteDashboardDocument,
  CaseAssessmentDocument,
  CaseLinksDocument,
  GiveNoticeDocument,
  LinkCasesDocument,
  RecordAssessmentDocument,
  ReferCaseDocument,
  ReviewGoalDocument,
  StartSelectionDocument,
  StaffListDocument,
  UnlinkCasesDocument,
} from "@ankkuri/client/operations";
import { type GraphQLBody, type Harness, startHarness } from "./harness.js";
import { admit, as, clock, coreComposition, login, nextIdentityCode, org, planCoreMeeting, refer } from "./steps.js";

const everyone = Object.values(login);
/** Those who answer for the access log (auditors, registry offices): no aggregates, no staff records. */
const logKeepers: string[] = [login.auditor, login.registryOffice];
const caseworkers: string[] = [login.police, login.supervisor, login.socialWorker, login.nurse, login.youthWorker];
const period = { from: "2026-01-01", to: "2026-06-30" };

describe.each(testEngines)("authorization over HTTP on %s", (engine) => {
  let h: Harness;
  let policeCase = "";
  let kuvaCase = "";
  let globalId = "";
  let kuvaMeeting = "";
  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
    // A case the police, Sotepe's selecting units and (after a meeting) Kuva take part in …
    kuvaCase = await refer(h);
    await admit(h, kuvaCase);
    kuvaMeeting = await planCoreMeeting(h, kuvaCase, "2026-12-01", coreComposition);
    // … and one only the selecting units take part in.
    policeCase = await refer(h);
    const detail = await h.request(login.police, CaseDetailDocument, { caseId: policeCase });
    globalId = detail.data?.case?.id ?? "";
    as(
      (
        await h.request(login.police, AddCaseNoteDocument, {
          input: { caseId: policeCase, kind: "POLICE", body: "Poliisin luottamuksellinen tieto (kuvitteellinen)." },
        })
      ).data?.addCaseNote,
      "CasePayload",
    );
  });
  afterAll(async () => {
    await h.close();
  });

  const codeOf = (errors: { extensions?: Record<string, unknown> }[] | undefined) => errors?.[0]?.extensions?.code;
  const visibleCases = async (who: string) => {
    const { data, errors } = await h.request(who, CaseListDocument, {});
    return {
      ids: data?.cases.nodes.map((n) => n.caseId) ?? null,
      total: data?.cases.totalCount ?? null,
      code: codeOf(errors),
    };
  };

  it.each([
    [login.police, true, true],
    [login.supervisor, true, true],
    [login.socialWorker, true, true],
    [login.nurse, true, true],
    [login.youthWorker, false, true],
  ])(
    "shows %s only the cases their organisation takes part in (police case %s, Kuva case %s)",
    async (who, seesPoliceCase, seesKuvaCase) => {
      const { ids, total } = await visibleCases(who);
      expect(ids?.includes(policeCase)).toBe(seesPoliceCase);
      expect(ids?.includes(kuvaCase)).toBe(seesKuvaCase);
      expect(total).toBe(ids?.length);
      const single = await h.request(who, CaseDetailDocument, { caseId: policeCase });
      expect(single.data?.case?.caseId ?? null).toBe(seesPoliceCase ? policeCase : null);
    },
  );

  it.each([login.admin, login.auditor, login.steering, login.leadership])(
    "never shows client data to %s",
    async (who) => {
      const list = await visibleCases(who);
      expect(list.ids).toBeNull();
      expect(list.code).toBe("FORBIDDEN");
      const single = await h.request(who, CaseDetailDocument, { caseId: kuvaCase });
      expect(single.data?.case ?? null).toBeNull();
      expect(codeOf(single.errors)).toBe("FORBIDDEN");
    },
  );

  it("answers a case fetched by global id by an organisation that does not take part as one that does not exist", async () => {
    const query = `query($id: ID!) { node(id: $id) { ... on Case { caseId client { givenName } } } }`;
    const own = await h.gql(login.police, query, { id: globalId });
    expect(own.body.data?.node).toMatchObject({ caseId: policeCase });
    const outsider = await h.gql(login.youthWorker, query, { id: globalId });
    expect(outsider.body).toEqual({ data: { node: null } });
  });

  it("cannot be widened by filters: another organisation's filter still needs one's own", async () => {
    const { data } = await h.request(login.youthWorker, CaseListDocument, {
      filter: { organisationId: org.policePrevention },
    });
    expect(data?.cases.nodes.map((n) => n.caseId)).toEqual([kuvaCase]);
  });

  it("keeps notes inside the writing organisation", async () => {
    const police = await h.request(login.police, CaseDetailDocument, { caseId: policeCase });
    expect(police.data?.case?.notes.map((n) => n.kind)).toEqual(["POLICE"]);
    const social = await h.request(login.socialWorker, CaseDetailDocument, { caseId: policeCase });
    expect(social.data?.case?.caseId).toBe(policeCase);
    expect(social.data?.case?.notes).toEqual([]);
  });

  it.each(everyone)("gives aggregates to the team but not to auditors or registry offices (%s)", async (who) => {
    const expected = !logKeepers.includes(who);
    const fte = await h.request(who, FteDashboardDocument, { period });
    expect(fte.data?.fteReport.units.length ?? 0).toBe(expected ? 4 : 0);
    if (!expected) expect(codeOf(fte.errors)).toBe("FORBIDDEN");
    const chairs = await h.request(who, ChairCalendarDocument, {
      bodyId: "body-hel-ankkuri-steering",
      from: "2024-05-01",
      years: 2,
    });
    expect((chairs.data?.chairCalendar ?? []).map((t) => t.chair?.id)).toEqual(
      expected ? ["org-hpl", "org-hel-sotepe"] : [],
    );
    const agreement = await h.request(who, AgreementDocument, {});
    expect(agreement.data?.agreement?.oid ?? null).toBe("1.2.246.10.02012566.1.9.632.1");
  });

  it.each(everyone)("lets only the team administrator administer (%s)", async (who) => {
    const staff = await h.request(who, StaffListDocument, {});
    expect(staff.data?.staff.length ?? 0).toBe(logKeepers.includes(who) ? 0 : 13);
    const assign = await h.request(who, AssignStaffDocument, {
      input: {
        staffId: "st-hpl-koskinen",
        organisationId: org.policePrevention,
        fraction: 0.1,
        validFrom: "2040-01-01",
        validTo: "2040-01-31",
      },
    });
    const notice = await h.request(who, GiveNoticeDocument, {
      partyId: org.education,
      givenOn: "2040-01-01",
      reference: "test",
    });
    // A day that starts no term, and the only supervisor's assignment ended without a successor.
    const chair = await h.request(who, OverrideChairTermDocument, {
      bodyId: "body-hel-ankkuri-steering",
      termStart: "2027-06-01",
      partyId: org.sotepe,
      decidedOn: "2026-11-20",
      reference: "test",
    });
    const ended = await h.request(who, EndAssignmentDocument, {
      assignmentId: "as-hpl-lehtinen",
      validTo: "2026-12-31",
      expectedVersion: 0,
    });
    if (who === login.admin) {
      expect(assign.data?.assignStaff.__typename).toBe("RuleViolationError");
      expect(notice.data?.giveNotice.__typename).toBe("RuleViolationError");
      expect(as(chair.data?.overrideChairTerm, "RuleViolationError").code).toBe("ROTATION.OVERRIDE_NOT_TERM_START");
      expect(as(ended.data?.endAssignment, "RuleViolationError").code).toBe("STAFFING.SUPERVISOR_GAP");
    } else {
      for (const refused of [assign, notice, chair, ended]) {
        expect(refused.data ?? null).toBeNull();
        expect(codeOf(refused.errors)).toBe("FORBIDDEN");
      }
    }
  });

  it.each(everyone)(
    "lets only the team administrator manage staff, logins, access, clearances and the agreement (%s)",
    async (who) => {
      // Each request is one the domain refuses even for the administrator, so the matrix changes nothing.
      const results = {
        addStaffMember: (
          await h.request(who, AddStaffMemberDocument, {
            input: {
              organisationId: org.hus,
              profession: "YOUTH_WORKER",
              givenName: "A",
              familyName: "B",
              title: "x",
              login: "emma.tuominen",
            },
          })
        ).data?.addStaffMember,
        updateStaffMember: (
          await h.request(who, UpdateStaffMemberDocument, {
            input: { staffId: "st-kuva-tuominen", expectedVersion: 99, title: "x" },
          })
        ).data?.updateStaffMember,
        createUserAccount: (await h.request(who, CreateUserAccountDocument, { staffId: "st-kuva-tuominen" })).data
          ?.createUserAccount,
        closeUserAccount: (
          await h.request(who, CloseUserAccountDocument, {
            login: "emma.tuominen",
            closedOn: "2020-01-01",
            expectedVersion: 0,
          })
        ).data?.closeUserAccount,
        moveAssignment: (
          await h.request(who, MoveAssignmentDocument, {
            input: {
              assignmentId: "as-hpl-koskinen",
              expectedVersion: 0,
              lastDay: "2026-12-31",
              next: { staffId: "st-hpl-heikkinen" },
            },
          })
        ).data?.moveAssignment,
        grantPremisesAccess: (
          await h.request(who, GrantPremisesAccessDocument, {
            input: { staffId: "st-kuva-tuominen", validFrom: "2020-01-01", areas: "x" },
          })
        ).data?.grantPremisesAccess,
        revokePremisesAccess: (
          await h.request(who, RevokePremisesAccessDocument, {
            accessId: "pa-kuva-tuominen",
            lastDay: "2020-01-01",
            expectedVersion: 0,
          })
        ).data?.revokePremisesAccess,
        grantPoliceMailAccount: (await h.request(who, GrantPoliceMailAccountDocument, { staffId: "st-hpl-koskinen" }))
          .data?.grantPoliceMailAccount,
        closePoliceMailAccount: (await h.request(who, ClosePoliceMailAccountDocument, { staffId: "st-hpl-koskinen" }))
          .data?.closePoliceMailAccount,
        revokeClearance: (
          await h.request(who, RevokeClearanceDocument, {
            clearanceId: "sc-kuva-tuominen",
            revokedOn: "2020-01-01",
            expectedVersion: 0,
          })
        ).data?.revokeClearance,
        amendAgreement: (
          await h.request(who, AmendAgreementDocument, {
            input: { effectiveFrom: "2020-01-01", decidedOn: "2020-01-01", summary: { fi: "x", sv: "x", en: "x" } },
          })
        ).data?.amendAgreement,
        planBodyMeeting: (
          await h.request(who, PlanBodyMeetingDocument, {
            input: {
              bodyId: "body-hel-joint-leadership",
              plannedOn: "2020-01-01",
              composition: [{ organisationId: org.police, roleTitle: "x" }],
            },
          })
        ).data?.planBodyMeeting,
        recordBodyMeeting: (
          await h.request(who, RecordBodyMeetingDocument, {
            input: { meetingId: "bm-none", expectedVersion: 0, heldOn: "2020-01-01", attendees: [], items: [] },
          })
        ).data?.recordBodyMeeting,
        signAgreement: (
          await h.request(who, SignAgreementDocument, {
            input: {
              versionNumber: 99,
              organisationId: org.police,
              signerName: "X",
              signerTitle: "Y",
              method: "HANDWRITTEN",
            },
          })
        ).data?.signAgreement,
      };
      const typenames = Object.fromEntries(Object.entries(results).map(([k, v]) => [k, v?.__typename ?? null]));
      if (who === login.admin) {
        expect(typenames).toEqual({
          addStaffMember: "RuleViolationError",
          updateStaffMember: "ConflictError",
          createUserAccount: "RuleViolationError",
          closeUserAccount: "RuleViolationError",
          moveAssignment: "RuleViolationError",
          grantPremisesAccess: "RuleViolationError",
          revokePremisesAccess: "RuleViolationError",
          grantPoliceMailAccount: "RuleViolationError",
          closePoliceMailAccount: "RuleViolationError",
          revokeClearance: "RuleViolationError",
          amendAgreement: "RuleViolationError",
          signAgreement: "RuleViolationError",
          planBodyMeeting: "RuleViolationError",
          recordBodyMeeting: "NotFoundError",
        });
      } else {
        expect(Object.values(typenames)).toEqual(Object.values(typenames).map(() => null));
      }
      const accounts = await h.request(who, UserAccountsDocument, {});
      // Every account of the seeded team: its fictional users.
      expect(accounts.data?.userAccounts.length ?? 0).toBe(who === login.admin ? helsinkiAnkkuri.users.length : 0);
      if (who !== login.admin) expect(codeOf(accounts.errors)).toBe("FORBIDDEN");
    },
  );

  it.each(everyone)("lets caseworkers and the administrator record consultations, nobody else (%s)", async (who) => {
    // A future day: refused by the domain for those who may, so the matrix writes nothing. Once as
    // the signed-in person's own, once as someone else's (a staff member none of these logins is).
    const record = (staffId?: string) =>
      h.request(who, RecordConsultationDocument, {
        input: { organisationId: org.socialEmergency, topic: "x", consultedOn: "2099-01-01", staffId },
      });
    const own = await record();
    const others = await record("st-kuva-tuominen");
    const answers = { own: own.data?.recordConsultation, others: others.data?.recordConsultation };
    const refusal = caseworkers.includes(who) ? answers.own : answers.others;
    if (caseworkers.includes(who)) {
      // A caseworker records only their own: another person's is not found.
      expect([answers.own?.__typename, answers.others?.__typename]).toEqual(["RuleViolationError", "NotFoundError"]);
    } else if (who === login.admin) {
      // The administrator is no staff member, so has no consultation of their own, but records anyone's.
      expect([answers.own?.__typename, answers.others?.__typename]).toEqual(["NotFoundError", "RuleViolationError"]);
    } else {
      expect([own.data ?? null, others.data ?? null]).toEqual([null, null]);
      expect([codeOf(own.errors), codeOf(others.errors)]).toEqual(["FORBIDDEN", "FORBIDDEN"]);
      return;
    }
    expect(as(refusal, "RuleViolationError").violations.map((v) => v.code)).toContain("CONSULTATION.IN_FUTURE");
  });

  it.each(everyone)("lets only caseworkers change cases (%s)", async (who) => {
    const refer = await h.request(who, ReferCaseDocument, {
      input: {
        type: "YOUTH_CRIME",
        referredOn: "2026-10-01",
        referralSource: "POLICE",
        client: { identityCode: nextIdentityCode(), givenName: "A", familyName: "B" },
      },
    });
    const start = await h.request(who, StartSelectionDocument, { input: { caseId: kuvaCase, on: "2026-10-02" } });
    if (caseworkers.includes(who)) {
      // The selecting units get the case; other caseworkers a receipt of their referral.
      expect(refer.data?.referCase.__typename).toMatch(/^(CasePayload|ReferralReceipt)$/);
      // The Kuva case is already admitted: a caseworker who sees it gets the domain's refusal.
      expect(start.data?.startSelection.__typename).toBe("RuleViolationError");
    } else {
      expect(codeOf(refer.errors)).toBe("FORBIDDEN");
      expect(codeOf(start.errors)).toBe("FORBIDDEN");
    }
  });

  it.each(everyone)("lets only caseworkers who see every case in full link and unlink them (%s)", async (who) => {
    const linked = await h.request(who, LinkCasesDocument, {
      input: { caseIds: [kuvaCase, policeCase], relation: "SIBLINGS" },
    });
    if (!caseworkers.includes(who)) {
      expect(codeOf(linked.errors)).toBe("FORBIDDEN");
      return;
    }
    if (who === login.youthWorker) {
      // Kuva takes no part in the police case: not found, as for a case that does not exist.
      expect(linked.data?.linkCases.__typename).toBe("NotFoundError");
      return;
    }
    const link = as(linked.data?.linkCases, "CaseLinkPayload").link;
    // Kuva sees the Kuva case but not the police case: the link is not shown to it at all.
    const kuva = await h.request(login.youthWorker, CaseLinksDocument, { caseId: kuvaCase });
    expect(kuva.data?.case?.links).toEqual([]);
    const own = await h.request(who, CaseLinksDocument, { caseId: kuvaCase });
    expect(own.data?.case?.links.map((l) => l.cases.map((c) => c.caseId))).toEqual([[kuvaCase, policeCase]]);
    const kuvaEnds = await h.request(login.youthWorker, UnlinkCasesDocument, { input: { linkId: link.linkId } });
    expect(kuvaEnds.data?.unlinkCases.__typename).toBe("NotFoundError");
    const ended = await h.request(who, UnlinkCasesDocument, { input: { linkId: link.linkId } });
    expect(ended.data?.unlinkCases.__typename).toBe("CaseLinkPayload");
  });

  it.each(everyone)(
    "lets only the operational supervisor and team administrators assign workers; caseloads to the supervisor only (%s)",
    async (who) => {
      const input = {
        caseId: kuvaCase,
        staffMemberId: "st-hpl-hamalainen",
        role: "PAIR_WORKER" as const,
        on: "2026-11-22",
      };
      const assigned = await h.request(who, AssignCaseWorkerDocument, { input });
      const loads = await h.request(who, CaseloadsDocument, { on: "2026-11-22" });
      expect(codeOf(loads.errors)).toBe(who === login.supervisor ? undefined : "FORBIDDEN");
      if (who !== login.supervisor && who !== login.admin) {
        expect(codeOf(assigned.errors)).toBe("FORBIDDEN");
        const ended = await h.request(who, UnassignCaseWorkerDocument, {
          input: { caseId: kuvaCase, staffMemberId: "st-hpl-hamalainen", on: "2026-11-22" },
        });
        expect(codeOf(ended.errors)).toBe("FORBIDDEN");
        return;
      }
      as(assigned.data?.assignCaseWorker, "CaseWorkerPayload");
      // Those who see the case see its workers; the list filters by them within what each reader sees.
      const workers = await h.request(login.youthWorker, CaseWorkersDocument, { caseId: kuvaCase });
      expect(workers.data?.case?.assignedWorkers.map((w) => w.staffMember.id)).toEqual(["st-hpl-hamalainen"]);
      const listed = await h.request(login.youthWorker, WorkerCaseListDocument, { staffMemberId: "st-hpl-hamalainen" });
      expect([listed.data?.cases.nodes.map((n) => n.caseId), listed.data?.cases.totalCount]).toEqual([[kuvaCase], 1]);
      for (const other of [login.admin, login.auditor, login.steering, login.leadership]) {
        const hidden = await h.request(other, CaseWorkersDocument, { caseId: kuvaCase });
        expect(codeOf(hidden.errors)).toBe("FORBIDDEN");
      }
      as(
        (
          await h.request(who, UnassignCaseWorkerDocument, {
            input: { caseId: kuvaCase, staffMemberId: "st-hpl-hamalainen", on: "2026-11-22" },
          })
        ).data?.unassignCaseWorker,
        "CaseWorkerPayload",
      );
    },
  );

  it.each(everyone)(
    "lets only caseworkers taking part in full assess a case and review its goals (%s)",
    async (who) => {
      const input = {
        caseId: kuvaCase,
        causes: ["LEISURE" as const],
        goals: [{ description: "Harrastus (kuvitteellinen)", ownerStaffId: "st-hpl-koskinen", dueOn: "2027-06-30" }],
      };
      const recorded = await h.request(who, RecordAssessmentDocument, { input });
      const onPoliceCase = await h.request(who, RecordAssessmentDocument, { input: { ...input, caseId: policeCase } });
      if (!caseworkers.includes(who)) {
        expect(codeOf(recorded.errors)).toBe("FORBIDDEN");
        expect(codeOf(onPoliceCase.errors)).toBe("FORBIDDEN");
        return;
      }
      const payload = as(recorded.data?.recordAssessment, "CasePayload");
      // The police case is only referred: those who see it get the domain's refusal, Kuva not even that.
      expect(onPoliceCase.data?.recordAssessment.__typename).toBe(
        who === login.youthWorker ? "NotFoundError" : "RuleViolationError",
      );
      const goalId = payload.case.latestAssessment?.goals[0]?.goalId ?? "";
      const reviewed = await h.request(who, ReviewGoalDocument, { input: { goalId, progress: "PROGRESSING" } });
      expect(reviewed.data?.reviewGoal.__typename).toBe("CasePayload");
      const screen = await h.request(who, CaseAssessmentDocument, { caseId: kuvaCase });
      expect(screen.data?.case?.openGoals.map((g) => g.goalId)).toContain(goalId);
    },
  );

  it.each(everyone)(
    "lets only caseworkers taking part in full plan with a place, invite, answer and complete records (%s)",
    async (who) => {
      // Each request is refused by the domain even for those who may, so the matrix writes nothing.
      const results = {
        planMeeting: (
          await h.request(who, PlanMeetingDocument, {
            input: {
              caseId: kuvaCase,
              plannedOn: "2026-12-02",
              composition: coreComposition,
              startTime: "10:00",
              durationMinutes: 60,
              place: { premisesId: "premises-of-another-team" },
            },
          })
        ).data?.planMeeting.__typename,
        sendInvitations: (
          await h.request(who, SendInvitationsDocument, {
            input: {
              meetingId: kuvaMeeting,
              sentOn: "2099-01-01",
              invitations: [{ participantId: "p1", channel: "LETTER" }],
            },
          })
        ).data?.sendInvitations.__typename,
        answerInvitation: (
          await h.request(who, AnswerInvitationDocument, {
            input: { invitationId: "0190f5a4-7c2e-7000-8000-00000000dead", answer: "ACCEPTED" },
          })
        ).data?.answerInvitation.__typename,
        completeMeetingRecord: (
          await h.request(who, CompleteMeetingRecordDocument, {
            input: {
              caseId: kuvaCase,
              meetingId: kuvaMeeting,
              recordedOn: "2026-11-22",
              inClientRecord: false,
              inStatistics: true,
            },
          })
        ).data?.completeMeetingRecord.__typename,
      };
      const premises = await h.request(who, TeamPremisesDocument, {});
      const meetings = await h.request(who, MeetingLogisticsDocument, { caseId: kuvaCase });
      if (caseworkers.includes(who)) {
        expect(results).toEqual({
          planMeeting: "RuleViolationError",
          sendInvitations: "RuleViolationError",
          answerInvitation: "NotFoundError",
          completeMeetingRecord: "RuleViolationError",
        });
        expect(premises.data?.premises.length).toBeGreaterThan(0);
        expect(meetings.data?.case?.meetings.map((m) => m.meetingId)).toEqual([kuvaMeeting]);
      } else {
        expect(results).toEqual({
          planMeeting: undefined,
          sendInvitations: undefined,
          answerInvitation: undefined,
          completeMeetingRecord: undefined,
        });
        expect(codeOf(premises.errors)).toBe("FORBIDDEN");
        expect(codeOf(meetings.errors)).toBe("FORBIDDEN");
      }
    },
  );

  it("answers a case of an organisation that does not take part as not found, not as forbidden", async () => {
    const start = await h.request(login.youthWorker, StartSelectionDocument, {
      input: { caseId: policeCase, on: "2026-10-02" },
    });
    expect(start.data?.startSelection.__typename).toBe("NotFoundError");
  });

  it.each(everyone)("shows the access log to auditors only (%s)", async (who) => {
    const log = await h.request(who, AccessLogDocument, { limit: 5 });
    if (who === login.auditor) expect(log.data?.auditLog.length).toBeGreaterThan(0);
    else expect(codeOf(log.errors)).toBe("FORBIDDEN");
  });

  describe("authentication", () => {
    it("refuses requests without a token", async () => {
      const { body } = await h.gql(null, "{ viewer { name } }");
      expect(body.data ?? null).toBeNull();
      expect(codeOf(body.errors)).toBe("UNAUTHENTICATED");
    });

    it("refuses expired tokens, tokens of another key, and garbage", async () => {
      const actor = actorSchema.parse({
        login: login.police,
        name: "Maria Järvinen",
        teamId: "team-helsinki",
        organisationId: org.policePrevention,
        roles: ["police-officer"],
      });
      const expired = await h.issuer.sign({ login: actor.login }, -120);
      const otherKey = await new SignJWT({
        sub: login.police,
        name: "x",
        team_id: "team-helsinki",
        organisation_id: org.policePrevention,
        roles: ["police-officer"],
      })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer(h.issuer.issuer)
        .setAudience(h.issuer.audience)
        .setExpirationTime("1h")
        .sign(new TextEncoder().encode("not the issuer's key, just 32 bytes long!"));
      for (const token of [expired, otherKey, "not.a.token"]) {
        const response = await h.fetch("/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", "authorization": `Bearer ${token}` },
          body: JSON.stringify({ query: "{ viewer { name } }" }),
        });
        const body = (await response.json()) as { data?: unknown; errors?: { extensions?: Record<string, unknown> }[] };
        expect(body.data ?? null).toBeNull();
        expect(codeOf(body.errors)).toBe("UNAUTHENTICATED");
      }
    });

    it("shows nothing of this team to a person the database does not know, whatever the token claims", async () => {
      const token = await h.issuer.signClaims({
        sub: "vieras.kayttaja",
        team_id: "team-tampere",
        organisation_id: org.policePrevention,
        roles: ["police-officer", "team-administrator"],
      });
      const headers = { "content-type": "application/json", "authorization": `Bearer ${token}` };
      const post = async (query: string, variables: Record<string, unknown> = {}) =>
        (await (
          await h.fetch("/graphql", { method: "POST", headers, body: JSON.stringify({ query, variables }) })
        ).json()) as GraphQLBody;
      for (const answer of [
        await post("{ cases(first: 50) { totalCount nodes { caseId } } }"),
        await post("query($id: String!) { case(caseId: $id) { caseId } }", { id: policeCase }),
        await post("{ staff { id } }"),
      ]) {
        expect(JSON.stringify(answer.data ?? {})).not.toMatch(/caseId|"id"/);
        expect(codeOf(answer.errors)).toBe("UNAUTHENTICATED");
      }
    });
  });
});
