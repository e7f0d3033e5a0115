import { appendAudit, type Transaction } from "@ankkuri/db";
import type { Actor, LegalBasis } from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { asMutationFailure } from "./failures.js";

/** What a write's audit entry says it changed. */
export interface AuditedChange {
  operation: "create" | "update" | "delete";
  resource: string;
  resourceId?: string | null;
  caseId?: string | null;
  clientId?: string | null;
  details?: Record<string, unknown>;
  /** The legal basis, from the access the actor has (`accessBasisOf`, `commandBasisOf`) or `administration`. */
  basis: LegalBasis;
  /** The consents a `consent` basis rests on. */
  consentIds?: string[];
}

/**
 * The actor of a write. The schema's scopes let only actors in; a verb reached without one is a
 * programming error, not a request to answer.
 */
export function actorOf(ctx: GatewayContext): Actor {
  if (!ctx.actor) throw new Error("a verb ran without an actor");
  return ctx.actor;
}

/**
 * Runs `write` and appends its audit entry in one transaction, so a change is never kept without its
 * entry nor logged without being kept. Expected failures (a constraint that expresses a rule, a stale
 * version) become typed mutation results; the data is then as it was.
 */
export async function auditedWrite<T>(
  ctx: GatewayContext,
  change: AuditedChange | ((result: T) => AuditedChange),
  write: (tx: Transaction) => Promise<T>,
): Promise<T> {
  try {
    return await ctx.db.transaction(async (tx) => {
      const result = await write(tx);
      if (ctx.services.auditLog) {
        const c = typeof change === "function" ? change(result) : change;
        const target = {
          resource: c.resource,
          resourceId: c.resourceId ?? null,
          caseId: c.caseId ?? null,
          clientId: c.clientId ?? null,
        };
        await appendAudit(
          tx,
          ctx.services.keys.auditKey,
          ctx.audit.write(c.operation, target, { basis: c.basis, consentIds: c.consentIds ?? [] }, c.details),
        );
      }
      return result;
    });
  } catch (error) {
    throw asMutationFailure(error);
  }
}
