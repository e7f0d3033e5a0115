-- PostGraphile's documented way to serve a derived field is a computed column: a stable SQL function
-- `<table>_<field>(row)` in an exposed schema. The case list's next meeting (the first planned
-- meeting from today on, Helsinki) and organisations taking part today have no plain-column
-- equivalent (amber has no range filters), so the benchmark adds these two to its own database.
-- They run as the caller: row-level security applies inside them.

create or replace function public.cases_next_meeting(c public.cases) returns public.meetings
  language sql stable as $$
  select m.* from meetings m
  where m.team_id = c.team_id and m.case_id = c.id and m.status = 'planned'
    and m.planned_on >= (now() at time zone 'Europe/Helsinki')::date
  order by m.planned_on, m.id limit 1
$$;

create or replace function public.cases_organisations_today(c public.cases) returns setof public.case_memberships
  language sql stable as $$
  select o.* from case_memberships o
  where o.team_id = c.team_id and o.case_id = c.id
    and o.valid_from <= (now() at time zone 'Europe/Helsinki')::date
    and (o.valid_to is null or o.valid_to >= (now() at time zone 'Europe/Helsinki')::date)
  order by o.valid_from, o.organisation_id
$$;
