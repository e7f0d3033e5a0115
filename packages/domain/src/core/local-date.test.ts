import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  helsinkiDayOf,
  addDays,
  addMonths,
  ageOn,
  dateParts,
  daysBetween,
  daysInMonth,
  endOfMonth,
  fromDayNumber,
  fromParts,
  isLocalDate,
  localDateSchema,
  maxDate,
  minDate,
  toDayNumber,
} from "./local-date.js";

/** Any calendar date from `from` to `to`, both included. */
function dateBetween(from: string, to: string): fc.Arbitrary<string> {
  return fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
}

const anyDate = dateBetween("1900-01-01", "2100-12-31");

describe("daysInMonth", () => {
  it("knows the length of every month", () => {
    const lengths = Array.from({ length: 12 }, (_, i) => daysInMonth(2025, i + 1));
    expect(lengths).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  });

  it("follows the Gregorian leap-year rule", () => {
    expect(daysInMonth(2024, 2)).toBe(29);
    expect(daysInMonth(2023, 2)).toBe(28);
    // Century years are leap years only when divisible by 400.
    expect(daysInMonth(1900, 2)).toBe(28);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(2100, 2)).toBe(28);
  });
});

describe("isLocalDate", () => {
  it.each(["2024-05-01", "2024-02-29", "2000-02-29", "1800-01-01", "2025-12-31"])("accepts %s", (value) => {
    expect(isLocalDate(value)).toBe(true);
  });

  it.each([
    ["2025-02-30", "a day the month does not have"],
    ["2023-02-29", "29 February in a common year"],
    ["1900-02-29", "29 February in a non-leap century year"],
    ["2025-04-31", "31 April"],
    ["2025-13-01", "month 13"],
    ["2025-00-10", "month 0"],
    ["2025-01-00", "day 0"],
    ["1799-12-31", "a year before 1800"],
    ["2025-1-01", "a one-digit month"],
    ["25-01-01", "a two-digit year"],
    ["2025-01-01T00:00:00Z", "a timestamp"],
    ["2025/01/01", "slashes"],
    ["", "an empty string"],
  ])("rejects %s (%s)", (value) => {
    expect(isLocalDate(value)).toBe(false);
  });
});

describe("localDateSchema", () => {
  it("passes a valid date through unchanged", () => {
    expect(localDateSchema.parse("2024-05-01")).toBe("2024-05-01");
  });

  it("rejects an impossible date with a helpful message", () => {
    const result = localDateSchema.safeParse("2025-02-30");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Expected a calendar date YYYY-MM-DD (e.g. 2024-05-01)");
  });

  it("rejects values that are not strings", () => {
    expect(localDateSchema.safeParse(20240501).success).toBe(false);
    expect(localDateSchema.safeParse(null).success).toBe(false);
  });
});

describe("dateParts and fromParts", () => {
  it("splits a date into numbers", () => {
    expect(dateParts("2024-05-01")).toEqual({ year: 2024, month: 5, day: 1 });
  });

  it("pads every part", () => {
    expect(fromParts(2024, 5, 1)).toBe("2024-05-01");
    expect(fromParts(987, 3, 4)).toBe("0987-03-04");
  });

  it("are inverses", () => {
    fc.assert(
      fc.property(anyDate, (date) => {
        const { year, month, day } = dateParts(date);
        expect(fromParts(year, month, day)).toBe(date);
      }),
    );
  });
});

describe("toDayNumber and fromDayNumber", () => {
  it("count days from 1970-01-01", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    expect(toDayNumber("1970-01-02")).toBe(1);
    expect(toDayNumber("1969-12-31")).toBe(-1);
    expect(fromDayNumber(0)).toBe("1970-01-01");
    expect(fromDayNumber(-1)).toBe("1969-12-31");
  });

  it("count 29 February in a leap year", () => {
    expect(toDayNumber("2024-03-01") - toDayNumber("2024-02-28")).toBe(2);
    expect(toDayNumber("2023-03-01") - toDayNumber("2023-02-28")).toBe(1);
  });

  it("round-trip from a date", () => {
    fc.assert(
      fc.property(dateBetween("1800-01-01", "9999-12-31"), (date) => {
        expect(isLocalDate(date)).toBe(true);
        expect(fromDayNumber(toDayNumber(date))).toBe(date);
      }),
    );
  });

  it("round-trip from a day number", () => {
    const range = { min: toDayNumber("1800-01-01"), max: toDayNumber("9999-12-31") };
    fc.assert(
      fc.property(fc.integer(range), (n) => {
        expect(toDayNumber(fromDayNumber(n))).toBe(n);
      }),
    );
  });

  it("order days as the strings order dates", () => {
    fc.assert(
      fc.property(anyDate, anyDate, (a, b) => {
        expect(Math.sign(toDayNumber(a) - toDayNumber(b))).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });
});

describe("addDays and daysBetween", () => {
  it("cross month, year and leap-day boundaries", () => {
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2023-02-28", 1)).toBe("2023-03-01");
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(addDays("2024-05-01", 0)).toBe("2024-05-01");
    expect(addDays("2024-01-01", 366)).toBe("2025-01-01");
  });

  it("measure signed distances", () => {
    expect(daysBetween("2024-05-01", "2024-05-31")).toBe(30);
    expect(daysBetween("2024-05-31", "2024-05-01")).toBe(-30);
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2025-01-01", "2026-01-01")).toBe(365);
  });

  it("undo each other", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -20_000, max: 20_000 }), (date, days) => {
        const moved = addDays(date, days);
        expect(isLocalDate(moved)).toBe(true);
        expect(daysBetween(date, moved)).toBe(days);
        expect(addDays(moved, -days)).toBe(date);
      }),
    );
  });
});

