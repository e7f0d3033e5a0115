import { type Executor, queryRows, type SQL, sql } from "@ankkuri/db";
import {
  type AgePolicy,
  type CaseRuleCode,
  coreOrganisationIds,
  defaultAgePolicy,
  defaultRecordingGraceDays,
  indexOrganisations,
  isCaseRuleCode,
  isWithin,
  type LocalDate,
  type Severity,
  selectionProfessions,
  type TeamDataset,
} from "@ankkuri/domain";
import type { ViolationCounts } from "./open-violations.js";
import { caseInScope, type FigureScope } from "./scope.js";

/**
 * Every code `checkCase` can report (the domain's `CaseRuleCode`), with its severity. The statement
 * below counts each of them; the agreement test (case-rule-counts.test.ts) holds it to `checkCase`
 * code by code.
 */
export const caseRuleSeverities: Readonly<Record<CaseRuleCode, Severity>> = {
  "CASE.STATE_INCONSISTENT": "error",
  "CASE.DATE_ORDER": "error",
  "CASE.SELECTION_INCOMPLETE": "error",
  "CASE.SELECTION_NOT_UNANIMOUS": "error",
  "MEETING.STATE_INCONSISTENT": "error",
  "CONSENT.STATE_INCONSISTENT": "error",
  "CASE.MEETING_UNRECORDED": "error",
  "CASE.RECORD_INCOMPLETE": "warning",
  "CASE.PLANNED_MEETING_OVERDUE": "warning",
  "CASE.COMPOSITION_SINGLE_PROFESSION": "warning",
  "CASE.RESPONSIBLE_WORKER_MISSING": "error",
  "CASE.RESPONSIBLE_WORKER_NOT_INVOLVED": "error",
  "CASE.GUARDIAN_MISSING": "warning",
  "CASE.CHILD_WELFARE_NOTIFICATION_MISSING": "warning",
  "CASE.NOT_OPEN": "error",
  "CONSENT.NO_GUARDIAN_RECORDED": "error",
  "CONSENT.MISSING": "error",
  "MEETING.NO_CLIENTSHIP": "error",
};

/** What the rules need beyond the rows: the day, the core team on it, the organisation tree, the policy. */
export interface CaseRuleContext {
  asOf: LocalDate;
  coreOrganisationIds: readonly string[];
  /** Every (organisation, organisation it is within) pair, itself included: a consent for one covers the other. */
  within: readonly { org: string; scope: string }[];
  policy: AgePolicy;
  recordingGraceDays: number;
}

/** The context `countCaseViolations` gives `checkCase`, for the same day. */
export function caseRuleContext(
  dataset: TeamDataset,
  asOf: LocalDate,
  options: { policy?: AgePolicy; recordingGraceDays?: number } = {},
): CaseRuleContext {
  const index = indexOrganisations(dataset.organisations);
  const ids = dataset.organisations.map((o) => o.id);
  return {
    asOf,
    coreOrganisationIds: coreOrganisationIds(dataset.agreement, asOf),
    within: ids.flatMap((org) => ids.filter((scope) => isWithin(org, scope, index)).map((scope) => ({ org, scope }))),
    policy: options.policy ?? defaultAgePolicy,
    recordingGraceDays: options.recordingGraceDays ?? defaultRecordingGraceDays,
  };
}

/**
 * The day a person born on `birth` turns `years`, as `ageOn` counts it: a 29 February birthday falls
 * on 1 March in common years (the first of the month plus the day's offset rolls over the same way).
 */
const turns = (birth: SQL, years: number): SQL =>
  sql`(make_date(extract(year from ${birth})::int + ${years}::int, extract(month from ${birth})::int, 1) + (extract(day from ${birth})::int - 1))`;

/** Non-null dates of the list are in non-decreasing order (`inOrder` of case-invariants). */
function inOrder(dates: readonly SQL[]): SQL {
  const pairs: SQL[] = [];
  dates.forEach((a, i) => {
    for (const b of dates.slice(i + 1)) pairs.push(sql`coalesce(${a} <= ${b}, true)`);
  });
  return sql`(${sql.join(pairs, sql` and `)})`;
}

