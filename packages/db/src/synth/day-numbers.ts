import { fromDayNumber, type LocalDate } from "@ankkuri/domain";

// The generator does its date arithmetic on day numbers (days since 1970-01-01, `toDayNumber`):
// integers compare and add cheaply. Rows get `YYYY-MM-DD` strings.

/** The `YYYY-MM-DD` of a day number. */
export function iso(dayNumber: number): LocalDate {
  return fromDayNumber(dayNumber);
}
