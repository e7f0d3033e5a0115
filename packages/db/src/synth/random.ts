/** Values with relative weights, prepared once so that drawing is a short scan. */
export interface Weighted<T> {
  values: readonly T[];
  /** Running totals of the weights. */
  cumulative: readonly number[];
  total: number;
}

/** Prepares a weighted table from `[value, weight]` pairs (weights need not sum to anything). */
export function weighted<T>(entries: readonly (readonly [T, number])[]): Weighted<T> {
  if (entries.length === 0 || entries.some(([, w]) => w < 0))
    throw new RangeError("a weighted table needs entries with weights ≥ 0");
  const cumulative: number[] = [];
  let total = 0;
  for (const [, w] of entries) cumulative.push((total += w));
  if (total <= 0) throw new RangeError("a weighted table needs a positive total weight");
  return { values: entries.map(([v]) => v), cumulative, total };
}

/** A seeded pseudo-random source: the same seed gives the same sequence on every platform. */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
  draw<T>(table: Weighted<T>): T;
}

/**
 * mulberry32: a 32-bit generator, small and fast, with a period of 2³², which is plenty for test
 * data (not for cryptography).
 */
export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (p) => next() < p,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError("cannot pick from an empty list");
      return items[int(0, items.length - 1)] as T;
    },
    draw<T>(table: Weighted<T>): T {
      const x = next() * table.total;
      let i = 0;
      while (i < table.cumulative.length - 1 && x >= (table.cumulative[i] ?? 0)) i++;
      return table.values[i] as T;
    },
  };
}

/**
 * An independent seed for item `index` of a run (a murmur3-style mix), so each case has its own
 * stream: the data does not depend on the batch size or on how many numbers another case drew.
 */
export function deriveSeed(seed: number, index: number): number {
  let h = (seed ^ Math.imul(index + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