/** Where each code's count comes from in the statement below: a column of one of its rule CTEs. */
const counted: Record<CaseRuleCode, string> = {
  "CASE.STATE_INCONSISTENT": "select state_inconsistent from case_rules",
  "CASE.DATE_ORDER": "select date_order + (select meeting_date_order from meeting_rules) from case_rules",
  "CASE.SELECTION_INCOMPLETE": "select selection_incomplete from case_rules",
  "CASE.SELECTION_NOT_UNANIMOUS": "select selection_not_unanimous from case_rules",
  "MEETING.STATE_INCONSISTENT": "select held_inconsistent + record_inconsistent + planned_in_closed from meeting_rules",
  "CONSENT.STATE_INCONSISTENT": "select consent_inconsistent from consent_rules",
  "CASE.MEETING_UNRECORDED": "select unrecorded from meeting_rules",
  "CASE.RECORD_INCOMPLETE": "select record_incomplete from meeting_rules",
  "CASE.PLANNED_MEETING_OVERDUE": "select planned_overdue from meeting_rules",
  "CASE.COMPOSITION_SINGLE_PROFESSION": "select single_profession from meeting_rules",
  "CASE.RESPONSIBLE_WORKER_MISSING": "select responsible_worker_missing from clientship_rules",
  "CASE.RESPONSIBLE_WORKER_NOT_INVOLVED": "select n from not_involved",
  "CASE.GUARDIAN_MISSING": "select guardian_missing from case_rules",
  "CASE.CHILD_WELFARE_NOTIFICATION_MISSING": "select child_welfare_notification_missing from case_rules",
  "CASE.NOT_OPEN": "select n from not_open",
  "CONSENT.NO_GUARDIAN_RECORDED": "select no_guardian from consent_refusals",
  "CONSENT.MISSING": "select missing from consent_refusals",
  "MEETING.NO_CLIENTSHIP": "select n from no_clientship",
};

/**
 * `checkCase` of every case in the scope on `context.asOf`, counted by code in one aggregate statement:
 * case rules in one pass over the cases, meeting rules in one pass over the meetings with their
 * composition summarised, and the consent rules only for the (meeting, organisation) pairs outside the
 * core team, which are few. Returns (code, n) for every code found at least once.
 */
