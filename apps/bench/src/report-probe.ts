import { openRuntime, parseDatabaseConfig, queryRows, sql } from "@ankkuri/db";
import { caseRuleContext, computeReport, type ReportRequest, resolveScope, runAggregates } from "@ankkuri/reports";

// Run by the benchmark in its own process, once per data set: the annual report (as the worker
// computes it) against its bare aggregate SQL alone, alternating, and the process's peak resident
// memory. Prints one JSON line.
// Usage: report-probe.ts <team> <from> <to> <repeat>   (DATABASE_URL and the key settings in the env)

/** What the probe prints. */
export interface ReportProbeResult {
  cases: number;
  meetings: number;
  casesInPeriod: number;
  reportMs: number[];
  aggregatesMs: number[];
  /** Resident memory after connecting, before the first report (MiB). */
  baselineRssMb: number;
  /** Peak resident memory of the whole process (MiB; `process.resourceUsage().maxRSS`). */
  peakRssMb: number;
}

const [teamId = "team-helsinki", from = "", to = "", repeatText = "1"] = process.argv.slice(2);
const runtime = await openRuntime(parseDatabaseConfig(process.env), {
  warn: () => undefined,
  applicationName: "ankkuri-bench-report",
});
const { db } = runtime.handle;
const request: ReportRequest = { teamId, type: "annual", period: { from, to }, scope: null, requestedBy: "bench" };

try {
  const [size] = await queryRows<{ cases: number; meetings: number; casesInPeriod: number }>(
    db,
    sql`select (select count(*)::int from cases where team_id = ${teamId}) as cases,
      (select count(*)::int from meetings where team_id = ${teamId}) as meetings,
      (select count(*)::int from cases where team_id = ${teamId} and referred_on between ${from} and ${to}) as "casesInPeriod"`,
  );
  const { dataset, scope } = await resolveScope(db, request);
  const rules = caseRuleContext(dataset, scope.period.to);
  const baselineRssMb = process.memoryUsage().rss / 2 ** 20;
  const reportMs: number[] = [];
  const aggregatesMs: number[] = [];
  for (let i = 0; i < Math.max(1, Number(repeatText)); i++) {
    let started = performance.now();
    await computeReport(db, request);
    reportMs.push(performance.now() - started);
    started = performance.now();
    await runAggregates(db, scope, rules);
    aggregatesMs.push(performance.now() - started);
  }
  const result: ReportProbeResult = {
    cases: size?.cases ?? 0,
    meetings: size?.meetings ?? 0,
    casesInPeriod: size?.casesInPeriod ?? 0,
    reportMs,
    aggregatesMs,
    baselineRssMb,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  await runtime.handle.close();
}
