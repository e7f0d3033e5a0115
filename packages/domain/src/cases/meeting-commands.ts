import { type LocalDate, minDate } from "../core/local-date.js";
import { err, ok, type Result, type Violation, violation } from "../core/violation.js";
import type { Case, Meeting, MeetingRecord, MeetingRecordAmendment, Participant } from "./case.js";
import type { MeetingLogistics } from "./meeting-logistics.js";
import { organisationName } from "../organisations/organisation.js";
import { canInvite, type InvitationContext } from "./consent-policy.js";
import { clientshipInForce } from "./existing-clientship-rules.js";
import { duplicate, notBefore } from "./case-refusals.js";

function notFound(c: Case, meetingId: string): Violation {
  return violation("CASE.NOT_FOUND", [c.id, meetingId], {
    fi: "Tapaamista ei löydy.",
    sv: "Mötet finns inte.",
    en: "Meeting not found.",
  });
}

/**
 * Reasons a participant may not be invited on `date`: the core team needs nothing; anyone else needs
 * the consent of every required giver (`canInvite`), whatever their seat (003 § 4.2). A responsible
 * worker's seat also needs a recorded existing client relationship with that organisation in force on
 * `date` (`clientshipInForce`): begun by then and not yet ended.
 */
export function invitationRefusals(
  c: Case,
  participants: readonly Participant[],
  date: LocalDate,
  context: InvitationContext,
): Violation[] {
  const found: Violation[] = [];
  const checked = new Set<string>();
  for (const p of participants) {
    if (p.organisationId === null) continue;
    if (
      p.role === "responsible-worker" &&
      !c.existingClientships.some((x) => x.organisationId === p.organisationId && clientshipInForce(x, date))
    ) {
      const name = organisationName(p.organisationId, context.organisations);
      found.push(
        violation("MEETING.NO_CLIENTSHIP", [c.id, p.organisationId], {
          fi: `Vastuutyöntekijän paikka edellyttää, että asiakkuus organisaatiossa ${name.fi} on kirjattu ja voimassa tapaamispäivänä ${date}.`,
          sv: `En plats för den ansvariga arbetaren förutsätter att klientrelationen med ${name.sv} har registrerats och gäller på mötesdagen ${date}.`,
          en: `A responsible worker's seat needs an existing client relationship with ${name.en}, recorded and in force on the meeting's day ${date}.`,
        }),
      );
    }
    if (checked.has(p.organisationId)) continue;
    checked.add(p.organisationId);
    const decision = canInvite(c, p.organisationId, date, context);
    if (!decision.allowed) found.push(...decision.reasons);
  }
  return found;
}

function compositionProblems(c: Case, composition: readonly Participant[]): Violation[] {
  const found: Violation[] = [];
  composition.forEach((p, i) => {
    if (composition.findIndex((q) => q.id === p.id) !== i)
      found.push(
        violation(
          "MEETING.DUPLICATE_PARTICIPANT",
          [c.id, p.id],
          {
            fi: "Sama osallistuja on kokoonpanossa kahdesti.",
            sv: "Samma deltagare finns två gånger i sammansättningen.",
            en: "The same participant is listed twice.",
          },
          { path: ["composition", i] },
        ),
      );
    const personal = p.role === "client" || p.role === "guardian";
    if (personal !== (p.organisationId === null)) {
      found.push(
        violation(
          "MEETING.PARTICIPANT_INVALID",
          [c.id, p.id],
          {
            fi: "Asiakkaalla ja huoltajalla ei ole organisaatiota; muilla osallistujilla on.",
            sv: "Klienten och vårdnadshavarna har ingen organisation; alla andra deltagare har en.",
            en: "The client and guardians have no organisation; every other participant has one.",
          },
          { path: ["composition", i, "organisationId"] },
        ),
      );
    }
    if (p.role === "guardian" && !c.guardians.some((g) => g.id === p.guardianId)) {
      found.push(
        violation(
          "CASE.GUARDIAN_UNKNOWN",
          [c.id, p.id],
          {
            fi: "Kokoonpanoon merkittyä huoltajaa ei ole kirjattu asiakkuuteen.",
            sv: "En vårdnadshavare i sammansättningen har inte registrerats i klientskapet.",
            en: "A guardian in the composition is not recorded in the case.",
          },
          { path: ["composition", i, "guardianId"] },
        ),
      );
    }
  });
  return found;
}

/** A meeting placed in premises the team does not have (or another team's). */
function placeRefusals(c: Case, logistics: MeetingLogistics | null, premisesIds: readonly string[]): Violation[] {
  const place = logistics?.place;
  if (place?.kind !== "premises" || premisesIds.includes(place.premisesId)) return [];
  return [
    violation(
      "MEETING.PLACE_UNKNOWN",
      [c.id],
      {
        fi: "Tapaamispaikaksi valittu tila ei ole työryhmän käytössä. Valitse työryhmän tila tai kuvaa paikka sanoin.",
        sv: "Den valda lokalen står inte till teamets förfogande. Välj en av teamets lokaler eller beskriv platsen med ord.",
        en: "The chosen premises are not among the team's. Choose one of the team's premises or describe the place in words.",
      },
      { path: ["place", "premisesId"] },
    ),
  ];
}

