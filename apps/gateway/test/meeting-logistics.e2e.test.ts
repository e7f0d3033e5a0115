import { randomUUID } from "node:crypto";
import { and, eq, schema, seedTeam, syntheticTeams } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AnswerInvitationDocument,
  CancelMeetingDocument,
  CompleteMeetingRecordDocument,
  MeetingLogisticsDocument,
  type ParticipantInput,
  PlanMeetingDocument,
  type PlanMeetingInput,
  RecordMeetingHeldDocument,
  RecordMeetingRecordDocument,
  SendInvitationsDocument,
  TeamPremisesDocument,
  WorkerCalendarDocument,
} from "@ankkuri/client/operations";
import { type Harness, startHarness } from "./harness.js";
import { admit, as, clock, login, org, refer } from "./steps.js";

/** Meeting logistics: time and place, clash warnings, invitations and their answers, completing a record. */

const officer = helsinkiAnkkuri.staff.find((s) => s.login === login.police);
const staffIdOf = (who: string) => helsinkiAnkkuri.staff.find((s) => s.login === who)?.id ?? "";
const seat = (who: string, organisationId: string, profession: ParticipantInput["profession"]): ParticipantInput => ({
  role: "CORE",
  organisationId,
  staffId: staffIdOf(who),
  profession,
});
const room = "premises-city-meeting-room-1";
const withYouth = [
  seat(login.police, org.policePrevention, "POLICE_OFFICER"),
  seat(login.youthWorker, org.youthServices, "YOUTH_WORKER"),
  { role: "CLIENT" as const },
];
const withSotepe = [
  seat(login.police, org.policePrevention, "POLICE_OFFICER"),
  seat(login.socialWorker, org.socialEmergency, "SOCIAL_WORKER"),
  { role: "CLIENT" as const },
];

