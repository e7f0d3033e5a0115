import type { LocalDate } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";
import type { Case, CaseStatus } from "./case.js";
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
  const broken = (code: string, fi: string, en: string, ids: string[] = [c.id]) =>
    found.push(violation(code, ids, { fi, en }));
  const problems = stateProblems(c);
  if (problems.length > 0) {
    broken(
      "CASE.STATE_INCONSISTENT",
      `Tilan ${c.status} kentät ovat ristiriidassa: ${problems.join(", ")}.`,
      `Fields inconsistent with status ${c.status}: ${problems.join(", ")}.`,
    );
  }
  if (!inOrder([c.referredOn, c.selectionStartedOn, c.decidedOn, c.activatedOn, c.closedOn])) {
    broken(
      "CASE.DATE_ORDER",
      "Asiakkuuden vaiheiden päivämäärät eivät ole aikajärjestyksessä.",
      "The case's lifecycle dates are out of order.",
    );
  }
  if (decided.includes(c.status) && missingSelectionProfessions(c).length > 0) {
    broken(
      "CASE.SELECTION_INCOMPLETE",
      "Asiakasvalintaan eivät osallistuneet poliisi, sosiaalityö ja psykiatrian sairaanhoitaja.",
      "The selection lacked the police, social work or the psychiatric nurse.",
    );
  }
  if (admittedLike.includes(c.status) && c.selection.some((d) => d.decision === "decline")) {
    broken(
      "CASE.SELECTION_NOT_UNANIMOUS",
      "Asiakkuus on hyväksytty, vaikka valintaan osallistunut on vastustanut sitä.",
      "The case was admitted although a selection participant proposed declining.",
    );
  }
  for (const m of c.meetings) {
    if (!admittedLike.includes(c.status) || (c.decidedOn !== null && m.plannedOn < c.decidedOn)) {
      broken(
        "CASE.DATE_ORDER",
        "Tapaaminen on suunniteltu ennen asiakkaaksi ottamista.",
        "A meeting is planned before the admission.",
        [c.id, m.id],
      );
    }
    if (
      (m.status === "held") !== (m.heldOn !== null) ||
      (m.heldOn !== null && !inOrder([c.decidedOn, m.heldOn, c.closedOn]))
    ) {
      broken(
        "MEETING.STATE_INCONSISTENT",
        "Tapaamisen pitopäivä puuttuu tai on asiakkuuden ulkopuolella.",
        "A meeting's held date is missing or outside the case.",
        [c.id, m.id],
      );
    }
    if (m.record !== null && (m.status !== "held" || (m.heldOn !== null && m.record.recordedOn < m.heldOn))) {
      broken(
        "MEETING.STATE_INCONSISTENT",
        "Kirjaus on tehty tapaamisesta, jota ei ole pidetty, tai ennen tapaamista.",
        "A record exists for a meeting not held, or predates it.",
        [c.id, m.id],
      );
    }
    if (c.status === "closed" && m.status === "planned") {
      broken(
        "MEETING.STATE_INCONSISTENT",
        "Päättyneellä asiakkuudella on suunniteltu tapaaminen.",
        "A closed case has a planned meeting.",
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
        "Lupa on peruttu ennen antamistaan tai sen antajaa ei ole kirjattu.",
        "A consent is withdrawn before it was given, or its giver is not recorded.",
        [c.id, consent.id],
      );
    }
  }
  return found;
}
