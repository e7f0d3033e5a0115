import { caseListCountCap } from "@ankkuri/domain";
import type { LoadSummary } from "./load-worker.js";
import { caseListPlan } from "./floor/case-list-plan.js";
import { type Cell, formatNumber, formatRatio, markdownTable } from "./markdown.js";
import type { BenchResults, TargetCheck } from "./results.js";
import { meetsTarget, ratio, throughputLead } from "./stats.js";

/** A throughput lead as a ratio, or, when the peer answered nothing in its rounds, as that. */
const leadText = (times: number) =>
  times === Number.POSITIVE_INFINITY ? "peer answered none in its rounds" : formatRatio(times);

/** The issue's targets. */
export const targets = {
  /** Gateway p50 latency at most this many times the floor's. */
  p50Ratio: 1.5,
  /** The annual report at most this many times its bare aggregates. */
  reportRatio: 1.5,
  /** Peak memory of the report process at full scale at most this many times that at the small scale. */
  rssGrowth: 1.25,
  /** SQL statements per request, whatever the page or case (no statement per row). */
  statements: 5,
  /** Gateway throughput at least this many times PostGraphile's secured with JWT and RLS. */
  peerThroughput: 1.5,
  /** The case list's p50 in milliseconds at full scale and 10 connections. */
  caseListP50Ms: 50,
  /** Embedded start-up in a fresh data folder (prepared database present), spawn to first answer. */
  coldStartMs: 3000,
} as const;

/** The servers of the peer comparison, as named in benchmarks.json, and how the page names them. */
const peerColumns = [
  ["floor", "floor"],
  ["gateway", "gateway"],
  ["gatewayNode22", "gateway, Node 22"],
  ["gatewayNode20", "gateway, Node 20"],
  ["postgraphile", "PostGraphile, no authorization"],
  ["postgraphileRls", "PostGraphile, JWT + RLS"],
] as const;

/** A latency in milliseconds: two decimals below 10 ms, one above. */
const latency = (value: number) => formatNumber(value, value < 10 ? 2 : 1);
const ms = (value: number) => `${latency(value)} ms`;
const perSecond = (value: number) => `${formatNumber(value)} req/s`;
const mib = (value: number) => `${formatNumber(value)} MiB`;
const cases = (n: number) => `${formatNumber(n)} cases`;

