import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { lengthInDays, type Interval, type Period } from "../core/interval.js";
import { addDays } from "../core/local-date.js";
import { fteHundredthDays, headcount, hundredths, realisedFte } from "./fte.js";
import { assignmentSchema } from "./staff.js";

interface Work {
  organisationId: string;
  staffId: string;
  fraction: number;
  interval: Interval;
}

const work = (staffId: string, organisationId: string, fraction: number, from: string, to: string | null): Work => ({
  staffId,
  organisationId,
  fraction,
  interval: { from, to },
});

const january: Period = { from: "2025-01-01", to: "2025-01-31" };

describe("hundredths", () => {
  it.each([
    [1, 100],
    [0.5, 50],
    [0.29, 29],
    [0.07, 7],
    [0.01, 1],
    [0.57, 57],
  ])("%s is %s hundredths, exactly", (fraction, expected) => {
    expect(hundredths(fraction)).toBe(expected);
  });
});

describe("assignmentSchema", () => {
  const input = {
    id: "as-1",
    teamId: "team-fixture",
    staffId: "st-1",
    organisationId: "u",
    interval: { from: "2025-01-01", to: null },
  };

  it("takes fractions above 0, at most 1, in hundredths", () => {
    for (const fraction of [0.01, 0.25, 0.57, 1])
      expect(assignmentSchema.safeParse({ ...input, fraction }).success).toBe(true);
    for (const fraction of [0, -0.5, 1.01, 0.333, 0.005])
      expect(assignmentSchema.safeParse({ ...input, fraction }).success).toBe(false);
  });

  it("defaults to a member's role that needs the premises", () => {
    expect(assignmentSchema.parse({ ...input, fraction: 1 })).toMatchObject({
      role: "member",
      needsPremisesAccess: true,
    });
  });

  it("refuses an interval that ends before it starts", () => {
    expect(
      assignmentSchema.safeParse({ ...input, fraction: 1, interval: { from: "2025-01-02", to: "2025-01-01" } }).success,
    ).toBe(false);
  });
});

describe("realisedFte", () => {
  it("is 0.25 for a 0.5 assignment over half the period", () => {
    const period = { from: "2025-01-01", to: "2025-01-10" };
    expect(realisedFte([work("a", "u", 0.5, "2025-01-01", "2025-01-05")], "u", period)).toBe(0.25);
  });

  it("is the fraction for an open-ended assignment covering the period", () => {
    expect(realisedFte([work("a", "u", 0.5, "2024-05-01", null)], "u", { from: "2025-01-01", to: "2025-12-31" })).toBe(
      0.5,
    );
  });

  it("sums the assignments of a unit and ignores other units", () => {
    const assignments = [
      work("a", "u", 1, "2024-01-01", null),
      work("b", "u", 0.5, "2024-01-01", null),
      work("c", "v", 1, "2024-01-01", null),
    ];
    expect(realisedFte(assignments, "u", january)).toBe(1.5);
    expect(realisedFte(assignments, "v", january)).toBe(1);
    expect(realisedFte(assignments, "w", january)).toBe(0);
  });

  it("sums over a list of units", () => {
    const assignments = [
      work("a", "u", 1, "2024-01-01", null),
      work("b", "v", 0.5, "2024-01-01", null),
      work("c", "w", 0.25, "2024-01-01", null),
    ];
    expect(realisedFte(assignments, ["u", "v"], january)).toBe(1.5);
    expect(realisedFte(assignments, ["u", "v", "w"], january)).toBe(1.75);
    expect(realisedFte(assignments, [], january)).toBe(0);
  });

  it("counts only the days an assignment shares with the period", () => {
    const assignments = [
      work("a", "u", 1, "2024-12-01", "2025-01-10"), // 10 days in January
      work("b", "u", 1, "2025-01-30", "2025-03-01"), // 2 days
      work("c", "u", 1, "2024-01-01", "2024-12-31"), // before
      work("d", "u", 1, "2025-02-01", null), // after
    ];
    expect(realisedFte(assignments, "u", january)).toBeCloseTo(12 / 31, 12);
    expect(fteHundredthDays(assignments, "u", january)).toBe(1200);
  });

  it("counts a single day of full-time work as 100 hundredth-days", () => {
    const day = { from: "2025-01-15", to: "2025-01-15" };
    expect(fteHundredthDays([work("a", "u", 1, "2025-01-01", null)], "u", day)).toBe(100);
    expect(realisedFte([work("a", "u", 0.35, "2025-01-01", null)], "u", day)).toBe(0.35);
  });
});

