-- PostGraphile secured as its documentation says: a non-owner role taken from the JWT's `role` claim,
-- and row-level security policies that read the claims (`jwt.claims.*` settings) and implement the
-- gateway's need-to-know rule: a case is seen by the organisations whose membership of it is in force
-- today (Helsinki), and its rows with it; a note only by the organisation that wrote it. Nothing else
-- is granted: identity codes, users, the audit log and the rest answer "permission denied".
-- Applied by the benchmark to its own database only (never part of the product's migrations);
-- idempotent, so a reused bench database takes it again.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'ankkuri_bench_caseworker') then
    create role ankkuri_bench_caseworker nologin;
  end if;
  -- What PostGraphile connects as: it may only become the roles granted to it.
  if not exists (select 1 from pg_roles where rolname = 'ankkuri_bench_authenticator') then
    create role ankkuri_bench_authenticator login noinherit;
  end if;
end
$$;
grant ankkuri_bench_caseworker to ankkuri_bench_authenticator;
grant usage on schema public to ankkuri_bench_caseworker;

create schema if not exists ankkuri_bench;
grant usage on schema ankkuri_bench to ankkuri_bench_caseworker;

-- Security definer: it reads case_memberships past that table's own policy (which calls it).
create or replace function ankkuri_bench.sees_case(team text, case_id uuid) returns boolean
  language sql stable security definer set search_path = public, pg_temp as $$
  select exists (
    select 1 from case_memberships o
    where o.team_id = team and o.case_id = sees_case.case_id
      and o.team_id = current_setting('jwt.claims.team_id', true)
      and o.organisation_id = current_setting('jwt.claims.organisation_id', true)
      and o.valid_from <= (now() at time zone 'Europe/Helsinki')::date
      and (o.valid_to is null or o.valid_to >= (now() at time zone 'Europe/Helsinki')::date))
$$;
revoke all on function ankkuri_bench.sees_case(text, uuid) from public;
grant execute on function ankkuri_bench.sees_case(text, uuid) to ankkuri_bench_caseworker;

grant select on cases, clients, case_memberships, guardians, existing_clientships, selection_decisions,
  consents, consent_scopes, meetings, meeting_participants, meeting_records, referrals, case_notes,
  organisations to ankkuri_bench_caseworker;

alter table cases enable row level security;
alter table clients enable row level security;
alter table case_memberships enable row level security;
alter table guardians enable row level security;
alter table existing_clientships enable row level security;
alter table selection_decisions enable row level security;
alter table consents enable row level security;
alter table consent_scopes enable row level security;
alter table meetings enable row level security;
alter table meeting_participants enable row level security;
alter table meeting_records enable row level security;
alter table referrals enable row level security;
alter table case_notes enable row level security;

drop policy if exists need_to_know on cases;
create policy need_to_know on cases for select to ankkuri_bench_caseworker
  using (ankkuri_bench.sees_case(team_id, id));
drop policy if exists need_to_know on clients;
create policy need_to_know on clients for select to ankkuri_bench_caseworker
  using (exists (select 1 from cases c where c.team_id = clients.team_id and c.client_id = clients.id));
drop policy if exists need_to_know on case_memberships;
create policy need_to_know on case_memberships for select to ankkuri_bench_caseworker
  using (ankkuri_bench.sees_case(team_id, case_id));
drop policy if exists need_to_know on guardians;
create policy need_to_know on guardians for select to ankkuri_bench_caseworker
  using (ankkuri_bench.sees_case(team_id, case_id));
drop policy if exists need_to_know on existing_clientships;
create policy need_to_know on existing_clientships for select to ankkuri_bench_caseworker
  using (ankkuri_bench.sees_case(team_id, case_id));
drop policy if exists need_to_know on selection_decisions;
create policy need_to_know on selection_decisions for select to ankkuri_bench_caseworker
  using (ankkuri_bench.sees_case(team_id, case_id));
drop policy if exists need_to_know on consents;
create policy need_to_know on consents for select to ankkuri_bench_caseworker
  using (ankkuri_bench.sees_case(team_id, case_id));
drop policy if exists need_to_know on consent_scopes;
create policy need_to_know on consent_scopes for select to ankkuri_bench_caseworker
  using (exists (select 1 from consents k where k.team_id = consent_scopes.team_id and k.id = consent_scopes.consent_id));
drop policy if exists need_to_know on meetings;
create policy need_to_know on meetings for select to ankkuri_bench_caseworker
  using (ankkuri_bench.sees_case(team_id, case_id));
drop policy if exists need_to_know on meeting_participants;
create policy need_to_know on meeting_participants for select to ankkuri_bench_caseworker
  using (exists (select 1 from meetings m where m.team_id = meeting_participants.team_id and m.id = meeting_participants.meeting_id));
drop policy if exists need_to_know on meeting_records;
create policy need_to_know on meeting_records for select to ankkuri_bench_caseworker
  using (exists (select 1 from meetings m where m.team_id = meeting_records.team_id and m.id = meeting_records.meeting_id));
drop policy if exists need_to_know on referrals;
create policy need_to_know on referrals for select to ankkuri_bench_caseworker
  using (ankkuri_bench.sees_case(team_id, case_id));
drop policy if exists need_to_know on case_notes;
create policy need_to_know on case_notes for select to ankkuri_bench_caseworker
  using (ankkuri_bench.sees_case(team_id, case_id)
    and organisation_id = current_setting('jwt.claims.organisation_id', true));
