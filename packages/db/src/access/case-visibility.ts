import { fullAccessBases, type LocalDate } from "@ankkuri/domain";
import { and, eq, inArray, type SQL, sql } from "drizzle-orm";
import type { Executor } from "../client.js";
import { caseMemberships, cases } from "../schema/tables.js";

/**
 * Who asks and when, as the need-to-know rule reads it: the team, the organisations whose memberships
 * open a case to the person (their organisation and those it belongs to, `accessChain`), and the day.
 */
export interface AccessScope {
  teamId: string;
  organisations: readonly string[];
  day: LocalDate;
}

/**
 * The domain's need-to-know rule (`caseAccessOn`) as a relational-query filter on `case_memberships`:
 * a membership of one of the organisations in force on the day. The values may be placeholders, so a
 * prepared query keeps one text for every person and day. Every read of cases filters by this, and
 * `case-visibility.test.ts` holds it equal to the domain's rule.
 */
export function membershipInForce<O, D>(organisations: O, day: D) {
  return {
    organisationId: { in: organisations },
    validFrom: { lte: day },
    OR: [{ validTo: { isNull: true as const } }, { validTo: { gte: day } }],
  };
}

/** As {@link membershipInForce}, for a membership that opens the whole case (`fullAccessBases`). */
export function fullMembershipInForce<O, D>(organisations: O, day: D) {
  return { ...membershipInForce(organisations, day), basis: { in: [...fullAccessBases] } };
}

/** The same rule as SQL, for statements outside the relational queries (counts, the case list's keyset). */
export function visibleCaseSql(scope: AccessScope, table: { teamId: unknown; id: unknown } = cases): SQL {
  return membershipInForceSql(table, sql`${sql.param([...scope.organisations])}::text[]`, sql`${scope.day}`);
}

/**
 * {@link membershipInForce} as an SQL condition on a case row, with the organisations (an SQL
 * `text[]`) and the day as given: values or placeholders (a prepared statement's filter).
 */
export function membershipInForceSql(table: { teamId: unknown; id: unknown }, organisations: SQL, day: SQL): SQL {
  return sql`exists (select 1 from ${caseMemberships} m where m.team_id = ${table.teamId} and m.case_id = ${table.id}
    and m.organisation_id = any(${organisations}) and m.valid_from <= ${day}
    and (m.valid_to is null or m.valid_to >= ${day}))`;
}

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Which of `caseIds` the scope may see: one statement, whatever the number of ids. */
export async function visibleCaseIds(
  db: Executor,
  scope: AccessScope,
  caseIds: readonly string[],
): Promise<Set<string>> {
  // An id that is no UUID names no case: asked for, it is simply not there.
  const ids = caseIds.filter((id) => uuidPattern.test(id));
  if (ids.length === 0 || scope.organisations.length === 0) return new Set();
  const rows = await db
    .select({ id: cases.id })
    .from(cases)
    .where(and(eq(cases.teamId, scope.teamId), inArray(cases.id, ids), visibleCaseSql(scope)));
  return new Set(rows.map((r) => r.id));
}
