import type { BenchOptions } from "./args.js";
import type { TimedRun } from "./load.js";
import type { LoadSummary } from "./load-worker.js";
import { percentile } from "./stats.js";

/**
 * Several load runs of one server as one: requests, failures and time add up, and the latency
 * percentiles are taken over every response of every run.
 */
export function combineRuns(runs: readonly TimedRun[]): LoadSummary {
  const latencies = runs.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sum = (pick: (s: LoadSummary) => number) => runs.reduce((total, r) => total + pick(r.summary), 0);
  const duration = sum((s) => s.duration);
  return {
    requests: sum((s) => s.requests),
    throughput: duration > 0 ? sum((s) => s.requests) / duration : Number.NaN,
    p50: percentile(latencies, 50),
    p90: percentile(latencies, 90),
    p99: percentile(latencies, 99),
    mean: latencies.length > 0 ? latencies.reduce((total, t) => total + t, 0) / latencies.length : Number.NaN,
    max: latencies.at(-1) ?? Number.NaN,
    non2xx: sum((s) => s.non2xx),
    errors: sum((s) => s.errors),
    timeouts: sum((s) => s.timeouts),
    errorAnswers: sum((s) => s.errorAnswers),
    duration,
  };
}

/**
 * Loads a baseline and a subject in alternating rounds (baseline first in odd rounds, subject first
 * in even ones), so that a machine that speeds up or slows down during the measurement weighs on
 * both alike; each side's rounds are then combined. `run(side, round)` performs one round.
 */
export async function alternateRounds(
  rounds: number,
  run: (side: "baseline" | "subject", round: number) => Promise<TimedRun>,
): Promise<{ baseline: LoadSummary; subject: LoadSummary }> {
  const baseline: TimedRun[] = [];
  const subject: TimedRun[] = [];
  for (let round = 0; round < rounds; round++) {
    const order = round % 2 === 0 ? (["baseline", "subject"] as const) : (["subject", "baseline"] as const);
    for (const side of order) (side === "baseline" ? baseline : subject).push(await run(side, round));
  }
  return { baseline: combineRuns(baseline), subject: combineRuns(subject) };
}

/**
 * `alternateRounds` for any number of servers: every round loads each once, and the order rotates
 * from round to round (round 2 starts with the second server, and so on), so each takes every place
 * in turn. `run(side, round)` performs one round; each side's rounds are combined.
 */
export async function rotateRounds<Side extends string>(
  sides: readonly Side[],
  rounds: number,
  run: (side: Side, round: number) => Promise<TimedRun>,
): Promise<Record<Side, LoadSummary>> {
  const runs = new Map<Side, TimedRun[]>(sides.map((side) => [side, []]));
  for (let round = 0; round < rounds; round++) {
    const shift = round % sides.length;
    for (const side of [...sides.slice(shift), ...sides.slice(0, shift)]) runs.get(side)?.push(await run(side, round));
  }
  return Object.fromEntries(sides.map((side) => [side, combineRuns(runs.get(side) ?? [])])) as Record<
    Side,
    LoadSummary
  >;
}

/** One round's share of the measured time, and its warm-up (the first round's only). */
export function roundTiming(
  options: Pick<BenchOptions, "duration" | "warmup" | "rounds">,
  round: number,
): { duration: number; warmup: number } {
  return {
    duration: Math.max(1, Math.round(options.duration / options.rounds)),
    warmup: round === 0 ? options.warmup : 0,
  };
}
