import { endOfMonth, fromParts, type LocalDate } from "../core/local-date.js";
import type { LocalisedText } from "../core/localised-text.js";
import type { CooperationBody } from "./cooperation-body.js";

/** One month's activity of a body in a given year (004 "vuosikello"). */
export interface AnnualClockItem {
  year: number;
  month: number;
  /** First and last day of the month. */
  from: LocalDate;
  to: LocalDate;
  bodyId: string;
  activity: LocalisedText;
}

/**
 * The annual clock of a year (004 "vuosikello"; 003 § 8, the annual evaluation for the joint
 * leadership meeting): every body's recorded activities placed in the months of `year`, in month
 * order, then in the order of the bodies and of their entries. The clock repeats yearly.
 */
export function annualClock(
  bodies: readonly Pick<CooperationBody, "id" | "annualClock">[],
  year: number,
): AnnualClockItem[] {
  const items = bodies.flatMap((b, bodyIndex) =>
    b.annualClock.map((e, entryIndex) => ({ e, b, bodyIndex, entryIndex })),
  );
  items.sort((x, y) => x.e.month - y.e.month || x.bodyIndex - y.bodyIndex || x.entryIndex - y.entryIndex);
  return items.map(({ e, b }) => {
    const from = fromParts(year, e.month, 1);
    return { year, month: e.month, from, to: endOfMonth(from), bodyId: b.id, activity: e.activity };
  });
}
