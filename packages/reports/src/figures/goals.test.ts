import {
  createIdentityVault,
  generateKeySettings,
  insertAssessment,
  insertGoalReview,
  newId,
  parseKeyMaterial,
  referCase,
} from "@ankkuri/db";
import { seededTestDatabase, testEngines } from "@ankkuri/db/testing";
import {
  type CaseType,
  type GoalProgress,
  goalProgresses,
  goalStatus,
  helsinkiAnkkuri,
  helsinkiOrganisationIds as org,
  testIdentityCode,
} from "@ankkuri/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { goalsTable } from "./goals.js";

const teamId = helsinkiAnkkuri.team.id;
const vault = createIdentityVault(parseKeyMaterial(generateKeySettings()));
const owner = helsinkiAnkkuri.staff[0]?.id ?? "";
const period = { from: "2026-10-01", to: "2026-10-31" };

interface GoalHistory {
  type: CaseType;
  assessedOn: string;
  reviews: { reviewedOn: string; progress: GoalProgress }[];
}

const day = fc.integer({ min: 0, max: 90 }).map((n) => new Date(Date.UTC(2026, 8, 1 + n)).toISOString().slice(0, 10));
const history: fc.Arbitrary<GoalHistory> = fc.record({
  type: fc.constantFrom<CaseType>("youth-crime", "domestic-violence", "multi-professional"),
  assessedOn: day,
  reviews: fc.array(fc.record({ reviewedOn: day, progress: fc.constantFrom(...goalProgresses) }), { maxLength: 3 }),
});

/** What the table should say, from the domain's `goalStatus`: the first final review ends a goal. */
function expected(histories: GoalHistory[]) {
  const within = (d: string) => d >= period.from && d <= period.to;
  return (["youth-crime", "domestic-violence", "multi-professional"] as const).map((type) => {
    const ofType = histories.filter((h) => h.type === type && h.assessedOn <= period.to);
    const ended = (status: "met" | "not-met") =>
      ofType.filter((h) => {
        const final = h.reviews.find((r) => r.progress === "met" || r.progress === "not-met");
        return goalStatus(h) === status && final !== undefined && within(final.reviewedOn);
      }).length;
    return [ofType.filter((h) => within(h.assessedOn)).length, ended("met"), ended("not-met")];
  });
}

describe.each(testEngines)("goals of assessments in the report on %s", (engine) => {
  const database = seededTestDatabase(engine);

  it("counts goals set, met and ended unmet as the domain's goalStatus does", async () => {
    const histories = fc.sample(history, { numRuns: 40, seed: 21 });
    let individual = 900;
    for (const h of histories) {
      individual += 1;
      const referral = { referredOn: "2026-08-01", referredByOrganisationId: org.policePrevention };
      const { caseId } = await referCase(database.db, vault, {
        teamId,
        caseId: newId(),
        type: h.type,
        referralSource: "police",
        ...referral,
        client: {
          identityCode: testIdentityCode("2011-04-05", individual),
          givenName: "Eetu",
          familyName: "Esimerkki",
        },
        memberships: [],
      });
      const goalId = newId();
      await insertAssessment(database.db, teamId, {
        id: newId(),
        caseId,
        assessedOn: h.assessedOn,
        assessedBy: "maria.jarvinen",
        organisationId: org.policePrevention,
        causes: ["peer-group"],
        neededOrganisationIds: [],
        goals: [{ id: goalId, description: "Tavoite", ownerStaffId: owner, dueOn: "2027-01-01" }],
        summary: null,
      });
      for (const r of h.reviews)
        await insertGoalReview(database.db, teamId, { id: newId(), goalId, ...r, reviewedBy: "maria.jarvinen" });
    }
    const table = await goalsTable(database.db, { teamId, period, partyUnits: null });
    expect(table.rows.map((r) => r.values)).toEqual(expected(histories));
    // The sample reaches every column: goals set, met and ended unmet in the period.
    for (const column of [0, 1, 2]) expect(table.rows.some((r) => (r.values[column] ?? 0) > 0)).toBe(true);
  });
});
