import { eq } from "drizzle-orm";
import type { Executor } from "../client.js";
import { auditHeads, auditLog } from "../schema/audit.js";
import { type AuditEntry, chainHash, genesisHash } from "./audit-chain.js";

/** The end of a team's chain: its last sequence number and hash. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** The rows that continue the chain after `head` with `entries` (hashed in order), and the new head. */
export function chainRows(key: Buffer, head: ChainHead, entries: readonly AuditEntry[]) {
  let { seq, hash: prevHash } = head;
  const rows = entries.map((entry) => {
    seq += 1;
    const hash = chainHash(key, prevHash, { ...entry, seq });
    const row = {
      ...entry,
      seq,
      prevHash,
      hash,
      resourceId: entry.resourceId ?? null,
      caseId: entry.caseId ?? null,
      clientId: entry.clientId ?? null,
      details: entry.details ?? null,
      basisConsentIds: [...(entry.basisConsentIds ?? [])],
      basisRecorded: true,
    };
    prevHash = hash;
    return row;
  });
  return { rows, last: { seq, hash: prevHash } satisfies ChainHead };
}

/**
 * Appends entries to their teams' audit chains in one transaction (one write per request, however
 * many fields were read). Appenders of one team are ordered by a lock on its head row, so each chain
 * stays a single line. Run it inside the transaction of a write to make the write and its audit atomic.
 */
export async function appendAudit(db: Executor, key: Buffer, entries: readonly AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  const byTeam = new Map<string, AuditEntry[]>();
  for (const e of entries) byTeam.set(e.teamId, [...(byTeam.get(e.teamId) ?? []), e]);
  await db.transaction(async (tx) => {
    // Teams in a fixed order: two requests locking two teams cannot deadlock.
    for (const teamId of [...byTeam.keys()].sort()) {
      const teamEntries = byTeam.get(teamId) ?? [];
      // Locking the team's head row orders concurrent appenders. It is a row lock on a row of the
      // team, so it stays on the team's shard when the schema is distributed by team.
      const lockHead = () => tx.select().from(auditHeads).where(eq(auditHeads.teamId, teamId)).for("update");
      let [head] = await lockHead();
      if (!head) {
        // The team's first entry: create its head (another appender may race to it), then lock it.
        await tx.insert(auditHeads).values({ teamId, seq: 0, hash: genesisHash }).onConflictDoNothing();
        [head] = await lockHead();
      }
      const { rows, last } = chainRows(key, head ?? { seq: 0, hash: genesisHash }, teamEntries);
      await tx.insert(auditLog).values(rows);
      await tx
        .update(auditHeads)
        .set({ seq: last.seq, hash: last.hash, updatedAt: new Date() })
        .where(eq(auditHeads.teamId, teamId));
    }
  });
}
