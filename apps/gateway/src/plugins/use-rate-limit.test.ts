import { describe, expect, it } from "vitest";
import { tokenBuckets } from "./use-rate-limit.js";

describe("tokenBuckets", () => {
  it("allows a burst, then one request per refill, each person apart", () => {
    let t = 0;
    const buckets = tokenBuckets({ perSecond: 2, burst: 3 }, () => t);
    expect([1, 2, 3].map(() => buckets.take("a").ok)).toEqual([true, true, true]);
    expect(buckets.take("a")).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(buckets.take("b").ok).toBe(true);
    t += 500;
    expect(buckets.take("a").ok).toBe(true);
    expect(buckets.take("a").ok).toBe(false);
    t += 60_000;
    expect([1, 2, 3, 4].map(() => buckets.take("a").ok)).toEqual([true, true, true, false]);
  });

  it("says how long to wait at a slow rate", () => {
    const buckets = tokenBuckets({ perSecond: 0.1, burst: 1 }, () => 0);
    buckets.take("a");
    expect(buckets.take("a")).toEqual({ ok: false, retryAfterSeconds: 10 });
  });
});
