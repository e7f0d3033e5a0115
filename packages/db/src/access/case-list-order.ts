import { sql, type SQL } from "drizzle-orm";
import { type AnyPgColumn, alias } from "drizzle-orm/pg-core";
import { caseMemberships, cases } from "../schema/tables.js";

/** The columns of a case a list filter reads: of `cases`, or of an alias of it inside a statement. */
export type ListedCase = Record<"teamId" | "id" | "clientId" | "status" | "type" | "referredOn", AnyPgColumn>;

/** Who asks, as SQL values (parameters, or placeholders of a prepared statement). */
export interface ListScope {
  teamId: SQL;
  /** One value per organisation of the access chain (the chain is short: an organisation and its parents). */
  organisations: readonly SQL[];
  day: SQL;
}

/** What to read of the list: where to start, what else must match, and how many. */
export interface ListWindow {
  /** The position of a forward page's cursor: cases after it in the list's order. */
  after?: { referredOn: SQL; id: SQL } | null;
  /**
   * The case statuses to list, read from each membership's copy of its case's status
   * (`case_memberships_case_list_status_index`), or null for every status.
   */
  statuses?: readonly SQL[] | null;
  /** A condition on the case (the list's other filters), or null for none. */
  filter?: ((c: ListedCase) => SQL | null) | null;
  limit: number;
}

/**
 * The ids of the cases the scope may see (need-to-know: a membership of one of its organisations in
 * force on the day, as `membershipInForce`), newest referral first (`referred_on desc, id desc`), as
 * a statement that reads them from `case_memberships_case_list_index`: one backward index scan per
 * organisation, merged in order, duplicates dropped as they pass, and stopped at `limit`. A page, or
 * a capped count, reads the memberships it returns and no others, whatever share of the team's cases
 * the organisation takes part in. With `statuses`, one scan per organisation and status of
 * `case_memberships_case_list_status_index` instead (each in the list's order, since the status is
 * fixed within it), merged the same way: a status filter costs no read of the cases it skips.
 * `case-visibility.test.ts` holds it equal to `visibleCaseIds`.
 */
export function visibleCasesInListOrder(scope: ListScope, window: ListWindow): SQL {
  const m = alias(caseMemberships, "lm");
  const statuses: readonly (SQL | null)[] = window.statuses ?? [null];
  const limit = sql.raw(String(Math.max(0, Math.trunc(window.limit))));
  const c = alias(cases, "lc");
  const filter = window.filter?.(c) ?? null;
  // Without a filter on the case, each scan stops at `limit` cases of its own: the cases the merge
  // keeps are among them. The bound also keeps a prepared statement's generic plan (parameters
  // unknown, rows underestimated) from hashing every membership of the organisation before it sorts.
  const perScan = filter ? sql`` : sql` limit ${limit}`;
  const scans = scope.organisations.flatMap((organisation) =>
    statuses.map(
      (status) =>
        sql`(select distinct ${m.caseReferredOn} as referred_on, ${m.caseId} as case_id from ${caseMemberships} as "lm"
        where ${m.teamId} = ${scope.teamId} and ${m.organisationId} = ${organisation}
          ${status ? sql`and ${m.caseStatus} = ${status}` : sql``}
          and ${m.validFrom} <= ${scope.day} and (${m.validTo} is null or ${m.validTo} >= ${scope.day})
          ${window.after ? sql`and (${m.caseReferredOn}, ${m.caseId}) < (${window.after.referredOn}::date, ${window.after.id}::uuid)` : sql``}
        order by ${m.caseReferredOn} desc, ${m.caseId} desc${perScan})`,
    ),
  );
  if (scans.length === 0) return sql`select null::date as referred_on, null::uuid as case_id where false`;
  const joined = filter
    ? sql` join ${cases} as "lc" on ${c.teamId} = ${scope.teamId} and ${c.id} = v.case_id and (${filter})`
    : sql``;
  return sql`select distinct v.referred_on, v.case_id from (${sql.join(scans, sql` union all `)}) v${joined}
    order by v.referred_on desc, v.case_id desc limit ${limit}`;
}
