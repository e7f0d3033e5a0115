import { type Executor, queryRows, type SQL, sql } from "@ankkuri/db";
import { columnLabels, giverLabels, tableTitles } from "../labels.js";
import type { RawTable } from "../tables.js";
import { caseInScope, type FigureScope } from "./scope.js";

/** Consents given and consents withdrawn in the period, by who gave them. */
export function consentsQuery(scope: FigureScope): SQL {
  const { from, to } = scope.period;
  return sql`select k.giver_kind as giver,
      count(*) filter (where k.given_on between ${from} and ${to})::int as given,
      count(*) filter (where k.withdrawn_on between ${from} and ${to})::int as withdrawn
    from consents k join cases c on c.team_id = k.team_id and c.id = k.case_id
    where k.team_id = ${scope.teamId} and (k.given_on between ${from} and ${to} or k.withdrawn_on between ${from} and ${to}) and ${caseInScope(scope)}
    group by k.giver_kind`;
}

export async function consentsTable(db: Executor, scope: FigureScope): Promise<RawTable> {
  const rows = await queryRows<{ giver: "client" | "guardian"; given: number; withdrawn: number }>(
    db,
    consentsQuery(scope),
  );
  const by = new Map(rows.map((r) => [r.giver, r]));
  return {
    id: "consents",
    title: tableTitles.consents,
    unit: "consents",
    margins: "columns",
    columns: [
      { key: "given", label: columnLabels.given },
      { key: "withdrawn", label: columnLabels.withdrawn },
    ],
    rows: (["client", "guardian"] as const).map((giver) => ({
      key: giver,
      label: giverLabels[giver],
      values: [by.get(giver)?.given ?? 0, by.get(giver)?.withdrawn ?? 0],
    })),
  };
}
