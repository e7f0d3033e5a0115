import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Cover, coverage, type CoverageSegment } from "./coverage.js";
import { contains, lengthInDays, type Period } from "./interval.js";
import { addDays } from "./local-date.js";

const base = "2024-01-01";

/** A date `n` days after 2024-01-01, so that fixtures read as small numbers. */
const day = (n: number) => addDays(base, n);

const cover = (id: string, from: number, to: number | null, weight = 100): Cover => ({
  id,
  interval: { from: day(from), to: to === null ? null : day(to) },
  weight,
});

const window = (from: number, to: number): Period => ({ from: day(from), to: day(to) });

const segment = (from: number, to: number, ids: string[], total: number): CoverageSegment => ({
  from: day(from),
  to: day(to),
  ids,
  total,
});

describe("coverage", () => {
  it("reports a window without covers as one gap", () => {
    expect(coverage([], window(0, 30))).toEqual([segment(0, 30, [], 0)]);
  });

  it("reports gaps before and after a cover", () => {
    expect(coverage([cover("a", 10, 19)], window(0, 30))).toEqual([
      segment(0, 9, [], 0),
      segment(10, 19, ["a"], 100),
      segment(20, 30, [], 0),
    ]);
  });

  it("clips covers to the window", () => {
    expect(coverage([cover("a", -10, 40)], window(0, 30))).toEqual([segment(0, 30, ["a"], 100)]);
    expect(coverage([cover("a", -10, 9)], window(0, 30))).toEqual([segment(0, 9, ["a"], 100), segment(10, 30, [], 0)]);
  });

  it("runs an open-ended cover to the end of the window", () => {
    expect(coverage([cover("a", 10, null)], window(0, 30))).toEqual([
      segment(0, 9, [], 0),
      segment(10, 30, ["a"], 100),
    ]);
  });

  it("ignores covers outside the window", () => {
    expect(coverage([cover("before", -20, -1), cover("after", 31, null)], window(0, 30))).toEqual([
      segment(0, 30, [], 0),
    ]);
  });

  it("sums the weights of overlapping covers and lists their ids in input order", () => {
    const covers = [cover("b", 5, 20, 50), cover("a", 0, 9, 100), cover("c", 15, null, 25)];
    expect(coverage(covers, window(0, 30))).toEqual([
      segment(0, 4, ["a"], 100),
      segment(5, 9, ["b", "a"], 150),
      segment(10, 14, ["b"], 50),
      segment(15, 20, ["b", "c"], 75),
      segment(21, 30, ["c"], 25),
    ]);
  });

  it("reports a one-day overlap of consecutive covers", () => {
    // A handover where both supervisors are on duty on day 10.
    expect(coverage([cover("old", 0, 10), cover("new", 10, null)], window(0, 20))).toEqual([
      segment(0, 9, ["old"], 100),
      segment(10, 10, ["old", "new"], 200),
      segment(11, 20, ["new"], 100),
    ]);
  });

  it("keeps adjacent covers with different ids apart", () => {
    expect(coverage([cover("a", 0, 9), cover("b", 10, 30)], window(0, 30))).toEqual([
      segment(0, 9, ["a"], 100),
      segment(10, 30, ["b"], 100),
    ]);
  });

  it("merges neighbouring runs with the same covers", () => {
    // One id split over two consecutive records (e.g. an assignment renewed without a break).
    expect(coverage([cover("a", 0, 9), cover("a", 10, 30)], window(0, 30))).toEqual([segment(0, 30, ["a"], 100)]);
  });

  it("keeps runs apart when covers sharing an id change weight", () => {
    expect(coverage([cover("a", 0, 9, 50), cover("a", 10, 30, 100)], window(0, 30))).toEqual([
      segment(0, 9, ["a"], 50),
      segment(10, 30, ["a"], 100),
    ]);
  });

  it("handles a single-day window", () => {
    expect(coverage([cover("a", 0, 0)], window(0, 0))).toEqual([segment(0, 0, ["a"], 100)]);
    expect(coverage([cover("a", 1, 5)], window(0, 0))).toEqual([segment(0, 0, [], 0)]);
  });

  it("partitions the window exactly and totals the covers of every day", () => {
    const anyCover = fc
      .record({
        id: fc.constantFrom("a", "b", "c", "d"),
        from: fc.integer({ min: -10, max: 50 }),
        length: fc.nat({ max: 30 }),
        open: fc.boolean(),
        weight: fc.integer({ min: 1, max: 100 }),
      })
      .map((c) => cover(c.id, c.from, c.open ? null : c.from + c.length, c.weight));
    const anyWindow = fc
      .tuple(fc.nat({ max: 20 }), fc.nat({ max: 30 }))
      .map(([from, length]) => window(from, from + length));

    fc.assert(
      fc.property(fc.array(anyCover, { maxLength: 6 }), anyWindow, (covers, w) => {
        const segments = coverage(covers, w);

        // Segments tile the window: no gap, no overlap, each non-empty.
        expect(segments[0]?.from).toBe(w.from);
        expect(segments[segments.length - 1]?.to).toBe(w.to);
        segments.forEach((s, i) => {
          expect(s.from <= s.to).toBe(true);
          const next = segments[i + 1];
          if (next !== undefined) {
            expect(next.from).toBe(addDays(s.to, 1));
            // Maximal runs: neighbours differ in their covers or in their total.
            expect(next.ids.join() !== s.ids.join() || next.total !== s.total).toBe(true);
          }
        });
        expect(segments.reduce((sum, s) => sum + lengthInDays(s), 0)).toBe(lengthInDays(w));

        // Every day of a segment has exactly the segment's covers, in input order.
        for (const s of segments) {
          for (let k = 0; k < lengthInDays(s); k++) {
            const d = addDays(s.from, k);
            const active = covers.filter((c) => contains(c.interval, d));
            expect(s.ids).toEqual(active.map((c) => c.id));
            expect(s.total).toBe(active.reduce((sum, c) => sum + c.weight, 0));
          }
        }
      }),
    );
  });
});
