import { describe, expect, it } from "vitest";
import {
  type AssessmentContext,
  assessmentCauseLabels,
  assessmentCauses,
  type AssessmentInput,
  assessmentRefusals,
  type Goal,
  goalReviewRefusals,
  goalStatus,
  isGoalOverdue,
} from "./assessment.js";

const context: AssessmentContext = {
  case: { id: "case-1", status: "active", decidedOn: "2026-10-05" },
  today: "2026-11-22",
  staffIds: ["st-1", "st-2"],
  organisationIds: ["org-a", "org-b"],
};
const input: AssessmentInput = {
  assessedOn: "2026-11-01",
  causes: ["peer-group", "school-difficulties"],
  neededOrganisationIds: ["org-b"],
  goals: [{ description: "Koulunkäynti säännöllistyy", ownerStaffId: "st-1", dueOn: "2027-01-31" }],
};
const codes = (found: { code: string }[]) => found.map((v) => v.code);
const goal = (reviews: Goal["reviews"] = []): Goal => ({
  id: "goal-1",
  description: "x",
  ownerStaffId: "st-1",
  dueOn: "2026-12-31",
  reviews,
});

describe("recording an assessment", () => {
  it("accepts causes from the code list, known actors and goals with a known owner", () => {
    expect(assessmentRefusals(input, context)).toEqual([]);
    expect(assessmentRefusals(input, { ...context, case: { ...context.case, status: "admitted" } })).toEqual([]);
  });

  it("refuses a case that is not admitted or active", () => {
    for (const status of ["referred", "in-selection", "declined", "closed"] as const) {
      expect(codes(assessmentRefusals(input, { ...context, case: { ...context.case, status } }))).toEqual([
        "ASSESSMENT.CASE_NOT_OPEN",
      ]);
    }
  });

  it("refuses a day in the future or before the admission", () => {
    expect(codes(assessmentRefusals({ ...input, assessedOn: "2026-11-23" }, context))).toEqual(["CASE.FUTURE_DATE"]);
    expect(codes(assessmentRefusals({ ...input, assessedOn: "2026-10-04" }, context))).toEqual([
      "ASSESSMENT.BEFORE_ADMISSION",
    ]);
  });

  it("refuses no cause, a cause twice and an unknown actor", () => {
    expect(codes(assessmentRefusals({ ...input, causes: [] }, context))).toEqual(["ASSESSMENT.NO_CAUSES"]);
    expect(codes(assessmentRefusals({ ...input, causes: ["housing", "housing"] }, context))).toEqual([
      "ASSESSMENT.DUPLICATE_CAUSE",
    ]);
    const unknown = assessmentRefusals({ ...input, neededOrganisationIds: ["org-b", "org-x"] }, context);
    expect(unknown.map((v) => [v.code, v.ids])).toEqual([["ASSESSMENT.UNKNOWN_ORGANISATION", ["case-1", "org-x"]]]);
  });

  it("refuses a goal whose owner is not of the team, or which is due before the assessment", () => {
    const found = assessmentRefusals(
      {
        ...input,
        goals: [
          { description: "a", ownerStaffId: "st-9", dueOn: "2027-01-01" },
          { description: "b", ownerStaffId: "st-2", dueOn: "2026-10-31" },
        ],
      },
      context,
    );
    expect(found.map((v) => [v.code, v.path])).toEqual([
      ["ASSESSMENT.GOAL_OWNER_UNKNOWN", ["goals", 0, "ownerStaffId"]],
      ["ASSESSMENT.GOAL_DUE_BEFORE_ASSESSMENT", ["goals", 1, "dueOn"]],
    ]);
  });

  it("names every cause in Finnish, Swedish and English", () => {
    for (const cause of assessmentCauses) {
      const label = assessmentCauseLabels[cause];
      expect([label.fi, label.sv, label.en].every((t) => t.length > 0)).toBe(true);
      expect(label.sv).not.toBe(label.fi);
    }
  });
});

describe("goals and their reviews", () => {
  it("is open until a review meets it or ends it unmet, and overdue only while open", () => {
    expect(goalStatus(goal())).toBe("open");
    expect(goalStatus(goal([{ reviewedOn: "2026-11-10", progress: "stalled" }]))).toBe("open");
    expect(goalStatus(goal([{ reviewedOn: "2026-11-10", progress: "met" }]))).toBe("met");
    expect(goalStatus(goal([{ reviewedOn: "2026-11-10", progress: "not-met" }]))).toBe("not-met");
    expect(isGoalOverdue(goal(), "2027-01-01")).toBe(true);
    expect(isGoalOverdue(goal(), "2026-12-31")).toBe(false);
    expect(isGoalOverdue(goal([{ reviewedOn: "2026-11-10", progress: "met" }]), "2027-01-01")).toBe(false);
  });

  it("refuses a review of a goal already ended, in the future, or before its assessment", () => {
    const assessment = { assessedOn: "2026-11-01" };
    const ok = { reviewedOn: "2026-11-15", progress: "progressing" as const };
    expect(goalReviewRefusals("case-1", assessment, goal(), ok, "2026-11-22")).toEqual([]);
    const ended = goal([{ reviewedOn: "2026-11-10", progress: "met" }]);
    expect(codes(goalReviewRefusals("case-1", assessment, ended, ok, "2026-11-22"))).toEqual(["GOAL.ALREADY_FINAL"]);
    expect(
      codes(goalReviewRefusals("case-1", assessment, goal(), { ...ok, reviewedOn: "2026-11-23" }, "2026-11-22")),
    ).toEqual(["CASE.FUTURE_DATE"]);
    expect(
      codes(goalReviewRefusals("case-1", assessment, goal(), { ...ok, reviewedOn: "2026-10-31" }, "2026-11-22")),
    ).toEqual(["GOAL.REVIEW_BEFORE_ASSESSMENT"]);
  });

  it("has a Swedish message for every refusal, naming no ids or codes", () => {
    const all = [
      ...assessmentRefusals(
        {
          assessedOn: "2026-10-01",
          causes: [],
          neededOrganisationIds: ["org-x"],
          goals: [{ description: "a", ownerStaffId: "st-9", dueOn: "2026-09-01" }],
        },
        { ...context, case: { ...context.case, status: "closed" } },
      ),
      ...assessmentRefusals({ ...input, causes: ["housing", "housing"], assessedOn: "2027-01-01" }, context),
      ...goalReviewRefusals(
        "case-1",
        { assessedOn: "2026-11-01" },
        goal([{ reviewedOn: "2026-11-02", progress: "not-met" }]),
        { reviewedOn: "2026-10-01", progress: "met" },
        "2026-11-22",
      ),
    ];
    expect(new Set(codes(all)).size).toBe(10);
    for (const v of all) {
      expect(v.message.sv, v.code).toMatch(/\S/);
      expect(v.message.sv, v.code).not.toBe(v.message.fi);
      expect(`${v.message.fi} ${v.message.sv} ${v.message.en}`).not.toMatch(/org-|st-\d/);
    }
  });
});
