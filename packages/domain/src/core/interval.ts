import { z } from "zod";
import { type LocalDate, localDateSchema, maxDate, minDate, toDayNumber } from "./local-date.js";

/**
 * A run of calendar days, both ends included. `to: null` means open-ended (e.g. an agreement in
 * force "until further notice", an assignment without an end date).
 */
export interface Interval {
  from: LocalDate;
  to: LocalDate | null;
}

/** An interval with a known last day, such as a reporting period. */
export interface Period {
  from: LocalDate;
  to: LocalDate;
}

const endsInOrder = (i: { from: LocalDate; to: LocalDate | null }) => i.to === null || i.to >= i.from;
const orderMessage = { message: "The interval ends before it starts (to < from)", path: ["to"] };

/** zod schema of an {@link Interval}: `to` is null or not before `from`. */
export const intervalSchema = z
  .object({ from: localDateSchema, to: localDateSchema.nullable() })
  .refine(endsInOrder, orderMessage);

/** zod schema of a {@link Period}: both ends given, `to` not before `from`. */
export const periodSchema = z.object({ from: localDateSchema, to: localDateSchema }).refine(endsInOrder, orderMessage);

/** True when `date` lies inside the interval. */
export function contains(interval: Interval, date: LocalDate): boolean {
  return date >= interval.from && (interval.to === null || date <= interval.to);
}

/** The days two intervals share, or null when they are disjoint. */
export function intersection(a: Interval, b: Interval): Interval | null {
  const from = maxDate(a.from, b.from);
  const to = a.to === null ? b.to : b.to === null ? a.to : minDate(a.to, b.to);
  return to !== null && to < from ? null : { from, to };
}

/** True when the intervals share at least one day. */
export function overlaps(a: Interval, b: Interval): boolean {
  return intersection(a, b) !== null;
}

/** Number of days in a period, both ends counted (a single day has length 1). */
export function lengthInDays(period: Period): number {
  return toDayNumber(period.to) - toDayNumber(period.from) + 1;
}

/** Days that an interval and a period share (0 when disjoint). */
export function overlapDays(interval: Interval, period: Period): number {
  const shared = intersection(interval, period);
  // Intersecting with a closed period always yields a closed interval.
  return shared === null ? 0 : lengthInDays({ from: shared.from, to: shared.to ?? period.to });
}
