import { outputOf, workspacePath } from "@ankkuri/processes";
import type { BenchDatabase, KeyEnv } from "../bench-database.js";
import type { ReportProbeResult } from "../report-probe.js";
import type { ReportFigures } from "../results.js";
import { median, ratio } from "../stats.js";

const probe = workspacePath("apps/bench/src/report-probe.ts");

/** The annual report against its bare aggregate SQL on one data set, in a fresh process (for its peak memory). */
export async function reportVersusAggregates(
  database: BenchDatabase,
  keys: KeyEnv,
  teamId: string,
  period: { from: string; to: string },
  repeat: number,
): Promise<ReportFigures> {
  const out = await outputOf(probe, {
    args: [teamId, period.from, period.to, String(repeat)],
    env: { NODE_ENV: "development", DATABASE_URL: database.url, ...keys },
    name: `report probe ${database.name}`,
  });
  const result = JSON.parse(out.trim().split("\n").at(-1) ?? "{}") as ReportProbeResult;
  const reportMs = median(result.reportMs);
  const aggregatesMs = median(result.aggregatesMs);
  return {
    scale: database.scale,
    cases: result.cases,
    meetings: result.meetings,
    casesInPeriod: result.casesInPeriod,
    period,
    reportMs,
    aggregatesMs,
    ratio: ratio(reportMs, aggregatesMs),
    baselineRssMb: result.baselineRssMb,
    peakRssMb: result.peakRssMb,
  };
}
