import { addDays, type LocalDate } from "../core/local-date.js";
import type { Message } from "../core/localised-text.js";
import { type Violation, violation } from "../core/violation.js";
import { defaultAgePolicy } from "./age-policy.js";
import type { Case } from "./case.js";
import { caseInvariants } from "./case-invariants.js";
import type { InvitationContext } from "./consent-policy.js";
import { effectiveRecord, invitationRefusals } from "./meeting-commands.js";
import { clientAge } from "./age-policy.js";
import { clientshipInForce } from "./existing-clientship-rules.js";

/** Days after a meeting within which its record is still on time (DOMAIN § 5; see docs/domain.md). */
export const defaultRecordingGraceDays = 7;

/**
 * Every code {@link checkCase} reports: the invariants' (`caseInvariants`), the invitation rules'
 * (`canInvite`, for the parties of planned and held meetings) and the operational rules of 003 § 4.2.
 * Whoever counts or labels the findings keys them by {@link CaseRuleCode}, so a new rule does not
 * compile until it is counted.
 */
export const caseRuleCodes = [
  "CASE.STATE_INCONSISTENT",
  "CASE.DATE_ORDER",
  "CASE.SELECTION_INCOMPLETE",
  "CASE.SELECTION_NOT_UNANIMOUS",
  "MEETING.STATE_INCONSISTENT",
  "CONSENT.STATE_INCONSISTENT",
  "CASE.NOT_OPEN",
  "CONSENT.NO_GUARDIAN_RECORDED",
  "CONSENT.MISSING",
  "MEETING.NO_CLIENTSHIP",
  "CASE.MEETING_UNRECORDED",
  "CASE.RECORD_INCOMPLETE",
  "CASE.PLANNED_MEETING_OVERDUE",
  "CASE.COMPOSITION_SINGLE_PROFESSION",
  "CASE.RESPONSIBLE_WORKER_MISSING",
  "CASE.RESPONSIBLE_WORKER_NOT_INVOLVED",
  "CASE.GUARDIAN_MISSING",
  "CASE.CHILD_WELFARE_NOTIFICATION_MISSING",
] as const;

/** A code {@link checkCase} reports. */
export type CaseRuleCode = (typeof caseRuleCodes)[number];

const caseRuleCodeSet: ReadonlySet<string> = new Set(caseRuleCodes);

/** Whether `code` is one of {@link caseRuleCodes} (e.g. a code read back from a database). */
export function isCaseRuleCode(code: string): code is CaseRuleCode {
  return caseRuleCodeSet.has(code);
}

// The invariants and the invitation rules type their codes as strings; each is a case rule code.
const asCaseRules = (found: readonly Violation[]): Violation<CaseRuleCode>[] =>
  found.map((v) => {
    if (!isCaseRuleCode(v.code)) throw new TypeError(`${v.code} is missing from caseRuleCodes`);
    return { ...v, code: v.code };
  });

/** Options of {@link checkCase}. */
export interface CheckCaseOptions extends InvitationContext {
  /** The day the check is made for: time-dependent rules (unrecorded meetings) use it. */
  asOf: LocalDate;
  recordingGraceDays?: number;
}

const open = ["referred", "in-selection", "admitted", "active"];

/**
 * All rule violations of a case on `asOf`: the invariants (`caseInvariants`) and the operational rules
 * of 003 § 4.2 — every held meeting recorded in the client and statistics records; no party outside
 * the core team invited to a planned meeting or present at a held one without consent, withdrawn
 * consents and guardians recorded later included; an existing client
 * relationship names its responsible social worker, who attends or is informed of each meeting held
 * while the relationship is in force;
 * compositions from several professions; guardians recorded for a minor; a child welfare notification
 * recorded for a minor referred by the police.
 */
