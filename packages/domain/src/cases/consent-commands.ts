import type { LocalDate } from "../core/local-date.js";
import { err, ok, type Result, violation } from "../core/violation.js";
import type { Case, Consent } from "./case.js";
import { duplicate } from "./case-refusals.js";

/** Records a consent given by the client or a recorded guardian. */
export function recordConsent(c: Case, consent: Omit<Consent, "withdrawnOn">): Result<Case> {
  if (c.consents.some((x) => x.id === consent.id)) return err([duplicate(c, consent.id)]);
  const giver = consent.giver;
  if (giver.kind === "guardian" && !c.guardians.some((g) => g.id === giver.guardianId)) {
    return err([
      violation(
        "CASE.GUARDIAN_UNKNOWN",
        [c.id, giver.guardianId],
        {
          fi: "Luvan antajaksi merkittyä huoltajaa ei ole kirjattu asiakkuuteen.",
          en: "The guardian named as the consent giver is not recorded in the case.",
        },
        { path: ["giver", "guardianId"] },
      ),
    ]);
  }
  if (consent.validUntil !== null && consent.validUntil < consent.givenOn) {
    return err([
      violation(
        "CASE.DATE_ORDER",
        [c.id, consent.id],
        { fi: "Luvan voimassaolo päättyy ennen sen antamista.", en: "The consent expires before it was given." },
        { path: ["validUntil"] },
      ),
    ]);
  }
  return ok({ ...c, consents: [...c.consents, { ...consent, withdrawnOn: null }] });
}

/** Withdraws a consent from `on`: invitations based on it stop from that day (003 § 4.2). */
export function withdrawConsent(c: Case, consentId: string, on: LocalDate): Result<Case> {
  const consent = c.consents.find((x) => x.id === consentId);
  if (!consent) {
    return err([
      violation("CASE.NOT_FOUND", [c.id, consentId], {
        fi: `Lupaa ${consentId} ei löydy.`,
        en: `Consent ${consentId} not found.`,
      }),
    ]);
  }
  if (consent.withdrawnOn !== null) {
    return err([
      violation("CONSENT.ALREADY_WITHDRAWN", [c.id, consentId], {
        fi: `Lupa on jo peruttu ${consent.withdrawnOn}.`,
        en: `The consent was already withdrawn on ${consent.withdrawnOn}.`,
      }),
    ]);
  }
  if (on < consent.givenOn) {
    return err([
      violation("CASE.DATE_ORDER", [c.id, consentId], {
        fi: "Lupaa ei voi perua ennen sen antamista.",
        en: "A consent cannot be withdrawn before it was given.",
      }),
    ]);
  }
  return ok({ ...c, consents: c.consents.map((x) => (x.id === consentId ? { ...x, withdrawnOn: on } : x)) });
}
