import {
  type Agreement,
  type Assignment,
  ageBand,
  caseListCountCap,
  chairCalendar,
  clientAge,
  defaultAgePolicy,
  countedAssignments,
  fteReport,
  type Period,
  type Rotation,
  type SecurityClearance,
} from "@ankkuri/domain";
import type postgres from "postgres";

/**
 * The floor: the data of the four benchmarked operations fetched with hand-written SQL, one or two
 * statements each, shaped like the gateway's answers. Access is the same need-to-know rule (the
 * asking organisation takes part in the case), without authentication. Figures the gateway computes
 * with the domain library (age, FTE, chair rotation) are computed with the same functions here, so
 * the comparison is about fetching and serving, not about arithmetic.
 */

/** Who asks: the floor trusts its caller, as a floor should. */
export interface FloorActor {
  teamId: string;
  organisationId: string;
}

type Sql = postgres.Sql;

interface ClientColumns {
  given_name: string;
  family_name: string;
  birth_date: string;
}

function clientOf(row: ClientColumns, today: string) {
  const band = ageBand(row.birth_date, today, defaultAgePolicy);
  return {
    givenName: row.given_name,
    familyName: row.family_name,
    age: clientAge(row.birth_date, today),
    ageBand: { code: band.code, label: band.label.fi },
  };
}

/** Need-to-know as the gateway applies it: a membership of the actor's organisation in force today. */
const visible = (sql: Sql, actor: FloorActor, today: string) =>
  sql`exists (select 1 from case_memberships o where o.team_id = c.team_id and o.case_id = c.id and o.organisation_id = ${actor.organisationId}
    and o.valid_from <= ${today} and (o.valid_to is null or o.valid_to >= ${today}))`;

/** The case list's count stops where the gateway's does. */
const caseCountCap = caseListCountCap;

/** (a) A page of the case list: newest referrals first, each with its next planned meeting and organisations. */
export async function caseList(
  sql: Sql,
  actor: FloorActor,
  today: string,
  first: number,
  statuses: readonly string[] = [],
) {
  // The organisation's memberships in force, in the list's order, from the index that holds them so:
  // `case_memberships_case_list_index`, or under a status filter `case_memberships_case_list_status_index`
  // (each membership carries its case's status), one backward scan per status merged in order. Either
  // way the page reads its own rows and no more, and no case is fetched to test its status.
  const scan = (status: string | null) => sql`(select m.case_referred_on, m.case_id from case_memberships m
      where m.team_id = ${actor.teamId} and m.organisation_id = ${actor.organisationId}
        ${status === null ? sql`` : sql`and m.case_status = ${status}`}
        and m.valid_from <= ${today} and (m.valid_to is null or m.valid_to >= ${today})
      order by m.case_referred_on desc, m.case_id desc)`;
  const scans = (statuses.length === 0 ? [null] : [...new Set(statuses)]).map(scan);
  const memberships = scans.slice(1).reduce((all, next) => sql`${all} union all ${next}`, scans[0] ?? sql``);
  const listed = (limit: number) => sql`select distinct v.case_referred_on, v.case_id from (${memberships}) v
      order by v.case_referred_on desc, v.case_id desc limit ${limit}`;
  const [counted, rows] = await Promise.all([
    // Capped as the gateway's count: the memberships of at most one case more than the cap are read.
    sql<{ n: number }[]>`select count(*)::int as n from (${listed(caseCountCap + 1)}) listed`,
    sql<
      (ClientColumns & {
        id: string;
        type: string;
        status: string;
        version: number;
        referred_on: string;
        next_meeting: unknown;
        organisations: unknown;
      })[]
    >`
      with listed as (${listed(first + 1)}), page as (
        select c.team_id, c.id, c.client_id, c.type, c.status, c.version, c.referred_on
        from listed l join cases c on c.team_id = ${actor.teamId} and c.id = l.case_id
      )
      select p.id, p.type, p.status, p.version, p.referred_on::text as referred_on,
        cl.given_name, cl.family_name, cl.birth_date::text as birth_date,
        (select json_build_object('meetingId', m.id, 'plannedOn', m.planned_on, 'participants', (
            select coalesce(json_agg(json_build_object('role', mp.role, 'organisation', case when org.id is null then null else json_build_object('name', org.name_fi) end) order by mp.position, mp.id), '[]')
            from meeting_participants mp left join organisations org on org.id = mp.organisation_id
            where mp.team_id = m.team_id and mp.meeting_id = m.id))
          from meetings m
          where m.team_id = p.team_id and m.case_id = p.id and m.status = 'planned' and m.planned_on >= ${today}
          order by m.planned_on, m.id limit 1) as next_meeting,
        (select coalesce(json_agg(json_build_object('organisation', json_build_object('id', org.id, 'name', org.name_fi)) order by co.valid_from, co.organisation_id), '[]')
          from case_memberships co join organisations org on org.id = co.organisation_id
          where co.team_id = p.team_id and co.case_id = p.id and co.valid_from <= ${today}
            and (co.valid_to is null or co.valid_to >= ${today})) as organisations
      from page p join clients cl on cl.team_id = p.team_id and cl.id = p.client_id
      order by p.referred_on desc, p.id desc`,
  ]);
  const page = rows.slice(0, first);
  const n = counted[0]?.n ?? 0;
  return {
    totalCount: Math.min(n, caseCountCap),
    totalCountIsCapped: n > caseCountCap,
    pageInfo: { hasNextPage: rows.length > first, endCursor: page.at(-1)?.id ?? null },
    nodes: page.map((r) => ({
      caseId: r.id,
      type: r.type,
      status: r.status,
      version: r.version,
      referredOn: r.referred_on,
      client: clientOf(r, today),
      nextMeeting: r.next_meeting,
      organisations: r.organisations,
    })),
  };
}

