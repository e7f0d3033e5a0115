import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { describe, expect, it } from "vitest";
import { constraintViolation } from "../errors.js";
import { referTestCase, seededTestDatabase, testEngines } from "../testing/index.js";
import {
  assessmentsOfCase,
  insertAssessment,
  insertGoalReview,
  loadGoal,
  type NewAssessment,
} from "./assessment-repository.js";
import { newId } from "./case-repository.js";

const teamId = helsinkiAnkkuri.team.id;
const owner = helsinkiAnkkuri.staff[0]?.id ?? "";

describe.each(testEngines)("the assessment repository on %s", (engine) => {
  const database = seededTestDatabase(engine);
  const newCase = () => referTestCase(database.db, "youth-crime", org.policePrevention);
  const assessment = (caseId: string, over: Partial<NewAssessment> = {}): NewAssessment => ({
    id: newId(),
    caseId,
    assessedOn: "2025-04-01",
    assessedBy: "maria.jarvinen",
    organisationId: org.policePrevention,
    causes: ["peer-group", "housing"],
    neededOrganisationIds: [org.childWelfare],
    goals: [
      { id: newId(), description: "Ensimmäinen", ownerStaffId: owner, dueOn: "2025-06-01" },
      { id: newId(), description: "Toinen", ownerStaffId: owner, dueOn: "2025-05-01" },
    ],
    summary: "Poliisin yhteenveto (kuvitteellinen).",
    ...over,
  });

  it("writes an assessment with its goals in order, reviews them in order, and gives each organisation its own summary", async () => {
    const caseId = await newCase();
    const a = assessment(caseId);
    await insertAssessment(database.db, teamId, a);
    const goalId = a.goals[1]?.id ?? "";
    await insertGoalReview(database.db, teamId, {
      id: newId(),
      goalId,
      reviewedOn: "2025-04-10",
      progress: "stalled",
      reviewedBy: "x",
    });
    await insertGoalReview(database.db, teamId, {
      id: newId(),
      goalId,
      reviewedOn: "2025-04-20",
      progress: "met",
      reviewedBy: "x",
    });
    expect(await loadGoal(database.db, teamId, goalId)).toEqual({
      caseId,
      assessedOn: "2025-04-01",
      goal: {
        id: goalId,
        description: "Toinen",
        ownerStaffId: owner,
        dueOn: "2025-05-01",
        reviews: [
          { reviewedOn: "2025-04-10", progress: "stalled" },
          { reviewedOn: "2025-04-20", progress: "met" },
        ],
      },
    });
    const [own] = await assessmentsOfCase(database.db, teamId, caseId, org.policePrevention);
    expect(own?.goals.map((g) => g.description)).toEqual(["Ensimmäinen", "Toinen"]);
    expect(own?.summaries.map((s) => s.body)).toEqual(["Poliisin yhteenveto (kuvitteellinen)."]);
    const [other] = await assessmentsOfCase(database.db, teamId, caseId, org.socialEmergency);
    expect(other?.summaries).toEqual([]);
    expect(await loadGoal(database.db, "team-other", goalId)).toBeNull();
  });

  it("refuses causes outside the code list, no causes, and a goal owner who is not of the team", async () => {
    const caseId = await newCase();
    for (const bad of [
      assessment(caseId, { causes: ["astrology" as "housing"] }),
      assessment(caseId, { causes: [] }),
      assessment(caseId, {
        goals: [{ id: newId(), description: "x", ownerStaffId: "st-nobody", dueOn: "2025-05-01" }],
      }),
    ]) {
      const refused = await database.db
        .transaction((tx) => insertAssessment(tx, teamId, bad))
        .then(
          () => null,
          (error: unknown) => constraintViolation(error)?.kind ?? String(error),
        );
      expect(refused).not.toBeNull();
    }
    expect(await assessmentsOfCase(database.db, teamId, caseId, org.policePrevention)).toEqual([]);
  });
});