/** Each target against this run's figures. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const op of results.operations) {
    checks.push({
      name: `${op.title}: gateway p50 latency`,
      target: `≤ ${String(targets.p50Ratio)}× the floor`,
      measured: formatRatio(op.p50Ratio),
      met: meetsTarget(op.p50Ratio, targets.p50Ratio),
    });
    if (op.key === "case-list")
      checks.push({
        name: `${op.title}: gateway p50 latency`,
        target: `≤ ${String(targets.caseListP50Ms)} ms`,
        measured: ms(op.gateway.p50),
        met: op.gateway.p50 <= targets.caseListP50Ms,
      });
    if (op.postgraphileRls) {
      const times = throughputLead(op.gateway, op.postgraphileRls);
      checks.push({
        name: `${op.title}: gateway throughput (authorization and audit log on)`,
        target: `≥ ${String(targets.peerThroughput)}× PostGraphile with JWT + RLS`,
        measured: `${leadText(times)} (${perSecond(op.gateway.throughput)} against ${perSecond(op.postgraphileRls.throughput)})`,
        met: times >= targets.peerThroughput,
      });
    }
    if (op.statements) {
      checks.push({
        name: `${op.title}: SQL statements per request`,
        target: `≤ ${String(targets.statements)}`,
        measured: `${formatNumber(op.statements.gateway.max)} (audit on: ${formatNumber(op.statements.gatewayWithAudit.max)})`,
        met: op.statements.gateway.max <= targets.statements,
      });
    }
  }
  const full = results.reports.find((r) => r.scale === results.options.scale);
  const small = results.reports.find((r) => r.scale === results.options.smallScale);
  if (full)
    checks.push({
      name: `Annual report at ${cases(full.scale)}`,
      target: `≤ ${String(targets.reportRatio)}× its bare aggregates`,
      measured: formatRatio(full.ratio),
      met: meetsTarget(full.ratio, targets.reportRatio),
    });
  if (full && small) {
    const growth = ratio(full.peakRssMb, small.peakRssMb);
    checks.push({
      name: `Report peak memory, ${cases(small.scale)} → ${cases(full.scale)}`,
      target: `flat: ≤ ${String(targets.rssGrowth)}×`,
      measured: `${formatRatio(growth)} (${mib(small.peakRssMb)} → ${mib(full.peakRssMb)})`,
      met: meetsTarget(growth, targets.rssGrowth),
    });
  }
  if (results.start)
    checks.push({
      name: "Embedded start-up, fresh data folder",
      target: `≤ ${String(targets.coldStartMs / 1000)} s`,
      measured: `${formatNumber(results.start.coldMs / 1000, 1)} s (first ever: ${formatNumber(results.start.firstEverMs / 1000, 1)} s)`,
      met: results.start.coldMs <= targets.coldStartMs,
    });
  return checks;
}

/** The one summary table: every figure against its baseline measured in the same run. */
export function summaryRows(results: BenchResults): { header: string[]; rows: Cell[][] } {
  const header = ["figure", "baseline", "measured", "ratio", "target", "met"];
  const rows: Cell[][] = [];
  const yes = (met: boolean) => (met ? "yes" : "**no**");
  for (const op of results.operations) {
    rows.push([
      `${op.key}: p50 latency`,
      `floor ${ms(op.floor.p50)}`,
      `gateway ${ms(op.gateway.p50)}`,
      formatRatio(op.p50Ratio),
      `≤ ${String(targets.p50Ratio)}×`,
      yes(meetsTarget(op.p50Ratio, targets.p50Ratio)),
    ]);
    rows.push([
      `${op.key}: p99 latency`,
      `floor ${ms(op.floor.p99)}`,
      `gateway ${ms(op.gateway.p99)}`,
      formatRatio(op.p99Ratio),
      "",
      "",
    ]);
    rows.push([
      `${op.key}: throughput`,
      `floor ${perSecond(op.floor.throughput)}`,
      `gateway ${perSecond(op.gateway.throughput)}`,
      formatRatio(op.throughputRatio),
      "",
      "",
    ]);
    for (const [key, name] of [
      ["postgraphileRls", "PostGraphile JWT + RLS"],
      ["postgraphile", "PostGraphile unsecured"],
      ["gatewayNode22", "gateway Node 22"],
      ["gatewayNode20", "gateway Node 20"],
    ] as const) {
      const other = op[key];
      if (!other) continue;
      const secured = key === "postgraphileRls";
      rows.push([
        `${op.key}: throughput`,
        `${name} ${perSecond(other.throughput)}`,
        `gateway ${perSecond(op.gateway.throughput)}`,
        leadText(throughputLead(op.gateway, other)),
        secured ? `≥ ${String(targets.peerThroughput)}×` : "",
        secured ? yes(throughputLead(op.gateway, other) >= targets.peerThroughput) : "",
      ]);
    }
    if (op.statements) {
      const s = op.statements;
      rows.push([
        `${op.key}: SQL statements/request`,
        `floor ${formatNumber(s.floor.max)}`,
        `gateway ${formatNumber(s.gateway.max)}, audit on ${formatNumber(s.gatewayWithAudit.max)}`,
        formatRatio(ratio(s.gateway.max, s.floor.max)),
        `≤ ${String(targets.statements)}`,
        yes(s.gateway.max <= targets.statements),
      ]);
    }
  }
  for (const r of results.reports) {
    const isFull = r.scale === results.options.scale;
    rows.push([
      `annual report, ${cases(r.scale)}`,
      `aggregates ${ms(r.aggregatesMs)}`,
      `report ${ms(r.reportMs)}`,
      formatRatio(r.ratio),
      isFull ? `≤ ${String(targets.reportRatio)}×` : "",
      isFull ? yes(meetsTarget(r.ratio, targets.reportRatio)) : "",
    ]);
  }
  const full = results.reports.find((r) => r.scale === results.options.scale);
  const small = results.reports.find((r) => r.scale === results.options.smallScale);
  if (full && small) {
    const growth = ratio(full.peakRssMb, small.peakRssMb);
    rows.push([
      "report process peak RSS",
      `${cases(small.scale)}: ${mib(small.peakRssMb)}`,
      `${cases(full.scale)}: ${mib(full.peakRssMb)}`,
      formatRatio(growth),
      `≤ ${String(targets.rssGrowth)}×`,
      yes(meetsTarget(growth, targets.rssGrowth)),
    ]);
  }
  if (results.start) {
    rows.push([
      "embedded start to first answer",
      `cold ${ms(results.start.coldMs)}`,
      `warm ${ms(results.start.warmMs)}`,
      formatRatio(ratio(results.start.warmMs, results.start.coldMs)),
      "",
      "",
    ]);
  }
  if (results.audit) {
    const a = results.audit;
    rows.push([
      "case-detail throughput, audit log on",
      `off ${perSecond(a.off.throughput)}`,
      `on ${perSecond(a.on.throughput)}`,
      formatRatio(a.throughputRatio),
      "",
      "",
    ]);
    rows.push([
      "case-detail p50 latency, audit log on",
      `off ${ms(a.off.p50)}`,
      `on ${ms(a.on.p50)}`,
      formatRatio(a.p50Ratio),
      "",
      "",
    ]);
  }
  for (const d of results.derivedAnswers ?? []) {
    rows.push([
      `${d.key} p50 latency, derived-answer cache on`,
      `off ${ms(d.off.p50)}`,
      `on ${ms(d.on.p50)}`,
      formatRatio(d.p50Ratio),
      "",
      "",
    ]);
    rows.push([
      `${d.key} throughput, derived-answer cache on`,
      `off ${perSecond(d.off.throughput)}`,
      `on ${perSecond(d.on.throughput)}`,
      formatRatio(d.throughputRatio),
      "",
      "",
    ]);
  }
  const empty = results.emptyRequest;
  if (empty) {
    rows.push([
      "empty request: p50 latency",
      `graphql-yoga ${ms(empty.bare.p50)}`,
      `gateway ${ms(empty.gateway.p50)}`,
      formatRatio(empty.p50Ratio),
      "",
      "",
    ]);
    rows.push([
      "empty request: throughput",
      `graphql-yoga ${perSecond(empty.bare.throughput)}`,
      `gateway ${perSecond(empty.gateway.throughput)}`,
      formatRatio(empty.throughputRatio),
      "",
      "",
    ]);
  }
  const memory = results.caseFromMemory;
  if (memory) {
    rows.push([
      "case-detail from memory: p50 latency",
      `floor ${ms(memory.floor.p50)}`,
      `graphql-yoga ${ms(memory.memory.p50)}`,
      formatRatio(memory.p50Ratio),
      "",
      "",
    ]);
    rows.push([
      "case-detail from memory: throughput",
      `floor ${perSecond(memory.floor.throughput)}`,
      `graphql-yoga ${perSecond(memory.memory.throughput)}`,
      formatRatio(memory.throughputRatio),
      "",
      "",
    ]);
  }
  return { header, rows };
}

