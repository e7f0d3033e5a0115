import type { LocalDate } from "../core/local-date.js";
import type { Message } from "../core/localised-text.js";
import { type Violation, violation } from "../core/violation.js";
import type { Case, CaseStatus } from "./case.js";
import { caseStatusNames } from "./case-names.js";
import { missingSelectionProfessions } from "./case-lifecycle.js";

const decided: readonly CaseStatus[] = ["admitted", "declined", "active", "closed"];
const admittedLike: readonly CaseStatus[] = ["admitted", "active", "closed"];

/** Fields each status requires to be set (and, for `referred`, to be empty). */
function stateProblems(c: Case): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, what: string) => {
    if (!ok) problems.push(what);
  };
  need(c.status === "referred" ? c.selectionStartedOn === null : c.selectionStartedOn !== null, "selectionStartedOn");
  need(decided.includes(c.status) === (c.decidedOn !== null), "decidedOn");
  need(c.status === "active" ? c.activatedOn !== null : c.status === "closed" || c.activatedOn === null, "activatedOn");
  need((c.status === "closed") === (c.closedOn !== null && c.closeReason !== null), "closedOn/closeReason");
  return problems;
}

function inOrder(dates: readonly (LocalDate | null)[]): boolean {
  const set = dates.filter((d): d is LocalDate => d !== null);
  return set.every((d, i) => i === 0 || (set[i - 1] ?? d) <= d);
}

/**
 * What must hold of every case, however it got its state: the fields of its status set, dates in
 * lifecycle order, admission only after a complete, unanimous selection, meetings only after
 * admission and within the case, records only of held meetings, and consents of recorded givers.
 * `applyCaseCommand` never produces a case that breaks these; rows loaded from elsewhere are checked
 * with them. Consent at held meetings is not among them: a guardian recorded later, or a withdrawal
 * dated before a meeting, legitimately changes what that meeting needed, so `checkCase` reports it.
 */
export function caseInvariants(c: Case): Violation[] {
  const found: Violation[] = [];
  const broken = (code: string, message: Message, ids: string[] = [c.id]) => found.push(violation(code, ids, message));
  const problems = stateProblems(c);
  if (problems.length > 0) {
    broken("CASE.STATE_INCONSISTENT", {
      fi: `Asiakkuuden kentät ovat ristiriidassa sen tilan (${caseStatusNames[c.status].fi}) kanssa: ${problems.join(", ")}.`,
      sv: `Fälten i klientskapet stämmer inte överens med dess status (${caseStatusNames[c.status].sv}): ${problems.join(", ")}.`,
      en: `Fields inconsistent with the case's status (${caseStatusNames[c.status].en}): ${problems.join(", ")}.`,
    });
  }
  if (!inOrder([c.referredOn, c.selectionStartedOn, c.decidedOn, c.activatedOn, c.closedOn])) {
    broken("CASE.DATE_ORDER", {
      fi: "Asiakkuuden vaiheiden päivämäärät eivät ole aikajärjestyksessä.",
      sv: "Datumen för klientskapets skeden är inte i kronologisk ordning.",
      en: "The case's lifecycle dates are out of order.",
    });
  }
  if (decided.includes(c.status) && missingSelectionProfessions(c).length > 0) {
    broken("CASE.SELECTION_INCOMPLETE", {
      fi: "Asiakasvalintaan eivät osallistuneet poliisi, sosiaalityö ja psykiatrian sairaanhoitaja.",
      sv: "Polisen, socialarbetet och den psykiatriska sjukskötaren deltog inte alla i valet av klienter.",
      en: "The selection lacked the police, social work or the psychiatric nurse.",
    });
  }
  if (admittedLike.includes(c.status) && c.selection.some((d) => d.decision === "decline")) {
    broken("CASE.SELECTION_NOT_UNANIMOUS", {
      fi: "Asiakkuus on hyväksytty, vaikka valintaan osallistunut on vastustanut sitä.",
      sv: "Klientskapet har godkänts trots att någon som deltog i valet motsatte sig det.",
      en: "The case was admitted although a selection participant proposed declining.",
    });
  }
  for (const m of c.meetings) {
    if (!admittedLike.includes(c.status) || (c.decidedOn !== null && m.plannedOn < c.decidedOn)) {
      broken(
        "CASE.DATE_ORDER",
        {
          fi: "Tapaaminen on suunniteltu ennen asiakkaaksi ottamista.",
          sv: "Mötet har planerats före beslutet att ta emot klienten.",
          en: "A meeting is planned before the admission.",
        },
        [c.id, m.id],
      );
    }
    if (
      (m.status === "held") !== (m.heldOn !== null) ||
      (m.heldOn !== null && !inOrder([c.decidedOn, m.heldOn, c.closedOn]))
    ) {
      broken(
        "MEETING.STATE_INCONSISTENT",
        {
          fi: "Tapaamisen pitopäivä puuttuu tai on asiakkuuden ulkopuolella.",
          sv: "Datumet då mötet hölls saknas eller ligger utanför klientskapet.",
          en: "A meeting's held date is missing or outside the case.",
        },
        [c.id, m.id],
      );
    }
    if (m.record !== null && (m.status !== "held" || (m.heldOn !== null && m.record.recordedOn < m.heldOn))) {
      broken(
        "MEETING.STATE_INCONSISTENT",
        {
          fi: "Kirjaus on tehty tapaamisesta, jota ei ole pidetty, tai ennen tapaamista.",
          sv: "Det finns en registrering av ett möte som inte har hållits, eller registreringen är daterad före mötet.",
          en: "A record exists for a meeting not held, or predates it.",
        },
        [c.id, m.id],
      );
    }
    if (c.status === "closed" && m.status === "planned") {
      broken(
        "MEETING.STATE_INCONSISTENT",
        {
          fi: "Päättyneellä asiakkuudella on suunniteltu tapaaminen.",
          sv: "Ett avslutat klientskap har ett planerat möte.",
          en: "A closed case has a planned meeting.",
        },
        [c.id, m.id],
      );
    }
  }
  for (const consent of c.consents) {
    const giver = consent.giver;
    if (
      (consent.withdrawnOn !== null && consent.withdrawnOn < consent.givenOn) ||
      (giver.kind === "guardian" && !c.guardians.some((g) => g.id === giver.guardianId))
    ) {
      broken(
        "CONSENT.STATE_INCONSISTENT",
        {
          fi: "Lupa on peruttu ennen antamistaan tai sen antajaa ei ole kirjattu.",
          sv: "Samtycket har återkallats innan det gavs, eller den som gav det har inte registrerats.",
          en: "A consent is withdrawn before it was given, or its giver is not recorded.",
        },
        [c.id, consent.id],
      );
    }
  }
  return found;
}
