import { describe, expect, it } from "vitest";
import type { Case, Participant } from "./case.js";
import type { CaseCommand } from "./case-commands.js";
import { applyCaseCommand, type CaseContext } from "./case-lifecycle.js";
import { accepted, admittedCase, caseContext, coreSeat, day, deepFreeze, refusalCodes, staff } from "./case.fixture.js";
import {
  type ClashNames,
  endTimeOf,
  meetingClashes,
  meetingLogisticsSchema,
  meetingsOverlap,
  type ScheduledMeeting,
} from "./meeting-logistics.js";

const room = { kind: "premises", premisesId: "premises-kallio" } as const;

function scheduled(id: string, startTime: string, durationMinutes: number, extra: Partial<ScheduledMeeting> = {}) {
  return {
    id,
    plannedOn: day(4),
    status: "planned",
    startTime,
    durationMinutes,
    place: room,
    staffIds: [staff.police.id],
    ...extra,
  } satisfies ScheduledMeeting;
}

const names: ClashNames = {
  premises: () => ({ fi: "Kallion tapaamishuone", sv: "Berghälls mötesrum", en: "Kallio meeting room" }),
  person: () => "Testi Poliisi",
};

describe("meetingLogisticsSchema", () => {
  it("accepts a time, a duration and a place", () => {
    expect(meetingLogisticsSchema.safeParse({ startTime: "09:30", durationMinutes: 60, place: room }).success).toBe(
      true,
    );
    const described = { kind: "other", description: "Koulun neuvotteluhuone (kuvitteellinen)" };
    expect(
      meetingLogisticsSchema.safeParse({ startTime: "15:00", durationMinutes: 45, place: described }).success,
    ).toBe(true);
  });

  it.each([
    ["a time that is not a clock time", { startTime: "24:00", durationMinutes: 60 }],
    ["a time without minutes", { startTime: "9", durationMinutes: 60 }],
    ["a duration of zero", { startTime: "09:00", durationMinutes: 0 }],
    ["a fractional duration", { startTime: "09:00", durationMinutes: 30.5 }],
    ["a duration over a working day", { startTime: "08:00", durationMinutes: 481 }],
    ["a meeting past midnight", { startTime: "23:30", durationMinutes: 45 }],
  ])("refuses %s", (_what, time) => {
    expect(meetingLogisticsSchema.safeParse({ ...time, place: room }).success).toBe(false);
  });

  it("refuses an empty free-text place", () => {
    const place = { kind: "other", description: "  " };
    expect(meetingLogisticsSchema.safeParse({ startTime: "09:00", durationMinutes: 30, place }).success).toBe(false);
  });

  it("accepts a meeting ending exactly at midnight", () => {
    expect(meetingLogisticsSchema.safeParse({ startTime: "23:00", durationMinutes: 60, place: room }).success).toBe(
      true,
    );
    expect(endTimeOf("23:00", 60)).toBe("24:00");
    expect(endTimeOf("09:15", 50)).toBe("10:05");
  });
});

describe("meetingsOverlap", () => {
  it("sees meetings at the same time on the same day as overlapping", () => {
    expect(meetingsOverlap(scheduled("a", "09:00", 60), scheduled("b", "09:30", 60))).toBe(true);
    expect(meetingsOverlap(scheduled("a", "09:00", 120), scheduled("b", "09:30", 15))).toBe(true);
  });

  it("does not see back-to-back meetings as overlapping", () => {
    expect(meetingsOverlap(scheduled("a", "09:00", 60), scheduled("b", "10:00", 60))).toBe(false);
    expect(meetingsOverlap(scheduled("b", "10:00", 60), scheduled("a", "09:00", 60))).toBe(false);
  });

  it("does not count a cancelled meeting, another day, a meeting without a time, or the meeting itself", () => {
    const a = scheduled("a", "09:00", 60);
    expect(meetingsOverlap(a, scheduled("b", "09:00", 60, { status: "cancelled" }))).toBe(false);
    expect(meetingsOverlap(a, scheduled("b", "09:00", 60, { plannedOn: day(5) }))).toBe(false);
    expect(meetingsOverlap(a, scheduled("b", "09:00", 60, { startTime: null }))).toBe(false);
    expect(meetingsOverlap(a, a)).toBe(false);
  });
});

