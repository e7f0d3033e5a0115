/**
 * The case list floor's plan as measured when the floor was rewritten (docs/benchmarks.md keeps it
 * above each run's figures; re-measure with the commands it names when the statement changes).
 */
export const caseListPlan = `## The case list's floor: the plan of a page

The measured page is a caseworker's working list: \`cases(first: 50, filter: { statuses: [ACTIVE] })\`.
It is the viewer's memberships in force with the case's status, in the list's order
(\`referred_on desc, id desc\`), read from \`case_memberships_case_list_status_index\` (team,
organisation, the case's status, its referral day, case, validity; each membership carries its case's
status and referral day, kept by triggers): a backward index-only scan that stops after the page's 51
cases, duplicates (several memberships of one case) dropped as they pass. Each of the 51 cases is then
fetched by its key. No case is read to test its status: before the status was on the membership, the
page walked the list's memberships and fetched each case to test it (9 819 buffers for the page,
60 000 and 743 ms for the capped count at 100 000 cases); now the page reads 27 index pages. Without a
status filter the same plan runs on \`case_memberships_case_list_index\`. The count stops at 1 001
visible cases (the gateway's \`totalCountIsCapped\`).

\`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)\` of the floor's page statement at 100 000 cases,
\`org-hpl-prevention\` (sees every case; 27 408 active), status \`active\`, on a shared machine with a
load average of about 15 on 2 cores: the times are indications only, the buffer counts are the plan.

\`\`\`text
 Sort (actual time=12.633..12.641 rows=51 loops=1)
   Sort Key: c.referred_on DESC, c.id DESC
   Sort Method: quicksort  Memory: 80kB
   Buffers: shared hit=1128
   ->  Nested Loop (actual time=0.371..12.563 rows=51 loops=1)
         Buffers: shared hit=1122
         ->  Nested Loop (actual time=0.093..9.403 rows=51 loops=1)
               Buffers: shared hit=231
               ->  Limit (actual time=0.071..9.031 rows=51 loops=1)
                     Buffers: shared hit=27
                     ->  Unique (actual time=0.071..9.026 rows=51 loops=1)
                           Buffers: shared hit=27
                           ->  Index Only Scan Backward using case_memberships_case_list_status_index on case_memberships m (actual time=0.070..9.008 rows=141 loops=1)
                                 Index Cond: ((team_id = 'team-helsinki'::text) AND (organisation_id = 'org-hpl-prevention'::text) AND (case_status = 'active'::text) AND (valid_from <= '2026-12-07'::date))
                                 Filter: ((valid_to IS NULL) OR (valid_to >= '2026-12-07'::date))
                                 Heap Fetches: 0
                                 Buffers: shared hit=27
               ->  Index Scan using cases_pkey on cases c (actual time=0.007..0.007 rows=1 loops=51)
                     Index Cond: ((team_id = 'team-helsinki'::text) AND (id = m.case_id))
                     Buffers: shared hit=204
         ->  Index Scan using clients_pkey on clients cl (actual time=0.007..0.007 rows=1 loops=51)
               Index Cond: ((team_id = 'team-helsinki'::text) AND (id = c.client_id))
               Buffers: shared hit=204
         SubPlan 2
           ->  Limit (actual time=0.031..0.031 rows=1 loops=51)
                 Buffers: shared hit=467
                 ->  Result (actual time=0.030..0.030 rows=1 loops=51)
                       Buffers: shared hit=467
                       ->  Sort (actual time=0.010..0.010 rows=1 loops=51)
                             Sort Key: m_1.planned_on, m_1.id
                             Sort Method: quicksort  Memory: 25kB
                             Buffers: shared hit=203
                             ->  Index Scan using meetings_team_id_case_id_planned_on_index on meetings m_1 (actual time=0.009..0.009 rows=1 loops=51)
                                   Index Cond: ((team_id = c.team_id) AND (case_id = c.id) AND (planned_on >= '2026-12-07'::date))
                                   Filter: (status = 'planned'::text)
                                   Buffers: shared hit=203
                       SubPlan 1
                         ->  Aggregate (actual time=0.019..0.019 rows=1 loops=50)
                               Buffers: shared hit=264
                               ->  Hash Left Join (actual time=0.011..0.012 rows=4 loops=50)
                                     Hash Cond: (mp.organisation_id = org.id)
                                     Buffers: shared hit=253
                                     ->  Index Scan using meeting_participants_pkey on meeting_participants mp (actual time=0.009..0.010 rows=4 loops=50)
                                           Index Cond: ((team_id = m_1.team_id) AND (meeting_id = m_1.id))
                                           Buffers: shared hit=252
                                     ->  Hash (actual time=0.026..0.027 rows=34 loops=1)
                                           Buckets: 1024  Batches: 1  Memory Usage: 11kB
                                           Buffers: shared hit=1
                                           ->  Seq Scan on organisations org (actual time=0.005..0.015 rows=34 loops=1)
                                                 Buffers: shared hit=1
         SubPlan 3
           ->  Aggregate (actual time=0.023..0.023 rows=1 loops=51)
                 Buffers: shared hit=220
                 ->  Hash Join (actual time=0.009..0.014 rows=7 loops=51)
                       Hash Cond: (co.organisation_id = org_1.id)
                       Buffers: shared hit=220
                       ->  Index Scan using case_memberships_team_id_case_id_index on case_memberships co (actual time=0.009..0.012 rows=7 loops=51)
                             Index Cond: ((team_id = c.team_id) AND (case_id = c.id))
                             Filter: ((valid_from <= '2026-12-07'::date) AND ((valid_to IS NULL) OR (valid_to >= '2026-12-07'::date)))
                             Rows Removed by Filter: 2
                             Buffers: shared hit=219
                       ->  Hash (actual time=0.010..0.011 rows=34 loops=1)
                             Buckets: 1024  Batches: 1  Memory Usage: 11kB
                             Buffers: shared hit=1
                             ->  Seq Scan on organisations org_1 (actual time=0.001..0.004 rows=34 loops=1)
                                   Buffers: shared hit=1
 Planning:
   Buffers: shared hit=675
 Planning Time: 4.001 ms
 Execution Time: 12.896 ms
\`\`\`

The capped count (1 001 active visible cases read, then stopped; recent cases have about three
police memberships each, one per meeting seat). Until 2026-12-07 the cap was 10 000: the count read
40 818 memberships of 10 001 cases, 5 041 buffers, 155.8 ms in the same conditions, on every page.
The cap is the domain's \`caseListCountCap\` (docs/gateway.md, "The case list"):

\`\`\`text
 Aggregate (actual time=3.434..3.435 rows=1 loops=1)
   Buffers: shared hit=94
   ->  Limit (actual time=0.261..3.388 rows=1001 loops=1)
         Buffers: shared hit=94
         ->  Unique (actual time=0.259..3.320 rows=1001 loops=1)
               Buffers: shared hit=94
               ->  Index Only Scan Backward using case_memberships_case_list_status_index on case_memberships m (actual time=0.257..3.090 rows=2782 loops=1)
                     Index Cond: ((team_id = 'team-helsinki'::text) AND (organisation_id = 'org-hpl-prevention'::text) AND (case_status = 'active'::text) AND (valid_from <= '2026-12-07'::date))
                     Filter: ((valid_to IS NULL) OR (valid_to >= '2026-12-07'::date))
                     Heap Fetches: 0
                     Buffers: shared hit=94
 Planning:
   Buffers: shared hit=231
 Planning Time: 16.563 ms
 Execution Time: 3.747 ms
\`\`\`

Several statuses (\`statuses: [ACTIVE, ADMITTED]\`): one backward scan per status, each in the list's
order, merged (\`Merge Append\`) and stopped at the page, so the order holds across statuses:

\`\`\`text
 Limit (actual time=0.059..0.114 rows=51 loops=1)
   Buffers: shared hit=31
   ->  Unique (actual time=0.058..0.110 rows=51 loops=1)
         Buffers: shared hit=31
         ->  Merge Append (actual time=0.057..0.100 rows=103 loops=1)
               Sort Key: m.case_referred_on DESC, m.case_id DESC
               Buffers: shared hit=31
               ->  Index Only Scan Backward using case_memberships_case_list_status_index on case_memberships m (actual time=0.033..0.033 rows=1 loops=1)
                     Index Cond: ((team_id = 'team-helsinki'::text) AND (organisation_id = 'org-hpl-prevention'::text) AND (case_status = 'active'::text) AND (valid_from <= '2026-12-07'::date))
                     Filter: ((valid_to IS NULL) OR (valid_to >= '2026-12-07'::date))
                     Heap Fetches: 0
                     Buffers: shared hit=5
               ->  Index Only Scan Backward using case_memberships_case_list_status_index on case_memberships m_1 (actual time=0.024..0.059 rows=103 loops=1)
                     Index Cond: ((team_id = 'team-helsinki'::text) AND (organisation_id = 'org-hpl-prevention'::text) AND (case_status = 'admitted'::text) AND (valid_from <= '2026-12-07'::date))
                     Filter: ((valid_to IS NULL) OR (valid_to >= '2026-12-07'::date))
                     Heap Fetches: 0
                     Buffers: shared hit=26
 Planning Time: 0.200 ms
 Execution Time: 0.187 ms
\`\`\`

The gateway runs the same scans for the viewer's organisation and its parent (two scans per status),
each stopped at the page's rows or the count's cap. The bound is what keeps a prepared statement's
generic plan streaming: postgres.js prepares every statement, and a generic plan (organisation, status
and day unknown, a few thousand memberships estimated) of the unbounded two-scan count hashed all 203 615
of the police's active memberships in force and sorted them (\`Parallel Append\`, \`HashAggregate\`,
top-N sort: 886 ms, 15 217 buffers, with \`plan_cache_mode = force_generic_plan\`); bounded, the generic
plan is the \`Merge Append\` above (97 ms, 5 045 buffers, same load).

Measured with \`psql -f\` on a database made by \`pnpm db:synth --scale 100000 --today 2026-12-07\`
and migrated to \`case_list_status\`, then \`VACUUM (ANALYZE) case_memberships\` (the statement is
\`caseList\` in \`apps/bench/src/floor/floor-queries.ts\`).
`;
