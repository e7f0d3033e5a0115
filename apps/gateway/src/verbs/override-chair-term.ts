import { schema } from "@ankkuri/db";
import { canAdministerTeam, checkChairOverride, type RotationEvent } from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

/**
 * Records a decision that gives one term of a rotating chair to a named party (DOMAIN § 4): the order
 * then continues. Refused when the term does not start that day, the party holds no seat of the body
 * or is not a party in force throughout the term, or the term is decided already and
 * `replacesOverride` is not given (the replaced decision stays recorded and visible). Written and
 * audited in one transaction; the payload is read after it, so it shows the calendar with the change.
 */
export async function overrideChairTerm(
  ctx: GatewayContext,
  input: {
    bodyId: string | number;
    termStart: string;
    partyId: string | number;
    decidedOn: string;
    reference: string;
    replacesOverride?: boolean | null;
  },
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
  const checked = checkChairOverride(
    { ...team.dataset, body, rotation: body.chairPolicy.rotation },
    event,
    input.replacesOverride === true,
  );
  if (!checked.ok) throw new RuleViolationFailure(checked.error);
  const sequence = checked.rotation.events.length - 1;
  const id = `${body.id}:${String(sequence)}:${input.termStart}`;
  await auditedWrite(
    ctx,
    {
      operation: "create",
      resource: "rotation-event",
      resourceId: id,
      details: { bodyId: body.id, replacesOverride: input.replacesOverride === true },
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
