import { type Executor, queryRows, type SQL, sql } from "@ankkuri/db";
import type { Organisation } from "@ankkuri/domain";
import { columnLabels, sameText, type Text, tableTitles, textOf } from "../labels.js";
import type { RawTable } from "../tables.js";
import { type FigureScope, organisationInScope } from "./scope.js";

/**
 * Participation by organisation: for each organisation whose people attended meetings held in the
 * period, the meetings attended and the distinct cases those meetings belong to. An organisation
 * may attend many meetings of one case and one meeting has many organisations, so nothing is summed.
 */
export function participationQuery(scope: FigureScope): SQL {
  const { from, to } = scope.period;
  return sql`select p.organisation_id as organisation, count(distinct m.id)::int as meetings, count(distinct m.case_id)::int as cases
    from meeting_participants p
    join meetings m on m.team_id = p.team_id and m.id = p.meeting_id
    where p.team_id = ${scope.teamId} and p.attended and p.organisation_id is not null
      and m.status = 'held' and m.held_on between ${from} and ${to} and ${organisationInScope(scope)}
    group by p.organisation_id`;
}

/** Rows in the order of the organisation tree's Finnish names; `partyOf` names each row's agreement party. */
export async function participationTable(
  db: Executor,
  scope: FigureScope,
  organisations: ReadonlyMap<string, Organisation>,
  partyOf: (id: string) => string | null,
): Promise<RawTable> {
  const rows = await queryRows<{ organisation: string; meetings: number; cases: number }>(
    db,
    participationQuery(scope),
  );
  const name = (id: string): Text => {
    const o = organisations.get(id);
    return o ? textOf(o.name) : sameText(id);
  };
  return {
    id: "participation",
    title: tableTitles.participation,
    unit: "meetings",
    margins: "none",
    columns: [
      { key: "meetings", label: columnLabels.meetings },
      { key: "cases", label: columnLabels.cases },
    ],
    rows: [...rows]
      .sort(
        (a, b) =>
          name(a.organisation).fi.localeCompare(name(b.organisation).fi, "fi") ||
          a.organisation.localeCompare(b.organisation),
      )
      .map((r) => {
        const party = partyOf(r.organisation);
        return {
          key: r.organisation,
          label: name(r.organisation),
          values: [r.meetings, r.cases],
          ...(party ? { attributes: { partyId: party } } : {}),
        };
      }),
    note: {
      fi: "Tapaamiset, joihin organisaation edustaja osallistui, ja niiden asiakkuudet. Sarakkeita ei lasketa yhteen, koska tapaamisessa on useita organisaatioita.",
      sv: "Möten där organisationens representant deltog, och deras klientskap. Kolumnerna summeras inte, eftersom ett möte har flera organisationer.",
      en: "Meetings an organisation's people attended, and the cases of those meetings. Not summed: a meeting has several organisations.",
    },
  };
}
