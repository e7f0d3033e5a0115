import type { SQL } from "drizzle-orm";
import type { Executor } from "./client.js";

/**
 * Rows of a raw SQL query on either engine (PGlite returns `{ rows }`, postgres.js an array). Cast
 * counts and sums in SQL (`::int`, `::float8`) so both engines return numbers.
 */
export async function queryRows<T>(db: Executor, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}
