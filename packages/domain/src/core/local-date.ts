import { z } from "zod";

/**
 * A calendar date without time or zone, as an ISO 8601 string `YYYY-MM-DD`.
 *
 * The domain works in calendar days: agreements start on a day, assignments cover days, a meeting is
 * held on a day. Using strings keeps values comparable with `<` and serialisable as they are.
 */
export type LocalDate = string;

const shape = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days in `month` (1–12) of `year`, leap years included. */
export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** True when `value` is a real calendar date in `YYYY-MM-DD` form (e.g. not `2025-02-30`). */
export function isLocalDate(value: string): boolean {
  const m = shape.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1800 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** zod schema of a {@link LocalDate}. */
export const localDateSchema = z
  .string()
  .refine(isLocalDate, { message: "Expected a calendar date YYYY-MM-DD (e.g. 2024-05-01)" });

/** Year, month (1–12) and day of a date. */
export function dateParts(date: LocalDate): { year: number; month: number; day: number } {
  const [year = 0, month = 0, day = 0] = date.split("-").map(Number);
  return { year, month, day };
}

/** Builds a date from its parts; `month` is 1–12. */
export function fromParts(year: number, month: number, day: number): LocalDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

const msPerDay = 86_400_000;

/** Days since 1970-01-01 (negative before). Day numbers make interval arithmetic exact. */
export function toDayNumber(date: LocalDate): number {
  const { year, month, day } = dateParts(date);
  return Math.round(Date.UTC(year, month - 1, day) / msPerDay);
}

/** Inverse of {@link toDayNumber}. */
export function fromDayNumber(dayNumber: number): LocalDate {
  const d = new Date(dayNumber * msPerDay);
  return fromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** `date` moved by `days` (may be negative). */
export function addDays(date: LocalDate, days: number): LocalDate {
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * `date` moved by whole calendar months; when the target month is shorter the day is clamped to its
 * last day (2025-08-31 + 6 months = 2026-02-28).
 */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return fromParts(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** Days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: LocalDate, to: LocalDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The earlier of two dates. */
export function minDate(a: LocalDate, b: LocalDate): LocalDate {
  return a <= b ? a : b;
}

/** The later of two dates. */
export function maxDate(a: LocalDate, b: LocalDate): LocalDate {
  return a >= b ? a : b;
}

/** Last day of the month `date` falls in. */
export function endOfMonth(date: LocalDate): LocalDate {
  const { year, month } = dateParts(date);
  return fromParts(year, month, daysInMonth(year, month));
}

/**
 * Completed years of age on `on` for a person born on `birthDate`. A person born on 29 February
 * has their birthday on 1 March in common years (see docs/domain.md).
 */
export function ageOn(birthDate: LocalDate, on: LocalDate): number {
  const b = dateParts(birthDate);
  const d = dateParts(on);
  // Comparing (month, day) puts a 29 February birthday on 1 March in common years.
  const birthdayPassed = d.month > b.month || (d.month === b.month && d.day >= b.day);
  return d.year - b.year - (birthdayPassed ? 0 : 1);
}

const helsinkiCalendar = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Helsinki",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/**
 * The calendar day in Helsinki at `instant`: the team's days (rights, signatures, logged events) are
 * Helsinki days, and the UTC date is the previous day for the first two or three hours of each.
 */
export function helsinkiDayOf(instant: Date): LocalDate {
  return helsinkiCalendar.format(instant);
}
