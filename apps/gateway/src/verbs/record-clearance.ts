import { newId, schema } from "@ankkuri/db";
import { canAdministerTeam, type ClearanceScope } from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

/** A clearance as the mutation receives it. */
export interface ClearanceRequest {
  staffId: string | number;
  scope: ClearanceScope;
  requestedOn: string;
  grantedOn?: string | null;
  deniedOn?: string | null;
  validUntil?: string | null;
}

/**
 * Records a security clearance the police requested for a city employee (003 § 7). Their work on the
 * police premises counts, and gives casework roles, only while a clearance is valid.
 */
export async function recordClearance(ctx: GatewayContext, input: ClearanceRequest): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const staffId = String(input.staffId);
  if (!team.dataset.staff.some((s) => s.id === staffId))
    throw new NotFoundFailure("staff member", ["input", "staffId"]);
  const id = `sc-${newId()}`;
  await auditedWrite(
    ctx,
    {
      operation: "create",
      resource: "security-clearance",
      resourceId: id,
      details: { staffId },
      basis: "administration",
    },
    (tx) =>
      tx.insert(schema.securityClearances).values({
        teamId: actor.teamId,
        id,
        staffId,
        scope: input.scope,
        requestedById: team.dataset.team.policeDepartmentId,
        requestedOn: input.requestedOn,
        grantedOn: input.grantedOn ?? null,
        deniedOn: input.deniedOn ?? null,
        validUntil: input.validUntil ?? null,
      }),
  );
  return { id };
}
