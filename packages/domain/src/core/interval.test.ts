import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  contains,
  intersection,
  type Interval,
  intervalSchema,
  lengthInDays,
  overlapDays,
  overlaps,
  type Period,
  periodSchema,
} from "./interval.js";
import { addDays } from "./local-date.js";

const base = "2024-01-01";

/** A date `n` days after 2024-01-01, so that fixtures read as small numbers. */
const day = (n: number) => addDays(base, n);

const interval = (from: number, to: number | null): Interval => ({ from: day(from), to: to === null ? null : day(to) });
const period = (from: number, to: number): Period => ({ from: day(from), to: day(to) });

/** Intervals within a few weeks of `base`, some of them open-ended. */
const anyInterval = fc
  .tuple(fc.integer({ min: -10, max: 40 }), fc.nat({ max: 30 }), fc.boolean())
  .map(([from, length, open]) => interval(from, open ? null : from + length));
const anyPeriod = fc
  .tuple(fc.integer({ min: -10, max: 40 }), fc.nat({ max: 30 }))
  .map(([from, length]) => period(from, from + length));

describe("intervalSchema", () => {
  it("accepts a closed, a single-day and an open-ended interval", () => {
    expect(intervalSchema.parse({ from: "2024-05-01", to: "2024-12-31" })).toEqual({
      from: "2024-05-01",
      to: "2024-12-31",
    });
    expect(intervalSchema.parse({ from: "2024-05-01", to: "2024-05-01" })).toEqual({
      from: "2024-05-01",
      to: "2024-05-01",
    });
    expect(intervalSchema.parse({ from: "2024-05-01", to: null })).toEqual({ from: "2024-05-01", to: null });
  });

  it("rejects an interval that ends before it starts, pointing at `to`", () => {
    const result = intervalSchema.safeParse({ from: "2024-05-01", to: "2024-04-30" });
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]?.path).toEqual(["to"]);
    expect(result.error?.issues[0]?.message).toBe("The interval ends before it starts (to < from)");
  });

  it("rejects impossible dates and a missing end", () => {
    expect(intervalSchema.safeParse({ from: "2025-02-30", to: null }).success).toBe(false);
    expect(intervalSchema.safeParse({ from: "2024-05-01" }).success).toBe(false);
  });
});

describe("periodSchema", () => {
  it("requires both ends in order", () => {
    expect(periodSchema.parse({ from: "2024-01-01", to: "2024-12-31" })).toEqual({
      from: "2024-01-01",
      to: "2024-12-31",
    });
    expect(periodSchema.safeParse({ from: "2024-01-01", to: null }).success).toBe(false);
    const reversed = periodSchema.safeParse({ from: "2024-12-31", to: "2024-01-01" });
    expect(reversed.error?.issues[0]?.path).toEqual(["to"]);
  });
});

describe("contains", () => {
  it("includes both ends", () => {
    const i = interval(0, 9);
    expect(contains(i, day(0))).toBe(true);
    expect(contains(i, day(9))).toBe(true);
    expect(contains(i, day(5))).toBe(true);
    expect(contains(i, day(-1))).toBe(false);
    expect(contains(i, day(10))).toBe(false);
  });

  it("treats an open end as lasting forever", () => {
    const i = interval(0, null);
    expect(contains(i, day(-1))).toBe(false);
    expect(contains(i, day(0))).toBe(true);
    expect(contains(i, "2999-12-31")).toBe(true);
  });
});

describe("intersection and overlaps", () => {
  it("returns the shared days", () => {
    expect(intersection(interval(0, 9), interval(5, 20))).toEqual(interval(5, 9));
    expect(intersection(interval(0, 20), interval(5, 9))).toEqual(interval(5, 9));
  });

  it("shares a single day when the intervals touch", () => {
    expect(intersection(interval(0, 9), interval(9, 20))).toEqual(interval(9, 9));
    expect(overlaps(interval(0, 9), interval(9, 20))).toBe(true);
  });

  it("returns null for disjoint intervals, including adjacent ones", () => {
    expect(intersection(interval(0, 9), interval(10, 20))).toBeNull();
    expect(intersection(interval(10, 20), interval(0, 9))).toBeNull();
    expect(overlaps(interval(0, 9), interval(10, 20))).toBe(false);
  });

  it("keeps the other end when one interval is open", () => {
    expect(intersection(interval(0, null), interval(5, 9))).toEqual(interval(5, 9));
    expect(intersection(interval(5, 9), interval(0, null))).toEqual(interval(5, 9));
    expect(intersection(interval(10, null), interval(0, 9))).toBeNull();
  });

  it("stays open when both intervals are open", () => {
    expect(intersection(interval(0, null), interval(5, null))).toEqual(interval(5, null));
  });

  it("is symmetric and holds exactly the days both contain", () => {
    fc.assert(
      fc.property(anyInterval, anyInterval, fc.integer({ min: -15, max: 80 }), (a, b, n) => {
        const ab = intersection(a, b);
        expect(ab).toEqual(intersection(b, a));
        expect(overlaps(a, b)).toBe(ab !== null);
        const inBoth = contains(a, day(n)) && contains(b, day(n));
        expect(ab !== null && contains(ab, day(n))).toBe(inBoth);
      }),
    );
  });
});

describe("lengthInDays", () => {
  it("counts both ends", () => {
    expect(lengthInDays(period(0, 0))).toBe(1);
    expect(lengthInDays(period(0, 9))).toBe(10);
  });

  it("counts leap days", () => {
    expect(lengthInDays({ from: "2024-01-01", to: "2024-12-31" })).toBe(366);
    expect(lengthInDays({ from: "2025-01-01", to: "2025-12-31" })).toBe(365);
    expect(lengthInDays({ from: "2024-02-01", to: "2024-02-29" })).toBe(29);
  });
});

describe("overlapDays", () => {
  it("counts the days an interval covers inside a period", () => {
    expect(overlapDays(interval(5, 14), period(0, 9))).toBe(5);
    expect(overlapDays(interval(-5, 50), period(0, 9))).toBe(10);
    expect(overlapDays(interval(3, 3), period(0, 9))).toBe(1);
  });

  it("counts an open interval up to the end of the period", () => {
    expect(overlapDays(interval(5, null), period(0, 9))).toBe(5);
    expect(overlapDays(interval(-5, null), period(0, 9))).toBe(10);
  });

  it("is 0 for a disjoint interval", () => {
    expect(overlapDays(interval(10, 20), period(0, 9))).toBe(0);
    expect(overlapDays(interval(10, null), period(0, 9))).toBe(0);
  });

  it("equals a day-by-day count", () => {
    fc.assert(
      fc.property(anyInterval, anyPeriod, (i, p) => {
        const days = Array.from({ length: lengthInDays(p) }, (_, k) => addDays(p.from, k));
        expect(overlapDays(i, p)).toBe(days.filter((d) => contains(i, d)).length);
      }),
    );
  });
});
