import { type Executor, queryRows, type SQL, sql } from "@ankkuri/db";
import { type ReferralSource, referralSources } from "@ankkuri/domain";
import { columnLabels, referralSourceLabels, tableTitles } from "../labels.js";
import type { RawTable } from "../tables.js";
import { caseInScope, type FigureScope } from "./scope.js";

/** New cases by who referred them. */
export function referralSourcesQuery(scope: FigureScope): SQL {
  const { from, to } = scope.period;
  return sql`select c.referral_source as source, count(*)::int as n
    from cases c
    where c.team_id = ${scope.teamId} and c.referred_on between ${from} and ${to} and ${caseInScope(scope)}
    group by c.referral_source`;
}

export async function referralSourcesTable(db: Executor, scope: FigureScope): Promise<RawTable> {
  const rows = await queryRows<{ source: ReferralSource; n: number }>(db, referralSourcesQuery(scope));
  const bySource = new Map(rows.map((r) => [r.source, r.n]));
  return {
    id: "referralSources",
    title: tableTitles.referralSources,
    unit: "cases",
    margins: "columns",
    columns: [{ key: "new", label: columnLabels.newCases }],
    rows: referralSources.map((s) => ({ key: s, label: referralSourceLabels[s], values: [bySource.get(s) ?? 0] })),
  };
}
