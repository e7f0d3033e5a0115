import type { LocalDate } from "../core/local-date.js";
import { err, ok, type Result, type Violation, violation } from "../core/violation.js";
import type { Language } from "../core/localised-text.js";
import { type Profession, professionNames, selectionProfessions } from "../staffing/profession.js";
import type { Case, CaseStatus, ExistingClientship } from "./case.js";
import type { CaseCommand, CaseCommandType } from "./case-commands.js";
import { caseCommandNames, caseStatusNames } from "./case-names.js";
import { duplicate, notBefore, notInFuture } from "./case-refusals.js";
import {
  type ClientshipRecording,
  clientshipEndedRefusals,
  clientshipEndRefusals,
  clientshipRefusals,
} from "./existing-clientship-rules.js";
import type { InvitationContext } from "./consent-policy.js";
import { answerInvitation, sendInvitations } from "./meeting-invitations.js";
import {
  cancelMeeting,
  completeMeetingRecord,
  informResponsibleWorker,
  planMeeting,
  recordMeetingHeld,
  recordMeetingRecord,
} from "./meeting-commands.js";
import { correctConsentWithdrawal, recordConsent, withdrawConsent } from "./consent-commands.js";
import { makeReferral, updateReferral } from "./referral-commands.js";

/**
 * What commands need beyond the case: the core team on the command's date, the age policy, today
 * (nothing that has happened is dated after it) and, to record an existing client relationship or its
 * end, who records it (`ClientshipRecording`; without it either is refused) and the team's premises
 * (without them no meeting is placed in premises).
 */
export interface CaseContext extends InvitationContext {
  today: LocalDate;
  recording?: ClientshipRecording;
  /** Ids of the team's premises: a meeting may be placed only in these. */
  premisesIds?: readonly string[];
}

/** The day a command says something happened; plans (a meeting's day) are not events. */
export function eventDayOf(command: CaseCommand): LocalDate | null {
  switch (command.type) {
    case "record-selection-decision":
      return command.decision.decidedOn;
    case "record-existing-clientship":
      return command.clientship.since;
    case "end-existing-clientship":
      return command.endedOn;
    case "record-child-welfare-notification":
      return command.notification.madeOn;
    case "record-consent":
      return command.consent.givenOn;
    case "record-meeting-held":
      return command.heldOn;
    case "record-meeting-record":
      return command.record.recordedOn;
    case "complete-meeting-record":
      return command.amendment.recordedOn;
    case "make-referral":
      return command.referral.madeOn;
    case "correct-consent-withdrawal":
      return command.withdrawnOn;
    case "add-guardian":
    case "plan-meeting":
      return null;
    default:
      return command.on;
  }
}

const open: readonly CaseStatus[] = ["referred", "in-selection", "admitted", "active"];
const working: readonly CaseStatus[] = ["admitted", "active"];
const afterAdmission: readonly CaseStatus[] = ["admitted", "active", "closed"];

/** The states in which each command is accepted: the state machine's edges and self-loops. */
export const commandAllowedIn: Readonly<Record<CaseCommandType, readonly CaseStatus[]>> = {
  "start-selection": ["referred"],
  "record-selection-decision": ["in-selection"],
  "admit": ["in-selection"],
  "decline": ["in-selection"],
  "activate": ["admitted"],
  "close": working,
  "add-guardian": open,
  "record-existing-clientship": open,
  // The access a relationship gave ends with it, whatever the case's state: a closed case included.
  "end-existing-clientship": ["referred", "in-selection", "admitted", "active", "declined", "closed"],
  "record-child-welfare-notification": open,
  "record-consent": open,
  // Withdrawing consent is the client's right at any time, even after the case has ended.
  "withdraw-consent": ["referred", "in-selection", "admitted", "active", "declined", "closed"],
  "correct-consent-withdrawal": ["referred", "in-selection", "admitted", "active", "declined", "closed"],
  "plan-meeting": working,
  "record-meeting-held": working,
  "cancel-meeting": working,
  // A late record is still better than none: recording stays possible after closing.
  "record-meeting-record": afterAdmission,
  "complete-meeting-record": afterAdmission,
  "send-invitations": working,
  // An answer that came before the case closed may be recorded after.
  "answer-invitation": afterAdmission,
  "inform-responsible-worker": afterAdmission,
  "make-referral": working,
  "update-referral": afterAdmission,
};

/** Status after a status-changing command. */
const statusAfter: Partial<Record<CaseCommandType, CaseStatus>> = {
  "start-selection": "in-selection",
  "admit": "admitted",
  "decline": "declined",
  "activate": "active",
  "close": "closed",
};

