import { type Executor, queryRows, type SQL, sql } from "@ankkuri/db";
import { type CaseType, caseTypes, defaultRecordingGraceDays } from "@ankkuri/domain";
import { caseTypeLabels, columnLabels, tableTitles } from "../labels.js";
import type { RawTable } from "../tables.js";
import { type FigureScope, meetingInScope } from "./scope.js";

/**
 * Meetings held in the period by case type: recorded (a record dated within the grace days of the
 * meeting, `defaultRecordingGraceDays`) and unrecorded (no record within them, late records
 * included). The row total is the meetings held.
 */
export function meetingsQuery(scope: FigureScope, graceDays: number = defaultRecordingGraceDays): SQL {
  const { from, to } = scope.period;
  return sql`select c.type,
      count(*) filter (where r.recorded_on <= m.held_on + ${graceDays}::int)::int as recorded,
      count(*) filter (where r.recorded_on is null or r.recorded_on > m.held_on + ${graceDays}::int)::int as unrecorded
    from meetings m
    join cases c on c.team_id = m.team_id and c.id = m.case_id
    left join meeting_records r on r.team_id = m.team_id and r.meeting_id = m.id
    where m.team_id = ${scope.teamId} and m.status = 'held' and m.held_on between ${from} and ${to} and ${meetingInScope(scope)}
    group by c.type`;
}

export async function meetingsTable(
  db: Executor,
  scope: FigureScope,
  graceDays: number = defaultRecordingGraceDays,
): Promise<RawTable> {
  const rows = await queryRows<{ type: CaseType; recorded: number; unrecorded: number }>(
    db,
    meetingsQuery(scope, graceDays),
  );
  const byType = new Map(rows.map((r) => [r.type, r]));
  return {
    id: "meetings",
    title: tableTitles.meetings,
    unit: "meetings",
    margins: "both",
    columns: [
      { key: "recorded", label: columnLabels.recorded },
      { key: "unrecorded", label: columnLabels.unrecorded },
    ],
    rows: caseTypes.map((type) => ({
      key: type,
      label: caseTypeLabels[type],
      values: [byType.get(type)?.recorded ?? 0, byType.get(type)?.unrecorded ?? 0],
    })),
    note: {
      fi: `Kirjattu: kirjaus enintään ${String(graceDays)} päivää tapaamisen jälkeen. Rivin summa on pidetyt tapaamiset.`,
      sv: `Registrerat: en anteckning högst ${String(graceDays)} dagar efter mötet. Radens summa är de hållna mötena.`,
      en: `Recorded: a record within ${String(graceDays)} days of the meeting. A row's total is the meetings held.`,
    },
  };
}