export function caseRuleCountsQuery(scope: FigureScope, context: CaseRuleContext): SQL {
  const team = scope.teamId;
  const asOf = sql`${context.asOf}::date`;
  const grace = context.recordingGraceDays;
  const { adulthoodAge, ownConsentFromAge } = context.policy;
  const [police, social, nurse] = selectionProfessions;
  return sql`with
  core as (select value as org from jsonb_array_elements_text(${JSON.stringify(context.coreOrganisationIds)}::jsonb)),
  within_org as (select x.org, x.scope from jsonb_to_recordset(${JSON.stringify(context.within)}::jsonb) as x(org text, scope text)),
  cs as materialized (
    select c.id, c.status, c.referred_on, c.referral_source, c.selection_started_on, c.decided_on, c.activated_on, c.closed_on, c.close_reason,
      c.child_welfare_notified_on, c.child_welfare_notified_by_id,
      ${turns(sql`cl.birth_date`, adulthoodAge)} as adult_on,
      ${turns(sql`cl.birth_date`, ownConsentFromAge)} as own_consent_on
    from cases c join clients cl on cl.team_id = c.team_id and cl.id = c.client_id
    where c.team_id = ${team} and c.referred_on <= ${scope.period.to} and ${caseInScope(scope)}
  ),
  sel as (
    select d.case_id, bool_or(d.profession = ${police}) as police, bool_or(d.profession = ${social}) as social, bool_or(d.profession = ${nurse}) as nurse,
      bool_or(d.decision = 'decline') as declined
    from selection_decisions d where d.team_id = ${team} group by d.case_id
  ),
  -- Client relationships are few: kept once and hashed wherever a rule needs them.
  clientships as materialized (select x.case_id, x.organisation_id, x.since, x.ended_on, x.responsible_worker_name, x.responsible_worker_organisation_id from existing_clientships x where x.team_id = ${team}),
  custody as (select g.case_id, count(*)::int as guardians from guardians g where g.team_id = ${team} and g.has_custody group by g.case_id),
  case_rules as (
    select
      count(*) filter (where not (
        (cs.status = 'referred') = (cs.selection_started_on is null)
        and (cs.status in ('admitted', 'declined', 'active', 'closed')) = (cs.decided_on is not null)
        and (case when cs.status = 'active' then cs.activated_on is not null else cs.status = 'closed' or cs.activated_on is null end)
        and (cs.status = 'closed') = (cs.closed_on is not null and cs.close_reason is not null))) as state_inconsistent,
      count(*) filter (where not ${inOrder([sql`cs.referred_on`, sql`cs.selection_started_on`, sql`cs.decided_on`, sql`cs.activated_on`, sql`cs.closed_on`])}) as date_order,
      count(*) filter (where cs.status in ('admitted', 'declined', 'active', 'closed') and not coalesce(sel.police and sel.social and sel.nurse, false)) as selection_incomplete,
      count(*) filter (where cs.status in ('admitted', 'active', 'closed') and coalesce(sel.declined, false)) as selection_not_unanimous,
      count(*) filter (where cs.status in ('referred', 'in-selection', 'admitted', 'active') and ${asOf} < cs.adult_on and custody.case_id is null) as guardian_missing,
      count(*) filter (where cs.referral_source = 'police' and cs.referred_on < cs.adult_on
        and (cs.child_welfare_notified_on is null or cs.child_welfare_notified_by_id is null)) as child_welfare_notification_missing
    from cs left join sel on sel.case_id = cs.id left join custody on custody.case_id = cs.id
  ),
  clientship_rules as (
    select count(*) filter (where x.responsible_worker_name is null or x.responsible_worker_organisation_id is null) as responsible_worker_missing
    from clientships x join cs on cs.id = x.case_id
  ),
  consent_rules as (
    select count(*) filter (where (k.withdrawn_on is not null and k.withdrawn_on < k.given_on)
      or (k.giver_kind = 'guardian' and not exists (select 1 from guardians g where g.team_id = k.team_id and g.case_id = k.case_id and g.id = k.guardian_id))) as consent_inconsistent
    from consents k join cs on cs.id = k.case_id where k.team_id = ${team}
  ),
  -- Meetings with participants of two professions or more; every other meeting not cancelled has one.
  several_professions as (
    select p.meeting_id from meeting_participants p where p.team_id = ${team} and p.profession is not null
    group by p.meeting_id having min(p.profession) < max(p.profession)
  ),
  meeting_rules as (
    select
      count(*) filter (where cs.status not in ('admitted', 'active', 'closed') or (cs.decided_on is not null and m.planned_on < cs.decided_on)) as meeting_date_order,
      count(*) filter (where (m.status = 'held') <> (m.held_on is not null)
        or (m.held_on is not null and not ${inOrder([sql`cs.decided_on`, sql`m.held_on`, sql`cs.closed_on`])})) as held_inconsistent,
      count(*) filter (where r.meeting_id is not null and (m.status <> 'held' or (m.held_on is not null and r.recorded_on < m.held_on))) as record_inconsistent,
      count(*) filter (where cs.status = 'closed' and m.status = 'planned') as planned_in_closed,
      count(*) filter (where m.status = 'held' and m.held_on is not null and r.meeting_id is null and ${asOf} > m.held_on + ${grace}::int) as unrecorded,
      count(*) filter (where r.meeting_id is not null and not ((r.in_client_record or coalesce(ra.in_client_record, false))
        and (r.in_statistics or coalesce(ra.in_statistics, false)))) as record_incomplete,
      count(*) filter (where m.status = 'planned' and m.planned_on < ${asOf} - ${grace}::int) as planned_overdue,
      count(*) filter (where m.status <> 'cancelled' and sp.meeting_id is null) as single_profession
    from meetings m join cs on cs.id = m.case_id
      left join meeting_records r on r.team_id = m.team_id and r.meeting_id = m.id
      -- A record completed later by amending entries (effectiveRecord).
      left join (select a.meeting_id, bool_or(a.in_client_record) as in_client_record, bool_or(a.in_statistics) as in_statistics
        from meeting_record_amendments a where a.team_id = ${team} group by a.meeting_id) ra on ra.meeting_id = m.id
      left join several_professions sp on sp.meeting_id = m.id
    where m.team_id = ${team}
  ),
  not_involved as (
    select count(*) as n
    from clientships x join cs on cs.id = x.case_id join meetings m on m.team_id = ${team} and m.case_id = x.case_id
    where x.responsible_worker_name is not null and x.responsible_worker_organisation_id is not null
      and m.status = 'held' and (x.since is null or m.held_on >= x.since) and (x.ended_on is null or m.held_on < x.ended_on)
      and m.responsible_worker_informed_on is null
      and not exists (select 1 from meeting_participants p where p.team_id = ${team} and p.meeting_id = m.id
        and p.role = 'responsible-worker' and p.organisation_id = x.organisation_id and p.attended)
  ),
  -- Who an invitation needs consent for: each organisation outside the core team at a held meeting
  -- (those who attended) or a planned one (the composition), whatever its seat.
  invited as (
    select distinct m.id, m.case_id, cs.adult_on, cs.own_consent_on, p.organisation_id as org,
      case when m.status = 'held' then m.held_on else m.planned_on end as on_day
    from meeting_participants p join meetings m on m.team_id = p.team_id and m.id = p.meeting_id join cs on cs.id = m.case_id
    where p.team_id = ${team} and p.organisation_id is not null and p.organisation_id not in (select org from core)
      and ((m.status = 'held' and m.held_on is not null and p.attended) or (m.status = 'planned' and cs.status in ('admitted', 'active')))
  ),
  -- A responsible worker's seat (attended at a held meeting, or planned) without a client relationship
  -- with that organisation in force on the meeting's day (clientshipInForce: begun, not yet ended).
  no_clientship as (
    select count(*) as n
    from meeting_participants p join meetings m on m.team_id = p.team_id and m.id = p.meeting_id join cs on cs.id = m.case_id
      cross join lateral (select case when m.status = 'held' then m.held_on else m.planned_on end as on_day) d
    where p.team_id = ${team} and p.role = 'responsible-worker' and p.organisation_id is not null
      and ((m.status = 'held' and m.held_on is not null and p.attended) or m.status = 'planned')
      and not exists (select 1 from clientships x where x.case_id = m.case_id and x.organisation_id = p.organisation_id
        and (x.since is null or x.since <= d.on_day) and (x.ended_on is null or d.on_day < x.ended_on))
  ),
  -- A planned meeting of a case that is not open refuses every organisation it names, core or not.
  not_open as (
    select count(distinct (m.id, p.organisation_id)) as n
    from cs join meetings m on m.team_id = ${team} and m.case_id = cs.id
      join meeting_participants p on p.team_id = m.team_id and p.meeting_id = m.id
    where cs.status not in ('admitted', 'active') and m.status = 'planned' and p.organisation_id is not null
  ),
  consent_needed as (
    select i.*, i.on_day < i.adult_on as minor,
      coalesce((select count(*)::int from guardians g where g.team_id = ${team} and g.case_id = i.case_id and g.has_custody), 0) as guardians
    from invited i
  ),
  consent_refusals as (
    select
      count(*) filter (where n.minor and n.guardians = 0) as no_guardian,
      coalesce(sum(
        (case when (not n.minor or n.on_day >= n.own_consent_on) and not exists (
          select 1 from consents k join consent_scopes s on s.team_id = k.team_id and s.consent_id = k.id
          where k.team_id = ${team} and k.case_id = n.case_id and k.giver_kind = 'client'
            and k.given_on <= n.on_day and (k.valid_until is null or n.on_day <= k.valid_until) and (k.withdrawn_on is null or n.on_day < k.withdrawn_on)
            and (s.organisation_id = n.org or exists (select 1 from within_org w where w.org = n.org and w.scope = s.organisation_id))
        ) then 1 else 0 end)
        + (case when n.minor then (
          select count(*)::int from guardians g
          where g.team_id = ${team} and g.case_id = n.case_id and g.has_custody and not exists (
            select 1 from consents k join consent_scopes s on s.team_id = k.team_id and s.consent_id = k.id
            where k.team_id = ${team} and k.case_id = n.case_id and k.giver_kind = 'guardian' and k.guardian_id = g.id
              and k.given_on <= n.on_day and (k.valid_until is null or n.on_day <= k.valid_until) and (k.withdrawn_on is null or n.on_day < k.withdrawn_on)
              and (s.organisation_id = n.org or exists (select 1 from within_org w where w.org = n.org and w.scope = s.organisation_id))
          )) else 0 end)
      ), 0) as missing
    from consent_needed n
  )
  select code, n::int as n from (
    ${sql.join(
      Object.entries(counted).map(([code, n]) => sql`select ${code}::text as code, (${sql.raw(n)}) as n`),
      sql` union all `,
    )}
  ) counted where n > 0 order by code`;
}

/** Every case rule violation open on the period's last day, by code: `checkCase` for the whole scope, counted in the database. */
export async function countCaseRuleViolations(
  db: Executor,
  scope: FigureScope,
  context: CaseRuleContext,
): Promise<ViolationCounts> {
  const rows = await queryRows<{ code: string; n: number }>(db, caseRuleCountsQuery(scope, context));
  const counts: ViolationCounts = new Map();
  for (const { code, n } of rows) {
    // The statement names only the codes of `counted`.
    if (!isCaseRuleCode(code)) throw new TypeError(`the case rule statement counted an unknown code ${code}`);
    counts.set(code, { severity: caseRuleSeverities[code], count: n });
  }
  return counts;
}