export function checkCase(c: Case, options: CheckCaseOptions): Violation<CaseRuleCode>[] {
  const grace = options.recordingGraceDays ?? defaultRecordingGraceDays;
  const policy = options.policy ?? defaultAgePolicy;
  const found = asCaseRules(caseInvariants(c));
  const add = (code: CaseRuleCode, ids: string[], message: Message, severity: "error" | "warning" = "error") =>
    found.push(violation(code, ids, message, { severity }));

  for (const m of c.meetings) {
    if (m.status === "held" && m.heldOn !== null && m.record === null && options.asOf > addDays(m.heldOn, grace)) {
      add("CASE.MEETING_UNRECORDED", [c.id, m.id], {
        fi: `Tapaamista ${m.heldOn} ei ole kirjattu asiakastieto- ja tilastointijärjestelmiin.`,
        sv: `Mötet ${m.heldOn} har inte registrerats i klientdatasystemet och statistikföringen.`,
        en: `The meeting held on ${m.heldOn} is not recorded in the client and statistics records.`,
      });
    }
    const recorded = effectiveRecord(m.record);
    if (recorded !== null && !(recorded.inClientRecord && recorded.inStatistics)) {
      add(
        "CASE.RECORD_INCOMPLETE",
        [c.id, m.id],
        {
          fi: "Tapaaminen on kirjattu vain toiseen järjestelmään (asiakastieto tai tilastointi).",
          sv: "Mötet har registrerats endast i det ena av klientdatasystemet och statistikföringen.",
          en: "The meeting is recorded in only one of the client and statistics records.",
        },
        "warning",
      );
    }
    if (m.status === "held" && m.heldOn !== null) {
      // Against the record as it is now, so a guardian recorded later or a backdated withdrawal shows here.
      const attended = m.composition.filter((p) => m.attended.includes(p.id));
      found.push(
        ...asCaseRules(invitationRefusals({ ...c, status: "active" }, attended, m.heldOn, options)).map((v) => ({
          ...v,
          ids: [...v.ids, m.id],
        })),
      );
    }
    if (m.status === "planned") {
      found.push(
        ...asCaseRules(invitationRefusals(c, m.composition, m.plannedOn, options)).map((v) => ({
          ...v,
          ids: [...v.ids, m.id],
        })),
      );
      if (m.plannedOn < addDays(options.asOf, -grace)) {
        add(
          "CASE.PLANNED_MEETING_OVERDUE",
          [c.id, m.id],
          {
            fi: `Tapaaminen oli suunniteltu ${m.plannedOn}, mutta sitä ei ole merkitty pidetyksi tai perutuksi.`,
            sv: `Mötet var planerat till ${m.plannedOn} men har inte markerats som hållet eller inställt.`,
            en: `The meeting planned for ${m.plannedOn} is neither held nor cancelled.`,
          },
          "warning",
        );
      }
    }
    const professions = new Set(m.composition.flatMap((p) => (p.profession === null ? [] : [p.profession])));
    if (m.status !== "cancelled" && professions.size < 2) {
      add(
        "CASE.COMPOSITION_SINGLE_PROFESSION",
        [c.id, m.id],
        {
          fi: "Tapaamisen kokoonpanossa on vain yhden ammattikunnan edustajia.",
          sv: "Vid mötet företräds endast en yrkesgrupp.",
          en: "The meeting's composition has only one profession.",
        },
        "warning",
      );
    }
  }

  for (const x of c.existingClientships) {
    if (x.responsibleWorker === null) {
      add("CASE.RESPONSIBLE_WORKER_MISSING", [c.id, x.organisationId], {
        fi: "Asiakkaalla on asiakkuus toisessa organisaatiossa, mutta vastuusosiaalityöntekijää ei ole nimetty.",
        sv: "Klienten är klient i en annan organisation, men ingen ansvarig socialarbetare har utsetts.",
        en: "The client is a client of another organisation, but its responsible social worker is not named.",
      });
      continue;
    }
    for (const m of c.meetings.filter(
      // A held meeting without its day (an inconsistent one) counts only for a relationship without dates.
      (mm) =>
        mm.status === "held" &&
        (mm.heldOn === null ? x.since === null && x.endedOn === null : clientshipInForce(x, mm.heldOn)),
    )) {
      const present = m.composition.some(
        (p) => p.role === "responsible-worker" && p.organisationId === x.organisationId && m.attended.includes(p.id),
      );
      if (!present && m.responsibleWorkerInformedOn === null) {
        add("CASE.RESPONSIBLE_WORKER_NOT_INVOLVED", [c.id, m.id], {
          fi: `Vastuusosiaalityöntekijä ${x.responsibleWorker.name} ei osallistunut tapaamiseen eikä hänelle ole ilmoitettu siitä.`,
          sv: `Den ansvariga socialarbetaren ${x.responsibleWorker.name} deltog inte i mötet och har inte heller underrättats om det.`,
          en: `Responsible social worker ${x.responsibleWorker.name} neither attended nor was informed of the meeting.`,
        });
      }
    }
  }

  if (open.includes(c.status) && clientAge(c.client.birthDate, options.asOf) < policy.adulthoodAge) {
    if (!c.guardians.some((g) => g.hasCustody)) {
      add(
        "CASE.GUARDIAN_MISSING",
        [c.id],
        {
          fi: "Alaikäisen asiakkaan huoltajia ei ole kirjattu.",
          sv: "Den minderåriga klientens vårdnadshavare har inte registrerats.",
          en: "No guardian of the minor client is recorded.",
        },
        "warning",
      );
    }
  }
  if (
    c.referralSource === "police" &&
    clientAge(c.client.birthDate, c.referredOn) < policy.adulthoodAge &&
    c.childWelfareNotification === null
  ) {
    add(
      "CASE.CHILD_WELFARE_NOTIFICATION_MISSING",
      [c.id],
      {
        fi: "Poliisin ohjaamasta alaikäisestä ei ole kirjattu lastensuojeluilmoitusta (LSL 25 §).",
        sv: "Ingen barnskyddsanmälan (barnskyddslagen 25 §) har registrerats för en minderårig som polisen hänvisat.",
        en: "No child welfare notification (Child Welfare Act 25 §) is recorded for a minor referred by the police.",
      },
      "warning",
    );
  }
  return found;
}
