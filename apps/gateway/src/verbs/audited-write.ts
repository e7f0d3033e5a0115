import { type AccessScope, appendAudit, type Transaction } from "@ankkuri/db";
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

/** The actor's access scope (team, organisation chain, day), worked out once when the request was authenticated. */
export function accessOf(ctx: GatewayContext): AccessScope {
  if (!ctx.access) throw new Error("a verb ran without an actor");
  return ctx.access;
}

type Changes = AuditedChange | readonly AuditedChange[];

/**
 * Runs `write` and appends its audit entry in one transaction, so a change is never kept without its
 * entry nor logged without being kept. A change that concerns several cases (a link) has one entry
 * per case, so each client's log shows it. Expected failures (a constraint that expresses a rule, a
 * stale version) become typed mutation results; the data is then as it was.
 */
export async function auditedWrite<T>(
  ctx: GatewayContext,
  change: Changes | ((result: T) => Changes),
  write: (tx: Transaction) => Promise<T>,
): Promise<T> {
  // Set inside the transaction's callback; an object, so that the compiler does not take it for always false.
  const seen = { administrative: false };
  try {
    const written = await ctx.db.transaction(async (tx) => {
      const result = await write(tx);
      const given = typeof change === "function" ? change(result) : change;
      const changes: readonly AuditedChange[] = Array.isArray(given) ? given : [given as AuditedChange];
      seen.administrative = changes.some((c) => c.basis === "administration");
      if (ctx.services.auditLog) {
        const entries = changes.flatMap((c) =>
          ctx.audit.write(
            c.operation,
            {
              resource: c.resource,
              resourceId: c.resourceId ?? null,
              caseId: c.caseId ?? null,
              clientId: c.clientId ?? null,
            },
            { basis: c.basis, consentIds: c.consentIds ?? [] },
            c.details,
          ),
        );
        await appendAudit(tx, ctx.services.keys.auditKey, entries);
      }
      return result;
    });
    // An administrative write changes the team dataset; its payload is read after the commit, from
    // the dataset with the change in it. Case writes leave the dataset as it was.
    if (seen.administrative) ctx.refreshTeam();
    return written;
  } catch (error) {
    throw asMutationFailure(error);
  }
}