/** Professions of 003 § 4.2 that have not recorded a decision yet. */
export function missingSelectionProfessions(c: Pick<Case, "selection">): Profession[] {
  return selectionProfessions.filter((p) => !c.selection.some((d) => d.profession === p));
}

/** Professions by name in one language, never by code. */
function named(list: readonly Profession[], language: Language): string {
  return list.map((p) => professionNames[p][language]).join(", ");
}

function selectionIncomplete(c: Case): Violation[] {
  const missing = missingSelectionProfessions(c);
  if (missing.length === 0) return [];
  return [
    violation("CASE.SELECTION_INCOMPLETE", [c.id], {
      fi: `Asiakasvalintaan eivät ole osallistuneet: ${named(missing, "fi")}. Valinnan tekevät poliisi, sosiaalityö ja psykiatrinen sairaanhoitaja yhdessä.`,
      sv: `Följande har ännu inte deltagit i valet av klienter: ${named(missing, "sv")}. Polisen, socialarbetet och den psykiatriska sjukskötaren väljer klienterna tillsammans.`,
      en: `Not yet part of the selection: ${named(missing, "en")}. The police, social work and the psychiatric nurse select clients together.`,
    }),
  ];
}

function decide(c: Case, command: Extract<CaseCommand, { type: "admit" | "decline" }>): Result<Case> {
  const found = [
    ...selectionIncomplete(c),
    ...notBefore(c.id, command.on, latest(c.selection.map((d) => d.decidedOn)), {
      fi: "viimeinen valintapäätös",
      sv: "det sista beslutet i valet",
      en: "the last selection decision",
    }),
  ];
  if (command.type === "admit" && c.selection.some((d) => d.decision === "decline")) {
    found.push(
      violation("CASE.SELECTION_NOT_UNANIMOUS", [c.id], {
        fi: "Asiakkaaksi ottaminen edellyttää kaikkien valintaan osallistuneiden puoltoa.",
        sv: "För att klienten ska tas emot måste alla som deltog i valet förorda det.",
        en: "Admission needs every selection participant's approval.",
      }),
    );
  }
  if (command.type === "decline" && !c.selection.some((d) => d.decision === "decline")) {
    found.push(
      violation("CASE.SELECTION_NO_DECLINE", [c.id], {
        fi: "Kukaan valintaan osallistunut ei ole esittänyt hylkäämistä.",
        sv: "Ingen som deltog i valet har föreslagit avslag.",
        en: "No selection participant has proposed declining.",
      }),
    );
  }
  return found.length > 0 ? err(found) : ok({ ...c, decidedOn: command.on });
}

function latest(dates: readonly LocalDate[]): LocalDate | null {
  return dates.length === 0 ? null : dates.reduce((a, b) => (a >= b ? a : b));
}

function unknownRecorder(c: Case, organisationId: string): Violation {
  return violation("CLIENTSHIP.NOT_RECORDER", [c.id, organisationId], {
    fi: "Olemassa olevan asiakkuuden kirjaajaa ei tunneta.",
    sv: "Den som registrerar klientrelationen är okänd.",
    en: "Who records the existing client relationship is not known.",
  });
}

