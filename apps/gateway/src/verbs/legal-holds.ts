import {
  activeLegalHolds,
  type LegalHold,
  type LegalHoldOutcome,
  type LegalHoldRequest,
  type LegalHoldTarget,
  placeLegalHold,
  refusedAttempt,
  releaseLegalHold,
} from "@ankkuri/db";
import type { LegalHoldInput } from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { forbidden, NotFoundFailure } from "../errors.js";
import { actorOf } from "./audited-write.js";

// The gateway's side of the legal-hold verbs (`@ankkuri/db`): the rule, the check of the target, the
// audited write and the audit entry of a refused attempt are theirs, shared with the retention CLI;
// here only the request and the answer.

async function requestOf(ctx: GatewayContext): Promise<LegalHoldRequest> {
  const team = await ctx.team();
  return {
    actor: actorOf(ctx),
    today: ctx.today,
    now: ctx.services.clock(),
    requestId: ctx.requestId,
    team: { agreement: team.dataset.agreement, organisations: team.organisations },
  };
}

/** The value, or the failure the schema answers with (FORBIDDEN as an error, NOT_FOUND in the result). */
function valueOf<T>(outcome: LegalHoldOutcome<T>): T {
  if (outcome.ok) return outcome.value;
  if (outcome.code === "FORBIDDEN") throw forbidden();
  throw new NotFoundFailure(outcome.what, [outcome.path]);
}

/** Places a hold on a client or a case (`placeLegalHold`). */
export async function placeHold(
  ctx: GatewayContext,
  target: LegalHoldTarget,
  input: LegalHoldInput,
): Promise<LegalHold> {
  return valueOf(await placeLegalHold(ctx.db, ctx.services.keys.auditKey, await requestOf(ctx), target, input));
}

/** Releases a hold in force (`releaseLegalHold`). */
export async function releaseHold(ctx: GatewayContext, holdId: string): Promise<LegalHold> {
  return valueOf(await releaseLegalHold(ctx.db, ctx.services.keys.auditKey, await requestOf(ctx), holdId));
}

/**
 * The holds in force on a client or a case, logged as a read of the client's data; null for a target
 * that is not there or not the actor's to see (one answer for both). The attempt is logged either way,
 * a refused one as such (`refusedAttempt`), as `placeLegalHold` and `releaseLegalHold` log theirs.
 */
export async function holdsInForce(ctx: GatewayContext, target: LegalHoldTarget): Promise<LegalHold[] | null> {
  const outcome = await activeLegalHolds(ctx.db, await requestOf(ctx), target);
  if (!outcome.ok && outcome.code === "FORBIDDEN") throw forbidden();
  const found = outcome.ok ? outcome.value : null;
  ctx.audit.read(
    {
      resource: "legal-hold",
      caseId: found && "caseId" in target ? target.caseId : null,
      clientId: found?.clientId ?? null,
    },
    { basis: "administration", purpose: "legal-hold" },
    found ? { ...target, holds: found.holds.length } : { ...target, holds: 0, ...refusedAttempt },
  );
  return found?.holds ?? null;
}
