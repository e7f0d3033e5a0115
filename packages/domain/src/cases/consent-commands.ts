import type { LocalDate } from "../core/local-date.js";
import { err, ok, type Result, violation } from "../core/violation.js";
import type { Case, Consent, ConsentWithdrawal } from "./case.js";
import { duplicate, notInFuture } from "./case-refusals.js";

/** Records a consent given by the client or a recorded guardian. */
export function recordConsent(c: Case, consent: Omit<Consent, "withdrawnOn" | "withdrawals">): Result<Case> {
  if (c.consents.some((x) => x.id === consent.id)) return err([duplicate(c, consent.id)]);
  const giver = consent.giver;
  if (giver.kind === "guardian" && !c.guardians.some((g) => g.id === giver.guardianId)) {
    return err([
      violation(
        "CASE.GUARDIAN_UNKNOWN",
        [c.id, giver.guardianId],
        {
          fi: "Luvan antajaksi merkittyä huoltajaa ei ole kirjattu asiakkuuteen.",
          sv: "Den vårdnadshavare som angetts ge samtycket har inte registrerats i klientskapet.",
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
        {
          fi: "Luvan voimassaolo päättyy ennen sen antamista.",
          sv: "Samtycket upphör att gälla innan det har getts.",
          en: "The consent expires before it was given.",
        },
        { path: ["validUntil"] },
      ),
    ]);
  }
  return ok({ ...c, consents: [...c.consents, { ...consent, withdrawnOn: null, withdrawals: [] }] });
}

function consentNotFound(c: Case, consentId: string) {
  return violation("CASE.NOT_FOUND", [c.id, consentId], {
    fi: "Lupaa ei löydy.",
    sv: "Samtycket finns inte.",
    en: "Consent not found.",
  });
}

/** A withdrawal day must lie between the consent's giving and today. */
function withdrawalDayRefusals(c: Case, consent: Consent, on: LocalDate, today: LocalDate) {
  const found = notInFuture(c.id, on, today);
  if (on < consent.givenOn) {
    found.push(
      violation("CASE.DATE_ORDER", [c.id, consent.id], {
        fi: "Lupaa ei voi perua ennen sen antamista.",
        sv: "Ett samtycke kan inte återkallas innan det har getts.",
        en: "A consent cannot be withdrawn before it was given.",
      }),
    );
  }
  return found;
}

/**
 * Withdraws a consent from `on`: invitations based on it stop from that day (003 § 4.2), and so does
 * the access of those invited only under it (`caseMemberships`). The day is never after today, nor
 * before the consent was given; the withdrawal is kept as an entry of the consent's history.
 */
export function withdrawConsent(
  c: Case,
  command: { consentId: string; withdrawalId: string; on: LocalDate },
  today: LocalDate,
): Result<Case> {
  const consent = c.consents.find((x) => x.id === command.consentId);
  if (!consent) return err([consentNotFound(c, command.consentId)]);
  if (consent.withdrawnOn !== null) {
    return err([
      violation("CONSENT.ALREADY_WITHDRAWN", [c.id, consent.id], {
        fi: `Lupa on jo peruttu ${consent.withdrawnOn}; väärin kirjattu peruminen korjataan korjausmerkinnällä.`,
        sv: `Samtycket återkallades redan ${consent.withdrawnOn}; en felaktigt registrerad återkallelse rättas med en rättelse.`,
        en: `The consent was already withdrawn on ${consent.withdrawnOn}; a mistaken withdrawal is corrected with a correcting entry.`,
      }),
    ]);
  }
  const found = withdrawalDayRefusals(c, consent, command.on, today);
  if (found.length > 0) return err(found);
  const entry = { id: command.withdrawalId, withdrawnOn: command.on, recordedOn: today, corrects: null, reason: null };
  return ok(withEntry(c, consent, entry));
}

/**
 * Corrects the consent's withdrawal in effect: a new entry that names it, with the right day or none
 * (the consent was not withdrawn) and the reason. The mistaken entry stays in the history.
 */
export function correctConsentWithdrawal(
  c: Case,
  command: { consentId: string; withdrawalId: string; withdrawnOn: LocalDate | null; reason: string },
  today: LocalDate,
): Result<Case> {
  const consent = c.consents.find((x) => x.id === command.consentId);
  if (!consent) return err([consentNotFound(c, command.consentId)]);
  const corrected = consent.withdrawals.at(-1);
  if (!corrected) {
    return err([
      violation("CONSENT.NOT_WITHDRAWN", [c.id, consent.id], {
        fi: "Lupaa ei ole peruttu, joten korjattavaa perumista ei ole.",
        sv: "Samtycket har inte återkallats, så det finns ingen återkallelse att rätta.",
        en: "The consent has not been withdrawn, so there is no withdrawal to correct.",
      }),
    ]);
  }
  const found = command.withdrawnOn === null ? [] : withdrawalDayRefusals(c, consent, command.withdrawnOn, today);
  if (found.length > 0) return err(found);
  const entry = {
    id: command.withdrawalId,
    withdrawnOn: command.withdrawnOn,
    recordedOn: today,
    corrects: corrected.id,
    reason: command.reason,
  };
  return ok(withEntry(c, consent, entry));
}

function withEntry(c: Case, consent: Consent, entry: ConsentWithdrawal): Case {
  const updated = { ...consent, withdrawnOn: entry.withdrawnOn, withdrawals: [...consent.withdrawals, entry] };
  return { ...c, consents: c.consents.map((x) => (x.id === consent.id ? updated : x)) };
}
