import type { AssessmentCause, Goal, GoalProgress, LocalDate } from "@ankkuri/domain";
import { and, eq, max } from "drizzle-orm";
import type { Executor } from "../client.js";
import { assessmentSummaries, assessments, goalReviews, goals } from "../schema/tables.js";

/** An assessment as it is written: its goals and the writing organisation's summary. */
export interface NewAssessment {
  id: string;
  caseId: string;
  assessedOn: LocalDate;
  assessedBy: string;
  organisationId: string;
  causes: readonly AssessmentCause[];
  neededOrganisationIds: readonly string[];
  goals: readonly Omit<Goal, "reviews">[];
  summary: string | null;
}

/** Writes an assessment, its goals and its summary (in the caller's transaction). */
export async function insertAssessment(tx: Executor, teamId: string, a: NewAssessment): Promise<void> {
  await tx.insert(assessments).values({
    teamId,
    id: a.id,
    caseId: a.caseId,
    assessedOn: a.assessedOn,
    assessedBy: a.assessedBy,
    organisationId: a.organisationId,
    causes: [...a.causes],
    neededOrganisationIds: [...a.neededOrganisationIds],
  });
  if (a.goals.length > 0) {
    await tx.insert(goals).values(
      a.goals.map((g, position) => ({
        teamId,
        id: g.id,
        caseId: a.caseId,
        assessmentId: a.id,
        description: g.description,
        ownerStaffId: g.ownerStaffId,
        dueOn: g.dueOn,
        position,
      })),
    );
  }
  if (a.summary !== null) {
    await tx.insert(assessmentSummaries).values({
      teamId,
      assessmentId: a.id,
      organisationId: a.organisationId,
      body: a.summary,
      writtenBy: a.assessedBy,
    });
  }
}

/** A goal with its reviews, its case and the day of the assessment that set it; null when none. */
export async function loadGoal(
  db: Executor,
  teamId: string,
  goalId: string,
): Promise<{ goal: Goal; caseId: string; assessedOn: LocalDate } | null> {
  if (!/^[0-9a-f-]{36}$/i.test(goalId)) return null;
  const row = await db.query.goals.findFirst({
    where: { teamId, id: goalId },
    with: {
      reviews: { orderBy: { position: "asc", id: "asc" } },
      assessment: { columns: { assessedOn: true } },
    },
  });
  if (!row) return null;
  return {
    caseId: row.caseId,
    assessedOn: row.assessment.assessedOn,
    goal: {
      id: row.id,
      description: row.description,
      ownerStaffId: row.ownerStaffId,
      dueOn: row.dueOn,
      reviews: row.reviews.map((r) => ({ reviewedOn: r.reviewedOn, progress: r.progress })),
    },
  };
}

/** Appends a review to a goal (in the caller's transaction), after its earlier ones. */
export async function insertGoalReview(
  tx: Executor,
  teamId: string,
  review: { id: string; goalId: string; reviewedOn: LocalDate; progress: GoalProgress; reviewedBy: string },
): Promise<void> {
  const [last] = await tx
    .select({ position: max(goalReviews.position) })
    .from(goalReviews)
    .where(and(eq(goalReviews.teamId, teamId), eq(goalReviews.goalId, review.goalId)));
  await tx.insert(goalReviews).values({ teamId, ...review, position: (last?.position ?? -1) + 1 });
}

/** A case's assessments, the latest first, each with its goals and reviews and the reader's own summary. */
export async function assessmentsOfCase(db: Executor, teamId: string, caseId: string, readerOrganisationId: string) {
  return db.query.assessments.findMany({
    where: { teamId, caseId },
    orderBy: { assessedOn: "desc", createdAt: "desc", id: "desc" },
    with: {
      goals: {
        orderBy: { position: "asc", id: "asc" },
        with: { reviews: { orderBy: { position: "asc", id: "asc" } } },
      },
      summaries: { where: { organisationId: readerOrganisationId } },
    },
  });
}

/** A case's assessment as read for its screen. */
export type AssessmentRow = Awaited<ReturnType<typeof assessmentsOfCase>>[number];
