import {
  addDays,
  addMonths,
  dateParts,
  endOfMonth,
  fromParts,
  type LocalDate,
  localDateSchema,
  type Period,
  toDayNumber,
  fromDayNumber,
} from "@ankkuri/domain";
import { z } from "zod";
import { ReportError } from "./errors.js";

const year = z
  .string()
  .regex(/^\d{4}$/)
  .transform((y) => ({ from: `${y}-01-01`, to: `${y}-12-31` }));
const month = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/)
  .transform((m) => ({ from: `${m}-01`, to: endOfMonth(`${m}-01`) }));
const interval = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}$/)
  .transform((text) => text.split(".."))
  .pipe(z.tuple([localDateSchema, localDateSchema]))
  .refine(([from, to]) => from <= to, { message: "the interval ends before it starts" })
  .transform(([from, to]) => ({ from, to }));

/** A reporting period as text: a calendar year, a month, or an inclusive interval of days. */
export const periodTextSchema = z
  .union([year, month, interval])
  .refine((p) => p.from >= "1900-01-01", { message: "too early" });

/**
 * Parses a period: `2025` (the calendar year), `2025-03` (the month) or `2025-05-01..2026-04-30` (both
 * days included, e.g. an agreement year). Throws `ReportError` `REPORT.PERIOD_INVALID` otherwise.
 */
export function parsePeriod(text: string): Period {
  const parsed = periodTextSchema.safeParse(text.trim());
  if (!parsed.success) {
    throw new ReportError("REPORT.PERIOD_INVALID", {
      fi: `Jakso "${text}" ei kelpaa: anna vuosi (2025), kuukausi (2025-03) tai päivävälit (2025-05-01..2026-04-30).`,
      sv: `Perioden "${text}" duger inte: ange ett år (2025), en månad (2025-03) eller ett datumintervall (2025-05-01..2026-04-30).`,
      en: `Period "${text}" is not valid: give a year (2025), a month (2025-03) or an interval of days (2025-05-01..2026-04-30).`,
    });
  }
  return parsed.data;
}

/** The period as the shortest text `parsePeriod` reads back (used in file names). */
export function periodText(period: Period): string {
  const { year: y, month: m, day: d } = dateParts(period.from);
  if (d === 1 && m === 1 && period.to === fromParts(y, 12, 31)) return String(y);
  if (d === 1 && period.to === endOfMonth(period.from)) return period.from.slice(0, 7);
  return `${period.from}..${period.to}`;
}

/** True when the period is exactly one calendar month. */
export function isCalendarMonth(period: Period): boolean {
  return dateParts(period.from).day === 1 && period.to === endOfMonth(period.from);
}

/**
 * Agreement year `index` (0 = the first): agreement years run from the agreement's anniversary (the
 * Helsinki agreement: 1 May 2024), so year 1 is 2025-05-01..2026-04-30.
 */
export function agreementYear(startsOn: LocalDate, index: number): Period {
  const from = addMonths(startsOn, index * 12);
  return { from, to: addDays(addMonths(startsOn, (index + 1) * 12), -1) };
}

/** The latest agreement year that has ended before `today`; null in the agreement's first year. */
export function lastCompletedAgreementYear(startsOn: LocalDate, today: LocalDate): Period | null {
  let found: Period | null = null;
  for (let i = 0; agreementYear(startsOn, i).to < today; i++) found = agreementYear(startsOn, i);
  return found;
}

/** The calendar month before the one `today` falls in. */
export function previousMonth(today: LocalDate): Period {
  const from = addMonths(fromParts(dateParts(today).year, dateParts(today).month, 1), -1);
  return { from, to: endOfMonth(from) };
}

/** The same period a year earlier (29 February falls back to the 28th). */
export function previousYear(period: Period): Period {
  return { from: addMonths(period.from, -12), to: addMonths(period.to, -12) };
}

/** A bucket of the cases-over-time chart: its first day (clipped to the period) and its key. */
export interface Bucket {
  key: string;
  from: LocalDate;
  to: LocalDate;
}

/**
 * Buckets of the chart: calendar months for periods longer than two months, otherwise ISO weeks
 * (Monday to Sunday), each clipped to the period. `key` is the month (`2025-03`) or the week's
 * Monday (`2025-03-03`), matching `date_trunc` in SQL.
 */
export function chartBuckets(period: Period): { unit: "month" | "week"; buckets: Bucket[] } {
  const unit = toDayNumber(period.to) - toDayNumber(period.from) + 1 > 62 ? "month" : "week";
  const buckets: Bucket[] = [];
  let start =
    unit === "month" ? fromParts(dateParts(period.from).year, dateParts(period.from).month, 1) : mondayOf(period.from);
  while (start <= period.to) {
    const next = unit === "month" ? addMonths(start, 1) : addDays(start, 7);
    buckets.push({
      key: unit === "month" ? start.slice(0, 7) : start,
      from: start < period.from ? period.from : start,
      to: addDays(next, -1) > period.to ? period.to : addDays(next, -1),
    });
    start = next;
  }
  return { unit, buckets };
}

function mondayOf(date: LocalDate): LocalDate {
  const n = toDayNumber(date);
  // 1970-01-01 was a Thursday: day number 0 → weekday index 3 (Monday = 0).
  const weekday = (((n + 3) % 7) + 7) % 7;
  return fromDayNumber(n - weekday);
}
