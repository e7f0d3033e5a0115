import { describe, expect, it } from "vitest";
import { isoDate } from "./scalars.js";

describe("isoDate", () => {
  it("takes a calendar day and refuses anything else", () => {
    expect(isoDate("2026-02-28")).toBe("2026-02-28");
    expect(isoDate("2028-02-29")).toBe("2028-02-29");
    for (const bad of ["2026-02-29", "2026-13-01", "26-01-01", "2026-1-1", "2026-01-01T00:00:00Z", ""]) {
      expect(() => isoDate(bad)).toThrow(RangeError);
    }
  });
});
