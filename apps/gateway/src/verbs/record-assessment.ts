import { insertAssessment, insertGoalReview, loadCase, loadGoal, newId, type StoredCase } from "@ankkuri/db";
import {
  type Actor,
  type AssessmentCause,
  assessmentRefusals,
  caseAccessInChain,
  goalReviewRefusals,
  type GoalProgress,
  type LocalDate,
} from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { accessOf, actorOf, auditedWrite } from "./audited-write.js";

/** The case, when the actor's organisation takes part in it in full today; null otherwise. */
async function caseInFull(ctx: GatewayContext, actor: Actor, caseId: string) {
  const stored = await loadCase(ctx.db, actor.teamId, caseId);
  if (!stored) return null;
  const access = caseAccessInChain(
    actor,
    { teamId: stored.case.teamId, memberships: stored.memberships },
    accessOf(ctx).organisations,
    ctx.today,
  );
  return access === "full" ? stored : null;
}

/** An assessment as the mutation receives it. */
export interface AssessmentRequest {
  caseId: string;
  assessedOn?: LocalDate | null;
  causes: readonly AssessmentCause[];
  neededOrganisationIds?: readonly string[] | null;
  goals?: readonly { description: string; ownerStaffId: string; dueOn: LocalDate }[] | null;
  summary?: string | null;
}

/**
 * Records an assessment of a case (`recordAssessment`): only an organisation taking part in the case
 * in full today may (anyone else is answered as for a case that does not exist); the domain's rules
 * (`assessmentRefusals`) decide the rest. The summary is the actor's organisation's own.
 */
export async function recordAssessment(ctx: GatewayContext, input: AssessmentRequest): Promise<{ caseId: string }> {
  const actor = actorOf(ctx);
  const team = await ctx.team();
  const stored = await caseInFull(ctx, actor, input.caseId);
  if (!stored) throw new NotFoundFailure("case", ["input", "caseId"]);
  const assessedOn = input.assessedOn ?? ctx.today;
  const request = {
    assessedOn,
    causes: input.causes,
    neededOrganisationIds: input.neededOrganisationIds ?? [],
    goals: input.goals ?? [],
  };
  const refused = assessmentRefusals(request, {
    case: { id: stored.case.id, status: stored.case.status, decidedOn: stored.case.decidedOn },
    today: ctx.today,
    staffIds: team.dataset.staff.map((s) => s.id),
    organisationIds: [...team.organisations.keys()],
  });
  if (refused.length > 0) throw new RuleViolationFailure(refused);
  const id = newId();
  await auditedWrite(ctx, change(stored, "create", "assessment", id), (tx) =>
    insertAssessment(tx, actor.teamId, {
      id,
      caseId: stored.case.id,
      assessedOn,
      assessedBy: actor.login,
      organisationId: actor.organisationId,
      causes: request.causes,
      neededOrganisationIds: request.neededOrganisationIds,
      goals: request.goals.map((g) => ({ ...g, id: newId() })),
      summary: input.summary ?? null,
    }),
  );
  return { caseId: stored.case.id };
}

/**
 * Records a goal's progress (`reviewGoal`): the goal of a case the actor's organisation takes part in
 * in full today (any other goal is answered as one that does not exist), by the domain's rules
 * (`goalReviewRefusals`).
 */
export async function reviewGoal(
  ctx: GatewayContext,
  input: { goalId: string; reviewedOn?: LocalDate | null; progress: GoalProgress },
): Promise<{ caseId: string }> {
  const actor = actorOf(ctx);
  const found = await loadGoal(ctx.db, actor.teamId, input.goalId);
  const stored = found ? await caseInFull(ctx, actor, found.caseId) : null;
  if (!found || !stored) throw new NotFoundFailure("goal", ["input", "goalId"]);
  const review = { reviewedOn: input.reviewedOn ?? ctx.today, progress: input.progress };
  const refused = goalReviewRefusals(stored.case.id, found, found.goal, review, ctx.today);
  if (refused.length > 0) throw new RuleViolationFailure(refused);
  await auditedWrite(ctx, change(stored, "update", "goal", found.goal.id, { progress: review.progress }), (tx) =>
    insertGoalReview(tx, actor.teamId, { id: newId(), goalId: found.goal.id, ...review, reviewedBy: actor.login }),
  );
  return { caseId: stored.case.id };
}

const change = (
  stored: StoredCase,
  operation: "create" | "update",
  resource: string,
  resourceId: string,
  details?: Record<string, unknown>,
) => ({
  operation,
  resource,
  resourceId,
  caseId: stored.case.id,
  clientId: stored.case.client.id,
  ...(details ? { details } : {}),
  // An assessment is casework under the agreement: only those who take part in the case in full write one.
  basis: "casework" as const,
});
