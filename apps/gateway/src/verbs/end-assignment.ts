import { schema, updateVersioned } from "@ankkuri/db";
import { canAdministerTeam } from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

/**
 * Sets the last day of an assignment (optimistic concurrency). The person's casework ends with it:
 * from the next day their requests carry no role from it (`resolveActor`).
 */
export async function endAssignment(
  ctx: GatewayContext,
  input: { assignmentId: string | number; validTo: string; expectedVersion: number },
): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const id = String(input.assignmentId);
  try {
    await auditedWrite(
      ctx,
      {
        operation: "update",
        resource: "assignment",
        resourceId: id,
        details: { validTo: input.validTo },
        basis: "administration",
      },
      (tx) =>
        updateVersioned(
          tx,
          schema.assignments,
          { teamId: actor.teamId, id, entity: "assignment" },
          input.expectedVersion,
          {
            validTo: input.validTo,
          },
        ),
    );
  } catch (error) {
    if (error instanceof Error && error.name === "RowNotFoundError")
      throw new NotFoundFailure("assignment", ["assignmentId"]);
    throw error;
  }
  return { id };
}
