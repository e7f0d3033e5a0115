import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { queryRows } from "../query-rows.js";
import { auditHeads, auditLog } from "../schema/audit.js";
import { pruneMac } from "./audit-chain.js";
import { verifyAuditChain } from "./verify-audit.js";

/** The default retention of the access log (DOMAIN § 7: configurable, 12 years, unconfirmed). */
export const defaultAuditRetentionYears = 12;

/** What a retention run did for one team. */
export type PruneOutcome =
  { ok: true; teamId: string; pruned: number; prunedSeq: number } | { ok: false; teamId: string; message: string };

/** The instant before which entries are past retention on `today` (UTC calendar arithmetic). */
export function retentionCutoff(today: Date, years: number): Date {
  const cutoff = new Date(today);
  cutoff.setUTCFullYear(cutoff.getUTCFullYear() - years);
  return cutoff;
}

/**
 * Deletes a team's audit entries that occurred before `cutoff`, oldest first and only as a whole
 * prefix of the chain (an old entry after a newer one waits until everything before it may go), and
 * records the new start of the chain in `audit_heads` under the audit key. A chain that does not
 * verify is left untouched: pruning must not destroy the evidence of tampering.
 */
export async function pruneAuditLog(db: Executor, key: Buffer, teamId: string, cutoff: Date): Promise<PruneOutcome> {
  const verification = await verifyAuditChain(db, key, teamId);
  if (!verification.ok) return { ok: false, teamId, message: `not pruned: ${verification.message}` };
  return db.transaction(async (tx) => {
    const [head] = await tx.select().from(auditHeads).where(eq(auditHeads.teamId, teamId)).for("update");
    if (!head) return { ok: true, teamId, pruned: 0, prunedSeq: 0 };
    // The first entry still within retention bounds the prefix that may go.
    const [firstKept] = await tx
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(and(eq(auditLog.teamId, teamId), gte(auditLog.occurredAt, cutoff), lte(auditLog.seq, head.seq)))
      .orderBy(auditLog.seq)
      .limit(1);
    const through = (firstKept?.seq ?? head.seq + 1) - 1;
    if (through <= head.prunedSeq) return { ok: true, teamId, pruned: 0, prunedSeq: head.prunedSeq };
    const [last] = await tx
      .select({ seq: auditLog.seq, hash: auditLog.hash })
      .from(auditLog)
      .where(and(eq(auditLog.teamId, teamId), lte(auditLog.seq, through)))
      .orderBy(desc(auditLog.seq))
      .limit(1);
    if (last?.seq !== through)
      return { ok: false, teamId, message: `not pruned: audit row ${String(through)} of team ${teamId} is missing` };
    await tx
      .update(auditHeads)
      .set({
        prunedSeq: through,
        prunedHash: last.hash,
        prunedMac: pruneMac(key, teamId, through, last.hash),
        prunedBefore: cutoff,
      })
      .where(eq(auditHeads.teamId, teamId));
    // The append-only trigger lets this transaction delete up to the pruning point just recorded.
    await tx.execute(sql`select set_config('ankkuri.audit_prune', 'on', true)`);
    const [deleted] = await queryRows<{ n: number }>(
      tx,
      sql`with d as (delete from audit_log where team_id = ${teamId} and seq <= ${through} returning 1) select count(*)::int as n from d`,
    );
    await tx.execute(sql`select set_config('ankkuri.audit_prune', 'off', true)`);
    return { ok: true, teamId, pruned: deleted?.n ?? 0, prunedSeq: through };
  });
}
