import { and, eq, meetingPlaceOf, schema } from "@ankkuri/db";
import { type CaseCommand, meetingClashes, type ScheduledMeeting, type Violation } from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure } from "../errors.js";
import { actorOf } from "./audited-write.js";

/**
 * The case a meeting or an invitation belongs to, in the actor's team. Another team's id, or none,
 * is "not found"; whether the actor may act on the case is `runCaseCommand`'s to decide (and it
 * answers "not found" too).
 */
export async function caseOfMeeting(ctx: GatewayContext, meetingId: string, path: string[]): Promise<string> {
  const actor = actorOf(ctx);
  const [row] = await ctx.db
    .select({ caseId: schema.meetings.caseId })
    .from(schema.meetings)
    .where(and(eq(schema.meetings.teamId, actor.teamId), eq(schema.meetings.id, meetingId)));
  if (!row) throw new NotFoundFailure("meeting", path);
  return row.caseId;
}

/** The case of an invitation in the actor's team (see {@link caseOfMeeting}). */
export async function caseOfInvitation(ctx: GatewayContext, invitationId: string, path: string[]): Promise<string> {
  const actor = actorOf(ctx);
  const [row] = await ctx.db
    .select({ caseId: schema.meetings.caseId })
    .from(schema.meetingInvitations)
    .innerJoin(
      schema.meetings,
      and(
        eq(schema.meetings.teamId, schema.meetingInvitations.teamId),
        eq(schema.meetings.id, schema.meetingInvitations.meetingId),
      ),
    )
    .where(and(eq(schema.meetingInvitations.teamId, actor.teamId), eq(schema.meetingInvitations.id, invitationId)));
  if (!row) throw new NotFoundFailure("invitation", path);
  return row.caseId;
}

/**
 * Clash warnings for a meeting just planned (`meetingClashes`): its premises taken, or a staff member
 * in its seats in another of the team's meetings at the same time, in any case. The warnings name the
 * place and the person, never the other meeting or its case.
 */
export async function planningWarnings(ctx: GatewayContext, command: CaseCommand): Promise<Violation[]> {
  if (command.type !== "plan-meeting" || !command.logistics) return [];
  const actor = actorOf(ctx);
  const team = await ctx.team();
  const others = await ctx.db.query.meetings.findMany({
    columns: {
      id: true,
      plannedOn: true,
      status: true,
      startTime: true,
      durationMinutes: true,
      premisesId: true,
      placeDescription: true,
    },
    where: {
      teamId: actor.teamId,
      plannedOn: command.plannedOn,
      status: { ne: "cancelled" },
      startTime: { isNotNull: true },
      id: { ne: command.meetingId },
    },
    with: { participants: { columns: { staffId: true } } },
  });
  const scheduled = (m: (typeof others)[number]): ScheduledMeeting => ({
    id: m.id,
    plannedOn: m.plannedOn,
    status: m.status,
    startTime: m.startTime,
    durationMinutes: m.durationMinutes,
    place: meetingPlaceOf(m),
    staffIds: m.participants.flatMap((p) => (p.staffId === null ? [] : [p.staffId])),
  });
  const planned: ScheduledMeeting = {
    id: command.meetingId,
    plannedOn: command.plannedOn,
    status: "planned",
    startTime: command.logistics.startTime,
    durationMinutes: command.logistics.durationMinutes,
    place: command.logistics.place,
    staffIds: command.composition.flatMap((p) => (p.staffId === null ? [] : [p.staffId])),
  };
  return meetingClashes(planned, others.map(scheduled), {
    premises: (id) =>
      team.dataset.premises.find((p) => p.id === id)?.name ?? { fi: "Tila", sv: "Lokalen", en: "The room" },
    person: (id) => {
      const person = team.dataset.staff.find((s) => s.id === id);
      return person ? `${person.givenName} ${person.familyName}` : "Työntekijä";
    },
  });
}
