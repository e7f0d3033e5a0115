import { type Executor, queryRows, type SQL, sql } from "@ankkuri/db";
import { type CaseType, caseTypes } from "@ankkuri/domain";
import { caseTypeLabels, columnLabels, tableTitles } from "../labels.js";
import type { RawTable } from "../tables.js";
import { caseInScope, type FigureScope } from "./scope.js";

/**
 * Cases by type: new (referred in the period), active (activated on or before the period's last day
 * and not closed before its first: active on at least one day of it) and closed (closed in the period).
 * A case can be all three, so the columns are not added up; each column has its total.
 */
export function caseFlowQuery(scope: FigureScope): SQL {
  const { from, to } = scope.period;
  return sql`select c.type,
      count(*) filter (where c.referred_on between ${from} and ${to})::int as "new",
      count(*) filter (where c.activated_on <= ${to} and (c.closed_on is null or c.closed_on >= ${from}))::int as "active",
      count(*) filter (where c.closed_on between ${from} and ${to})::int as "closed"
    from cases c
    where c.team_id = ${scope.teamId} and c.referred_on <= ${to} and ${caseInScope(scope)}
    group by c.type`;
}

interface Row {
  type: CaseType;
  new: number;
  active: number;
  closed: number;
}

export async function caseFlowTable(db: Executor, scope: FigureScope): Promise<RawTable> {
  const rows = await queryRows<Row>(db, caseFlowQuery(scope));
  const byType = new Map(rows.map((r) => [r.type, r]));
  return {
    id: "casesByType",
    title: tableTitles.casesByType,
    unit: "cases",
    margins: "columns",
    columns: [
      { key: "new", label: columnLabels.new },
      { key: "active", label: columnLabels.active },
      { key: "closed", label: columnLabels.closed },
    ],
    rows: caseTypes.map((type) => {
      const r = byType.get(type);
      return { key: type, label: caseTypeLabels[type], values: [r?.new ?? 0, r?.active ?? 0, r?.closed ?? 0] };
    }),
    note: {
      fi: "Uusi: ohjattu jaksolla. Aktiivinen: aktivoitu viimeistään jakson lopussa eikä päättynyt ennen jakson alkua. Päättynyt: päättynyt jaksolla. Sama asiakkuus voi olla kaikissa sarakkeissa.",
      sv: "Ny: hänvisad under perioden. Aktiv: aktiverad senast vid periodens slut och inte avslutad före periodens början. Avslutad: avslutad under perioden. Samma klientskap kan finnas i alla kolumner.",
      en: "New: referred in the period. Active: activated by the period's end and not closed before its start. Closed: closed in the period. One case can be in every column.",
    },
  };
}
