import type { LocalDate } from "../core/local-date.js";
import { err, ok, type Result, type Violation, violation } from "../core/violation.js";
import type { Case, Invitation, InvitationAnswer, InvitationChannel } from "./case.js";
import type { InvitationContext } from "./consent-policy.js";
import { duplicate, notBefore } from "./case-refusals.js";
import { invitationRefusals } from "./meeting-commands.js";

const meetingNotFound = (c: Case, meetingId: string) =>
  violation("CASE.NOT_FOUND", [c.id, meetingId], {
    fi: "Tapaamista ei löydy.",
    sv: "Mötet hittas inte.",
    en: "Meeting not found.",
  });

/**
 * Records that seats of a planned meeting were invited, on `on` and by which channel. Refused for a
 * meeting not planned (held or cancelled), for a seat not in its composition or listed twice, after
 * the meeting's day, and for anyone outside the core team whose consent is not in force on the day the
 * invitation goes out (003 § 4.2: inviting is what consent allows). A seat may be invited again, e.g.
 * by phone after a letter: every invitation is kept.
 */
export function sendInvitations(
  c: Case,
  command: {
    meetingId: string;
    on: LocalDate;
    sentBy: string;
    invitations: readonly { id: string; participantId: string; channel: InvitationChannel }[];
  },
  context: InvitationContext,
): Result<Case> {
  const meeting = c.meetings.find((m) => m.id === command.meetingId);
  if (!meeting) return err([meetingNotFound(c, command.meetingId)]);
  const found: Violation[] = [];
  if (meeting.status !== "planned") {
    found.push(
      violation("MEETING.NOT_PLANNED", [c.id, meeting.id], {
        fi: "Kutsuja voi lähettää vain suunniteltuun tapaamiseen.",
        sv: "Inbjudningar kan skickas endast till ett planerat möte.",
        en: "Invitations go out only for a planned meeting.",
      }),
    );
  }
  if (command.on > meeting.plannedOn) {
    found.push(
      violation(
        "MEETING.INVITATION_TOO_LATE",
        [c.id, meeting.id],
        {
          fi: `Kutsu on päivätty tapaamisen (${meeting.plannedOn}) jälkeen.`,
          sv: `Inbjudan är daterad efter mötet (${meeting.plannedOn}).`,
          en: `The invitation is dated after the meeting (${meeting.plannedOn}).`,
        },
        { path: ["on"] },
      ),
    );
  }
  found.push(
    ...notBefore(c.id, command.on, c.decidedOn, {
      fi: "asiakkaaksi ottaminen",
      sv: "antagningen som klient",
      en: "the admission",
    }),
  );
  const seen = new Set<string>();
  command.invitations.forEach((invitation, i) => {
    if (c.meetings.some((m) => m.invitations.some((x) => x.id === invitation.id)))
      found.push(duplicate(c, invitation.id));
    const seat = meeting.composition.some((p) => p.id === invitation.participantId);
    if (!seat || seen.has(invitation.participantId)) {
      found.push(
        violation(
          seat ? "MEETING.DUPLICATE_PARTICIPANT" : "MEETING.ATTENDEE_UNKNOWN",
          [c.id, meeting.id],
          seat
            ? {
                fi: "Sama osallistuja on kutsuttu kahdesti samalla kertaa.",
                sv: "Samma deltagare har bjudits in två gånger på en gång.",
                en: "The same participant is invited twice at once.",
              }
            : {
                fi: "Kutsuttu ei ole tapaamisen kokoonpanossa.",
                sv: "Den inbjudna finns inte i mötets sammansättning.",
                en: "The person invited is not in the meeting's composition.",
              },
          { path: ["invitations", i, "participantId"] },
        ),
      );
    }
    seen.add(invitation.participantId);
  });
  const invited = meeting.composition.filter((p) => seen.has(p.id));
  found.push(...invitationRefusals(c, invited, command.on, context));
  if (found.length > 0) return err(found);
  const added: Invitation[] = command.invitations.map((x) => ({
    id: x.id,
    participantId: x.participantId,
    channel: x.channel,
    sentOn: command.on,
    sentBy: command.sentBy,
    answer: null,
    answeredOn: null,
    answerRecordedBy: null,
  }));
  return ok({
    ...c,
    meetings: c.meetings.map((m) => (m.id === meeting.id ? { ...m, invitations: [...m.invitations, ...added] } : m)),
  });
}

/**
 * Records a participant's answer to an invitation of this case. An answer is given once: a changed mind
 * is a new invitation and its answer, so what was said when is kept. Not before the invitation was sent.
 */
export function answerInvitation(
  c: Case,
  command: { invitationId: string; answer: InvitationAnswer; on: LocalDate; recordedBy: string },
): Result<Case> {
  const meeting = c.meetings.find((m) => m.invitations.some((x) => x.id === command.invitationId));
  const invitation = meeting?.invitations.find((x) => x.id === command.invitationId);
  if (!meeting || !invitation) {
    return err([
      violation("CASE.NOT_FOUND", [c.id, command.invitationId], {
        fi: "Kutsua ei löydy.",
        sv: "Inbjudan hittas inte.",
        en: "Invitation not found.",
      }),
    ]);
  }
  if (invitation.answer !== null) {
    return err([
      violation("MEETING.INVITATION_ANSWERED", [c.id, invitation.id], {
        fi: `Kutsuun on jo vastattu ${invitation.answeredOn ?? ""}. Muuttunut vastaus kirjataan uuden kutsun vastauksena.`,
        sv: `Inbjudan har redan besvarats ${invitation.answeredOn ?? ""}. Ett ändrat svar registreras som svar på en ny inbjudan.`,
        en: `The invitation was already answered on ${invitation.answeredOn ?? ""}. A changed answer is recorded against a new invitation.`,
      }),
    ]);
  }
  const found = notBefore(c.id, command.on, invitation.sentOn, {
    fi: "kutsun lähettäminen",
    sv: "inbjudan",
    en: "the invitation",
  });
  if (found.length > 0) return err(found);
  const answered: Invitation = {
    ...invitation,
    answer: command.answer,
    answeredOn: command.on,
    answerRecordedBy: command.recordedBy,
  };
  return ok({
    ...c,
    meetings: c.meetings.map((m) =>
      m.id === meeting.id
        ? { ...m, invitations: m.invitations.map((x) => (x.id === invitation.id ? answered : x)) }
        : m,
    ),
  });
}
