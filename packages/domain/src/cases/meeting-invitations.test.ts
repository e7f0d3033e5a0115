import { describe, expect, it } from "vitest";
import type { Case } from "./case.js";
import type { CaseCommand } from "./case-commands.js";
import { applyCaseCommand } from "./case-lifecycle.js";
import {
  accepted,
  activeCase,
  admittedCase,
  applyAll,
  byClient,
  byGuardian,
  caseContext,
  clientSeat,
  consent,
  coreSeat,
  day,
  deepFreeze,
  guardianSeat,
  invitedSeat,
  orgs,
  refusalCodes,
  staff,
} from "./case.fixture.js";

function apply(c: Case, command: CaseCommand) {
  return applyCaseCommand(deepFreeze(c), command, caseContext);
}

const composition = [coreSeat(staff.police), clientSeat(), guardianSeat("g-1"), invitedSeat(orgs.school)];

/** Admitted, with the school's consent given by the client and guardian g-1, and meeting m-1 planned on day 8. */
function planned(): Case {
  return applyAll(
    admittedCase({
      consents: [consent("c-client", byClient, [orgs.school]), consent("c-g1", byGuardian("g-1"), [orgs.school])],
    }),
    [{ type: "plan-meeting", meetingId: "m-1", plannedOn: day(8), composition }],
  );
}

const send = (invitations: { id: string; participantId: string; channel: string }[], on = day(5)) =>
  ({ type: "send-invitations", meetingId: "m-1", on, sentBy: staff.social.id, invitations }) as CaseCommand;

const answer = (invitationId: string, on = day(6), value: "accepted" | "declined" = "accepted"): CaseCommand => ({
  type: "answer-invitation",
  invitationId,
  answer: value,
  on,
  recordedBy: staff.social.id,
});

describe("send-invitations", () => {
  it("records who was invited, how and when, for every kind of seat", () => {
    const c = accepted(
      apply(
        planned(),
        send([
          { id: "i-1", participantId: "p-staff-police", channel: "secure-message" },
          { id: "i-2", participantId: "p-client", channel: "phone" },
          { id: "i-3", participantId: "p-g-1", channel: "letter" },
          { id: "i-4", participantId: `p-${orgs.school}`, channel: "email" },
        ]),
      ),
    );
    expect(c.meetings[0]?.invitations).toEqual([
      expect.objectContaining({
        id: "i-1",
        participantId: "p-staff-police",
        channel: "secure-message",
        sentOn: day(5),
      }),
      expect.objectContaining({ id: "i-2", channel: "phone", answer: null }),
      expect.objectContaining({ id: "i-3", channel: "letter", sentBy: staff.social.id }),
      expect.objectContaining({ id: "i-4", channel: "email", answeredOn: null }),
    ]);
  });

  it("keeps an earlier invitation when the seat is invited again", () => {
    const c = applyAll(planned(), [
      send([{ id: "i-1", participantId: "p-client", channel: "letter" }], day(4)),
      send([{ id: "i-2", participantId: "p-client", channel: "phone" }], day(6)),
    ]);
    expect(c.meetings[0]?.invitations.map((i) => [i.id, i.channel])).toEqual([
      ["i-1", "letter"],
      ["i-2", "phone"],
    ]);
  });

  it("refuses a seat not in the composition, a seat twice at once, and a used id", () => {
    expect(refusalCodes(apply(planned(), send([{ id: "i-1", participantId: "p-nobody", channel: "letter" }])))).toEqual(
      ["MEETING.ATTENDEE_UNKNOWN"],
    );
    const twice = send([
      { id: "i-1", participantId: "p-client", channel: "letter" },
      { id: "i-2", participantId: "p-client", channel: "phone" },
    ]);
    expect(refusalCodes(apply(planned(), twice))).toEqual(["MEETING.DUPLICATE_PARTICIPANT"]);
    const c = applyAll(planned(), [send([{ id: "i-1", participantId: "p-client", channel: "letter" }])]);
    expect(refusalCodes(apply(c, send([{ id: "i-1", participantId: "p-g-1", channel: "letter" }])))).toEqual([
      "CASE.DUPLICATE_ID",
    ]);
  });

  it("refuses an invitation after the meeting's day, and for a meeting held or cancelled", () => {
    expect(
      refusalCodes(apply(planned(), send([{ id: "i-1", participantId: "p-client", channel: "letter" }], day(9)))),
    ).toEqual(["MEETING.INVITATION_TOO_LATE"]);
    const held = activeCase();
    const command = send([{ id: "i-1", participantId: "p-staff-police", channel: "letter" }], day(5));
    expect(refusalCodes(apply(held, command))).toEqual(["MEETING.NOT_PLANNED", "MEETING.INVITATION_TOO_LATE"]);
    const cancelled = applyAll(planned(), [{ type: "cancel-meeting", meetingId: "m-1", on: day(5) }]);
    expect(refusalCodes(apply(cancelled, send([{ id: "i-1", participantId: "p-client", channel: "letter" }])))).toEqual(
      ["MEETING.NOT_PLANNED"],
    );
  });

  it("refuses to invite an outside organisation once consent is withdrawn", () => {
    const withdrawn = applyAll(planned(), [
      { type: "withdraw-consent", consentId: "c-g1", withdrawalId: "w-1", on: day(5) },
    ]);
    expect(
      refusalCodes(
        apply(withdrawn, send([{ id: "i-1", participantId: `p-${orgs.school}`, channel: "letter" }], day(6))),
      ),
    ).toContain("CONSENT.MISSING");
    // The core team needs no consent.
    expect(apply(withdrawn, send([{ id: "i-1", participantId: "p-staff-police", channel: "letter" }], day(6))).ok).toBe(
      true,
    );
  });

  it("refuses a meeting of another case as not found", () => {
    const command = { ...send([{ id: "i-1", participantId: "p-client", channel: "letter" }]), meetingId: "m-x" };
    expect(refusalCodes(apply(planned(), command as CaseCommand))).toEqual(["CASE.NOT_FOUND"]);
  });

  it("refuses an invitation dated in the future", () => {
    const c = planned();
    const result = applyCaseCommand(c, send([{ id: "i-1", participantId: "p-client", channel: "letter" }], day(5)), {
      ...caseContext,
      today: day(4),
    });
    expect(refusalCodes(result)).toEqual(["CASE.FUTURE_DATE"]);
  });
});

describe("answer-invitation", () => {
  const invited = () => applyAll(planned(), [send([{ id: "i-1", participantId: "p-client", channel: "letter" }])]);

  it("records the answer, the day and who recorded it", () => {
    const c = accepted(apply(invited(), answer("i-1", day(6), "declined")));
    expect(c.meetings[0]?.invitations[0]).toMatchObject({
      answer: "declined",
      answeredOn: day(6),
      answerRecordedBy: staff.social.id,
    });
  });

  it("answers once: a changed mind is a new invitation", () => {
    const c = applyAll(invited(), [answer("i-1")]);
    expect(refusalCodes(apply(c, answer("i-1", day(7), "declined")))).toEqual(["MEETING.INVITATION_ANSWERED"]);
  });

  it("refuses an answer before the invitation, and an invitation of another case", () => {
    expect(refusalCodes(apply(invited(), answer("i-1", day(4))))).toEqual(["CASE.DATE_ORDER"]);
    expect(refusalCodes(apply(invited(), answer("i-other")))).toEqual(["CASE.NOT_FOUND"]);
  });
});
