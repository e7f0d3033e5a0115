import { and, eq, type InferInsertModel, type SQL, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "./client.js";
import { RowNotFoundError, StaleWriteError } from "./errors.js";

/** A table with the row version and update-time columns every mutable table has. */
type VersionedTable = PgTable & { version: PgColumn; updatedAt: PgColumn; teamId: PgColumn; id: PgColumn };

/**
 * Updates one row only if it still has `expectedVersion`, bumping the version: optimistic
 * concurrency. A stale write changes nothing and throws `StaleWriteError`, so no update is lost
 * silently; a missing row throws `RowNotFoundError`. Returns the new version.
 */
export async function updateVersioned<T extends VersionedTable>(
  db: Executor,
  table: T,
  key: { teamId: string; id: string; entity: string },
  expectedVersion: number,
  values: Partial<InferInsertModel<T>>,
): Promise<number> {
  const where: SQL | undefined = and(eq(table.teamId, key.teamId), eq(table.id, key.id));
  // Typed as a plain table: drizzle's builders cannot see through the generic's extra columns.
  const source: PgTable = table;
  const updated = await db
    .update(source)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: new Date() })
    .where(and(where, eq(table.version, expectedVersion)))
    .returning({ version: table.version });
  const row = updated[0] as { version: number } | undefined;
  if (row) return row.version;
  const exists = await db.select({ version: table.version }).from(source).where(where);
  if (exists.length === 0) throw new RowNotFoundError(key.entity, key.id);
  throw new StaleWriteError(key.entity, key.id, expectedVersion);
}