/** The summary table as printed at the end of a run. */
export function summaryTable(results: BenchResults): string {
  const { header, rows } = summaryRows(results);
  return markdownTable(header, rows);
}

const howTo = `# Benchmarks

\`pnpm bench\` measures the gateway and the report worker on PostgreSQL against a floor — the same
data fetched with hand-written SQL — and writes this page and its raw figures
([benchmarks.json](benchmarks.json)). The figures below are from the last run written here.

\`\`\`sh
pnpm bench                      # 100 000 cases (about 1 000 000 meetings); the first run generates them (about 4 min)
pnpm bench --quick              # smoke run for CI: 2 000 cases, 3 s per measurement
pnpm bench --scale 10000 --duration 20 --connections 20
pnpm bench --no-docs            # print the summary only; --docs DIR writes the documents elsewhere
pnpm bench --node20             # also the gateway on the machine's Node.js 20, in the same rounds
\`\`\`

It needs a PostgreSQL server (\`--database-url\`, or \`BENCH_DATABASE_URL\`; default
\`postgres://postgres@127.0.0.1:5432/postgres\`) where it may create databases. The synthetic data
(\`pnpm db:synth\`, seed 1, one team, history up to the day of generation) goes into
\`ankkuri_bench_<scale>\`, which later runs reuse; a table \`bench_dataset\` written after the data
marks it complete. Drop the database to regenerate it. Key settings are generated for each run and
kept in memory only; the raw load-generator output and the server logs go to \`bench-results/\`
(not committed). Other flags: \`--small-scale\`, \`--rounds\`, \`--warmup\`, \`--report-repeat\` (\`pnpm bench --help\`).

## How the figures are measured

- **Gateway against the floor.** The gateway runs as deployed: its own process,
  \`NODE_ENV=production\`, trusting an OpenID Connect issuer that the bench runs on loopback and whose
  published keys the gateway fetches (\`local-issuer.ts\`), authorization and audit log on,
  \`REPORT_WORKER=off\`, pool of 10 connections. Until 2026-12-07 the comparisons ran it in development
  mode with the development issuer's tokens, and earlier that day with \`AUDIT_LOG=off\` as well. The floor is a small \`node:http\`
  server with postgres.js (its own process, pool of 10) that answers the same four operations with
  one or two hand-written statements each and the same need-to-know rule, without authentication or
  audit. Before loading, both answers are compared (cases, meetings, seats, consents, FTE rows, chair
  terms) and must match. The load generator (autocannon, its own process, loopback) keeps a fixed
  number of connections busy for the stated time after an unmeasured warm-up and reports p50 and p99
  latency and throughput; the case query cycles through 100 cases the caller may see. Ratios are
  gateway ÷ floor. The two servers of a comparison are loaded in alternating rounds that share the
  time (five by default: floor, gateway, gateway, floor, floor, …; only the first round of each is
  preceded by the warm-up), so that a machine whose speed drifts during the run, as shared machines'
  do by a fifth, weighs on both alike; a side's percentiles are over every response of its rounds.
  Latencies are the load generator's own timing of every measured response, to a
  fraction of a millisecond. Until 2026-12-01 they were autocannon's, whose histogram keeps whole
  milliseconds: a 0.9 ms answer read 0 ms, and a ratio of two p50s of a few milliseconds could
  only move in steps.
- **PostGraphile 5 and the Node.js versions.** PostGraphile 5.1.5 (amber preset, its own process,
  pool of 10) serves the bench database's public schema on Node.js 22, which it needs: the
  registry's \`node\` package at 22.23.3, installed by the benchmark into \`apps/bench/.cache\` on first
  use. The gateway runs a second time on that binary (\`gatewayNode22\`), so that the runtime is not
  what differs, and with \`--node20\` a third time on the machine's Node.js 20. PostGraphile runs
  twice: as it comes, with no authorization at all (every table, the audit log and identity-code
  ciphertexts included, to anonymous callers), and secured as its documentation says — a JWT whose
  \`role\` claim makes the transaction a non-owner role and whose claims become \`jwt.claims.*\`
  settings, read by row-level security policies that implement the need-to-know rule
  (\`apps/bench/src/postgraphile/rls-setup.sql\`, applied to the bench database only; the secured
  variant must refuse the audit log and the user accounts before it is loaded). The case list's next
  meeting and organisations of today are computed columns (\`computed-columns.sql\`), its documented
  way to serve a derived field. It answers the case list and the case screen in its own naming
  (\`peer-operations.ts\`); before loading, the rows it serves are compared with the gateway's (cases,
  next meetings, organisations, meetings, seats, consents, referrals, guardians, own notes; lists as
  sets). The FTE dashboard and the chair calendar are computed by the domain library from many rows:
  PostGraphile serves rows, not those answers, so it is not measured on them. Every server of an
  operation is loaded in the same rounds, whose order rotates. The gateway runs with its
  authentication and per-field authorization, PostGraphile unsecured with none: the target
  (≥ 1.5× its throughput) is against the secured variant, the unsecured one is shown beside it.
- **The operations** are the example operations in \`docs/operations\`: the police case list (the caseworker's
  organisation's active cases, 50 with next meeting and organisations), the case screen without \`violations\` (a rules check in the
  domain library with no SQL counterpart), the FTE dashboard without \`staffingViolations\`, and the
  chair calendar (three years). The FTE figures and chair terms are computed by the same domain
  functions in both servers; the floor fetches only their inputs.
- **SQL statements per request** are counted on the wire: in a separate phase the gateway (audit log
  off and on) and the floor connect through a proxy that counts every simple query and every
  extended-protocol Execute message, and each operation is sent sequentially; the largest count per
  request is shown. The proxy is never in the path of a timed request.
- **Report worker.** The annual report of the last completed agreement year (\`computeReport\`)
  against its bare aggregate SQL alone (\`runAggregates\`), alternating, median of the repeats, in a
  fresh process per data set whose peak resident memory (\`maxRSS\`) is reported, at the full and at
  the small scale.
- **Start-up.** The embedded gateway (PGlite) from process spawn to the first answered
  \`{ __typename }\`: cold in a fresh temporary data folder with the prepared database present, as
  after \`pnpm install\` (starts from it), then warm on the same folder; and first ever, with none
  (creates, migrates and seeds the database, and keeps it prepared). Until 2026-12-08 the prepared
  database was a tarball PGlite restored; since then it is a data folder copied natively
  (docs/database.md, "A new embedded database"). The process is \`node\` on the bundle
  \`pnpm start\` builds and runs (\`apps/gateway/dist/start/main.mjs\`, docs/gateway.md "Start-up"),
  built once before the three starts; pnpm's own start (about half a second) and the build are not
  included, and the build's time is given beside. Until 2026-12-07 the process was
  \`node --import tsx\` on the TypeScript entry point.
- **Audit log.** The case query on two gateway processes in development mode, the only mode in
  which the gateway runs without its audit log: one with it and one with \`AUDIT_LOG=off\`, in
  alternating rounds: what the audit log costs.
- **Derived answers.** The chair calendar and the FTE dashboard on the gateway as it runs, with its
  derived-answer cache on (a repeated question by the same person on the same team dataset is
  answered from the first answer once the dataset version is read; docs/gateway.md, "Derived
  answers"), and on a second gateway process with \`DERIVED_ANSWER_CACHE=off\`, in alternating
  rounds. The load asks one question over and over, so the comparison with the floor measures these
  two operations with the cache; this section gives what computing every answer costs.
- **Case screen from memory.** graphql-yoga as it comes (no plugins, no authentication) with the
  gateway's committed schema and graphql's default resolvers, answering the case query from memory:
  the gateway's own answers for the cases the load cycles through, asked before loading and checked
  to come back the same. Loaded against the floor in alternating rounds, it is what executing and
  serialising the case screen's answer costs on this stack when nothing is read: the part of the
  case screen's ratio that the framework sets.
- **Empty request.** \`{ __typename }\`, which touches no data, on graphql-yoga as it comes (one-field
  schema, no plugins, no authentication, its own process) and on the gateway with a token, loaded
  like the operations. It is the least a request costs: the framework's, and the gateway's with
  token verification, limits, metrics and its context.

Loopback load on a small machine shares its cores between the load generator, the server and
PostgreSQL: figures are for comparing within one run, not capacity planning.

## Reading the figures

- **A peer that answers none.** A server whose answers take longer than a round (the load's duration
  divided by the rounds: 2 s by default) completes no request in its rounds: its throughput reads
  0 req/s and the gateway's lead "peer answered none in its rounds", which meets a "≥" target
  (\`throughputLead\` in \`stats.ts\`); a server that answers nothing at all fails the comparison of
  answers before loading instead.
- **Where the gateway stands.** The targets table says, for this run, which operations are within
  their target. The case list over 100 000 cases reads its page and its capped count with the
  plan the section on the case list's floor below shows; its statements cost PostgreSQL less than
  the floor's, and its gap is the gateway's own work per row
  (docs/investigations/case-list-2026-12-07.md, with the command that profiles it). When the answer
  costs the database a millisecond, the
  ratio measures the gateway's own work per request instead: authentication, GraphQL execution
  with per-field authorization, planning the SQL for the selection and serialisation. The section
  "Empty request" gives the least a request costs on this stack: graphql-yoga with no plugins
  answering \`{ __typename }\`, which touches no data, and the gateway answering it with a token
  (token check, limits, metrics, the request's context). The chair calendar's floor is a few
  hundredths of a millisecond of work behind an HTTP answer; the p50 the target allows it is at
  most about one and a half times the gateway's p50 for an empty request (that section compares
  the two), which leaves the operation itself (its GraphQL execution over four terms, the
  dataset-version check, the calendar and the chairs' organisations) under a millisecond at
  10 connections. The case screen resolves several hundred fields with per-field authorization
  against the floor's one JSON statement. The section "Case screen from memory" shows that the
  framework's share of it is small: graphql-yoga executing the same selection over the gateway's own
  answers, with nothing read, is quicker than the floor. The rest is the gateway's work per
  request, spread thin: a profile of the case screen under load (2026-12-01) put about a sixth of
  the gateway's time in garbage collection, about a sixth in the GraphQL executor and graphql-yoga,
  a ninth in the drizzle plugin's planning and selection mapping, a tenth in postgres.js and
  drizzle's row mapping and an eighth in socket writes, with no part larger. Compiling the operation
  with graphql-jit (through \`@envelop/graphql-jit\`) was tried: it calls \`isTypeOf\` without the
  request's context, which the scope-auth plugin's type checks need, and with that patched it
  answered 200 case screens a second against 352 without it (10 000-case data set, six
  alternating pairs). The gateway's answer for those is capacity per process
  and horizontal scaling, since every instance is stateless apart from its caches.
- **What was done.** Caching each team's dataset behind a version the database bumps on every
  change (docs/gateway.md, "Query planning") cut the CPU time of an FTE dashboard request from
  16.6 ms to 6.6 ms and of a chair calendar request from 17 ms to 8 ms (sequential requests in one
  process on the 10 000-case data set); switching off PostgreSQL's JIT for the application's
  connections cut the database time of a page of 300 nested case reads from 195 ms to 125 ms.
  Preparing the case screen's and the case list's relational queries once per selection shape
  (docs/gateway.md, "Query planning") took the case screen from 50 to 131 requests per second on
  the gateway in a 10 000-case run (the floor did 754 and 596 in those runs). Answering the chairs'
  and the FTE units' organisations from the team cache instead of letting the drizzle plugin reload
  them (docs/gateway.md, "Query planning"), and exporting only the GraphQL metrics asked for, took
  both operations to one statement and, at 100 000 cases, the chair calendar from 12.3× to 7.0× and
  the FTE dashboard from 4.1× to 2.3× the floor (2026-12-01 against the run before).
  Then, on 2026-12-01, the fixed cost of every request: graphql-yoga's own body limit, which piped
  every body through a transform stream, gave way to the gateway's (2 700 → 3 700 empty requests a
  second); a verified token is reused for up to a minute instead of its ES256 signature being
  checked again (→ 5 200); and the metrics lost the HTTP duration histogram, which repeated the
  request duration and carried GET requests' variables in its \`url\` label (→ 5 800; figures of
  sequential runs on the 10 000-case data set). The dataset version is read with a statement built
  once, the chairs' and units' organisations are planned once per field path, and the FTE report is
  derived once per dataset version and period. At 100 000 cases the FTE dashboard went from 2.3× to
  1.33×, and the chair calendar from 7.0× to 3.0× (whole-millisecond latencies).
  Later on 2026-12-01 the drizzle plugin stopped checking, on every row, the columns of types that
  load every column (docs/gateway.md, "Query planning"), which took its share of a case screen's
  CPU time from 12.7 % to 7.7 %, and the reads of concurrent requests went to the audit log in one
  append (docs/gateway.md, "The audit log"): with the audit log on, the case screen kept 0.41×
  to 0.51× of its throughput before and 0.77× to 0.79× after. At 100 000 cases the case screen's
  p50 was 5.0× the floor's before (whole milliseconds: 25 against 5) and 4.0×, 4.6× and 4.4× in
  the three runs after (the last one in alternating rounds), and the chair calendar's 2.7×.
  On 2026-12-01, too, the chair calendar lost most of what it added to an empty request: concurrent
  requests share the dataset-version read (each answered by a read that began after it asked), a
  rotation's calendar is computed once per cached dataset and window instead of walking the terms
  from the anchor in every request, and a computed organisation field whose selection no variable
  can change is planned once per document (docs/gateway.md, "Query planning"). In six alternating
  pairs of loads on the 10 000-case data set the gateway went from 3 986 to 6 543 chair calendars a
  second; the run below is the first at 100 000 cases after it.
  Later on 2026-12-01 the organisations of a case's parts (seats, selection decisions, consents,
  referrals) came from the team cache instead of a join per row, which shrank the case screen's
  statement's answer from 16.3 KB to 9.9 KB, and the case and case-list resolvers read the dataset
  version beside it: 393 → 436 case screens a second (six alternating pairs on the 10 000-case data
  set). And a repeated chair calendar or FTE dashboard came to be answered from the answer computed
  for the same person on the same dataset (docs/gateway.md, "Derived answers"): 4 222 → 6 352
  chair calendars a second, p50 1.98 → 1.40 ms, in five pairs; the section "Derived answers" below
  measures both ways in this run.
- **The count's cap and production mode (2026-12-07).** The case list's count came down from
  10 000 to 1 000 (docs/gateway.md, "The case list"), and the gateway of the comparisons began to run
  in production mode against the bench's own issuer. In the 100 000-case runs before and after, the
  floor's case list went from 105.3 to 37.7 ms at p50 (87 → 237 req/s) and the gateway's from 232.8
  to 156.2 ms (39 → 59 req/s): the database's share shrank, so the ratio grew (2.21× → 4.14×) and now
  measures the gateway's own work almost alone, about 17 ms of its main thread per page of 50 cases
  (docs/investigations/case-list-2026-12-07.md). The secured PostGraphile, whose count has no cap and
  applies its row-level policy to every visible case, answered its first case lists in this run
  (1 req/s). The embedded start-up missed its 3 s in the run after (4.2 s cold) on another machine of
  the same kind than the run before (2.6 s): there the code of the run before started cold in 4.8 s
  and this run's in 4.1 s (medians of three, \`pnpm --filter @ankkuri/bench start-up\`), so the machine
  moved, not the code.
- **The prepared folder (2026-12-08).** A new embedded folder became a native copy of a prepared data
  folder instead of PGlite's restore of a tarball, which unpacked some 1 300 files one by one through
  its WebAssembly file system (docs/database.md, "A new embedded database"). In two alternating rounds
  of \`pnpm --filter @ankkuri/bench start-up\` (medians of three starts each, the code before and
  after on one machine), the cold start went from 2.61 and 2.81 s to 2.01 and 2.29 s (0.79×), warm
  stayed (1.45 and 1.23 s against 1.41 and 1.41 s), and the first ever start, which now makes the
  prepared folder, closes it and copies it, went from 5.10 and 5.34 s to 6.22 and 6.06 s (1.18×): it
  happens only where \`pnpm install\` ran without its scripts.
- **The annual report** counts the rule violations open at the year's end in one SQL statement
  (\`figures/case-rule-counts.ts\`), a restatement of the domain library's \`checkCase\` that an
  agreement test holds to it code by code on data breaking every rule. Until 2026-12 the report
  loaded every case referred by then and ran \`checkCase\` on it, a page at a time: 69 s at
  100 000 cases against 2.4 s of aggregates (29×). The statement is part of the bare aggregates, so
  the ratio now measures what the report adds to its SQL: loading the team, the FTE and chair
  sections, suppression and the document. The statement is most of the report's time at full
  scale, because the composition and consent rules read every meeting participant.
`;

