import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { eq } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import { describe, expect, it } from "vitest";
import { activeCaseDays, insertClientCase, refusedBy, seededTestDatabase, testEngines } from "../testing/index.js";
import * as t from "./tables.js";

const teamId = helsinkiAnkkuri.team.id;
const premisesId = "premises-city-meeting-room-1";

describe.each(testEngines)("meeting logistics constraints on %s", (engine) => {
  const caseId = uuidv7();
  const meetingId = uuidv7();
  const database = seededTestDatabase(engine, async (db) => {
    await insertClientCase(db, { id: caseId, ...activeCaseDays });
    await db
      .insert(t.meetings)
      .values({ teamId, caseId, id: meetingId, plannedOn: "2025-02-01", status: "held", heldOn: "2025-02-01" });
    await db
      .insert(t.meetingParticipants)
      .values({ teamId, meetingId, id: "p1", role: "core", organisationId: org.policePrevention });
  });
  const db = () => database.db;
  const meeting = (values: Partial<typeof t.meetings.$inferInsert>) =>
    db()
      .insert(t.meetings)
      .values({ teamId, caseId, id: uuidv7(), plannedOn: "2025-02-01", status: "planned", ...values });

  it("seeds the team's premises", async () => {
    const rows = await db().select().from(t.premises).where(eq(t.premises.teamId, teamId));
    expect(rows.map((r) => r.id)).toContain(premisesId);
  });

  it("keeps a meeting's time within its day and its place one of two kinds", async () => {
    await meeting({ startTime: "09:00", durationMinutes: 60, premisesId });
    await meeting({ startTime: "23:00", durationMinutes: 60, placeDescription: "Kotikäynti" });
    await refusedBy(meeting({ startTime: "9:00", durationMinutes: 60 }), "meetings_start_time_check");
    await refusedBy(meeting({ startTime: "09:00" }), "meetings_duration_check");
    await refusedBy(meeting({ startTime: "23:30", durationMinutes: 60 }), "meetings_duration_check");
    await refusedBy(meeting({ startTime: "09:00", durationMinutes: 0 }), "meetings_duration_check");
    await refusedBy(
      meeting({ startTime: "09:00", durationMinutes: 60, premisesId, placeDescription: "Kotikäynti" }),
      "meetings_place_check",
    );
  });

  it("refuses premises of no team's (or another team's) list", async () => {
    await refusedBy(
      meeting({ startTime: "09:00", durationMinutes: 60, premisesId: "premises-nowhere" }),
      "meetings_team_id_premises_id_premises_team_id_id_fkey",
    );
  });

  it("refuses an invitation of a seat not in the meeting, an unknown channel and an answer without its day", async () => {
    const invitation = (values: Partial<typeof t.meetingInvitations.$inferInsert>) =>
      db()
        .insert(t.meetingInvitations)
        .values({
          teamId,
          id: uuidv7(),
          meetingId,
          participantId: "p1",
          channel: "letter",
          sentOn: "2025-01-30",
          sentBy: "x",
          ...values,
        });
    await invitation({});
    await invitation({ answer: "accepted", answeredOn: "2025-01-31", answerRecordedBy: "x" });
    await refusedBy(invitation({ participantId: "p9" }), "meeting_invitations_Z5QLEMNmGXh3_fkey");
    await refusedBy(invitation({ channel: "pigeon" as "letter" }), "meeting_invitations_channel_check");
    await refusedBy(invitation({ answer: "accepted" }), "meeting_invitations_answered_check");
    await refusedBy(
      invitation({ answer: "declined", answeredOn: "2025-01-29", answerRecordedBy: "x" }),
      "meeting_invitations_answered_check",
    );
  });

  it("keeps a record's amendments: each adds something, and none is changed", async () => {
    await db().insert(t.meetingRecords).values({
      teamId,
      meetingId,
      recordedOn: "2025-02-02",
      recordedBy: "x",
      inClientRecord: true,
      inStatistics: false,
    });
    const id = uuidv7();
    await db().insert(t.meetingRecordAmendments).values({
      teamId,
      meetingId,
      id,
      recordedOn: "2025-02-05",
      recordedBy: "x",
      inClientRecord: false,
      inStatistics: true,
    });
    await refusedBy(
      db().insert(t.meetingRecordAmendments).values({
        teamId,
        meetingId,
        id: uuidv7(),
        recordedOn: "2025-02-05",
        recordedBy: "x",
        inClientRecord: false,
        inStatistics: false,
      }),
      "meeting_record_amendments_adds_check",
    );
    await expect(
      db().update(t.meetingRecordAmendments).set({ inStatistics: false }).where(eq(t.meetingRecordAmendments.id, id)),
    ).rejects.toThrow();
  });
});