describe.each(testEngines)("meeting logistics on %s", (engine) => {
  let h: Harness;
  /** A case Kuva takes part in, and one it does not (no need-to-know for the youth worker). */
  let shared = "";
  let hidden = "";

  const plan = async (input: PlanMeetingInput, who = login.police) =>
    (await h.request(who, PlanMeetingDocument, { input })).data?.planMeeting;
  const planned = async (input: PlanMeetingInput) => {
    const payload = as(await plan(input), "CasePayload");
    const meeting = payload.case.meetings[payload.case.meetings.length - 1];
    if (!meeting) throw new Error("no meeting");
    return { meeting, warnings: payload.warnings };
  };
  const meetingsOf = async (caseId: string, who = login.police) =>
    (await h.request(who, MeetingLogisticsDocument, { caseId })).data?.case?.meetings ?? [];

  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
    shared = await refer(h);
    await admit(h, shared);
    hidden = await refer(h);
    await admit(h, hidden);
  });
  afterAll(async () => {
    await h.close();
  });

  it("lists the team's premises to plan in", async () => {
    const { data } = await h.request(login.youthWorker, TeamPremisesDocument, {});
    expect(data?.premises.map((p) => p.premisesId)).toContain(room);
  });

  describe("planning with a time and a place", () => {
    it("keeps the start time, duration and place on the meeting, and warns of nothing when all is free", async () => {
      const { meeting, warnings } = await planned({
        caseId: shared,
        plannedOn: "2026-12-07",
        composition: withYouth,
        startTime: "10:00",
        durationMinutes: 60,
        place: { premisesId: room },
      });
      expect(meeting).toMatchObject({
        startTime: "10:00",
        durationMinutes: 60,
        premises: { premisesId: room, name: "Kaupungin asiakastapaamishuone 1" },
        placeDescription: null,
      });
      expect(warnings).toEqual([]);
    });

    it("plans a clashing meeting all the same, warning of the room and the officer by name in fi, sv and en", async () => {
      const { body } = await h.gql(
        login.police,
        `mutation($input: PlanMeetingInput!) { planMeeting(input: $input) { __typename
          ... on CasePayload { warnings { code severity ids messages { fi sv en } } } } }`,
        {
          input: {
            caseId: hidden,
            plannedOn: "2026-12-07",
            composition: withSotepe,
            startTime: "10:30",
            durationMinutes: 45,
            place: { premisesId: room },
          },
        },
      );
      const payload = body.data?.planMeeting as {
        __typename: string;
        warnings: { code: string; severity: string; messages: { fi: string; sv: string; en: string } }[];
      };
      expect(payload.__typename).toBe("CasePayload");
      expect(payload.warnings.map((w) => [w.code, w.severity])).toEqual([
        ["MEETING.PLACE_TAKEN", "WARNING"],
        ["MEETING.WORKER_DOUBLE_BOOKED", "WARNING"],
      ]);
      const [place, person] = payload.warnings;
      expect(place?.messages.fi).toContain("Kaupungin asiakastapaamishuone 1");
      expect(place?.messages.sv).toContain("Stadens klientmötesrum 1");
      expect(place?.messages.en).toContain("City client meeting room 1");
      const name = `${officer?.givenName ?? "?"} ${officer?.familyName ?? "?"}`;
      for (const text of Object.values(person?.messages ?? {})) expect(text).toContain(name);
      // Names, never ids, in the messages; and nothing of the other case.
      const messages = JSON.stringify(payload.warnings.map((w) => w.messages));
      for (const id of [room, staffIdOf(login.police), shared]) expect(messages).not.toContain(id);
      expect(JSON.stringify(payload)).not.toContain(shared);
    });

    it("sees no clash for back-to-back meetings, for a place in words, or with a cancelled meeting", async () => {
      const { warnings } = await planned({
        caseId: hidden,
        plannedOn: "2026-12-07",
        composition: withSotepe,
        startTime: "11:15",
        durationMinutes: 30,
        place: { premisesId: room },
      });
      expect(warnings).toEqual([]);
      const { meeting: elsewhere } = await planned({
        caseId: hidden,
        plannedOn: "2026-12-08",
        composition: withSotepe,
        startTime: "09:00",
        durationMinutes: 60,
        place: { premisesId: room },
      });
      as(
        (
          await h.request(login.police, CancelMeetingDocument, {
            input: { caseId: hidden, meetingId: elsewhere.meetingId, on: "2026-11-22" },
          })
        ).data?.cancelMeeting,
        "CasePayload",
      );
      const again = await planned({
        caseId: shared,
        plannedOn: "2026-12-08",
        composition: withYouth,
        startTime: "09:00",
        durationMinutes: 60,
        place: { description: "Koulun neuvotteluhuone (kuvitteellinen)" },
      });
      expect(again.warnings).toEqual([]);
      expect(again.meeting).toMatchObject({
        premises: null,
        placeDescription: "Koulun neuvotteluhuone (kuvitteellinen)",
      });
    });

    it("refuses invalid times, half a time, a place given both ways and premises the team does not have", async () => {
      const base = { caseId: shared, plannedOn: "2026-12-09", composition: withYouth };
      const badClock = await plan({ ...base, startTime: "25:00", durationMinutes: 30, place: { premisesId: room } });
      expect(badClock?.__typename).toBe("InputValidationError");
      const pastMidnight = await plan({
        ...base,
        startTime: "23:30",
        durationMinutes: 60,
        place: { premisesId: room },
      });
      expect(as(pastMidnight, "InvalidInputError").path).toEqual(["input", "durationMinutes"]);
      const half = await plan({ ...base, startTime: "10:00" });
      expect(as(half, "InvalidInputError").code).toBe("INPUT.INVALID");
      const both = await plan({
        ...base,
        startTime: "10:00",
        durationMinutes: 30,
        place: { premisesId: room, description: "Kotikäynti" },
      });
      expect(as(both, "InvalidInputError").path).toEqual(["input", "place"]);
      const unknown = await plan({
        ...base,
        startTime: "10:00",
        durationMinutes: 30,
        place: { premisesId: "premises-of-another-team" },
      });
      expect(as(unknown, "RuleViolationError").violations.map((v) => v.code)).toEqual(["MEETING.PLACE_UNKNOWN"]);
    });

    it("gives the worker's calendar by day and start time, with duration and place", async () => {
      const { data } = await h.request(login.police, WorkerCalendarDocument, {
        from: "2026-12-07",
        to: "2026-12-08",
        staffMemberId: staffIdOf(login.police),
      });
      expect(
        data?.upcomingMeetings.map((m) => [m.plannedOn, m.startTime, m.endTime, m.premises?.premisesId ?? null]),
      ).toEqual([
        ["2026-12-07", "10:00", "11:00", room],
        ["2026-12-07", "10:30", "11:15", room],
        ["2026-12-07", "11:15", "11:45", room],
        ["2026-12-08", "09:00", "10:00", null],
      ]);
    });
  });

  describe("invitations", () => {
    let meetingId = "";
    let hiddenMeeting = "";
    const send = (who: string, input: Parameters<typeof sendInput>[0]) =>
      h.request(who, SendInvitationsDocument, { input: sendInput(input) }).then((r) => r.data?.sendInvitations);
    const sendInput = (input: { meetingId: string; participantId?: string; sentOn?: string }) => ({
      meetingId: input.meetingId,
      sentOn: input.sentOn ?? null,
      invitations: [{ participantId: input.participantId ?? "p3", channel: "LETTER" as const }],
    });
    const answer = (who: string, invitationId: string, value: "ACCEPTED" | "DECLINED" = "ACCEPTED") =>
      h
        .request(who, AnswerInvitationDocument, { input: { invitationId, answer: value } })
        .then((r) => r.data?.answerInvitation);

    beforeAll(async () => {
      meetingId = (await planned({ caseId: shared, plannedOn: "2026-12-10", composition: withYouth })).meeting
        .meetingId;
      hiddenMeeting = (await planned({ caseId: hidden, plannedOn: "2026-12-10", composition: withSotepe })).meeting
        .meetingId;
    });

    it("records who was invited, how and when, and audits it", async () => {
      const payload = as(
        (
          await h.request(login.youthWorker, SendInvitationsDocument, {
            input: {
              meetingId,
              invitations: [
                { participantId: "p1", channel: "SECURE_MESSAGE" },
                { participantId: "p3", channel: "PHONE" },
              ],
            },
          })
        ).data?.sendInvitations,
        "CasePayload",
      );
      const invitations = payload.case.meetings.find((m) => m.meetingId === meetingId)?.invitations;
      expect(invitations?.map((i) => [i.participant.participantId, i.channel, i.sentOn, i.answer])).toEqual([
        ["p1", "SECURE_MESSAGE", "2026-11-22", null],
        ["p3", "PHONE", "2026-11-22", null],
      ]);
      const audit = await h.database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.caseId, shared), eq(schema.auditLog.actorId, login.youthWorker)));
      expect(audit.some((e) => JSON.stringify(e.details).includes("send-invitations"))).toBe(true);
    });

    it("records an answer once", async () => {
      const meetings = await meetingsOf(shared);
      const invitation = meetings.find((m) => m.meetingId === meetingId)?.invitations[1];
      if (!invitation) throw new Error("no invitation");
      const payload = as(await answer(login.police, invitation.invitationId, "DECLINED"), "CasePayload");
      const answered = payload.case.meetings
        .find((m) => m.meetingId === meetingId)
        ?.invitations.find((i) => i.invitationId === invitation.invitationId);
      expect(answered).toMatchObject({ answer: "DECLINED", answeredOn: "2026-11-22" });
      const again = as(await answer(login.police, invitation.invitationId), "RuleViolationError");
      expect(again.violations.map((v) => v.code)).toEqual(["MEETING.INVITATION_ANSWERED"]);
    });

    it("answers a meeting or an invitation of a case without need-to-know, or none, as not found", async () => {
      expect(await send(login.youthWorker, { meetingId: hiddenMeeting })).toMatchObject({
        __typename: "NotFoundError",
        code: "NOT_FOUND",
      });
      expect((await send(login.youthWorker, { meetingId: randomUUID() }))?.__typename).toBe("NotFoundError");
      as(await send(login.police, { meetingId: hiddenMeeting }), "CasePayload");
      const invitation = (await meetingsOf(hidden)).find((m) => m.meetingId === hiddenMeeting)?.invitations[0];
      if (!invitation) throw new Error("no invitation");
      // Someone else's invitation: a case the youth worker has no need-to-know of.
      expect((await answer(login.youthWorker, invitation.invitationId))?.__typename).toBe("NotFoundError");
      expect((await answer(login.youthWorker, randomUUID()))?.__typename).toBe("NotFoundError");
      // Those without client work cannot reach the verbs at all.
      const { errors } = await h.request(login.auditor, SendInvitationsDocument, { input: sendInput({ meetingId }) });
      expect(errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });

    it("answers another team's meeting as not found", async () => {
      const [, second] = syntheticTeams(2).map((t) => t.dataset);
      if (!second) throw new Error("no second team");
      await seedTeam(h.database.db, second);
      const teamId = second.team.id;
      const [clientId, caseId, theirMeeting] = [randomUUID(), randomUUID(), randomUUID()];
      await h.database.db
        .insert(schema.clients)
        .values({ teamId, id: clientId, birthDate: "2011-05-05", givenName: "Toisen", familyName: "Tiimin" });
      await h.database.db.insert(schema.cases).values({
        teamId,
        id: caseId,
        clientId,
        type: "youth-crime",
        status: "admitted",
        referredOn: "2026-10-01",
        referralSource: "police",
        selectionStartedOn: "2026-10-02",
        decidedOn: "2026-10-03",
      });
      await h.database.db
        .insert(schema.meetings)
        .values({ teamId, caseId, id: theirMeeting, plannedOn: "2026-12-10", status: "planned" });
      await h.database.db
        .insert(schema.meetingParticipants)
        .values({ teamId, meetingId: theirMeeting, id: "p3", role: "client" });
      expect((await send(login.police, { meetingId: theirMeeting }))?.__typename).toBe("NotFoundError");
      const rows = await h.database.db
        .select()
        .from(schema.meetingInvitations)
        .where(eq(schema.meetingInvitations.meetingId, theirMeeting));
      expect(rows).toEqual([]);
    });

    it("refuses a seat not in the composition and an invitation after the meeting", async () => {
      const unknown = as(await send(login.police, { meetingId, participantId: "p9" }), "RuleViolationError");
      expect(unknown.violations.map((v) => v.code)).toEqual(["MEETING.ATTENDEE_UNKNOWN"]);
      const future = as(await send(login.police, { meetingId, sentOn: "2026-12-11" }), "RuleViolationError");
      expect(future.violations.map((v) => v.code)).toEqual(["CASE.FUTURE_DATE"]);
    });
  });

  describe("completing a meeting record", () => {
    let meetingId = "";
    const complete = (who: string, caseId: string, recordedOn = "2026-11-22") =>
      h
        .request(who, CompleteMeetingRecordDocument, {
          input: { caseId, meetingId, recordedOn, inClientRecord: false, inStatistics: true },
        })
        .then((r) => r.data?.completeMeetingRecord);

    beforeAll(async () => {
      meetingId = (await planned({ caseId: shared, plannedOn: "2026-11-20", composition: withYouth })).meeting
        .meetingId;
      as(
        (
          await h.request(login.police, RecordMeetingHeldDocument, {
            input: { caseId: shared, meetingId, heldOn: "2026-11-20", attended: ["p1", "p2", "p3"] },
          })
        ).data?.recordMeetingHeld,
        "CasePayload",
      );
      as(
        (
          await h.request(login.police, RecordMeetingRecordDocument, {
            input: { caseId: shared, meetingId, recordedOn: "2026-11-21", inClientRecord: true, inStatistics: false },
          })
        ).data?.recordMeetingRecord,
        "CasePayload",
      );
    });

    it("adds the statistics entry by an amendment and keeps the first record as it was", async () => {
      const before = await h.gql(login.police, `query($id: String!) { case(caseId: $id) { violations { code } } }`, {
        id: shared,
      });
      expect(JSON.stringify(before.body.data)).toContain("CASE.RECORD_INCOMPLETE");
      const payload = as(await complete(login.youthWorker, shared), "CasePayload");
      const record = payload.case.meetings.find((m) => m.meetingId === meetingId)?.record;
      expect(record).toEqual({
        amendments: [{ recordedOn: "2026-11-22", inClientRecord: false, inStatistics: true }],
      });
      // The warning that stayed forever before is gone.
      expect(payload.case.violations.map((v) => v.code)).not.toContain("CASE.RECORD_INCOMPLETE");
      const [first] = await h.database.db
        .select()
        .from(schema.meetingRecords)
        .where(eq(schema.meetingRecords.meetingId, meetingId));
      expect(first).toMatchObject({ recordedOn: "2026-11-21", inClientRecord: true, inStatistics: false });
      const audit = await h.database.db
        .select()
        .from(schema.auditLog)
        .where(and(eq(schema.auditLog.caseId, shared), eq(schema.auditLog.actorId, login.youthWorker)));
      expect(audit.some((e) => JSON.stringify(e.details).includes("complete-meeting-record"))).toBe(true);
    });

    it("refuses an amendment adding nothing, one dated in the future, and a case without need-to-know", async () => {
      const again = as(await complete(login.police, shared), "RuleViolationError");
      expect(again.violations.map((v) => v.code)).toEqual(["MEETING.RECORD_ALREADY_COMPLETE"]);
      const future = as(await complete(login.police, shared, "2026-11-23"), "RuleViolationError");
      expect(future.violations.map((v) => v.code)).toEqual(["CASE.FUTURE_DATE"]);
      expect((await complete(login.youthWorker, hidden))?.__typename).toBe("NotFoundError");
    });
  });
});