/** How the p50 the target allows for an operation compares with the gateway's empty request. */
function emptyAgainstTarget(allowed: number, empty: number): string {
  const relation = allowed < empty ? "less than" : "against";
  return `The target allows that operation a p50 of ${ms(allowed)}, ${relation} the gateway's ${ms(empty)} for an empty request.`;
}

/** Load runs side by side: throughput and latency, one row each. */
function loadTable(what: string, runs: [string, LoadSummary][]): string {
  return markdownTable(
    [what, "req/s", "p50 ms", "p99 ms"],
    runs.map(([name, run]) => [name, Math.round(run.throughput), latency(run.p50), latency(run.p99)]),
  );
}

/** The chair calendar without the derived-answer cache against the floor, as a sentence (or nothing). */
function uncachedChair(results: BenchResults): string {
  const chair = results.derivedAnswers?.find((d) => d.key === "chair-calendar");
  const floor = results.operations.find((o) => o.key === "chair-calendar")?.floor.p50;
  return chair && floor
    ? ` With the cache off the chair calendar's p50 is ${ms(chair.off.p50)}, ${formatRatio(ratio(chair.off.p50, floor))} the floor's in the comparison above.`
    : "";
}

/** A section of the document: its heading, then each block as a paragraph (empty blocks left out). */
function section(title: string, ...blocks: string[]): string[] {
  return [`### ${title}`, "", ...blocks.filter((b) => b !== "").flatMap((b) => [b, ""])];
}

