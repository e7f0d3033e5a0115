import { and, desc, eq, gte, lte, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { queryRows } from "../query-rows.js";
import { auditHeads, auditLog } from "../schema/audit.js";
import { pruneMac } from "./audit-chain.js";
import { verifyAuditChain } from "./verify-audit.js";

/** The default retention of the access log (DOMAIN § 7: configurable, 12 years, unconfirmed). */
export const defaultAuditRetentionYears = 12;

/**
 * What a retention run did for one team; `heldFrom` is the first entry a legal hold kept (pruning
 * stopped before it), absent when no hold stopped it.
 */
export type PruneOutcome =
  | { ok: true; teamId: string; pruned: number; prunedSeq: number; heldFrom?: number }
  | { ok: false; teamId: string; message: string };

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
 * verify is left untouched: pruning must not destroy the evidence of tampering. A legal hold in force
 * stops all deletion for its client or case, the log of who read them included: the first
 * entry about a held client, one of its cases or a held case bounds the prefix as well.
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
    const heldFrom = await firstHeldEntry(tx, teamId, head.prunedSeq);
    const bound = Math.min(firstKept?.seq ?? head.seq + 1, heldFrom ?? Number.POSITIVE_INFINITY);
    const through = bound - 1;
    const held = heldFrom !== null && heldFrom === bound ? { heldFrom } : {};
    if (through <= head.prunedSeq) return { ok: true, teamId, pruned: 0, prunedSeq: head.prunedSeq, ...held };
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
    return { ok: true, teamId, pruned: deleted?.n ?? 0, prunedSeq: through, ...held };
  });
}

/**
 * The first entry after the pruning point about a client or case under a legal hold in force (a
 * client's hold covers every case of theirs), or null. Read from the holds: each held client's or
 * case's entries through their own index, not a scan of the log.
 */
async function firstHeldEntry(tx: Executor, teamId: string, after: number): Promise<number | null> {
  const [row] = await queryRows<{ seq: string | number | null }>(
    tx,
    sql`with holds as (
          select client_id, case_id from legal_holds where team_id = ${teamId} and released_on is null
        ), held_cases as (
          select case_id as id from holds where case_id is not null
          union
          select c.id from cases c join holds h on h.client_id = c.client_id where c.team_id = ${teamId}
        )
        select least(
          (select min(a.seq) from audit_log a
            where a.team_id = ${teamId} and a.seq > ${after} and a.client_id in (select client_id from holds)),
          (select min(a.seq) from audit_log a
            where a.team_id = ${teamId} and a.seq > ${after} and a.case_id in (select id from held_cases))
        ) as seq`,
  );
  return row?.seq == null ? null : Number(row.seq);
}
