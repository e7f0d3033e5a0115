/**
 * The case list floor's plan as measured when the floor was rewritten (docs/benchmarks.md keeps it
 * above each run's figures; re-measure with the commands it names when the statement changes).
 */
export const caseListPlan = `## The case list's floor: the plan of a page

A page of the case list is the viewer's memberships in force, in the list's order
(\`referred_on desc, id desc\`), read from \`case_memberships_case_list_index\` (team, organisation,
the case's referral day, case, validity): a backward index-only scan that stops after the page's
51 rows, duplicates (several memberships of one case) dropped as they pass. Each of the 51 cases is
then fetched by its key. The page reads its own rows and no more, whatever share of the team's cases
the organisation takes part in: the same plan reads 8 index pages for the police (every case visible)
and a few dozen for an organisation that sees 1 % of them, where the earlier plan (the list's index on
\`cases\`, a need-to-know probe per row) read 43 000 buffers for the latter. The count stops at
10 001 visible cases (the gateway's \`totalCountIsCapped\`).

\`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)\` of the floor's page statement (nested parts shortened to
their counts) at 100 000 cases, \`org-hpl-prevention\` (sees all 100 000), on a shared machine with a
load average of about 15 on 2 cores: the times are indications only, the buffer counts are the plan.

\`\`\`text
 Sort (actual time=18.024..18.031 rows=51 loops=1)
   Sort Key: c.referred_on DESC, c.id DESC
   Sort Method: quicksort  Memory: 29kB
   Buffers: shared hit=784
   ->  Nested Loop (actual time=1.359..17.850 rows=51 loops=1)
         Buffers: shared hit=778
         ->  Nested Loop (actual time=1.027..3.389 rows=51 loops=1)
               Buffers: shared hit=212
               ->  Limit (actual time=0.717..0.789 rows=51 loops=1)
                     Buffers: shared hit=8
                     ->  Result (actual time=0.716..0.781 rows=51 loops=1)
                           Buffers: shared hit=8
                           ->  Unique (actual time=0.714..0.769 rows=51 loops=1)
                                 Buffers: shared hit=8
                                 ->  Index Only Scan Backward using case_memberships_case_list_index on case_memberships m (actual time=0.712..0.745 rows=101 loops=1)
                                       Index Cond: ((team_id = 'team-helsinki'::text) AND (organisation_id = 'org-hpl-prevention'::text) AND (valid_from <= '2026-12-07'::date))
                                       Filter: ((valid_to IS NULL) OR (valid_to >= '2026-12-07'::date))
                                       Heap Fetches: 0
                                       Buffers: shared hit=8
               ->  Index Scan using cases_pkey on cases c (actual time=0.049..0.049 rows=1 loops=51)
                     Index Cond: ((team_id = 'team-helsinki'::text) AND (id = m.case_id))
                     Buffers: shared hit=204
         ->  Index Scan using clients_pkey on clients cl (actual time=0.044..0.044 rows=1 loops=51)
               Index Cond: ((team_id = 'team-helsinki'::text) AND (id = c.client_id))
               Buffers: shared hit=204
         SubPlan 1
           ->  Limit (actual time=0.101..0.101 rows=0 loops=51)
                 Buffers: shared hit=153
                 ->  Sort (actual time=0.100..0.100 rows=0 loops=51)
                       Sort Key: m_1.planned_on, m_1.id
                       Sort Method: quicksort  Memory: 25kB
                       Buffers: shared hit=153
                       ->  Index Scan using meetings_team_id_case_id_planned_on_index on meetings m_1 (actual time=0.098..0.098 rows=0 loops=51)
                             Index Cond: ((team_id = c.team_id) AND (case_id = c.id) AND (planned_on >= '2026-12-07'::date))
                             Filter: (status = 'planned'::text)
                             Buffers: shared hit=153
         SubPlan 2
           ->  Aggregate (actual time=0.136..0.137 rows=1 loops=51)
                 Buffers: shared hit=209
                 ->  Index Scan using case_memberships_team_id_case_id_index on case_memberships co (actual time=0.133..0.135 rows=4 loops=51)
                       Index Cond: ((team_id = c.team_id) AND (case_id = c.id))
                       Filter: ((valid_from <= '2026-12-07'::date) AND ((valid_to IS NULL) OR (valid_to >= '2026-12-07'::date)))
                       Buffers: shared hit=209
 Planning:
   Buffers: shared hit=439
 Planning Time: 12.142 ms
 Execution Time: 18.744 ms
\`\`\`

The capped count (10 001 visible cases read, then stopped):

\`\`\`text
 Aggregate (actual time=45.548..45.551 rows=1 loops=1)
   Buffers: shared hit=1227
   ->  Limit (actual time=0.869..45.104 rows=10001 loops=1)
         Buffers: shared hit=1227
         ->  Result (actual time=0.866..44.372 rows=10001 loops=1)
               Buffers: shared hit=1227
               ->  Unique (actual time=0.865..43.476 rows=10001 loops=1)
                     Buffers: shared hit=1227
                     ->  Index Only Scan Backward using case_memberships_case_list_index on case_memberships m (actual time=0.862..30.259 rows=28804 loops=1)
                           Index Cond: ((team_id = 'team-helsinki'::text) AND (organisation_id = 'org-hpl-prevention'::text) AND (valid_from <= '2026-12-07'::date))
                           Filter: ((valid_to IS NULL) OR (valid_to >= '2026-12-07'::date))
                           Heap Fetches: 0
                           Buffers: shared hit=1227
 Planning:
   Buffers: shared hit=197
 Planning Time: 9.459 ms
 Execution Time: 46.008 ms
\`\`\`

Measured with \`psql -f\` on a database made by \`pnpm db:synth --scale 100000 --today 2026-12-07\`
(the statement is \`caseList\` in \`apps/bench/src/floor/floor-queries.ts\`).
`;