describe("meetingClashes", () => {
  it("warns of taken premises and a double-booked worker by name, never by id", () => {
    const found = meetingClashes(scheduled("a", "09:00", 60), [scheduled("b", "09:30", 30)], names);
    expect(found.map((v) => [v.code, v.severity])).toEqual([
      ["MEETING.PLACE_TAKEN", "warning"],
      ["MEETING.WORKER_DOUBLE_BOOKED", "warning"],
    ]);
    expect(found[0]?.message).toEqual({
      fi: "Tila Kallion tapaamishuone on jo varattu toiselle tapaamiselle samaan aikaan.",
      sv: "Lokalen Berghälls mötesrum är redan bokad för ett annat möte vid samma tid.",
      en: "Kallio meeting room is already booked for another meeting at the same time.",
    });
    expect(found[1]?.message.fi).toBe("Testi Poliisi on samaan aikaan toisessa tapaamisessa.");
    for (const v of found) {
      for (const text of Object.values(v.message)) {
        expect(text).not.toContain("premises-kallio");
        expect(text).not.toContain(staff.police.id);
      }
    }
  });

  it("finds nothing for back-to-back or cancelled meetings", () => {
    const others = [
      scheduled("b", "10:00", 30),
      scheduled("c", "08:00", 60),
      scheduled("d", "09:00", 60, { status: "cancelled" }),
    ];
    expect(meetingClashes(scheduled("a", "09:00", 60), others, names)).toEqual([]);
  });

  it("does not compare free-text places, and warns of each person once", () => {
    const home = { kind: "other", description: "Kotikäynti" } as const;
    const others = [
      scheduled("b", "09:00", 60, { place: home }),
      scheduled("c", "09:30", 60, { place: home, staffIds: [staff.police.id, staff.police.id] }),
    ];
    const found = meetingClashes(scheduled("a", "09:00", 60, { place: home }), others, names);
    expect(found.map((v) => v.code)).toEqual(["MEETING.WORKER_DOUBLE_BOOKED"]);
  });

  it("warns of the place alone when the people differ", () => {
    const other = scheduled("b", "09:00", 60, { staffIds: [staff.nurse.id] });
    expect(meetingClashes(scheduled("a", "09:00", 60), [other], names).map((v) => v.code)).toEqual([
      "MEETING.PLACE_TAKEN",
    ]);
  });
});

describe("plan-meeting with a time and a place", () => {
  const composition: Participant[] = [coreSeat(staff.police), coreSeat(staff.social)];
  const context = { ...caseContext, premisesIds: ["premises-kallio"] };
  const plan = (logistics: unknown): CaseCommand =>
    ({ type: "plan-meeting", meetingId: "m-1", plannedOn: day(4), composition, logistics }) as CaseCommand;
  const apply = (c: Case, command: CaseCommand, ctx: CaseContext = context) =>
    applyCaseCommand(deepFreeze(c), command, ctx);

  it("keeps the time, duration and place on the meeting", () => {
    const c = accepted(apply(admittedCase(), plan({ startTime: "13:00", durationMinutes: 90, place: room })));
    expect(c.meetings[0]).toMatchObject({ startTime: "13:00", durationMinutes: 90, place: room, invitations: [] });
  });

  it("refuses premises the team does not have", () => {
    const elsewhere = { kind: "premises", premisesId: "premises-other-team" };
    expect(
      refusalCodes(apply(admittedCase(), plan({ startTime: "13:00", durationMinutes: 90, place: elsewhere }))),
    ).toEqual(["MEETING.PLACE_UNKNOWN"]);
    // Without the team's premises at hand, no premises are accepted.
    expect(
      refusalCodes(apply(admittedCase(), plan({ startTime: "13:00", durationMinutes: 90, place: room }), caseContext)),
    ).toEqual(["MEETING.PLACE_UNKNOWN"]);
  });

  it("accepts a free-text place and a meeting without a time", () => {
    const place = { kind: "other", description: "Nuorisotalo (kuvitteellinen)" };
    expect(apply(admittedCase(), plan({ startTime: "16:00", durationMinutes: 60, place })).ok).toBe(true);
    expect(accepted(apply(admittedCase(), plan(null))).meetings[0]?.startTime).toBeNull();
  });
});