/**
 * Plans a meeting with its composition and, when known, its start time, duration and place. Refused
 * with the domain reasons when anyone outside the core team lacks consent on the planned day, the
 * composition is malformed, or the place is not one of the team's premises. Clashes with other
 * meetings are warnings (`meetingClashes`), not refusals.
 */
export function planMeeting(
  c: Case,
  command: {
    meetingId: string;
    plannedOn: LocalDate;
    composition: Participant[];
    logistics?: MeetingLogistics | null;
  },
  context: InvitationContext & { today: LocalDate; premisesIds?: readonly string[] },
): Result<Case> {
  if (c.meetings.some((m) => m.id === command.meetingId)) return err([duplicate(c, command.meetingId)]);
  const logistics = command.logistics ?? null;
  const found = [
    ...notBefore(c.id, command.plannedOn, c.decidedOn, {
      fi: "asiakkaaksi ottaminen",
      sv: "beslutet att ta emot klienten",
      en: "the admission",
    }),
    ...compositionProblems(c, command.composition),
    ...invitationRefusals(c, command.composition, command.plannedOn, context),
    ...placeRefusals(c, logistics, context.premisesIds ?? []),
  ];
  if (found.length > 0) return err(found);
  const meeting: Meeting = {
    id: command.meetingId,
    plannedOn: command.plannedOn,
    status: "planned",
    heldOn: null,
    composition: command.composition,
    attended: [],
    record: null,
    responsibleWorkerInformedOn: null,
    // Seats give access from the day they are given, or from a past meeting's own day.
    composedOn: minDate(context.today, command.plannedOn),
    cancelledOn: null,
    startTime: logistics?.startTime ?? null,
    durationMinutes: logistics?.durationMinutes ?? null,
    place: logistics?.place ?? null,
    invitations: [],
  };
  return ok({ ...c, meetings: [...c.meetings, meeting] });
}

/**
 * Records that a planned meeting was held and who attended. Consent is checked again for the day
 * held: a withdrawal after planning keeps that party out. The first held meeting activates an
 * admitted case.
 */
export function recordMeetingHeld(
  c: Case,
  command: { meetingId: string; heldOn: LocalDate; attended: string[] },
  context: InvitationContext,
): Result<Case> {
  const meeting = c.meetings.find((m) => m.id === command.meetingId);
  if (!meeting) return err([notFound(c, command.meetingId)]);
  if (meeting.status !== "planned") {
    return err([
      violation("MEETING.NOT_PLANNED", [c.id, meeting.id], {
        fi: `Tapaaminen on jo ${meeting.status === "held" ? "pidetty" : "peruttu"}.`,
        sv: `Mötet har redan ${meeting.status === "held" ? "hållits" : "ställts in"}.`,
        en: `The meeting is already ${meeting.status}.`,
      }),
    ]);
  }
  const unknown = command.attended.filter((id) => !meeting.composition.some((p) => p.id === id));
  const found = notBefore(c.id, command.heldOn, c.decidedOn, {
    fi: "asiakkaaksi ottaminen",
    sv: "beslutet att ta emot klienten",
    en: "the admission",
  });
  if (unknown.length > 0) {
    found.push(
      violation(
        "MEETING.ATTENDEE_UNKNOWN",
        [c.id, ...unknown],
        {
          fi: "Läsnäolijaksi merkitty henkilö ei ole tapaamisen kokoonpanossa.",
          sv: "En person som angetts som närvarande ingår inte i mötets sammansättning.",
          en: "An attendee is not in the meeting's composition.",
        },
        { path: ["attended"] },
      ),
    );
  }
  const attended = meeting.composition.filter((p) => command.attended.includes(p.id));
  found.push(...invitationRefusals(c, attended, command.heldOn, context));
  if (found.length > 0) return err(found);
  const meetings = c.meetings.map((m) =>
    m.id === meeting.id ? { ...m, status: "held" as const, heldOn: command.heldOn, attended: command.attended } : m,
  );
  const activate = c.status === "admitted";
  return ok({
    ...c,
    meetings,
    status: activate ? "active" : c.status,
    activatedOn: activate ? command.heldOn : c.activatedOn,
  });
}

/** Cancels a planned meeting on `on`: its seats give access until the day before. */
export function cancelMeeting(c: Case, meetingId: string, on: LocalDate): Result<Case> {
  const meeting = c.meetings.find((m) => m.id === meetingId);
  if (!meeting) return err([notFound(c, meetingId)]);
  if (meeting.status !== "planned") {
    return err([
      violation("MEETING.NOT_PLANNED", [c.id, meetingId], {
        fi: "Vain suunnitellun tapaamisen voi perua.",
        sv: "Endast ett planerat möte kan ställas in.",
        en: "Only a planned meeting can be cancelled.",
      }),
    ]);
  }
  return ok({
    ...c,
    meetings: c.meetings.map((m) => (m.id === meetingId ? { ...m, status: "cancelled" as const, cancelledOn: on } : m)),
  });
}

