import { sql, type SQL } from "drizzle-orm";
import type { AccessScope } from "../access/case-visibility.js";
import { type ListedCase, visibleCasesInListOrder } from "../access/case-list-order.js";
import type { Executor } from "../client.js";
import { queryRows } from "../query-rows.js";

/** A count that stops at a cap: exact below it, "at least `count`" when `capped`. */
export interface CappedCount {
  count: number;
  capped: boolean;
}

/**
 * The cases of the scope's team it may see (need-to-know) that also match `filter` (a condition on
 * the case) and have one of `statuses` (when given), counted up to `cap`: the statement reads the
 * memberships of at most `cap + 1` visible cases (`visibleCasesInListOrder`), however many there are,
 * so a count costs a bounded amount on every page.
 */
export async function countVisibleCases(
  db: Executor,
  scope: AccessScope,
  filter: ((c: ListedCase) => SQL | null) | null,
  cap: number,
  statuses: readonly string[] | null = null,
): Promise<CappedCount> {
  if (scope.organisations.length === 0) return { count: 0, capped: false };
  const listed = visibleCasesInListOrder(
    {
      teamId: sql`${scope.teamId}`,
      organisations: scope.organisations.map((o) => sql`${o}`),
      day: sql`${scope.day}::date`,
    },
    { filter, statuses: statuses?.map((s) => sql`${s}`) ?? null, limit: cap + 1 },
  );
  const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from (${listed}) listed`);
  const n = row?.n ?? 0;
  return { count: Math.min(n, cap), capped: n > cap };
}
