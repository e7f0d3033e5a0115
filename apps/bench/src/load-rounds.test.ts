import { describe, expect, it } from "vitest";
import type { TimedRun } from "./load.js";
import { alternateRounds, combineRuns, rotateRounds, roundTiming } from "./load-rounds.js";

const run = (latencies: number[], duration: number, failures = 0): TimedRun => ({
  summary: {
    requests: latencies.length,
    throughput: latencies.length / duration,
    p50: Number.NaN,
    p90: Number.NaN,
    p99: Number.NaN,
    mean: Number.NaN,
    max: Number.NaN,
    non2xx: failures,
    errors: 0,
    timeouts: 0,
    errorAnswers: 0,
    duration,
  },
  latencies: [...latencies].sort((a, b) => a - b),
});

describe("combineRuns", () => {
  it("adds requests, failures and time, and takes percentiles over every response", () => {
    const combined = combineRuns([run([1, 2, 3, 4], 2, 1), run([10, 20, 30, 40, 50, 60], 3)]);
    expect(combined).toMatchObject({ requests: 10, throughput: 2, non2xx: 1, duration: 5, max: 60 });
    // Nearest rank over 1 2 3 4 10 20 30 40 50 60: the 5th value is the median.
    expect(combined.p50).toBe(10);
    expect(combined.p99).toBe(60);
    expect(combined.mean).toBeCloseTo(22);
  });

  it("is one run's own figures for a single run", () => {
    const combined = combineRuns([run([0.5, 0.7, 0.9], 1)]);
    expect(combined).toMatchObject({ requests: 3, throughput: 3, p50: 0.7, max: 0.9 });
  });
});

describe("alternateRounds", () => {
  it("alternates which side goes first and combines each side's rounds", async () => {
    const order: string[] = [];
    const { baseline, subject } = await alternateRounds(4, (side, round) => {
      order.push(`${side[0] ?? ""}${String(round)}`);
      return Promise.resolve(side === "baseline" ? run([1, 1], 1) : run([3, 3, 3], 1));
    });
    expect(order).toEqual(["b0", "s0", "s1", "b1", "b2", "s2", "s3", "b3"]);
    expect(baseline).toMatchObject({ requests: 8, p50: 1, duration: 4 });
    expect(subject).toMatchObject({ requests: 12, p50: 3, duration: 4 });
  });
});

describe("roundTiming", () => {
  it("shares the duration between the rounds and warms up before the first only", () => {
    expect(roundTiming({ duration: 10, warmup: 3, rounds: 5 }, 0)).toEqual({ duration: 2, warmup: 3 });
    expect(roundTiming({ duration: 10, warmup: 3, rounds: 5 }, 3)).toEqual({ duration: 2, warmup: 0 });
    expect(roundTiming({ duration: 3, warmup: 1, rounds: 5 }, 1)).toEqual({ duration: 1, warmup: 0 });
  });
});

describe("rotateRounds", () => {
  it("loads every server once a round, each starting a round in turn, and combines each one's rounds", async () => {
    const order: string[] = [];
    const figures = await rotateRounds(["floor", "gateway", "postgraphile"], 4, (side, round) => {
      order.push(`${String(round)}:${side}`);
      return Promise.resolve(run([round + 1], 1));
    });
    expect(order).toEqual([
      "0:floor",
      "0:gateway",
      "0:postgraphile",
      "1:gateway",
      "1:postgraphile",
      "1:floor",
      "2:postgraphile",
      "2:floor",
      "2:gateway",
      "3:floor",
      "3:gateway",
      "3:postgraphile",
    ]);
    expect(figures.postgraphile).toMatchObject({ requests: 4, duration: 4, max: 4 });
  });
});
