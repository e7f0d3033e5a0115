import { and, asc, eq, gt } from "drizzle-orm";
import type { Executor } from "../client.js";
import { auditHeads, auditLog } from "../schema/audit.js";
import { type AuditRow, chainHash, genesisHash } from "./audit-chain.js";

/** Outcome of {@link verifyAuditChain}: intact, or the first row at fault and how. */
export type AuditVerification =
  | { ok: true; rows: number; headSeq: number }
  | { ok: false; seq: number; problem: "altered" | "missing" | "unlinked"; message: string };

/**
 * Walks a team's audit chain in order (in batches, so memory stays flat) and names the first row that
 * was altered (its hash no longer matches), deleted (a gap in the sequence, or rows missing after the
 * recorded head) or relinked (its previous hash is not the hash of the row before).
 */
export async function verifyAuditChain(db: Executor, key: Buffer, teamId: string, batchSize = 5000): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = genesisHash;
  let count = 0;
  for (;;) {
    const batch = (await db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.teamId, teamId), gt(auditLog.seq, expectedSeq - 1)))
      .orderBy(asc(auditLog.seq))
      .limit(batchSize)) as AuditRow[];
    for (const row of batch) {
      if (row.seq !== expectedSeq) {
        return { ok: false, seq: expectedSeq, problem: "missing", message: `audit row ${expectedSeq} of team ${teamId} has been deleted` };
      }
      if (row.prevHash !== prevHash) {
        return { ok: false, seq: row.seq, problem: "unlinked", message: `audit row ${row.seq} of team ${teamId} does not follow the row before it` };
      }
      if (chainHash(key, row.prevHash, row) !== row.hash) {
        return { ok: false, seq: row.seq, problem: "altered", message: `audit row ${row.seq} of team ${teamId} has been altered` };
      }
      prevHash = row.hash;
      expectedSeq += 1;
      count += 1;
    }
    if (batch.length < batchSize) break;
  }
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.teamId, teamId));
  const lastSeq = expectedSeq - 1;
  if (head && head.seq > lastSeq) {
    return { ok: false, seq: lastSeq + 1, problem: "missing", message: `audit rows from ${lastSeq + 1} to ${head.seq} of team ${teamId} have been deleted` };
  }
  if (head && head.hash !== prevHash) {
    return { ok: false, seq: head.seq, problem: "altered", message: `audit row ${head.seq} of team ${teamId} does not match the recorded head` };
  }
  return { ok: true, rows: count, headSeq: head?.seq ?? 0 };
}
