import { schema } from "@ankkuri/db";
import { canAdministerTeam, checkRotation, type RotationEvent } from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

/**
 * Records a decision that gives one term of a rotating chair to a named party (DOMAIN § 4): the order
 * then continues. Refused when the rotation's rules refuse the new event. Written and audited in one
 * transaction.
 */
export async function overrideChairTerm(
  ctx: GatewayContext,
  input: { bodyId: string | number; termStart: string; partyId: string | number; decidedOn: string; reference: string },
): Promise<{ bodyId: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const body = team.dataset.bodies.find((b) => b.id === String(input.bodyId));
  if (body?.chairPolicy.kind !== "rotating") throw new NotFoundFailure("rotating body", ["bodyId"]);
  const event: RotationEvent = {
    kind: "override",
    termStart: input.termStart,
    partyId: String(input.partyId),
    decidedOn: input.decidedOn,
    reference: input.reference,
  };
  const rotation = { ...body.chairPolicy.rotation, events: [...body.chairPolicy.rotation.events, event] };
  const sequence = rotation.events.length - 1;
  const found = checkRotation(rotation).filter((v) => v.path?.[1] === sequence);
  if (found.length > 0) throw new RuleViolationFailure(found);
  const id = `${body.id}:${String(sequence)}:${input.termStart}`;
  await auditedWrite(
    ctx,
    {
      operation: "create",
      resource: "rotation-event",
      resourceId: id,
      details: { bodyId: body.id },
      basis: "administration",
    },
    (tx) =>
      tx.insert(schema.rotationEvents).values({
        teamId: actor.teamId,
        id,
        bodyId: body.id,
        sequence,
        kind: "override",
        partyId: event.partyId,
        on: input.termStart,
        decidedOn: input.decidedOn,
        reference: input.reference,
      }),
  );
  return { bodyId: body.id };
}
