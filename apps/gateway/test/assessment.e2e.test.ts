import { randomUUID } from "node:crypto";
import { and, eq, schema } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  CaseAssessmentDocument,
  type RecordAssessmentInput,
  RecordAssessmentDocument,
  ReviewGoalDocument,
} from "@ankkuri/client/operations";
import { type Harness, startHarness } from "./harness.js";
import {
  addSchoolSocialWorker,
  admit,
  as,
  clock,
  inviteEducationUnderConsent,
  login,
  org,
  type PostAs,
  refer,
  today,
} from "./steps.js";

/**
 * Assessment (003 § 6.1): the causes of a client's problems, the actors needed and goals with owners,
 * for organisations taking part in a case in full; each organisation's summary stays its own.
 */

const tomorrow = "2026-11-23";
const staffIdOf = (who: string) => helsinkiAnkkuri.staff.find((s) => s.login === who)?.id ?? "";

describe.each(testEngines)("assessment on %s", (engine) => {
  let h: Harness;
  let asSchool: PostAs;

  const record = async (who: string, input: RecordAssessmentInput) =>
    (await h.request(who, RecordAssessmentDocument, { input })).data?.recordAssessment;
  const review = async (
    who: string,
    goalId: string,
    progress: "PROGRESSING" | "STALLED" | "MET" | "NOT_MET",
    reviewedOn?: string,
  ) =>
    (await h.request(who, ReviewGoalDocument, { input: { goalId, progress, ...(reviewedOn ? { reviewedOn } : {}) } }))
      .data?.reviewGoal;
  const screen = async (who: string, caseId: string) => {
    const { data, errors } = await h.request(who, CaseAssessmentDocument, { caseId });
    expect(errors).toBeUndefined();
    return data?.case ?? null;
  };
  const assessment = (caseId: string, over: Partial<RecordAssessmentInput> = {}): RecordAssessmentInput => ({
    caseId,
    assessedOn: "2026-11-01",
    causes: ["PEER_GROUP", "SCHOOL_DIFFICULTIES"],
    neededOrganisationIds: [org.childWelfare],
    goals: [
      { description: "Koulunkäynti säännöllistyy", ownerStaffId: staffIdOf(login.police), dueOn: "2027-01-31" },
      { description: "Harrastus löytyy", ownerStaffId: staffIdOf(login.youthWorker), dueOn: "2026-11-15" },
    ],
    summary: "Poliisin yhteenveto (kuvitteellinen).",
    ...over,
  });
  /** An admitted case the police and Sotepe's selecting units take part in. */
  const admitted = async () => {
    const caseId = await refer(h);
    await admit(h, caseId);
    return caseId;
  };

  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
    // A school social worker (fictional), outside the core team, to be invited under consent.
    asSchool = await addSchoolSocialWorker(h);
  });
  afterAll(async () => {
    await h.close();
  });

  describe("the attacker's tests", () => {
    it("answers an assessment or a goal review of a case one takes no part in exactly as of none", async () => {
      const caseId = await admitted();
      const made = as(await record(login.police, assessment(caseId)), "CasePayload");
      const goalId = made.case.latestAssessment?.goals[0]?.goalId ?? "";
      // Kuva's youth worker takes no part in the case.
      const hidden = as(await record(login.youthWorker, assessment(caseId)), "NotFoundError");
      const none = as(await record(login.youthWorker, assessment(randomUUID())), "NotFoundError");
      expect(hidden).toEqual(none);
      const hiddenGoal = as(await review(login.youthWorker, goalId, "MET"), "NotFoundError");
      const noGoal = as(await review(login.youthWorker, randomUUID(), "MET"), "NotFoundError");
      expect(hiddenGoal).toEqual(noGoal);
      // Nothing changed.
      expect((await screen(login.police, caseId))?.openGoals.map((g) => g.status)).toEqual(["OPEN", "OPEN"]);
    });

    it("keeps each organisation's summary its own", async () => {
      const caseId = await admitted();
      as(await record(login.police, assessment(caseId)), "CasePayload");
      expect((await screen(login.police, caseId))?.latestAssessment?.summary).toBe(
        "Poliisin yhteenveto (kuvitteellinen).",
      );
      const social = await screen(login.socialWorker, caseId);
      expect(social?.latestAssessment?.causes).toEqual(["PEER_GROUP", "SCHOOL_DIFFICULTIES"]);
      expect(social?.latestAssessment?.summary).toBeNull();
    });

    it("shows nothing of assessments to an organisation present under consent alone, nor lets it record one", async () => {
      const caseId = await admitted();
      as(await record(login.police, assessment(caseId)), "CasePayload");
      await inviteEducationUnderConsent(h, caseId);
      const seen = await asSchool(
        `query($id: String!) { case(caseId: $id) { caseId latestAssessment { assessmentId } openGoals { goalId } } }`,
        { id: caseId },
      );
      expect(seen.data?.case).toEqual({ caseId, latestAssessment: null, openGoals: [] });
      const attempt = await asSchool(
        `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { __typename } }`,
        { input: { caseId, causes: ["HOUSING"] } },
      );
      expect(attempt.data?.recordAssessment).toEqual({ __typename: "NotFoundError" });
    });

    it("refuses an assessment or a review dated in the future", async () => {
      const caseId = await admitted();
      const future = as(
        await record(login.police, assessment(caseId, { assessedOn: tomorrow, goals: [] })),
        "RuleViolationError",
      );
      expect(future.violations.map((v) => v.code)).toEqual(["CASE.FUTURE_DATE"]);
      const made = as(await record(login.police, assessment(caseId)), "CasePayload");
      const goalId = made.case.latestAssessment?.goals[0]?.goalId ?? "";
      const later = as(await review(login.police, goalId, "MET", tomorrow), "RuleViolationError");
      expect(later.violations.map((v) => v.code)).toEqual(["CASE.FUTURE_DATE"]);
    });
  });

  describe("recording and reviewing", () => {
    it("records an assessment, shows it with the open goals, and reviews a goal until it is met", async () => {
      const caseId = await admitted();
      as(await record(login.police, assessment(caseId)), "CasePayload");
      const shown = await screen(login.nurse, caseId);
      expect(shown?.latestAssessment).toMatchObject({
        assessedOn: "2026-11-01",
        organisation: { id: org.policePrevention },
        causes: ["PEER_GROUP", "SCHOOL_DIFFICULTIES"],
        causeNames: ["Kaveripiiri", "Koulunkäynnin vaikeudet"],
        neededOrganisations: [{ id: org.childWelfare }],
      });
      // Open goals by due day; the hobby goal is overdue on the test day.
      expect(shown?.openGoals.map((g) => [g.description, g.ownerName !== "", g.overdue])).toEqual([
        ["Harrastus löytyy", true, true],
        ["Koulunkäynti säännöllistyy", true, false],
      ]);
      const goalId = shown?.openGoals[1]?.goalId ?? "";
      const progressing = as(await review(login.socialWorker, goalId, "PROGRESSING", "2026-11-10"), "CasePayload");
      expect(progressing.case.openGoals.map((g) => g.goalId)).toContain(goalId);
      const met = as(await review(login.socialWorker, goalId, "MET"), "CasePayload");
      expect(met.case.openGoals.map((g) => g.goalId)).not.toContain(goalId);
      const goal = (await screen(login.police, caseId))?.latestAssessment?.goals.find((g) => g.goalId === goalId);
      expect(goal?.status).toBe("MET");
      expect(goal?.reviews.map((r) => [r.reviewedOn, r.progress])).toEqual([
        ["2026-11-10", "PROGRESSING"],
        [today, "MET"],
      ]);
      const again = as(await review(login.police, goalId, "NOT_MET"), "RuleViolationError");
      expect(again.violations.map((v) => v.code)).toEqual(["GOAL.ALREADY_FINAL"]);

      // A later assessment becomes the latest; the earlier one's open goal stays open.
      as(
        await record(
          login.socialWorker,
          assessment(caseId, { assessedOn: today, causes: ["HOUSING"], goals: [], summary: null }),
        ),
        "CasePayload",
      );
      const later = await screen(login.police, caseId);
      expect(later?.latestAssessment?.causes).toEqual(["HOUSING"]);
      expect(later?.openGoals.map((g) => g.description)).toEqual(["Harrastus löytyy"]);
    });

    it("refuses a case not admitted, no causes, an owner outside the team and a goal due before, in Swedish too", async () => {
      const referred = await refer(h);
      const notOpen = as(await record(login.police, assessment(referred)), "RuleViolationError");
      expect(notOpen.violations.map((v) => v.code)).toEqual(["ASSESSMENT.CASE_NOT_OPEN"]);
      const caseId = await admitted();
      const bad = as(
        await record(
          login.police,
          assessment(caseId, {
            causes: [],
            goals: [{ description: "x", ownerStaffId: "st-nobody", dueOn: "2026-10-01" }],
          }),
        ),
        "RuleViolationError",
      );
      expect(bad.violations.map((v) => v.code)).toEqual([
        "ASSESSMENT.NO_CAUSES",
        "ASSESSMENT.GOAL_OWNER_UNKNOWN",
        "ASSESSMENT.GOAL_DUE_BEFORE_ASSESSMENT",
      ]);
      const sv = await h.gql(
        login.police,
        `mutation($input: RecordAssessmentInput!) { recordAssessment(input: $input) { ... on Error { message(language: SV) } } }`,
        { input: { caseId: referred, causes: ["HOUSING"] } },
      );
      expect(sv.body.data?.recordAssessment).toEqual({
        message: "En bedömning kan registreras endast för ett klientskap som är godkänt eller pågår.",
      });
    });

    it("audits an assessment and a review with the case and its client", async () => {
      const caseId = await admitted();
      const made = as(await record(login.police, assessment(caseId)), "CasePayload");
      const goalId = made.case.latestAssessment?.goals[0]?.goalId ?? "";
      as(await review(login.police, goalId, "STALLED"), "CasePayload");
      const entries = await h.database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.caseId, caseId), eq(schema.auditLog.operation, "create")));
      expect(entries.filter((e) => e.resource === "assessment")).toHaveLength(1);
      const reviewed = await h.database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.resource, "goal"), eq(schema.auditLog.resourceId, goalId)));
      expect(reviewed.map((e) => [e.operation, e.caseId, e.clientId !== null])).toEqual([["update", caseId, true]]);
    });
  });
});
