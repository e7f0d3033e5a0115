import { describe, expect, it } from "vitest";
import { calendarWindowRefusals, maxCalendarDays } from "./meeting-calendar.js";

describe("a worker's calendar window", () => {
  it("accepts one day and a whole quarter", () => {
    expect(calendarWindowRefusals("2026-11-22", "2026-11-22")).toEqual([]);
    expect(calendarWindowRefusals("2026-11-01", "2027-01-31")).toEqual([]);
    expect(maxCalendarDays).toBe(92);
  });

  it("refuses a window that ends before it starts or spans more than the limit", () => {
    expect(calendarWindowRefusals("2026-11-22", "2026-11-21").map((v) => v.code)).toEqual(["CALENDAR.WINDOW_ORDER"]);
    expect(calendarWindowRefusals("2026-11-01", "2027-02-01").map((v) => v.code)).toEqual(["CALENDAR.WINDOW_TOO_LONG"]);
  });
});
