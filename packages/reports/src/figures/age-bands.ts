import { type Executor, queryRows, type SQL, sql } from "@ankkuri/db";
import { type AgePolicy, defaultAgePolicy } from "@ankkuri/domain";
import { columnLabels, tableTitles, textOf } from "../labels.js";
import type { RawTable } from "../tables.js";
import { caseInScope, type FigureScope } from "./scope.js";

/**
 * Age in completed years on the day of referral, computed like the domain's `ageOn`: the year
 * difference, less one when the (month, day) of the referral comes before the birthday's (so a
 * 29 February birthday falls on 1 March in common years).
 */
export const ageAtReferral = sql`greatest(0, (extract(year from c.referred_on) - extract(year from cl.birth_date)
    - case when (extract(month from c.referred_on), extract(day from c.referred_on)) >= (extract(month from cl.birth_date), extract(day from cl.birth_date)) then 0 else 1 end))::int`;

/** The policy's report bands as a SQL `case` over an age expression. */
export function ageBandSql(age: SQL, policy: AgePolicy = defaultAgePolicy): SQL {
  const arms = policy.bands.map((b) =>
    b.maxAge === null ? sql`else ${b.code}` : sql`when ${age} <= ${b.maxAge} then ${b.code}`,
  );
  return sql`(case ${sql.join(arms, sql` `)} end)`;
}

/** New cases (referred in the period) by the client's age band at referral. */
export function ageBandsQuery(scope: FigureScope, policy: AgePolicy = defaultAgePolicy): SQL {
  const { from, to } = scope.period;
  return sql`select ${ageBandSql(ageAtReferral, policy)}::text as band, count(*)::int as n
    from cases c join clients cl on cl.team_id = c.team_id and cl.id = c.client_id
    where c.team_id = ${scope.teamId} and c.referred_on between ${from} and ${to} and ${caseInScope(scope)}
    group by 1`;
}

export async function ageBandsTable(
  db: Executor,
  scope: FigureScope,
  policy: AgePolicy = defaultAgePolicy,
): Promise<RawTable> {
  const rows = await queryRows<{ band: string; n: number }>(db, ageBandsQuery(scope, policy));
  const byBand = new Map(rows.map((r) => [r.band, r.n]));
  return {
    id: "ageBands",
    title: tableTitles.ageBands,
    unit: "cases",
    margins: "columns",
    columns: [{ key: "new", label: columnLabels.newCases }],
    rows: policy.bands.map((b) => ({
      key: b.code,
      label: textOf(b.label),
      values: [byBand.get(b.code) ?? 0],
    })),
  };
}
