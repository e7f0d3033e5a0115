import { type Executor, queryRows, type SQL, sql } from "@ankkuri/db";
import { chartBuckets } from "../periods.js";
import { columnLabels, sameText, tableTitles } from "../labels.js";
import type { RawTable } from "../tables.js";
import { caseInScope, type FigureScope } from "./scope.js";

/** New cases per month (periods over two months) or per ISO week: the report's chart. */
export function casesOverTimeQuery(scope: FigureScope): SQL {
  const { from, to } = scope.period;
  const unit = chartBuckets(scope.period).unit;
  const bucket =
    unit === "month"
      ? sql`to_char(c.referred_on, 'YYYY-MM')`
      : sql`to_char(date_trunc('week', c.referred_on), 'YYYY-MM-DD')`;
  return sql`select ${bucket} as bucket, count(*)::int as n
    from cases c
    where c.team_id = ${scope.teamId} and c.referred_on between ${from} and ${to} and ${caseInScope(scope)}
    group by 1`;
}

export async function casesOverTimeTable(db: Executor, scope: FigureScope): Promise<RawTable> {
  const rows = await queryRows<{ bucket: string; n: number }>(db, casesOverTimeQuery(scope));
  const byBucket = new Map(rows.map((r) => [r.bucket, r.n]));
  const { unit, buckets } = chartBuckets(scope.period);
  return {
    id: "casesOverTime",
    title: unit === "month" ? tableTitles.casesOverTimeMonth : tableTitles.casesOverTimeWeek,
    unit: "cases",
    margins: "columns",
    columns: [{ key: "new", label: columnLabels.newCases }],
    rows: buckets.map((b) => ({
      key: b.key,
      label: sameText(unit === "month" ? b.key : `${b.from}–${b.to}`),
      values: [byBucket.get(b.key) ?? 0],
    })),
  };
}