function handle(c: Case, command: CaseCommand, context: CaseContext): Result<Case> {
  switch (command.type) {
    case "start-selection": {
      const found = notBefore(c.id, command.on, c.referredOn, { fi: "ohjaus", sv: "hänvisningen", en: "the referral" });
      return found.length > 0 ? err(found) : ok({ ...c, selectionStartedOn: command.on });
    }
    case "record-selection-decision": {
      const d = command.decision;
      if (c.selection.some((x) => x.staffId === d.staffId)) {
        return err([
          violation("CASE.SELECTION_DUPLICATE", [c.id, d.staffId], {
            fi: "Henkilön valintapäätös on jo kirjattu.",
            sv: "Personens beslut i valet har redan registrerats.",
            en: "This person's selection decision is already recorded.",
          }),
        ]);
      }
      const found = notBefore(c.id, d.decidedOn, c.selectionStartedOn, {
        fi: "asiakasvalinnan alku",
        sv: "början av valet av klienter",
        en: "the start of selection",
      });
      return found.length > 0 ? err(found) : ok({ ...c, selection: [...c.selection, d] });
    }
    case "admit":
    case "decline":
      return decide(c, command);
    case "activate": {
      const found = notBefore(c.id, command.on, c.decidedOn, {
        fi: "asiakkaaksi ottaminen",
        sv: "beslutet att ta emot klienten",
        en: "the admission",
      });
      return found.length > 0 ? err(found) : ok({ ...c, activatedOn: command.on });
    }
    case "close": {
      const lastHeld = latest(c.meetings.flatMap((m) => (m.heldOn === null ? [] : [m.heldOn])));
      const found = [
        ...notBefore(c.id, command.on, latest([c.decidedOn, c.activatedOn].filter((d): d is string => d !== null)), {
          fi: "asiakkuuden alku",
          sv: "klientskapets början",
          en: "the start of the case",
        }),
        ...notBefore(c.id, command.on, lastHeld, {
          fi: "viimeinen pidetty tapaaminen",
          sv: "det senaste hållna mötet",
          en: "the last held meeting",
        }),
      ];
      if (found.length > 0) return err(found);
      // Planned meetings of a closed case will not be held.
      const meetings = c.meetings.map((m) =>
        m.status === "planned" ? { ...m, status: "cancelled" as const, cancelledOn: command.on } : m,
      );
      return ok({ ...c, closedOn: command.on, closeReason: command.reason, meetings });
    }
    case "add-guardian":
      if (c.guardians.some((g) => g.id === command.guardian.id)) return err([duplicate(c, command.guardian.id)]);
      return ok({ ...c, guardians: [...c.guardians, command.guardian] });
    case "record-existing-clientship": {
      const found = context.recording
        ? [
            ...clientshipRefusals(c, command.clientship, context.recording),
            ...clientshipEndedRefusals(c, command.clientship.organisationId, context.recording.organisations),
          ]
        : [unknownRecorder(c, command.clientship.organisationId)];
      if (found.length > 0) return err(found);
      const earlier = c.existingClientships.find((x) => x.organisationId === command.clientship.organisationId);
      const clientship: ExistingClientship = {
        ...command.clientship,
        recordedOn: earlier?.recordedOn ?? context.today,
        endedOn: null,
      };
      return ok({
        ...c,
        existingClientships: [
          ...c.existingClientships.filter((x) => x.organisationId !== clientship.organisationId),
          clientship,
        ],
      });
    }
    case "end-existing-clientship": {
      const found = context.recording
        ? clientshipEndRefusals(c, command.organisationId, command.endedOn, context.recording)
        : [unknownRecorder(c, command.organisationId)];
      if (found.length > 0) return err(found);
      return ok({
        ...c,
        existingClientships: c.existingClientships.map((x) =>
          x.organisationId === command.organisationId ? { ...x, endedOn: command.endedOn } : x,
        ),
      });
    }
    case "record-child-welfare-notification":
      return ok({ ...c, childWelfareNotification: command.notification });
    case "record-consent":
      return recordConsent(c, command.consent);
    case "withdraw-consent":
      return withdrawConsent(c, command, context.today);
    case "correct-consent-withdrawal":
      return correctConsentWithdrawal(c, command, context.today);
    case "plan-meeting":
      return planMeeting(c, command, context);
    case "record-meeting-held":
      return recordMeetingHeld(c, command, context);
    case "cancel-meeting":
      return cancelMeeting(c, command.meetingId, command.on);
    case "record-meeting-record":
      return recordMeetingRecord(c, command.meetingId, command.record);
    case "complete-meeting-record":
      return completeMeetingRecord(c, command.meetingId, command.amendment);
    case "send-invitations":
      return sendInvitations(c, command, context);
    case "answer-invitation":
      return answerInvitation(c, command);
    case "inform-responsible-worker":
      return informResponsibleWorker(c, command.meetingId, command.on);
    case "make-referral":
      return makeReferral(c, command.referral);
    case "update-referral":
      return updateReferral(c, command.referralId, command.status, command.on);
  }
}

const sentenceCase = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Applies one command to a case: refused with the reasons when the state machine or a rule forbids it,
 * otherwise the new case with its status moved on and `version` incremented. Never mutates `c`.
 */
export function applyCaseCommand(c: Case, command: CaseCommand, context: CaseContext): Result<Case> {
  if (!commandAllowedIn[command.type].includes(c.status)) {
    return err([
      violation("CASE.ILLEGAL_TRANSITION", [c.id], {
        fi: `Toimenpide (${caseCommandNames[command.type].fi}) ei ole mahdollinen, kun asiakkuus on tilassa ${caseStatusNames[c.status].fi}.`,
        sv: `Åtgärden (${caseCommandNames[command.type].sv}) är inte möjlig när klientskapet är ${caseStatusNames[c.status].sv}.`,
        en: `${sentenceCase(caseCommandNames[command.type].en)} is not possible while the case is ${caseStatusNames[c.status].en}.`,
      }),
    ]);
  }
  const day = eventDayOf(command);
  const future = day === null ? [] : notInFuture(c.id, day, context.today);
  if (future.length > 0) return err(future);
  const result = handle(c, command, context);
  if (!result.ok) return result;
  return ok({ ...result.value, status: statusAfter[command.type] ?? result.value.status, version: c.version + 1 });
}
