import { type SQL, sql } from "@ankkuri/db";
import type { Period } from "@ankkuri/domain";

/** What a figure counts over: one team, one period, and for a party report the party's organisations. */
export interface FigureScope {
  teamId: string;
  period: Period;
  /** The party and every organisation below it in the tree; null for team-wide reports. */
  partyUnits: readonly string[] | null;
}

const list = (ids: readonly string[]) =>
  sql.join(
    ids.map((id) => sql`${id}`),
    sql`, `,
  );

/**
 * The case `c` takes part in the scope: always for a team-wide report; for a party report when one of
 * the party's organisations has had access to the case on some basis (`case_memberships`) or sat in
 * one of its meetings.
 */
export function caseInScope(scope: FigureScope): SQL {
  if (scope.partyUnits === null) return sql`true`;
  if (scope.partyUnits.length === 0) return sql`false`;
  const units = list(scope.partyUnits);
  return sql`(exists (select 1 from case_memberships co where co.team_id = c.team_id and co.case_id = c.id and co.organisation_id in (${units}))
    or exists (select 1 from meetings pm join meeting_participants pp on pp.team_id = pm.team_id and pp.meeting_id = pm.id
               where pm.team_id = c.team_id and pm.case_id = c.id and pp.organisation_id in (${units})))`;
}

/** The held meeting `m` is in scope: always team-wide; for a party report when one of its organisations attended. */
export function meetingInScope(scope: FigureScope): SQL {
  if (scope.partyUnits === null) return sql`true`;
  if (scope.partyUnits.length === 0) return sql`false`;
  return sql`exists (select 1 from meeting_participants sp where sp.team_id = m.team_id and sp.meeting_id = m.id and sp.attended and sp.organisation_id in (${list(scope.partyUnits)}))`;
}

/** A participant's organisation `p.organisation_id` is in scope (party reports show only the party's units). */
export function organisationInScope(scope: FigureScope): SQL {
  if (scope.partyUnits === null) return sql`true`;
  if (scope.partyUnits.length === 0) return sql`false`;
  return sql`p.organisation_id in (${list(scope.partyUnits)})`;
}
