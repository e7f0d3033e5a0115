import { newId, schema } from "@ankkuri/db";
import { canAdministerTeam, recordJoiningDecision as joiningRule } from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { RuleViolationFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

/** A joining decision as the mutation receives it. */
export interface JoiningDecisionRequest {
  organisationId: string | number;
  effectiveFrom: string;
  description: string;
  approvals: { organisationId: string | number; approvedOn: string; reference: string }[];
}

/**
 * Records a joint decision admitting another authority to the team (003 § 2): refused unless the
 * police department and Sotepe have both approved it. Written and audited in one transaction.
 */
export async function recordJoiningDecision(
  ctx: GatewayContext,
  input: JoiningDecisionRequest,
): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const decision = {
    id: `jd-${newId()}`,
    organisationId: String(input.organisationId),
    effectiveFrom: input.effectiveFrom,
    description: input.description,
    approvals: input.approvals.map((a) => ({
      organisationId: String(a.organisationId),
      approvedOn: a.approvedOn,
      reference: a.reference,
    })),
  };
  const result = joiningRule(team.dataset.agreement, decision);
  if (!result.ok) throw new RuleViolationFailure(result.error);
  await auditedWrite(
    ctx,
    { operation: "create", resource: "joining-decision", resourceId: decision.id, basis: "administration" },
    async (tx) => {
      await tx.insert(schema.joiningDecisions).values({
        teamId: actor.teamId,
        id: decision.id,
        agreementId: team.dataset.agreement.id,
        organisationId: decision.organisationId,
        effectiveFrom: decision.effectiveFrom,
        description: decision.description,
      });
      await tx
        .insert(schema.joiningApprovals)
        .values(decision.approvals.map((a) => ({ teamId: actor.teamId, decisionId: decision.id, ...a })));
    },
  );
  return { id: decision.id };
}