/** Records a held meeting in the client and statistics records (003 § 4.2). A record is written once. */
export function recordMeetingRecord(
  c: Case,
  meetingId: string,
  first: Omit<MeetingRecord, "amendments">,
): Result<Case> {
  const record: MeetingRecord = { ...first, amendments: [] };
  const meeting = c.meetings.find((m) => m.id === meetingId);
  if (!meeting) return err([notFound(c, meetingId)]);
  if (meeting.status !== "held") {
    return err([
      violation("MEETING.NOT_HELD", [c.id, meetingId], {
        fi: "Vain pidetyn tapaamisen voi kirjata.",
        sv: "Endast ett hållet möte kan registreras.",
        en: "Only a held meeting can be recorded.",
      }),
    ]);
  }
  if (meeting.record !== null) {
    return err([
      violation("MEETING.ALREADY_RECORDED", [c.id, meetingId], {
        fi: `Tapaaminen on jo kirjattu ${meeting.record.recordedOn}.`,
        sv: `Mötet registrerades redan ${meeting.record.recordedOn}.`,
        en: `The meeting was already recorded on ${meeting.record.recordedOn}.`,
      }),
    ]);
  }
  const found = notBefore(c.id, record.recordedOn, meeting.heldOn, {
    fi: "tapaaminen",
    sv: "mötet",
    en: "the meeting",
  });
  if (found.length > 0) return err(found);
  return ok({ ...c, meetings: c.meetings.map((m) => (m.id === meetingId ? { ...m, record } : m)) });
}

/**
 * Where a meeting's record stands with its amendments: in the client record, in the statistics, or
 * both. Null when it is not recorded at all.
 */
export function effectiveRecord(
  record: MeetingRecord | null,
): { inClientRecord: boolean; inStatistics: boolean } | null {
  if (record === null) return null;
  return {
    inClientRecord: record.inClientRecord || record.amendments.some((a) => a.inClientRecord),
    inStatistics: record.inStatistics || record.amendments.some((a) => a.inStatistics),
  };
}

/**
 * Completes a meeting recorded in only one of the client and statistics records (003 § 4.2) by an
 * amending entry kept beside the first record, which is never rewritten. Refused when the meeting has
 * no record yet, when the amendment adds nothing missing, or when it is dated before the record.
 */
export function completeMeetingRecord(c: Case, meetingId: string, amendment: MeetingRecordAmendment): Result<Case> {
  const meeting = c.meetings.find((m) => m.id === meetingId);
  if (!meeting) return err([notFound(c, meetingId)]);
  const record = meeting.record;
  const now = effectiveRecord(record);
  if (record === null || now === null) {
    return err([
      violation("MEETING.NOT_RECORDED", [c.id, meetingId], {
        fi: "Tapaamista ei ole vielä kirjattu; kirjaa se ensin.",
        sv: "Mötet har ännu inte registrerats; registrera det först.",
        en: "The meeting is not recorded yet; record it first.",
      }),
    ]);
  }
  if (c.meetings.some((m) => m.record?.amendments.some((a) => a.id === amendment.id)))
    return err([duplicate(c, amendment.id)]);
  const adds = (amendment.inClientRecord && !now.inClientRecord) || (amendment.inStatistics && !now.inStatistics);
  const found: Violation[] = [];
  if (!adds) {
    found.push(
      violation("MEETING.RECORD_ALREADY_COMPLETE", [c.id, meetingId], {
        fi: "Täydennys ei lisää kirjaukseen mitään puuttuvaa: tapaaminen on jo kirjattu niihin järjestelmiin.",
        sv: "Kompletteringen tillför inget som saknas: mötet är redan registrerat i de systemen.",
        en: "The amendment adds nothing missing: the meeting is already recorded there.",
      }),
    );
  }
  found.push(
    ...notBefore(c.id, amendment.recordedOn, record.recordedOn, {
      fi: "ensimmäinen kirjaus",
      sv: "den första registreringen",
      en: "the first record",
    }),
  );
  if (found.length > 0) return err(found);
  return ok({
    ...c,
    meetings: c.meetings.map((m) =>
      m.id === meetingId ? { ...m, record: { ...record, amendments: [...record.amendments, amendment] } } : m,
    ),
  });
}

/** Records that the responsible social worker of an existing client relationship was informed of a meeting. */
export function informResponsibleWorker(c: Case, meetingId: string, on: LocalDate): Result<Case> {
  const meeting = c.meetings.find((m) => m.id === meetingId);
  if (!meeting) return err([notFound(c, meetingId)]);
  if (!c.existingClientships.some((x) => x.responsibleWorker !== null)) {
    return err([
      violation("CASE.RESPONSIBLE_WORKER_MISSING", [c.id], {
        fi: "Asiakkuuteen ei ole kirjattu vastuusosiaalityöntekijää.",
        sv: "Ingen ansvarig socialarbetare har registrerats för klientskapet.",
        en: "No responsible social worker is recorded for the case.",
      }),
    ]);
  }
  return ok({
    ...c,
    meetings: c.meetings.map((m) => (m.id === meetingId ? { ...m, responsibleWorkerInformedOn: on } : m)),
  });
}
