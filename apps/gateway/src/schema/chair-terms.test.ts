import { chairCalendar, chairOn, helsinkiAnkkuri, type Rotation } from "@ankkuri/domain";
import { describe, expect, it } from "vitest";
import { rotationCalendar, rotationChairOn } from "./chair-terms.js";

function rotation(): Rotation {
  const policy = helsinkiAnkkuri.bodies.find((b) => b.kind === "ankkuri-steering-group")?.chairPolicy;
  if (policy?.kind !== "rotating") throw new Error("the Helsinki steering group has a rotating chair");
  return structuredClone(policy.rotation);
}

describe("a rotation's remembered terms", () => {
  it("answers as the domain does, computing each window once", () => {
    const r = rotation();
    const first = rotationCalendar(r, "2025-06-01", 3);
    expect(first).toEqual(chairCalendar(r, "2025-06-01", 3));
    expect(rotationCalendar(r, "2025-06-01", 3)).toBe(first);
    expect(rotationCalendar(r, "2025-06-01", 5)).toEqual(chairCalendar(r, "2025-06-01", 5));
    expect(rotationCalendar(r, "2031-01-01", 3)).toEqual(chairCalendar(r, "2031-01-01", 3));
    expect(rotationChairOn(r, "2027-02-01")).toEqual(chairOn(r, "2027-02-01"));
    expect(rotationChairOn(r, "2000-01-01")).toBeNull();
  });

  it("keeps answers apart per rotation object: a changed rotation is a new dataset", () => {
    const before = rotation();
    const after = { ...rotation(), order: [...rotation().order].reverse() };
    const calendar = rotationCalendar(before, "2025-06-01", 3);
    expect(rotationCalendar(after, "2025-06-01", 3)).toEqual(chairCalendar(after, "2025-06-01", 3));
    expect(rotationCalendar(after, "2025-06-01", 3)).not.toEqual(calendar);
  });

  it("stays right past the bound on remembered windows, and hands out frozen lists", () => {
    const r = rotation();
    const days = Array.from(
      { length: 150 },
      (_, i) => `20${String(25 + Math.floor(i / 12))}-${String((i % 12) + 1).padStart(2, "0")}-01`,
    );
    for (const day of days) expect(rotationCalendar(r, day, 2)).toEqual(chairCalendar(r, day, 2));
    expect(Object.isFrozen(rotationCalendar(r, "2025-06-01", 3))).toBe(true);
  });
});
