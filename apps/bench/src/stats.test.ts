import { describe, expect, it } from "vitest";
import { median, meetsTarget, percentile, ratio, round, throughputLead } from "./stats.js";

describe("percentile", () => {
  const values = [15, 20, 35, 40, 50];

  it("uses the nearest rank", () => {
    expect(percentile(values, 5)).toBe(15);
    expect(percentile(values, 30)).toBe(20);
    expect(percentile(values, 40)).toBe(20);
    expect(percentile(values, 50)).toBe(35);
    expect(percentile(values, 99)).toBe(50);
    expect(percentile(values, 100)).toBe(50);
  });

  it("does not depend on the input order", () => {
    expect(percentile([50, 15, 40, 35, 20], 50)).toBe(35);
  });

  it("is NaN without values", () => {
    expect(percentile([], 50)).toBeNaN();
  });
});

describe("median", () => {
  it("takes the middle value, or the mean of the middle two", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});

describe("ratio and targets", () => {
  it("divides by the baseline", () => {
    expect(ratio(3, 2)).toBe(1.5);
    expect(ratio(1, 0)).toBeNaN();
    expect(ratio(Number.NaN, 2)).toBeNaN();
  });

  it("meets a target at or below it, never when unknown", () => {
    expect(meetsTarget(1.5, 1.5)).toBe(true);
    expect(meetsTarget(1.51, 1.5)).toBe(false);
    expect(meetsTarget(Number.NaN, 1.5)).toBe(false);
  });

  it("rounds", () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(1.23456, 1)).toBe(1.2);
  });
});

describe("throughputLead", () => {
  it("divides the throughputs, and is unbounded when only the peer answered nothing in its rounds", () => {
    expect(throughputLead({ requests: 300, throughput: 30 }, { requests: 100, throughput: 10 })).toBe(3);
    expect(throughputLead({ requests: 390, throughput: 39 }, { requests: 0, throughput: 0 })).toBe(
      Number.POSITIVE_INFINITY,
    );
    expect(throughputLead({ requests: 0, throughput: 0 }, { requests: 0, throughput: 0 })).toBeNaN();
    expect(throughputLead({ requests: 0, throughput: 0 }, { requests: 10, throughput: 1 })).toBe(0);
  });
});
