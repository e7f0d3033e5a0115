import { testEngines } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AnnualClockDocument,
  BodyMeetingsDocument,
  GiveNoticeDocument,
  OverrideChairTermDocument,
  PlanBodyMeetingDocument,
  RecordBodyMeetingDocument,
} from "@ankkuri/client/operations";
import { type Harness, startHarness } from "./harness.js";
import { as, clock, login, org } from "./steps.js";

const admin = login.admin;
const steering = "body-hel-ankkuri-steering";

describe.each(testEngines)("governance over HTTP on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
  });
  afterAll(async () => {
    await h.close();
  });

  describe("body meetings", () => {
    const leadership = "body-hel-joint-leadership";
    const composition = [
      { organisationId: org.police, roleTitle: "poliisipäällikkö" },
      { organisationId: org.sotepe, roleTitle: "toimialajohtaja" },
    ];

    it("plans a meeting with its composition, records it once, and lists it", async () => {
      const planned = as(
        (
          await h.request(admin, PlanBodyMeetingDocument, {
            input: { bodyId: leadership, plannedOn: "2026-11-22", composedOn: "2026-11-01", composition },
          })
        ).data?.planBodyMeeting,
        "BodyMeeting",
      );
      expect(planned).toMatchObject({ held: false, composedOn: "2026-11-01", body: { id: leadership } });
      expect(planned.composition.map((s) => s.organisation.id)).toEqual([org.police, org.sotepe]);
      const input = {
        meetingId: planned.id,
        expectedVersion: planned.version,
        heldOn: "2026-11-22",
        attendees: [{ organisationId: org.socialEmergency, name: "Sari Niemelä", title: "päällikkö" }],
        items: [
          {
            kind: "CONCLUSION" as const,
            text: "Vuosiarvion perusteella jatketaan nykyisellä mitoituksella (kuvitteellinen).",
            ownerOrganisationId: org.sotepe,
            dueOn: "2027-04-30",
          },
        ],
      };
      const outsider = as(
        (
          await h.request(admin, RecordBodyMeetingDocument, {
            input: {
              ...input,
              attendees: [{ organisationId: org.kuva, name: "Anna Kallio", title: "toimialajohtaja" }],
            },
          })
        ).data?.recordBodyMeeting,
        "RuleViolationError",
      );
      expect(outsider.code).toBe("BODY_MEETING.ATTENDEE_NOT_IN_COMPOSITION");
      const clientData = as(
        (
          await h.request(admin, RecordBodyMeetingDocument, {
            input: { ...input, items: [{ ...input.items[0]!, text: "Asiakas 010203A912X" }] },
          })
        ).data?.recordBodyMeeting,
        "RuleViolationError",
      );
      expect(clientData.code).toBe("BODY_MEETING.CLIENT_DATA");
      const recorded = as(
        (await h.request(admin, RecordBodyMeetingDocument, { input })).data?.recordBodyMeeting,
        "BodyMeeting",
      );
      expect(recorded).toMatchObject({ held: true, heldOn: "2026-11-22" });
      expect(recorded.items[0]).toMatchObject({ kind: "CONCLUSION", owner: { id: org.sotepe }, dueOn: "2027-04-30" });
      const again = as(
        (await h.request(admin, RecordBodyMeetingDocument, { input: { ...input, expectedVersion: recorded.version } }))
          .data?.recordBodyMeeting,
        "RuleViolationError",
      );
      expect(again.code).toBe("BODY_MEETING.ALREADY_RECORDED");
      const listed = await h.request(login.leadership, BodyMeetingsDocument, {
        bodyId: leadership,
        from: "2026-01-01",
        to: "2026-12-31",
      });
      expect(listed.data?.bodyMeetings.map((m) => m.id)).toEqual([planned.id]);
    });

    it("refuses a past day, another team's body, and anyone but the administrator", async () => {
      const past = as(
        (
          await h.request(admin, PlanBodyMeetingDocument, {
            input: { bodyId: leadership, plannedOn: "2026-11-01", composedOn: "2026-10-01", composition },
          })
        ).data?.planBodyMeeting,
        "RuleViolationError",
      );
      expect(past.code).toBe("BODY_MEETING.PLANNED_IN_PAST");
      const other = as(
        (
          await h.request(admin, PlanBodyMeetingDocument, {
            input: { bodyId: "body-of-another-team", plannedOn: "2027-01-10", composition },
          })
        ).data?.planBodyMeeting,
        "NotFoundError",
      );
      expect(other.code).toBe("NOT_FOUND");
      for (const who of [login.steering, login.leadership, login.police]) {
        const attempt = await h.request(who, PlanBodyMeetingDocument, {
          input: { bodyId: leadership, plannedOn: "2027-01-10", composition },
        });
        expect(attempt.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
      const auditor = await h.request(login.auditor, BodyMeetingsDocument, {
        bodyId: leadership,
        from: "2026-01-01",
        to: "2026-12-31",
      });
      expect(auditor.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });
  });

  describe("annualClock", () => {
    it("gives the team's clock for a year in month order, in the asked language", async () => {
      const { data } = await h.request(login.steering, AnnualClockDocument, { teamId: "team-helsinki", year: 2027 });
      const clock = data?.annualClock ?? [];
      expect(clock.map((c) => c.month)).toEqual([...clock.map((c) => c.month)].sort((a, b) => a - b));
      expect(clock.find((c) => c.body.id === steering && c.month === 4)).toMatchObject({
        from: "2027-04-01",
        to: "2027-04-30",
        activity: "Vuosiarviointi johdon yhteiskokoukselle (8 §)",
      });
    });

    it("is empty for another team, refused to the auditor, and validates the year", async () => {
      expect(
        (await h.request(login.steering, AnnualClockDocument, { teamId: "team-tampere", year: 2027 })).data
          ?.annualClock,
      ).toEqual([]);
      const auditor = await h.request(login.auditor, AnnualClockDocument, { teamId: "team-helsinki", year: 2027 });
      expect(auditor.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      const odd = await h.request(login.steering, AnnualClockDocument, { teamId: "team-helsinki", year: 20270 });
      expect(odd.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    });
  });

  describe("overrideChairTerm", () => {
    const decide = (partyId: string, reference: string, replacesOverride?: boolean) =>
      h.request(admin, OverrideChairTermDocument, {
        bodyId: steering,
        termStart: "2027-05-01",
        partyId,
        decidedOn: "2026-11-20",
        reference,
        ...(replacesOverride === undefined ? {} : { replacesOverride }),
      });

    it("shows the calendar after the change in its own payload", async () => {
      const body = as((await decide(org.sotepe, "Päätös 1/2026")).data?.overrideChairTerm, "CooperationBody");
      expect(body.chairCalendar.map((t) => [t.from, t.chair?.id, t.overrideReference])).toEqual([
        ["2027-05-01", org.sotepe, "Päätös 1/2026"],
        ["2028-05-01", org.police, null],
      ]);
    });

    it("replaces a decision on the same term only explicitly, and keeps the replaced one visible", async () => {
      const refused = as((await decide(org.kuva, "Päätös 2/2026")).data?.overrideChairTerm, "RuleViolationError");
      expect(refused.code).toBe("ROTATION.OVERRIDE_EXISTS");
      expect(refused.message).toContain("Päätös 1/2026");
      const body = as((await decide(org.kuva, "Päätös 2/2026", true)).data?.overrideChairTerm, "CooperationBody");
      const [term] = body.chairCalendar;
      expect(term).toMatchObject({ chair: { id: org.kuva }, overrideReference: "Päätös 2/2026" });
      expect(term?.replacedOverrides).toEqual([
        { party: { id: org.sotepe }, decidedOn: "2026-11-20", reference: "Päätös 1/2026" },
      ]);
    });

    it("lets only a party with a seat, in force throughout the term, chair", async () => {
      const unseated = as((await decide(org.hus, "Päätös 3/2026", true)).data?.overrideChairTerm, "RuleViolationError");
      expect(unseated.code).toBe("ROTATION.CHAIR_WITHOUT_SEAT");
      expect(unseated.message).not.toContain(org.hus);
    });

    it("refuses a seated party whose notice ends its part before the term ends", async () => {
      // Kuva's notice given on 2027-08-31 ends its part six months later, within the term 2027-05-01–2028-04-30.
      as(
        (await h.request(admin, GiveNoticeDocument, { partyId: org.kuva, givenOn: "2027-08-31", reference: "x" })).data
          ?.giveNotice,
        "Notice",
      );
      const leaving = as((await decide(org.kuva, "Päätös 4/2026", true)).data?.overrideChairTerm, "RuleViolationError");
      expect(leaving.code).toBe("ROTATION.CHAIR_NOT_IN_FORCE");
      expect(leaving.message).toContain("2027-05-01–2028-04-30");
    });

    it("answers another team's or an unknown body as not found, and refuses non-administrators", async () => {
      const unknown = await h.request(admin, OverrideChairTermDocument, {
        bodyId: "body-of-another-team",
        termStart: "2027-05-01",
        partyId: org.sotepe,
        decidedOn: "2026-11-20",
        reference: "x",
      });
      expect(as(unknown.data?.overrideChairTerm, "NotFoundError").code).toBe("NOT_FOUND");
      for (const who of [login.steering, login.leadership, login.supervisor]) {
        const attempt = await h.request(who, OverrideChairTermDocument, {
          bodyId: steering,
          termStart: "2027-05-01",
          partyId: org.police,
          decidedOn: "2026-11-20",
          reference: "x",
          replacesOverride: true,
        });
        expect(attempt.data?.overrideChairTerm ?? null).toBeNull();
        expect(attempt.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      }
    });
  });
});
