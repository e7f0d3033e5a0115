import type { LocalDate } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";
import type { Case } from "./case.js";

/** Refuses a date earlier than a step it must follow. */
export function notBefore(
  caseId: string,
  date: LocalDate,
  earliest: LocalDate | null,
  what: { fi: string; en: string },
): Violation[] {
  if (earliest === null || date >= earliest) return [];
  return [
    violation("CASE.DATE_ORDER", [caseId], {
      fi: `Päivämäärä ${date} on aikaisempi kuin edeltävän vaiheen (${what.fi}) päivämäärä ${earliest}.`,
      en: `${date} is before ${what.en} (${earliest}).`,
    }),
  ];
}

/** A refusal for an id that is already used in the case. */
export function duplicate(c: Case, id: string): Violation {
  return violation("CASE.DUPLICATE_ID", [c.id, id], {
    fi: `Tunniste ${id} on jo käytössä asiakkuudessa.`,
    en: `Id ${id} is already used in this case.`,
  });
}
