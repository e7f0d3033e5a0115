/** Order statistics and ratios of the benchmark figures. */

/**
 * The p-th percentile (0–100) by the nearest-rank method: the smallest value with at least p % of
 * the values at or below it. NaN for no values.
 */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0 || !Number.isFinite(p)) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((Math.min(100, Math.max(0, p)) / 100) * sorted.length);
  return sorted[Math.max(0, rank - 1)] ?? Number.NaN;
}

/** The median (mean of the middle two for an even count). NaN for no values. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? Number.NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? Number.NaN) + upper) / 2;
}

/** value ÷ baseline; NaN when the baseline is not positive (no meaningful ratio). */
export function ratio(value: number, baseline: number): number {
  return baseline > 0 && Number.isFinite(value) ? value / baseline : Number.NaN;
}

/**
 * How many times the throughput of `side` is the `peer`'s, from the answers each got in its rounds.
 * A peer that answered none while the side answered some is slower than the rounds can measure:
 * the side leads by more than any ratio (Infinity), not by an unknown one.
 */
export function throughputLead(
  side: { requests: number; throughput: number },
  peer: { requests: number; throughput: number },
): number {
  if (peer.requests === 0 && side.requests > 0) return Number.POSITIVE_INFINITY;
  return ratio(side.throughput, peer.throughput);
}

/** Whether a ratio (lower is better) meets a target such as 1.5×; an unknown ratio does not. */
export function meetsTarget(value: number, target: number): boolean {
  return Number.isFinite(value) && value <= target;
}

/** Rounds to `digits` decimals (for the JSON figures). */
export function round(value: number, digits = 2): number {
  if (!Number.isFinite(value)) return value;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