/** (b) One case with its guardians, selection, consents, meetings with compositions and records, referrals and own notes. */
export async function caseDetail(sql: Sql, actor: FloorActor, today: string, caseId: string) {
  const [row] = await sql<(ClientColumns & Record<string, unknown>)[]>`
    select c.id as "caseId", c.type, c.status, c.version, c.referred_on::text as "referredOn", c.referral_source as "referralSource",
      c.selection_started_on::text as "selectionStartedOn", c.decided_on::text as "decidedOn", c.activated_on::text as "activatedOn",
      c.closed_on::text as "closedOn", c.close_reason as "closeReason", c.child_welfare_notified_on::text as "childWelfareNotifiedOn",
      cl.given_name, cl.family_name, cl.birth_date::text as birth_date,
      (select coalesce(json_agg(json_build_object('guardianId', g.id, 'givenName', g.given_name, 'familyName', g.family_name, 'hasCustody', g.has_custody) order by g.position, g.id), '[]')
        from guardians g where g.team_id = c.team_id and g.case_id = c.id) as guardians,
      (select coalesce(json_agg(json_build_object('organisation', json_build_object('id', org.id, 'name', org.name_fi), 'responsibleWorkerName', x.responsible_worker_name) order by x.position, x.organisation_id), '[]')
        from existing_clientships x join organisations org on org.id = x.organisation_id where x.team_id = c.team_id and x.case_id = c.id) as "existingClientships",
      (select coalesce(json_agg(json_build_object('profession', d.profession, 'admit', d.decision = 'admit', 'decidedOn', d.decided_on, 'organisation', json_build_object('name', org.name_fi)) order by d.position, d.staff_id), '[]')
        from selection_decisions d join organisations org on org.id = d.organisation_id where d.team_id = c.team_id and d.case_id = c.id) as selection,
      (select coalesce(json_agg(json_build_object(
          'consentId', k.id, 'giverKind', k.giver_kind, 'guardian', case when k.guardian_id is null then null else json_build_object('guardianId', k.guardian_id) end,
          'organisations', (select coalesce(json_agg(json_build_object('id', org.id, 'name', org.name_fi) order by s.position), '[]')
            from consent_scopes s join organisations org on org.id = s.organisation_id where s.team_id = k.team_id and s.consent_id = k.id),
          'givenOn', k.given_on, 'withdrawnOn', k.withdrawn_on,
          'inEffect', k.given_on <= ${today}::date and (k.valid_until is null or ${today}::date <= k.valid_until) and (k.withdrawn_on is null or ${today}::date < k.withdrawn_on)
        ) order by k.position, k.id), '[]')
        from consents k where k.team_id = c.team_id and k.case_id = c.id) as consents,
      (select coalesce(json_agg(json_build_object(
          'meetingId', m.id, 'plannedOn', m.planned_on, 'status', m.status, 'heldOn', m.held_on,
          'participants', (select coalesce(json_agg(json_build_object('participantId', mp.id, 'role', mp.role, 'profession', mp.profession, 'attended', mp.attended,
              'organisation', case when org.id is null then null else json_build_object('id', org.id, 'name', org.name_fi) end) order by mp.position, mp.id), '[]')
            from meeting_participants mp left join organisations org on org.id = mp.organisation_id where mp.team_id = m.team_id and mp.meeting_id = m.id),
          'record', (select json_build_object('recordedOn', r.recorded_on, 'inClientRecord', r.in_client_record, 'inStatistics', r.in_statistics)
            from meeting_records r where r.team_id = m.team_id and r.meeting_id = m.id)
        ) order by m.position, m.id), '[]')
        from meetings m where m.team_id = c.team_id and m.case_id = c.id) as meetings,
      (select coalesce(json_agg(json_build_object('referralId', f.id, 'service', f.service, 'status', f.status, 'madeOn', f.made_on, 'version', f.version, 'organisation', json_build_object('name', org.name_fi)) order by f.position, f.id), '[]')
        from referrals f join organisations org on org.id = f.organisation_id where f.team_id = c.team_id and f.case_id = c.id) as referrals,
      (select coalesce(json_agg(json_build_object('noteId', n.id, 'kind', n.kind, 'writtenOn', n.written_on, 'body', n.body) order by n.written_on desc, n.id desc), '[]')
        from case_notes n where n.team_id = c.team_id and n.case_id = c.id and n.organisation_id = ${actor.organisationId}) as notes
    from cases c join clients cl on cl.team_id = c.team_id and cl.id = c.client_id
    where c.team_id = ${actor.teamId} and c.id = ${caseId} and ${visible(sql, actor, today)}`;
  if (!row) return null;
  const { given_name, family_name, birth_date, ...rest } = row;
  return { ...rest, client: clientOf({ given_name, family_name, birth_date }, today) };
}

