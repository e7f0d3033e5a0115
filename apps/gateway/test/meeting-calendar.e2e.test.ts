import { and, eq, schema } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CancelMeetingDocument, type ParticipantInput, WorkerCalendarDocument } from "@ankkuri/client/operations";
import { type Harness, startHarness } from "./harness.js";
import { admit, as, clock, login, org, planCoreMeeting, refer } from "./steps.js";

/** A worker's calendar (`upcomingMeetings`): only meetings the reader may see, of cases they may see. */

const staffIdOf = (who: string) => helsinkiAnkkuri.staff.find((s) => s.login === who)?.id ?? "";
const officer = staffIdOf(login.police);
const seat = (who: string, organisationId: string, profession: ParticipantInput["profession"]): ParticipantInput => ({
  role: "CORE",
  organisationId,
  staffId: staffIdOf(who),
  profession,
});

describe.each(testEngines)("a worker's calendar on %s", (engine) => {
  let h: Harness;
  let shared = { caseId: "", meetingId: "" };
  let policeOnly = { caseId: "", meetingId: "" };
  let cancelled = "";

  const calendar = async (who: string, staffMemberId: string, from = "2026-11-22", to = "2026-12-31") => {
    const { data, errors } = await h.request(who, WorkerCalendarDocument, { from, to, staffMemberId });
    return { meetings: data?.upcomingMeetings.map((m) => [m.plannedOn, m.caseId]) ?? null, errors };
  };

  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
    // The officer and the youth worker both sit in the shared case's meeting …
    const a = await refer(h);
    await admit(h, a);
    shared = {
      caseId: a,
      meetingId: await planCoreMeeting(h, a, "2026-12-03", [
        seat(login.police, org.policePrevention, "POLICE_OFFICER"),
        seat(login.youthWorker, org.youthServices, "YOUTH_WORKER"),
        { role: "CLIENT" },
      ]),
    };
    // … the officer alone with Sotepe in the other, which Kuva takes no part in.
    const b = await refer(h);
    await admit(h, b);
    const composition = [
      seat(login.police, org.policePrevention, "POLICE_OFFICER"),
      seat(login.socialWorker, org.socialEmergency, "SOCIAL_WORKER"),
      { role: "CLIENT" as const },
    ];
    policeOnly = { caseId: b, meetingId: await planCoreMeeting(h, b, "2026-12-01", composition) };
    cancelled = await planCoreMeeting(h, b, "2026-12-02", composition);
    as(
      (
        await h.request(login.police, CancelMeetingDocument, {
          input: { caseId: b, meetingId: cancelled, on: "2026-11-22" },
        })
      ).data?.cancelMeeting,
      "CasePayload",
    );
    await planCoreMeeting(h, b, "2027-01-15", composition);
  });
  afterAll(async () => {
    await h.close();
  });

  it("shows the officer her planned meetings in the window by day, without the cancelled one or those after it", async () => {
    expect(await calendar(login.police, officer)).toEqual({
      meetings: [
        ["2026-12-01", policeOnly.caseId],
        ["2026-12-03", shared.caseId],
      ],
      errors: undefined,
    });
  });

  it("shows another reader only the meetings of cases they take part in: nothing of a case hidden from them", async () => {
    const seen = await calendar(login.youthWorker, officer);
    expect(seen).toEqual({ meetings: [["2026-12-03", shared.caseId]], errors: undefined });
    expect(JSON.stringify(seen)).not.toContain(policeOnly.caseId);
  });

  it("logs every meeting read with its case", async () => {
    await calendar(login.youthWorker, officer);
    const entries = await h.database.db
      .select()
      .from(schema.auditLog)
      .where(and(eq(schema.auditLog.resource, "meeting"), eq(schema.auditLog.actorId, login.youthWorker)));
    expect(new Set(entries.map((e) => [e.resourceId, e.caseId].join("|")))).toEqual(
      new Set([[shared.meetingId, shared.caseId].join("|")]),
    );
  });

  it("refuses a window that ends before it starts or is longer than a quarter, and anyone but caseworkers", async () => {
    const backwards = await calendar(login.police, officer, "2026-12-31", "2026-12-01");
    expect(backwards.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    const long = await calendar(login.police, officer, "2026-11-22", "2027-03-01");
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "CALENDAR.WINDOW_TOO_LONG" });
    for (const who of [login.admin, login.auditor, login.steering, login.leadership]) {
      const refused = await calendar(who, officer);
      expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(refused.meetings).toBeNull();
    }
  });
});