/** docs/benchmarks.md: how to run, how it measures, and this run's figures. */
export function renderMarkdown(results: BenchResults): string {
  const m = results.machine;
  const data = results.datasets.find((d) => d.scale === results.options.scale);
  const lines: string[] = [howTo, caseListPlan, "## Latest run", ""];
  lines.push(
    `Measured ${results.date} on ${m.cpu} (${String(m.cores)} cores, ${String(m.ramGiB)} GiB RAM), ${m.os}, Node ${m.node}, ${m.postgres}; commit \`${m.commit}\`${m.dirty ? " with uncommitted changes" : ""}.`,
    `Data: ${cases(results.options.scale)}${data ? ` (${formatNumber(data.meetings)} meetings, history up to ${data.today})` : ""}; load ${String(results.options.connections)} connections for ${String(results.options.duration)} s per server and measurement, in ${String(results.options.rounds)} alternating round(s), after ${String(results.options.warmup)} s of warm-up${results.options.quick ? " (a quick run)" : ""}. The run took ${formatNumber(results.runSeconds / 60, 1)} min.`,
    "",
  );
  const checks = results.targets;
  const missed = checks.filter((c) => !c.met);
  lines.push(
    ...section(
      "Targets",
      markdownTable(
        ["target", "goal", "measured", "met"],
        checks.map((c) => [c.name, c.target, c.measured, c.met ? "yes" : "**no**"]),
      ),
      missed.length === 0
        ? "Every target was met."
        : `${String(missed.length)} of ${String(checks.length)} targets were not met in this run.`,
    ),
  );
  lines.push(...section("Summary", summaryTable(results)));

  lines.push(
    ...section(
      "Gateway against the floor",
      markdownTable(
        [
          "operation",
          "floor p50 ms",
          "gateway p50 ms",
          "p50 ×",
          "floor p99 ms",
          "gateway p99 ms",
          "p99 ×",
          "floor req/s",
          "gateway req/s",
          "statements floor / gateway / audit on",
        ],
        results.operations.map((op) => [
          op.title,
          latency(op.floor.p50),
          latency(op.gateway.p50),
          formatRatio(op.p50Ratio),
          latency(op.floor.p99),
          latency(op.gateway.p99),
          formatRatio(op.p99Ratio),
          Math.round(op.floor.throughput),
          Math.round(op.gateway.throughput),
          op.statements
            ? `${formatNumber(op.statements.floor.max)} / ${formatNumber(op.statements.gateway.max)} / ${formatNumber(op.statements.gatewayWithAudit.max)}`
            : "",
        ]),
      ),
      `Answers compared: ${results.operations.map((op) => `${op.key} — ${op.answer.length > 120 ? `${op.answer.slice(0, 120)}…` : op.answer}`).join("; ")}.`,
    ),
  );
  const peered = results.operations.filter((op) =>
    peerColumns.some(([key]) => key !== "floor" && key !== "gateway" && op[key]),
  );
  if (peered.length > 0) {
    const present = peerColumns.filter(([key]) => peered.some((op) => op[key]));
    const cell = (run: LoadSummary | null | undefined, pick: (r: LoadSummary) => string) => (run ? pick(run) : "—");
    lines.push(
      ...section(
        "Gateway against PostGraphile and across Node.js versions",
        markdownTable(
          ["operation", "figure", ...present.map(([, name]) => name)],
          results.operations.flatMap((op) => [
            [op.key, "req/s", ...present.map(([key]) => cell(op[key], (r) => formatNumber(Math.round(r.throughput))))],
            [op.key, "p50 ms", ...present.map(([key]) => cell(op[key], (r) => latency(r.p50)))],
            [op.key, "p99 ms", ...present.map(([key]) => cell(op[key], (r) => latency(r.p99)))],
          ]),
        ),
        `The gateway on ${results.runtimes?.gateway ?? "the workspace's Node.js"}, beside it on ${results.runtimes?.node22 ?? "Node.js 22"}${results.options.node20 ? " and on the machine's Node.js 20" : ""}; PostGraphile ${results.runtimes?.postgraphile ?? ""} on ${results.runtimes?.node22 ?? "Node.js 22"}. "—": not measured (PostGraphile does not compute the FTE dashboard or the chair calendar). The gateway has its authentication, per-field authorization and audit log on; PostGraphile without authorization has none, and neither PostGraphile keeps an audit log.`,
        `The case list's count: the gateway counts up to the domain's cap (\`caseListCountCap\`, ${formatNumber(caseListCountCap)}) and then says the count is capped (docs/gateway.md); PostGraphile counts every visible row, so its answers carry the exact count and the comparison holds both in the capped form (\`${String(caseListCountCap)}+\`).`,
        peered
          .flatMap((op) =>
            op.peerAnswer
              ? [
                  `${op.key}: PostGraphile served ${op.peerAnswer.length > 160 ? `${op.peerAnswer.slice(0, 160)}…` : op.peerAnswer}`,
                ]
              : [],
          )
          .join("; "),
      ),
    );
  }
  lines.push(
    ...section(
      "Report worker",
      markdownTable(
        [
          "data set",
          "meetings",
          "cases in period",
          "period",
          "report ms",
          "aggregates ms",
          "report ×",
          "RSS before MiB",
          "peak RSS MiB",
        ],
        results.reports.map((r) => [
          cases(r.scale),
          r.meetings,
          r.casesInPeriod,
          `${r.period.from}..${r.period.to}`,
          Math.round(r.reportMs),
          Math.round(r.aggregatesMs),
          formatRatio(r.ratio),
          Math.round(r.baselineRssMb),
          Math.round(r.peakRssMb),
        ]),
      ),
    ),
  );
  const empty = results.emptyRequest;
  if (empty) {
    const fastest = [...results.operations].sort((a, b) => b.floor.throughput - a.floor.throughput)[0];
    lines.push(
      ...section(
        "Empty request",
        loadTable("`{ __typename }`", [
          ["graphql-yoga, no plugins", empty.bare],
          ["gateway, authenticated", empty.gateway],
        ]),
        fastest
          ? `For comparison, the floor answered its quickest operation (${fastest.key}) ${formatNumber(Math.round(fastest.floor.throughput))} times a second at p50 ${ms(fastest.floor.p50)}, and the gateway ${formatNumber(Math.round(fastest.gateway.throughput))} times a second at p50 ${ms(fastest.gateway.p50)}. ${emptyAgainstTarget(fastest.floor.p50 * targets.p50Ratio, empty.gateway.p50)}`
          : "",
      ),
    );
  }
  const memory = results.caseFromMemory;
  if (memory) {
    const onGateway = results.operations.find((o) => o.key === "case-detail");
    const within = memory.p50Ratio <= targets.p50Ratio;
    lines.push(
      ...section(
        "Case screen from memory",
        loadTable("case screen", [
          ["floor: hand-written SQL", memory.floor],
          ["graphql-yoga: the gateway's schema, answers from memory", memory.memory],
          ...(onGateway ? [["gateway (from the comparison above)", onGateway.gateway] as [string, LoadSummary]] : []),
        ]),
        `graphql-yoga executing the case screen's selection over the gateway's own answers (${formatNumber(memory.answerBytes / 1024, 1)} KB of JSON each), with no data read, no plugins and no authentication, reached ${formatRatio(memory.p50Ratio)} the floor's p50${onGateway ? ` (the gateway ${formatRatio(onGateway.p50Ratio)} in the comparison above)` : ""}. ${within ? "The framework's execution and serialisation of that answer fit within the target on their own; the rest of the gateway's ratio is its own work per request: the token, per-field authorization, planning and running the statement, mapping its rows and the garbage they leave." : "The framework alone does not fit that answer within the target."}`,
      ),
    );
  }
  if (results.start) {
    lines.push(
      ...section(
        "Start-up (embedded database)",
        markdownTable(
          ["start", "spawn to first answer ms"],
          [
            ["first ever (fresh data folder, no prepared database)", Math.round(results.start.firstEverMs)],
            ["cold (fresh data folder, prepared database)", Math.round(results.start.coldMs)],
            ["warm (same folder)", Math.round(results.start.warmMs)],
            ...(results.start.bundleMs === undefined
              ? []
              : [["building the bundle (before the process, once)", Math.round(results.start.bundleMs)]]),
          ],
        ),
      ),
    );
  }
  const derived = results.derivedAnswers ?? [];
  if (derived.length > 0) {
    lines.push(
      ...section(
        "Derived answers",
        loadTable(
          "operation",
          derived.flatMap((d): [string, LoadSummary][] => [
            [`${d.key}, cache off`, d.off],
            [`${d.key}, cache on (as measured against the floor)`, d.on],
          ]),
        ),
        `Every request of a load asks the same question, so with the cache on all but the first are served from it after the dataset-version read.${uncachedChair(results)}`,
      ),
    );
  }
  if (results.audit) {
    const a = results.audit;
    lines.push(
      ...section(
        "Audit log",
        loadTable("case query", [
          ["audit log off", a.off],
          ["audit log on", a.on],
        ]),
        `With the audit log on the case query reaches ${formatRatio(a.throughputRatio)} of the throughput without it.`,
      ),
    );
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