interface FteInputs {
  starts_on: string;
  versions: {
    number: number;
    effectiveFrom: string;
    noticePeriodMonths: number;
    essentialPartyIds: string[];
    parties: { organisationId: string; role: string }[];
    teamUnits: { organisationId: string; partyId: string }[];
    fteTargets: { organisationId: string; profession: string; fte: number; namedFte: number | null }[];
  }[];
  notices: { partyId: string; givenOn: string }[];
  assignments: (Omit<Assignment, "interval"> & {
    validFrom: string;
    validTo: string | null;
    staffOrganisationId: string;
  })[];
  clearances: SecurityClearance[];
  organisations: { id: string; parentId: string | null; name: string }[];
}

/** (c) The FTE dashboard: targets against realised FTE per unit and party, for a period. */
export async function fteDashboard(sql: Sql, actor: FloorActor, period: Period) {
  const [inputs] = await sql<FteInputs[]>`
    select a.starts_on::text as starts_on,
      (select json_agg(json_build_object('number', v.number, 'effectiveFrom', v.effective_from, 'noticePeriodMonths', v.notice_period_months,
          'essentialPartyIds', (select coalesce(json_agg(p.organisation_id), '[]') from agreement_parties p where p.team_id = v.team_id and p.agreement_id = v.agreement_id and p.version_number = v.number and p.essential),
          'parties', (select coalesce(json_agg(json_build_object('organisationId', p.organisation_id, 'role', p.role) order by p.position), '[]') from agreement_parties p where p.team_id = v.team_id and p.agreement_id = v.agreement_id and p.version_number = v.number),
          'teamUnits', (select coalesce(json_agg(json_build_object('organisationId', u.organisation_id, 'partyId', u.party_id) order by u.position), '[]') from agreement_team_units u where u.team_id = v.team_id and u.agreement_id = v.agreement_id and u.version_number = v.number),
          'fteTargets', (select coalesce(json_agg(json_build_object('organisationId', t.organisation_id, 'profession', t.profession, 'fte', t.fte::float8, 'namedFte', t.named_fte::float8) order by t.position), '[]') from fte_targets t where t.team_id = v.team_id and t.agreement_id = v.agreement_id and t.version_number = v.number)
        ) order by v.number) from agreement_versions v where v.team_id = a.team_id and v.agreement_id = a.id) as versions,
      (select coalesce(json_agg(json_build_object('partyId', n.party_id, 'givenOn', n.given_on)), '[]') from notices n where n.team_id = a.team_id and n.agreement_id = a.id) as notices,
      (select coalesce(json_agg(json_build_object('id', x.id, 'teamId', x.team_id, 'staffId', x.staff_id, 'organisationId', x.organisation_id, 'fraction', x.fraction::float8, 'validFrom', x.valid_from, 'validTo', x.valid_to,
          'role', x.role, 'needsPremisesAccess', x.needs_premises_access, 'staffOrganisationId', s.organisation_id)), '[]')
        from assignments x join staff s on s.team_id = x.team_id and s.id = x.staff_id where x.team_id = a.team_id) as assignments,
      (select coalesce(json_agg(json_build_object('id', k.id, 'staffId', k.staff_id, 'scope', k.scope, 'requestedById', k.requested_by_id, 'requestedOn', k.requested_on,
          'grantedOn', k.granted_on, 'deniedOn', k.denied_on, 'validUntil', k.valid_until, 'revokedOn', k.revoked_on)), '[]')
        from security_clearances k where k.team_id = a.team_id) as clearances,
      (select json_agg(json_build_object('id', o.id, 'parentId', o.parent_id, 'name', o.name_fi)) from organisations o) as organisations
    from teams tm join agreements a on a.team_id = tm.id
    where tm.id = ${actor.teamId}`;
  if (!inputs) return null;
  // fteReport and countedAssignments read only the terms, start and notices of the agreement: the rest
  // is not fetched.
  const agreement = {
    startsOn: inputs.starts_on,
    versions: inputs.versions,
    notices: inputs.notices,
  } as unknown as Agreement;
  const staff = inputs.assignments.map((a) => ({ id: a.staffId, organisationId: a.staffOrganisationId }));
  const assignments: Assignment[] = inputs.assignments.map(({ validFrom, validTo, staffOrganisationId: _, ...a }) => ({
    ...a,
    interval: { from: validFrom, to: validTo },
  }));
  const counted = countedAssignments(
    { agreement, organisations: inputs.organisations, staff, assignments, clearances: inputs.clearances },
    period,
  );
  const report = fteReport(agreement, counted, period);
  const names = new Map(inputs.organisations.map((o) => [o.id, o.name]));
  return {
    period: report.period,
    units: report.units.map((u) => ({
      organisation: { id: u.organisationId, name: names.get(u.organisationId) ?? null },
      profession: u.profession,
      target: u.target,
      named: u.named,
      realised: u.realised,
      difference: u.difference,
      headcount: u.headcount,
    })),
    parties: report.parties,
  };
}

