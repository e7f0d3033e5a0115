import { type Executor, queryRows, type SQL, sql } from "@ankkuri/db";
import { type CaseType, caseTypes } from "@ankkuri/domain";
import { caseTypeLabels, columnLabels, tableTitles } from "../labels.js";
import type { RawTable } from "../tables.js";
import { caseInScope, type FigureScope } from "./scope.js";

/**
 * Goals of assessments by case type: set (assessed in the period), met and ended unmet (the review
 * that ended them is in the period; `goalStatus`: the first `met` or `not-met` review ends a goal).
 * A goal can be set and met in one period, so the columns are not added up.
 */
export function goalsQuery(scope: FigureScope): SQL {
  const { from, to } = scope.period;
  return sql`select c.type,
      count(*) filter (where a.assessed_on between ${from} and ${to})::int as "set",
      count(*) filter (where e.progress = 'met' and e.reviewed_on between ${from} and ${to})::int as "met",
      count(*) filter (where e.progress = 'not-met' and e.reviewed_on between ${from} and ${to})::int as "notMet"
    from goals g
    join assessments a on a.team_id = g.team_id and a.id = g.assessment_id
    join cases c on c.team_id = g.team_id and c.id = g.case_id
    left join lateral (
      select r.progress, r.reviewed_on from goal_reviews r
      where r.team_id = g.team_id and r.goal_id = g.id and r.progress in ('met', 'not-met')
      order by r.position, r.id limit 1
    ) e on true
    where g.team_id = ${scope.teamId} and a.assessed_on <= ${to} and ${caseInScope(scope)}
    group by c.type`;
}

interface Row {
  type: CaseType;
  set: number;
  met: number;
  notMet: number;
}

export async function goalsTable(db: Executor, scope: FigureScope): Promise<RawTable> {
  const rows = await queryRows<Row>(db, goalsQuery(scope));
  const byType = new Map(rows.map((r) => [r.type, r]));
  return {
    id: "goals",
    title: tableTitles.goals,
    unit: "goals",
    margins: "columns",
    columns: [
      { key: "set", label: columnLabels.goalsSet },
      { key: "met", label: columnLabels.goalsMet },
      { key: "notMet", label: columnLabels.goalsNotMet },
    ],
    rows: caseTypes.map((type) => ({
      key: type,
      label: caseTypeLabels[type],
      values: [byType.get(type)?.set ?? 0, byType.get(type)?.met ?? 0, byType.get(type)?.notMet ?? 0],
    })),
    note: {
      fi: "Arvioissa asetetut tavoitteet; saavutetut ja saavuttamatta päättyneet sen arvioinnin päivän mukaan, joka päätti tavoitteen.",
      sv: "Mål som ställts upp i bedömningar; uppnådda och avslutade utan att uppnås enligt dagen för den uppföljning som avslutade målet.",
      en: "Goals set in assessments; met and ended unmet by the day of the review that ended the goal.",
    },
  };
}
