import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { helsinkiAnkkuri as hel } from "../seed/helsinki/index.js";
import { annualClock } from "./annual-clock.js";

describe("annualClock", () => {
  it("places the seeded activities in the months of the year, in month order", () => {
    const clock = annualClock(hel.bodies, 2027);
    expect(clock.map((c) => [c.month, c.bodyId])).toEqual(
      [...clock].sort((a, b) => a.month - b.month).map((c) => [c.month, c.bodyId]),
    );
    const april = clock.find((c) => c.bodyId === "body-hel-ankkuri-steering" && c.month === 4);
    expect(april).toMatchObject({ year: 2027, from: "2027-04-01", to: "2027-04-30" });
    expect(april?.activity.en).toContain("Annual evaluation");
    expect(clock.length).toBe(hel.bodies.reduce((n, b) => n + b.annualClock.length, 0));
  });

  it("gives February its last day in leap years", () => {
    const body = { id: "b", annualClock: [{ month: 2, activity: { fi: "x", sv: "x", en: "x" } }] };
    expect(annualClock([body], 2028)[0]?.to).toBe("2028-02-29");
    expect(annualClock([body], 2027)[0]?.to).toBe("2027-02-28");
  });

  it("is the same clock every year, only the dates move (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 2000, max: 2100 }), (year) => {
        const clock = annualClock(hel.bodies, year);
        expect(clock.map((c) => [c.month, c.bodyId, c.activity.fi])).toEqual(
          annualClock(hel.bodies, 2027).map((c) => [c.month, c.bodyId, c.activity.fi]),
        );
        for (const c of clock) expect(c.from.startsWith(`${String(year)}-`)).toBe(true);
      }),
    );
  });
});
