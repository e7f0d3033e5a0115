import type { Agreement } from "../agreement/agreement.js";
import { controllerOf } from "../access/controller-of.js";
import type { CaseMembership } from "../access/case-membership.js";
import { controllerShareOf } from "../access/controller-share.js";
import { addMonths, type LocalDate } from "../core/local-date.js";
import type { OrganisationIndex } from "../organisations/organisation.js";
import type { RetentionAction, RetentionPolicy, RetentionRule } from "./retention-policy.js";

/** The facts of one case a retention decision rests on. */
export interface RetentionFacts {
  caseId: string;
  closedOn: LocalDate | null;
  clientBirthDate: LocalDate;
  /** The day of the case's last entry (its last change). */
  lastEntryOn: LocalDate;
  memberships: readonly Pick<CaseMembership, "organisationId" | "basis" | "from">[];
  /** The organisations whose own notes the case holds. */
  noteOrganisationIds: readonly string[];
  /** A legal hold in force on the case or its client. */
  held: boolean;
}

/** One thing that goes, and why. */
export type RetentionStep =
  | { kind: "case"; action: RetentionAction; caseId: string; dueOn: LocalDate; reason: string }
  | { kind: "controller-part"; caseId: string; controllerId: string; dueOn: LocalDate; reason: string }
  | { kind: "notes"; caseId: string; controllerId: string; dueOn: LocalDate; reason: string };

/** A case's decision: what goes today, or why nothing does. */
export interface RetentionDecision {
  caseId: string;
  steps: RetentionStep[];
  /** Set when a legal hold stops every step. */
  heldBack: RetentionStep[];
  /** Controllers that hold the case but have no rule: nothing of theirs goes. */
  unruled: string[];
}

/** What the decision needs beside the case. */
export interface RetentionContext {
  agreement: Agreement;
  organisations: OrganisationIndex;
  policy: RetentionPolicy;
  today: LocalDate;
}

/** The day a rule's period ends for the case, or null when its trigger has not happened (an open case). */
export function dueOn(rule: RetentionRule, facts: RetentionFacts): LocalDate | null {
  const from =
    rule.trigger === "case-closed"
      ? facts.closedOn
      : rule.trigger === "client-age"
        ? facts.clientBirthDate
        : facts.lastEntryOn;
  return from === null ? null : addMonths(from, 12 * rule.years);
}

const describe = (rule: RetentionRule) =>
  `${rule.controllerId} ${rule.documentClass}: ${rule.trigger} + ${String(rule.years)} years`;

/**
 * What retention removes from one case on `today`, per controller (each answers for its own part):
 * a controller's own notes when its note rule's period has ended; its part of the case (its access)
 * when its case rule's period has ended while another controller must still keep the case; the whole
 * case — deleted or anonymised — only when every controller that holds it is past its period. A legal
 * hold on the case or its client stops all of it. A controller without a rule keeps everything.
 */
export function retentionDecision(facts: RetentionFacts, context: RetentionContext): RetentionDecision {
  const { policy, today } = context;
  const ruleOf = (controllerId: string, documentClass: RetentionRule["documentClass"]) =>
    policy.find((r) => r.controllerId === controllerId && r.documentClass === documentClass);
  const controllers = [
    ...new Set(
      facts.memberships.map((m) => controllerOf(m.organisationId, context.agreement, context.organisations, m.from)),
    ),
  ].filter((c) => controllerShareOf(facts.memberships, c, context) !== null);
  const steps: RetentionStep[] = [];
  const unruled: string[] = [];
  const due = controllers.map((controllerId) => {
    const rule = ruleOf(controllerId, "case-record");
    if (!rule) unruled.push(controllerId);
    const day = rule ? dueOn(rule, facts) : null;
    return { controllerId, rule, day, past: day !== null && day <= today };
  });
  const noteControllers = [
    ...new Set(facts.noteOrganisationIds.map((o) => controllerOf(o, context.agreement, context.organisations, today))),
  ];
  for (const controllerId of noteControllers) {
    const rule = ruleOf(controllerId, "case-note");
    const day = rule ? dueOn(rule, facts) : null;
    if (rule && day !== null && day <= today)
      steps.push({ kind: "notes", caseId: facts.caseId, controllerId, dueOn: day, reason: describe(rule) });
  }
  if (due.length > 0 && due.every((d) => d.past)) {
    // The last period to end decides the case's action: anonymise if any controller's rule says so.
    const last = due.reduce((a, b) => ((a.day ?? "") >= (b.day ?? "") ? a : b));
    const action: RetentionAction = due.some((d) => d.rule?.action === "anonymise") ? "anonymise" : "delete";
    steps.push({
      kind: "case",
      action,
      caseId: facts.caseId,
      dueOn: last.day ?? today,
      reason: due.map((d) => (d.rule ? describe(d.rule) : d.controllerId)).join("; "),
    });
  } else {
    for (const d of due)
      if (d.past && d.rule && d.day !== null)
        steps.push({
          kind: "controller-part",
          caseId: facts.caseId,
          controllerId: d.controllerId,
          dueOn: d.day,
          reason: describe(d.rule),
        });
  }
  return facts.held
    ? { caseId: facts.caseId, steps: [], heldBack: steps, unruled }
    : { caseId: facts.caseId, steps, heldBack: [], unruled };
}