describe("addMonths", () => {
  it.each([
    ["2025-08-31", 6, "2026-02-28"],
    ["2023-08-31", 6, "2024-02-29"],
    ["2024-01-31", 1, "2024-02-29"],
    ["2025-01-31", 1, "2025-02-28"],
    ["2024-03-31", 1, "2024-04-30"],
    ["2024-03-31", -1, "2024-02-29"],
    ["2024-02-29", 12, "2025-02-28"],
    ["2024-02-29", 48, "2028-02-29"],
    ["2024-05-01", 6, "2024-11-01"],
    ["2024-11-15", 3, "2025-02-15"],
    ["2025-02-15", -3, "2024-11-15"],
    ["2025-01-10", -1, "2024-12-10"],
    ["2024-05-01", 0, "2024-05-01"],
    ["2024-05-01", -12, "2023-05-01"],
  ])("%s + %i months = %s", (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });

  it("moves the month index exactly and clamps the day to the target month", () => {
    fc.assert(
      fc.property(anyDate, fc.integer({ min: -1000, max: 1000 }), (date, months) => {
        const before = dateParts(date);
        const moved = addMonths(date, months);
        const after = dateParts(moved);
        expect(isLocalDate(moved)).toBe(true);
        expect(after.year * 12 + after.month - (before.year * 12 + before.month)).toBe(months);
        expect(after.day).toBe(Math.min(before.day, daysInMonth(after.year, after.month)));
      }),
    );
  });

  it("round-trips for days every month has", () => {
    const earlyInMonth = anyDate.filter((date) => dateParts(date).day <= 28);
    fc.assert(
      fc.property(earlyInMonth, fc.integer({ min: -1000, max: 1000 }), (date, months) => {
        expect(addMonths(addMonths(date, months), -months)).toBe(date);
      }),
    );
  });

  it("never moves backwards when adding months", () => {
    fc.assert(
      fc.property(anyDate, fc.nat({ max: 1000 }), fc.nat({ max: 1000 }), (date, a, b) => {
        const [small, large] = a <= b ? [a, b] : [b, a];
        expect(addMonths(date, small) <= addMonths(date, large)).toBe(true);
      }),
    );
  });
});

describe("minDate and maxDate", () => {
  it("pick the earlier and the later date", () => {
    expect(minDate("2024-05-01", "2023-12-31")).toBe("2023-12-31");
    expect(minDate("2023-12-31", "2024-05-01")).toBe("2023-12-31");
    expect(maxDate("2024-05-01", "2023-12-31")).toBe("2024-05-01");
    expect(maxDate("2023-12-31", "2024-05-01")).toBe("2024-05-01");
    expect(minDate("2024-05-01", "2024-05-01")).toBe("2024-05-01");
  });
});

describe("endOfMonth", () => {
  it.each([
    ["2024-02-10", "2024-02-29"],
    ["2025-02-01", "2025-02-28"],
    ["2024-04-30", "2024-04-30"],
    ["2024-12-01", "2024-12-31"],
  ])("%s ends its month on %s", (date, expected) => {
    expect(endOfMonth(date)).toBe(expected);
  });
});

describe("ageOn", () => {
  it("counts completed years", () => {
    expect(ageOn("2010-06-15", "2024-06-14")).toBe(13);
    expect(ageOn("2010-06-15", "2024-06-15")).toBe(14);
    expect(ageOn("2010-06-15", "2024-06-16")).toBe(14);
    expect(ageOn("2010-06-15", "2024-01-01")).toBe(13);
    expect(ageOn("2010-06-15", "2024-12-31")).toBe(14);
    expect(ageOn("2010-06-15", "2010-06-15")).toBe(0);
  });

  it("turns 15 (the age of criminal responsibility) on the birthday, not the day before", () => {
    expect(ageOn("2009-05-01", "2024-04-30")).toBe(14);
    expect(ageOn("2009-05-01", "2024-05-01")).toBe(15);
  });

  it("puts a 29 February birthday on 1 March in common years", () => {
    expect(ageOn("2008-02-29", "2026-02-28")).toBe(17);
    expect(ageOn("2008-02-29", "2026-03-01")).toBe(18);
    expect(ageOn("2024-02-29", "2025-02-28")).toBe(0);
    expect(ageOn("2024-02-29", "2025-03-01")).toBe(1);
  });

  it("puts a 29 February birthday on 29 February in leap years", () => {
    expect(ageOn("2008-02-29", "2024-02-28")).toBe(15);
    expect(ageOn("2008-02-29", "2024-02-29")).toBe(16);
  });

  it("adds one year on each birthday and none the day before", () => {
    const notLeapDay = anyDate.filter((date) => !date.endsWith("-02-29"));
    fc.assert(
      fc.property(notLeapDay, fc.integer({ min: 1, max: 80 }), (birthDate, years) => {
        const birthday = addMonths(birthDate, 12 * years);
        expect(ageOn(birthDate, birthday)).toBe(years);
        expect(ageOn(birthDate, addDays(birthday, -1))).toBe(years - 1);
      }),
    );
  });
});

describe("helsinkiDayOf", () => {
  it("is the Helsinki day, which starts two hours (three in summer) before the UTC one", () => {
    expect(helsinkiDayOf(new Date("2026-03-01T21:59:59Z"))).toBe("2026-03-01");
    expect(helsinkiDayOf(new Date("2026-03-01T22:00:00Z"))).toBe("2026-03-02");
    expect(helsinkiDayOf(new Date("2026-06-30T21:00:00Z"))).toBe("2026-07-01");
    expect(helsinkiDayOf(new Date("2026-12-31T23:30:00Z"))).toBe("2027-01-01");
  });
});
