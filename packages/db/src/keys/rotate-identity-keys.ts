import { and, asc, eq, isNotNull, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { clients } from "../schema/tables.js";
import type { IdentityVault } from "./identity-vault.js";

/** What a rotation run changed. */
export interface RotationSummary {
  examined: number;
  reencrypted: number;
  rehashed: number;
}

/**
 * Re-encrypts identity codes under the vault's current key and recomputes their keyed hashes with its
 * current HMAC key, in batches (keyset pagination, one transaction per batch), so it can run on a
 * live database and be resumed. Rows already current are left alone.
 */
export async function rotateIdentityKeys(
  db: Executor,
  vault: IdentityVault,
  batchSize = 1000,
): Promise<RotationSummary> {
  const summary: RotationSummary = { examined: 0, reencrypted: 0, rehashed: 0 };
  let after = { teamId: "", id: "00000000-0000-0000-0000-000000000000" };
  for (;;) {
    const batch = await db
      .select({
        teamId: clients.teamId,
        id: clients.id,
        ciphertext: clients.identityCodeCiphertext,
        hmac: clients.identityCodeHmac,
      })
      .from(clients)
      .where(
        and(
          isNotNull(clients.identityCodeCiphertext),
          sql`(${clients.teamId}, ${clients.id}) > (${after.teamId}, ${after.id}::uuid)`,
        ),
      )
      .orderBy(asc(clients.teamId), asc(clients.id))
      .limit(batchSize);
    if (batch.length === 0) break;
    await db.transaction(async (tx) => {
      for (const row of batch) {
        if (row.ciphertext === null) continue;
        const code = vault.decrypt(row.ciphertext, row.teamId);
        const hmac = vault.hmac(code);
        const stale = vault.isStale(row.ciphertext);
        if (!stale && hmac === row.hmac) continue;
        await tx
          .update(clients)
          .set({
            identityCodeCiphertext: stale ? vault.encrypt(code, row.teamId) : row.ciphertext,
            identityCodeHmac: hmac,
            updatedAt: new Date(),
          })
          .where(and(eq(clients.teamId, row.teamId), eq(clients.id, row.id)));
        if (stale) summary.reencrypted += 1;
        if (hmac !== row.hmac) summary.rehashed += 1;
      }
    });
    summary.examined += batch.length;
    const last = batch[batch.length - 1];
    if (!last) break;
    after = { teamId: last.teamId, id: last.id };
  }
  return summary;
}
