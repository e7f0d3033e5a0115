import { z } from "zod";
import { idSchema } from "../core/ids.js";
import type { LocalDate } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";

/** Minutes in a day: a meeting starts and ends within its planned day. */
const minutesInDay = 24 * 60;

/** The longest meeting: a working day. */
export const maxMeetingMinutes = 8 * 60;

/** A clock time `HH:MM` on the planned day, Helsinki time (the team's only time zone). */
export const clockTimeSchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "A time is HH:MM, 00:00–23:59" });
export type ClockTime = z.output<typeof clockTimeSchema>;

/** Where a meeting is held: one of the team's premises, or a place described in words (a home, a school). */
export const meetingPlaceSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("premises"), premisesId: idSchema }),
  z.object({ kind: z.literal("other"), description: z.string().trim().min(1).max(200) }),
]);
export type MeetingPlace = z.output<typeof meetingPlaceSchema>;

/**
 * When and where a meeting is: a start time, a duration in minutes and a place. It ends on the day it
 * starts (no meeting runs past midnight).
 */
export const meetingLogisticsSchema = z
  .object({
    startTime: clockTimeSchema,
    durationMinutes: z.number().int().min(5).max(maxMeetingMinutes),
    place: meetingPlaceSchema,
  })
  .refine((l) => minutesOf(l.startTime) + l.durationMinutes <= minutesInDay, {
    message: "A meeting ends on the day it starts",
    path: ["durationMinutes"],
  });
export type MeetingLogistics = z.output<typeof meetingLogisticsSchema>;

/** Minutes since midnight of a `HH:MM` time. */
export function minutesOf(time: ClockTime): number {
  const [h = "0", m = "0"] = time.split(":");
  return Number(h) * 60 + Number(m);
}

/** The `HH:MM` time a meeting ends. */
export function endTimeOf(startTime: ClockTime, durationMinutes: number): ClockTime {
  const end = minutesOf(startTime) + durationMinutes;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(Math.floor(end / 60))}:${pad(end % 60)}`;
}

/** A meeting as the clash check sees it: its day and time, place, status and the staff in its seats. */
export interface ScheduledMeeting {
  id: string;
  plannedOn: LocalDate;
  status: "planned" | "held" | "cancelled";
  startTime: ClockTime | null;
  durationMinutes: number | null;
  place: MeetingPlace | null;
  staffIds: readonly string[];
}

/**
 * Whether two meetings take up the same time: the same day and intersecting half-open intervals, so a
 * meeting that starts when another ends (back to back) does not overlap it. A cancelled meeting, or
 * one without a time, takes up no time.
 */
export function meetingsOverlap(a: ScheduledMeeting, b: ScheduledMeeting): boolean {
  if (a.id === b.id || a.status === "cancelled" || b.status === "cancelled") return false;
  if (a.plannedOn !== b.plannedOn) return false;
  if (a.startTime === null || a.durationMinutes === null || b.startTime === null || b.durationMinutes === null)
    return false;
  const aStart = minutesOf(a.startTime);
  const bStart = minutesOf(b.startTime);
  return aStart < bStart + b.durationMinutes && bStart < aStart + a.durationMinutes;
}

/** Names for the clash messages, in each language: people and places are named, never shown as ids. */
export interface ClashNames {
  premises(premisesId: string): { fi: string; sv: string; en: string };
  person(staffId: string): string;
}

/**
 * Warnings (not refusals) for a planned meeting against the team's other meetings: its premises are
 * already taken (MEETING.PLACE_TAKEN), or a staff member in one of its seats is in another meeting at
 * the same time (MEETING.WORKER_DOUBLE_BOOKED). Each place and person is warned of once. Free-text
 * places are not compared: the same words need not mean the same room.
 */
export function meetingClashes(
  meeting: ScheduledMeeting,
  others: readonly ScheduledMeeting[],
  names: ClashNames,
): Violation<"MEETING.PLACE_TAKEN" | "MEETING.WORKER_DOUBLE_BOOKED">[] {
  const overlapping = others.filter((o) => meetingsOverlap(meeting, o));
  const found: Violation<"MEETING.PLACE_TAKEN" | "MEETING.WORKER_DOUBLE_BOOKED">[] = [];
  const place = meeting.place;
  if (place?.kind === "premises") {
    const taken = overlapping.filter((o) => o.place?.kind === "premises" && o.place.premisesId === place.premisesId);
    if (taken.length > 0) {
      const name = names.premises(place.premisesId);
      found.push(
        violation(
          "MEETING.PLACE_TAKEN",
          [meeting.id, place.premisesId],
          {
            fi: `Tila ${name.fi} on jo varattu toiselle tapaamiselle samaan aikaan.`,
            sv: `Lokalen ${name.sv} är redan bokad för ett annat möte vid samma tid.`,
            en: `${name.en} is already booked for another meeting at the same time.`,
          },
          { severity: "warning", path: ["place"] },
        ),
      );
    }
  }
  for (const staffId of new Set(meeting.staffIds)) {
    if (!overlapping.some((o) => o.staffIds.includes(staffId))) continue;
    const person = names.person(staffId);
    found.push(
      violation(
        "MEETING.WORKER_DOUBLE_BOOKED",
        [meeting.id, staffId],
        {
          fi: `${person} on samaan aikaan toisessa tapaamisessa.`,
          sv: `${person} har ett annat möte vid samma tid.`,
          en: `${person} is in another meeting at the same time.`,
        },
        { severity: "warning", path: ["composition"] },
      ),
    );
  }
  return found;
}
