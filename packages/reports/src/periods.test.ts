import { describe, expect, it } from "vitest";
import { ReportError } from "./errors.js";
import {
  agreementYear,
  chartBuckets,
  isCalendarMonth,
  lastCompletedAgreementYear,
  parsePeriod,
  periodText,
  previousMonth,
} from "./periods.js";

describe("parsePeriod", () => {
  it("reads a year, a month and an interval of days", () => {
    expect(parsePeriod("2025")).toEqual({ from: "2025-01-01", to: "2025-12-31" });
    expect(parsePeriod("2024-02")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(parsePeriod(" 2025-05-01..2026-04-30 ")).toEqual({ from: "2025-05-01", to: "2026-04-30" });
    expect(parsePeriod("2025-03-03..2025-03-03")).toEqual({ from: "2025-03-03", to: "2025-03-03" });
  });

  it.each([
    "",
    "25",
    "2025-13",
    "2025-02-30..2025-03-01",
    "2025-05-01..2025-04-30",
    "2025-05-01 .. 2025-06-01",
    "last year",
  ])("refuses %j with a typed error that says what is accepted", (text) => {
    expect(() => parsePeriod(text)).toThrow(ReportError);
    try {
      parsePeriod(text);
    } catch (error) {
      expect(error).toMatchObject({ code: "REPORT.PERIOD_INVALID" });
      expect((error as ReportError).messages.en).toContain("2025-05-01..2026-04-30");
    }
  });

  it("writes a period back as the shortest text that reads the same", () => {
    for (const text of ["2025", "2025-03", "2025-05-01..2026-04-30", "2025-03-02..2025-03-31"])
      expect(periodText(parsePeriod(text))).toBe(text);
  });
});

describe("agreement years and months", () => {
  it("runs agreement years from the anniversary", () => {
    expect(agreementYear("2024-05-01", 0)).toEqual({ from: "2024-05-01", to: "2025-04-30" });
    expect(agreementYear("2024-05-01", 1)).toEqual({ from: "2025-05-01", to: "2026-04-30" });
    expect(lastCompletedAgreementYear("2024-05-01", "2025-04-30")).toBeNull();
    expect(lastCompletedAgreementYear("2024-05-01", "2025-05-01")).toEqual({ from: "2024-05-01", to: "2025-04-30" });
    expect(lastCompletedAgreementYear("2024-05-01", "2026-05-01")).toEqual({ from: "2025-05-01", to: "2026-04-30" });
  });

  it("gives the previous calendar month and recognises calendar months", () => {
    expect(previousMonth("2026-01-01")).toEqual({ from: "2025-12-01", to: "2025-12-31" });
    expect(previousMonth("2024-03-15")).toEqual({ from: "2024-02-01", to: "2024-02-29" });
    expect(isCalendarMonth({ from: "2025-02-01", to: "2025-02-28" })).toBe(true);
    expect(isCalendarMonth({ from: "2025-02-02", to: "2025-02-28" })).toBe(false);
  });

  it("buckets the chart by month for long periods and by ISO week for a month", () => {
    expect(chartBuckets({ from: "2025-05-01", to: "2026-04-30" }).buckets.map((b) => b.key)).toHaveLength(12);
    const weeks = chartBuckets({ from: "2025-03-01", to: "2025-03-31" });
    expect(weeks.unit).toBe("week");
    // 1 March 2025 was a Saturday: its week starts on Monday 24 February, clipped to the 1st.
    expect(weeks.buckets[0]).toEqual({ key: "2025-02-24", from: "2025-03-01", to: "2025-03-02" });
    expect(weeks.buckets.at(-1)).toEqual({ key: "2025-03-31", from: "2025-03-31", to: "2025-03-31" });
  });
});