/** (d) The chair calendar of a body: every term overlapping `years` years from `from`, with the chairing party. */
export async function chairCalendarOf(sql: Sql, actor: FloorActor, bodyId: string, from: string, years: number) {
  const [body] = await sql<
    {
      anchor: string | null;
      term_months: number | null;
      order: string[];
      events: Rotation["events"];
      names: Record<string, string>;
    }[]
  >`
    select b.rotation_anchor::text as anchor, b.rotation_term_months as term_months,
      (select coalesce(json_agg(r.party_id order by r.position), '[]') from rotation_order r where r.team_id = b.team_id and r.body_id = b.id) as order,
      (select coalesce(json_agg(case when e.kind = 'override'
          then json_build_object('kind', e.kind, 'termStart', e.on, 'partyId', e.party_id, 'decidedOn', e.decided_on, 'reference', e.reference)
          else json_build_object('kind', e.kind, 'partyId', e.party_id, 'on', e.on) end order by e.sequence), '[]')
        from rotation_events e where e.team_id = b.team_id and e.body_id = b.id) as events,
      (select json_object_agg(o.id, o.name_fi) from organisations o
        where o.id in (select r.party_id from rotation_order r where r.team_id = b.team_id and r.body_id = b.id
          union select e.party_id from rotation_events e where e.team_id = b.team_id and e.body_id = b.id)) as names
    from cooperation_bodies b
    where b.team_id = ${actor.teamId} and b.id = ${bodyId} and b.chair_policy = 'rotating'`;
  if (!body?.anchor || body.order.length === 0) return [];
  const rotation: Rotation = {
    anchor: body.anchor,
    termMonths: body.term_months ?? 12,
    order: body.order,
    events: body.events,
  };
  return chairCalendar(rotation, from, years).map((t) => ({
    index: t.index,
    from: t.from,
    to: t.to,
    chair: t.chairId === null ? null : { id: t.chairId, name: body.names[t.chairId] ?? null },
    overrideReference: t.override?.reference ?? null,
  }));
}
