import { parseArgs } from "node:util";
import { openRuntime, queryRows, sql } from "@ankkuri/db";
import {
  caseRuleContext,
  computeReport,
  parsePeriod,
  type ReportRequest,
  resolveScope,
  runAggregates,
} from "@ankkuri/reports";
import { parseReporterEnv } from "../env.js";

// `pnpm --filter @ankkuri/reporter bench:report [--team T] [--period P] [--repeat N]`: times one
// report against its bare aggregate SQL on the configured database and samples the heap meanwhile,
// to show that memory stays flat as the data grows (docs/reports.md, "Performance").

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    team: { type: "string", default: "team-helsinki" },
    period: { type: "string", default: "2025-05-01..2026-04-30" },
    type: { type: "string", default: "annual" },
    repeat: { type: "string", default: "3" },
  },
});
const env = parseReporterEnv(process.env);
const runtime = await openRuntime(env.database, {
  warn: (m) => process.stderr.write(`warning: ${m}\n`),
  applicationName: "ankkuri-report-bench",
});
const { db } = runtime.handle;
const type = values.type === "party" || values.type === "monthly" ? values.type : "annual";
const request: ReportRequest = {
  teamId: values.team,
  type,
  period: parsePeriod(values.period),
  scope: type === "party" ? "org-hel-kuva" : null,
  requestedBy: "bench",
};
const repeat = Math.max(1, Number(values.repeat));

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
async function timed(run: () => Promise<unknown>): Promise<{ ms: number; peakHeapMb: number }> {
  global.gc?.();
  const base = process.memoryUsage().heapUsed;
  let peak = base;
  const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().heapUsed)), 5);
  const start = performance.now();
  await run();
  const ms = performance.now() - start;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { ms, peakHeapMb: (peak - base) / 2 ** 20 };
}

try {
  const [size] = await queryRows<{ cases: number; meetings: number; casesInPeriod: number }>(
    db,
    sql`select (select count(*)::int from cases where team_id = ${request.teamId}) as cases,
      (select count(*)::int from meetings where team_id = ${request.teamId}) as meetings,
      (select count(*)::int from cases where team_id = ${request.teamId} and referred_on between ${request.period.from} and ${request.period.to}) as "casesInPeriod"`,
  );
  const { dataset, scope } = await resolveScope(db, request);
  const rules = caseRuleContext(dataset, scope.period.to);
  const report: { ms: number; peakHeapMb: number }[] = [];
  const aggregates: { ms: number; peakHeapMb: number }[] = [];
  for (let i = 0; i < repeat; i++) {
    report.push(await timed(() => computeReport(db, request)));
    aggregates.push(await timed(() => runAggregates(db, scope, rules)));
  }
  process.stdout.write(
    `${JSON.stringify(
      {
        engine: runtime.handle.engine,
        request: { type: request.type, period: request.period, team: request.teamId },
        size,
        reportMs: Math.round(median(report.map((r) => r.ms))),
        aggregatesMs: Math.round(median(aggregates.map((r) => r.ms))),
        reportPeakHeapMb: Number(Math.max(...report.map((r) => r.peakHeapMb)).toFixed(1)),
        repeat,
      },
      null,
      2,
    )}\n`,
  );
} finally {
  await runtime.handle.close();
}
