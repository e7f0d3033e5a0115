import type { LocalDate } from "../core/local-date.js";
import type { Message } from "../core/localised-text.js";
import { type Violation, violation } from "../core/violation.js";
import type { Case } from "./case.js";

/** Refuses a date earlier than a step it must follow. */
export function notBefore(caseId: string, date: LocalDate, earliest: LocalDate | null, what: Message): Violation[] {
  if (earliest === null || date >= earliest) return [];
  return [
    violation("CASE.DATE_ORDER", [caseId], {
      fi: `Päivämäärä ${date} on aikaisempi kuin edeltävän vaiheen (${what.fi}) päivämäärä ${earliest}.`,
      sv: `Datumet ${date} är tidigare än datumet för det föregående skedet (${what.sv}), ${earliest}.`,
      en: `${date} is before ${what.en} (${earliest}).`,
    }),
  ];
}

/** A refusal for an id that is already used in the case. */
export function duplicate(c: Case, id: string): Violation {
  return violation("CASE.DUPLICATE_ID", [c.id, id], {
    fi: "Sama tunniste on jo käytössä asiakkuudessa.",
    sv: "Samma identifierare används redan i klientskapet.",
    en: "The same id is already used in this case.",
  });
}

/**
 * Refuses an event dated after today: what is recorded as done (a referral, a decision, a consent or
 * its withdrawal, a held meeting) cannot have happened yet. Only plans may lie ahead.
 */
export function notInFuture(caseId: string, date: LocalDate, today: LocalDate): Violation[] {
  if (date <= today) return [];
  return [
    violation("CASE.FUTURE_DATE", [caseId], {
      fi: `Päivämäärä ${date} on tulevaisuudessa; tapahtuneen voi kirjata vain tälle päivälle (${today}) tai aiemmaksi.`,
      sv: `Datumet ${date} ligger i framtiden; det som har hänt kan registreras endast på i dag (${today}) eller tidigare.`,
      en: `${date} is in the future; what has happened can be recorded only on today (${today}) or earlier.`,
    }),
  ];
}
