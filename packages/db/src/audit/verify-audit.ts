import { and, asc, eq, gt, lte, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { queryRows } from "../query-rows.js";
import { auditHeads, auditLog } from "../schema/audit.js";
import { type AuditRow, chainHash, genesisHash, pruneMac } from "./audit-chain.js";

/** Outcome of {@link verifyAuditChain}: intact, or the first row at fault and how. */
export type AuditVerification =
  | { ok: true; rows: number; headSeq: number; prunedSeq: number }
  | { ok: false; seq: number; problem: "altered" | "missing" | "unlinked"; message: string };

/**
 * Walks a team's audit chain in order (in batches, so memory stays flat) and names the first row that
 * was altered (its hash no longer matches), deleted (a gap in the sequence, or rows missing before the
 * recorded head) or relinked (its previous hash is not the hash of the row before). The head is read
 * first, so entries appended while it runs are not mistaken for damage; after a retention run the
 * chain starts at the sealed pruning point instead of the genesis.
 */
export async function verifyAuditChain(
  db: Executor,
  key: Buffer,
  teamId: string,
  batchSize = 5000,
): Promise<AuditVerification> {
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.teamId, teamId));
  if (!head) {
    const [stray] = await db
      .select({ seq: auditLog.seq })
      .from(auditLog)
      .where(eq(auditLog.teamId, teamId))
      .orderBy(asc(auditLog.seq))
      .limit(1);
    if (stray)
      return {
        ok: false,
        seq: stray.seq,
        problem: "unlinked",
        message: `audit rows of team ${teamId} exist without a recorded head`,
      };
    return { ok: true, rows: 0, headSeq: 0, prunedSeq: 0 };
  }
  const pruned = head.prunedSeq > 0;
  if (
    pruned ? head.prunedMac !== pruneMac(key, teamId, head.prunedSeq, head.prunedHash) : head.prunedHash !== genesisHash
  ) {
    return {
      ok: false,
      seq: head.prunedSeq + 1,
      problem: "missing",
      message: `the retention record of team ${teamId} has been altered: rows before ${String(head.prunedSeq + 1)} may have been deleted`,
    };
  }
  let expectedSeq = head.prunedSeq + 1;
  let prevHash = head.prunedHash;
  let count = 0;
  for (;;) {
    const batch = (await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.teamId, teamId), gt(auditLog.seq, expectedSeq - 1), lte(auditLog.seq, head.seq)))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize)) as AuditRow[];
    for (const row of batch) {
      if (row.seq !== expectedSeq) {
        return {
          ok: false,
          seq: expectedSeq,
          problem: "missing",
          message: `audit row ${String(expectedSeq)} of team ${teamId} has been deleted`,
        };
      }
      if (row.prevHash !== prevHash) {
        return {
          ok: false,
          seq: row.seq,
          problem: "unlinked",
          message: `audit row ${String(row.seq)} of team ${teamId} does not follow the row before it`,
        };
      }
      if (chainHash(key, row.prevHash, row) !== row.hash) {
        return {
          ok: false,
          seq: row.seq,
          problem: "altered",
          message: `audit row ${String(row.seq)} of team ${teamId} has been altered`,
        };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (batch.length < batchSize) break;
  }
  const lastSeq = expectedSeq - 1;
  if (head.seq > lastSeq) {
    return {
      ok: false,
      seq: lastSeq + 1,
      problem: "missing",
      message: `audit rows from ${String(lastSeq + 1)} to ${String(head.seq)} of team ${teamId} have been deleted`,
    };
  }
  if (head.hash !== prevHash) {
    return {
      ok: false,
      seq: head.seq,
      problem: "altered",
      message: `audit row ${String(head.seq)} of team ${teamId} does not match the recorded head`,
    };
  }
  // A row above the head was not appended through the chain (an append writes its rows and moves
  // the head in one transaction): a forged row. One statement, so the head and the rows it compares
  // are of the same moment, and rows appended while the walk ran are not mistaken for forged ones.
  const [beyond] = await queryRows<{ seq: number | string }>(
    db,
    sql`select l.seq from audit_log l where l.team_id = ${teamId}
          and l.seq > coalesce((select h.seq from audit_heads h where h.team_id = ${teamId}), 0)
        order by l.seq limit 1`,
  );
  if (beyond) {
    const seq = Number(beyond.seq);
    return {
      ok: false,
      seq,
      problem: "unlinked",
      message: `audit row ${String(seq)} of team ${teamId} lies beyond the recorded head: it was not appended through the chain`,
    };
  }
  return { ok: true, rows: count, headSeq: head.seq, prunedSeq: head.prunedSeq };
}

/** Every team whose chain is to be verified: those in `teams`, and any other the audit tables name. */
export async function auditedTeams(db: Executor): Promise<string[]> {
  const rows = await queryRows<{ team_id: string }>(
    db,
    sql`select id as team_id from teams
        union select team_id from audit_heads
        union select distinct team_id from audit_log
        order by team_id`,
  );
  return rows.map((r) => r.team_id);
}