describe("headcount", () => {
  it("counts distinct people working for the unit during the period", () => {
    const assignments = [
      work("a", "u", 0.5, "2025-01-01", "2025-01-10"),
      work("a", "u", 0.5, "2025-01-20", null), // the same person again
      work("b", "u", 0.2, "2025-01-31", "2025-02-28"), // one shared day is enough
      work("c", "u", 1, "2024-01-01", "2024-12-31"), // before the period
      work("d", "v", 1, "2025-01-01", null), // another unit
    ];
    expect(headcount(assignments, "u", january)).toBe(2);
    expect(headcount(assignments, "v", january)).toBe(1);
    expect(headcount([], "u", january)).toBe(0);
  });
});

describe("properties", () => {
  const base = "2024-01-01";
  const day = (offset: number) => addDays(base, offset);
  const span = 400;

  const assignmentArb = fc
    .record({
      unit: fc.constantFrom("u", "v"),
      percent: fc.integer({ min: 1, max: 100 }),
      start: fc.integer({ min: 0, max: span }),
      length: fc.option(fc.integer({ min: 0, max: span }), { nil: null }),
    })
    .map(({ unit, percent, start, length }) =>
      work("s", unit, percent / 100, day(start), length === null ? null : day(start + length)),
    );

  // A period of at least two days and a split point: left = [from, cut], right = [cut + 1, to].
  const splitPeriodArb = fc
    .tuple(fc.integer({ min: 0, max: span }), fc.integer({ min: 1, max: span }))
    .chain(([start, extra]) =>
      fc.record({
        start: fc.constant(start),
        end: fc.constant(start + extra),
        cut: fc.integer({ min: start, max: start + extra - 1 }),
      }),
    );

  const unitsArb = fc.constantFrom<string | string[]>("u", "v", ["u", "v"], ["u"], []);

  it("fteHundredthDays is additive over a split of the period", () => {
    fc.assert(
      fc.property(
        fc.array(assignmentArb, { maxLength: 12 }),
        splitPeriodArb,
        unitsArb,
        (assignments, { start, end, cut }, units) => {
          const whole = { from: day(start), to: day(end) };
          const left = { from: day(start), to: day(cut) };
          const right = { from: day(cut + 1), to: day(end) };
          const total = fteHundredthDays(assignments, units, whole);
          expect(Number.isInteger(total)).toBe(true);
          expect(total).toBe(fteHundredthDays(assignments, units, left) + fteHundredthDays(assignments, units, right));
        },
      ),
      { numRuns: 500 },
    );
  });

  it("realisedFte of a period is the day-weighted mean of its parts", () => {
    fc.assert(
      fc.property(
        fc.array(assignmentArb, { maxLength: 12 }),
        splitPeriodArb,
        unitsArb,
        (assignments, { start, end, cut }, units) => {
          const whole = { from: day(start), to: day(end) };
          const left = { from: day(start), to: day(cut) };
          const right = { from: day(cut + 1), to: day(end) };
          const mean =
            (realisedFte(assignments, units, left) * lengthInDays(left) +
              realisedFte(assignments, units, right) * lengthInDays(right)) /
            lengthInDays(whole);
          expect(Math.abs(realisedFte(assignments, units, whole) - mean)).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("realisedFte equals a day-by-day sum of fractions", () => {
    fc.assert(
      fc.property(
        fc.array(assignmentArb, { maxLength: 6 }),
        fc.integer({ min: 0, max: span }),
        fc.integer({ min: 0, max: 40 }),
        (assignments, start, length) => {
          const period = { from: day(start), to: day(start + length) };
          let hundredthDays = 0;
          for (let d = start; d <= start + length; d++) {
            const date = day(d);
            for (const a of assignments) {
              if (
                a.organisationId === "u" &&
                a.interval.from <= date &&
                (a.interval.to === null || date <= a.interval.to)
              )
                hundredthDays += Math.round(a.fraction * 100);
            }
          }
          expect(fteHundredthDays(assignments, "u", period)).toBe(hundredthDays);
          expect(realisedFte(assignments, "u", period)).toBeCloseTo(hundredthDays / 100 / (length + 1), 12);
        },
      ),
      { numRuns: 200 },
    );
  });
});
