import { sql, type SQL } from "drizzle-orm";
import { type AccessScope, visibleCaseSql } from "../access/case-visibility.js";
import type { Executor } from "../client.js";
import { cases } from "../schema/tables.js";

/** A count that stops at a cap: exact below it, "at least `count`" when `capped`. */
export interface CappedCount {
  count: number;
  capped: boolean;
}

/**
 * The cases of the scope's team it may see (need-to-know) that also match `filter` (a condition on
 * `cases`), counted up to `cap`: the statement reads at most `cap + 1` visible cases, however many
 * there are, so a count costs a bounded amount on every page.
 */
export async function countVisibleCases(
  db: Executor,
  scope: AccessScope,
  filter: SQL | null,
  cap: number,
): Promise<CappedCount> {
  if (scope.organisations.length === 0) return { count: 0, capped: false };
  const matching = db
    .select({ one: sql`1`.as("one") })
    .from(cases)
    .where(sql`${cases.teamId} = ${scope.teamId} and ${visibleCaseSql(scope)}${filter ? sql` and (${filter})` : sql``}`)
    .limit(cap + 1)
    .as("matching");
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(matching);
  const n = Number(row?.n ?? 0);
  return { count: Math.min(n, cap), capped: n > cap };
}
