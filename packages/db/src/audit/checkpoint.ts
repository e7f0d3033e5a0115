import { createHmac, timingSafeEqual } from "node:crypto";
import { secretKey } from "../keys/secret-key.js";
import { eq, sql } from "drizzle-orm";
import { z } from "zod";
import type { Executor } from "../client.js";
import { queryRows } from "../query-rows.js";
import { auditHeads, auditLog } from "../schema/audit.js";
import { canonicalJson } from "./audit-chain.js";

/**
 * A team's signed audit head at a moment: kept outside the database (a file the operator chooses),
 * it shows whether the chain was later cut back and its head moved back, which the chain alone
 * cannot show to someone who can rewrite both.
 */
export interface AuditCheckpoint {
  teamId: string;
  seq: number;
  hash: string;
  at: string;
  /** HMAC-SHA-256 under the audit key over the other fields. */
  mac: string;
}

export const auditCheckpointSchema = z.object({
  teamId: z.string().min(1),
  seq: z.number().int().min(0),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
  at: z.iso.datetime(),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});

function checkpointMac(key: Buffer, c: Omit<AuditCheckpoint, "mac">): string {
  return createHmac("sha256", secretKey(key))
    .update(canonicalJson(["checkpoint", c.teamId, c.seq, c.hash, c.at]))
    .digest("hex");
}

/** The signed heads of every team with an audit chain, now. */
export async function auditCheckpoints(db: Executor, key: Buffer, at: Date): Promise<AuditCheckpoint[]> {
  const heads = await db.select().from(auditHeads).orderBy(auditHeads.teamId);
  return heads.map((h) => {
    const unsigned = { teamId: h.teamId, seq: h.seq, hash: h.hash, at: at.toISOString() };
    return { ...unsigned, mac: checkpointMac(key, unsigned) };
  });
}

/** The checkpoints of a file of JSON lines (one per team and run), the last one of each team. */
export function latestCheckpoints(text: string): { checkpoints: Map<string, AuditCheckpoint>; malformed: number } {
  const checkpoints = new Map<string, AuditCheckpoint>();
  let malformed = 0;
  for (const line of text.split("\n")) {
    if (line.trim() === "") continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      malformed += 1;
      continue;
    }
    const result = auditCheckpointSchema.safeParse(parsed);
    if (result.success) checkpoints.set(result.data.teamId, result.data);
    else malformed += 1;
  }
  return { checkpoints, malformed };
}

export type CheckpointVerification = { ok: true } | { ok: false; message: string };

/**
 * Whether the team's chain still reaches the checkpoint: the checkpoint is genuine (its MAC), the
 * head has not moved back before it, and the row at its place still has its hash (or was removed
 * by a sealed retention run). Verify the chain itself with `verifyAuditChain` too.
 */
export async function verifyAgainstCheckpoint(
  db: Executor,
  key: Buffer,
  checkpoint: AuditCheckpoint,
): Promise<CheckpointVerification> {
  const { mac, ...unsigned } = checkpoint;
  const expected = Buffer.from(checkpointMac(key, unsigned), "hex");
  const given = Buffer.from(mac, "hex");
  if (given.length !== expected.length || !timingSafeEqual(given, expected))
    return { ok: false, message: `the checkpoint of team ${checkpoint.teamId} is not signed with the audit key` };
  const [head] = await db.select().from(auditHeads).where(eq(auditHeads.teamId, checkpoint.teamId));
  if (!head) {
    return checkpoint.seq === 0
      ? { ok: true }
      : {
          ok: false,
          message: `team ${checkpoint.teamId} has no audit head, but had ${String(checkpoint.seq)} rows at ${checkpoint.at}`,
        };
  }
  if (head.seq < checkpoint.seq)
    return {
      ok: false,
      message: `the audit head of team ${checkpoint.teamId} is at ${String(head.seq)}, behind the checkpoint's ${String(checkpoint.seq)} of ${checkpoint.at}: the tail was cut and the head moved back`,
    };
  if (checkpoint.seq === 0 || checkpoint.seq <= head.prunedSeq) {
    if (checkpoint.seq === head.prunedSeq && head.prunedSeq > 0 && head.prunedHash !== checkpoint.hash)
      return { ok: false, message: `the pruning point of team ${checkpoint.teamId} does not match the checkpoint` };
    return { ok: true };
  }
  const [row] = await queryRows<{ hash: string }>(
    db,
    sql`select ${auditLog.hash} as hash from ${auditLog} where ${auditLog.teamId} = ${checkpoint.teamId} and ${auditLog.seq} = ${checkpoint.seq}`,
  );
  if (row?.hash !== checkpoint.hash)
    return {
      ok: false,
      message: `audit row ${String(checkpoint.seq)} of team ${checkpoint.teamId} is not the one checkpointed at ${checkpoint.at}: the chain was rewritten from there`,
    };
  return { ok: true };
}
