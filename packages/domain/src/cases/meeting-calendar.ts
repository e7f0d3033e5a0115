import { daysBetween, type LocalDate } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";

/** The longest calendar one request reads: a quarter. */
export const maxCalendarDays = 92;

/**
 * Why a calendar window is not accepted: it ends before it starts, or spans more than
 * {@link maxCalendarDays} days (a worker's calendar, not an export of the team's meetings).
 */
export function calendarWindowRefusals(
  from: LocalDate,
  to: LocalDate,
): Violation<"CALENDAR.WINDOW_ORDER" | "CALENDAR.WINDOW_TOO_LONG">[] {
  if (to < from) {
    return [
      violation(
        "CALENDAR.WINDOW_ORDER",
        [],
        {
          fi: "Kalenterin loppupäivä on ennen alkupäivää.",
          sv: "Kalenderns slutdag ligger före startdagen.",
          en: "The calendar ends before it starts.",
        },
        { path: ["to"] },
      ),
    ];
  }
  if (daysBetween(from, to) + 1 > maxCalendarDays) {
    return [
      violation(
        "CALENDAR.WINDOW_TOO_LONG",
        [],
        {
          fi: `Kalenterin voi hakea enintään ${String(maxCalendarDays)} päiväksi kerrallaan.`,
          sv: `Kalendern kan hämtas för högst ${String(maxCalendarDays)} dagar åt gången.`,
          en: `A calendar covers at most ${String(maxCalendarDays)} days at a time.`,
        },
        { path: ["to"] },
      ),
    ];
  }
  return [];
}
