import { newId, schema } from "@ankkuri/db";
import { canAdministerTeam, giveNotice as noticeRule } from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { RuleViolationFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

/**
 * Records a party's notice of termination (003 § 3): the domain refuses a second notice of one party
 * and a party that is not one. Written and audited in one transaction.
 */
export async function giveNotice(
  ctx: GatewayContext,
  input: { partyId: string | number; givenOn: string; reference: string },
): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const notice = {
    id: `notice-${newId()}`,
    partyId: String(input.partyId),
    givenOn: input.givenOn,
    reference: input.reference,
  };
  const result = noticeRule(team.dataset.agreement, notice);
  if (!result.ok) throw new RuleViolationFailure(result.error);
  await auditedWrite(
    ctx,
    {
      operation: "create",
      resource: "notice",
      resourceId: notice.id,
      details: { partyId: notice.partyId },
      basis: "administration",
    },
    (tx) =>
      tx.insert(schema.notices).values({ teamId: actor.teamId, agreementId: team.dataset.agreement.id, ...notice }),
  );
  return { id: notice.id };
}
