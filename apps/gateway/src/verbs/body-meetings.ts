import { newId, schema, updateVersioned } from "@ankkuri/db";
import {
  bodyMeetingPlanSchema,
  bodyMeetingRecordSchema,
  canAdministerTeam,
  checkBodyMeetingPlan,
  checkBodyMeetingRecord,
  inputViolations,
} from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

function invalid(issues: readonly { message: string; path: readonly PropertyKey[] }[]): RuleViolationFailure {
  return new RuleViolationFailure(inputViolations(issues, ["input"]));
}

/**
 * Plans a meeting of a cooperation body with the composition decided for it (003 § 6.2). Another
 * team's body is not found. Written and audited in one transaction.
 */
export async function planBodyMeeting(
  ctx: GatewayContext,
  input: {
    bodyId: string | number;
    plannedOn: string;
    composedOn?: string | null;
    composition: { organisationId: string | number; roleTitle: string }[];
  },
): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const body = team.dataset.bodies.find((b) => b.id === String(input.bodyId));
  if (!body) throw new NotFoundFailure("body", ["input", "bodyId"]);
  const parsed = bodyMeetingPlanSchema.safeParse({
    bodyId: body.id,
    plannedOn: input.plannedOn,
    composedOn: input.composedOn ?? ctx.today,
    composition: input.composition.map((s) => ({ organisationId: String(s.organisationId), roleTitle: s.roleTitle })),
  });
  if (!parsed.success) throw invalid(parsed.error.issues);
  const plan = parsed.data;
  const found = checkBodyMeetingPlan(team.dataset.organisations, plan, ctx.today);
  if (found.length > 0) throw new RuleViolationFailure(found);
  const id = `bm-${newId()}`;
  await auditedWrite(
    ctx,
    {
      operation: "create",
      resource: "body-meeting",
      resourceId: id,
      details: { bodyId: body.id },
      basis: "administration",
    },
    (tx) =>
      tx.insert(schema.bodyMeetings).values({
        teamId: actor.teamId,
        id,
        bodyId: body.id,
        plannedOn: plan.plannedOn,
        composedOn: plan.composedOn,
        composition: plan.composition,
        status: "planned",
      }),
  );
  return { id };
}

/**
 * Records a held meeting: who attended, and its decisions and conclusions with owner and due date
 * (003 § 8). Once per meeting (optimistic concurrency as well). Written and audited in one transaction.
 */
export async function recordBodyMeeting(
  ctx: GatewayContext,
  input: {
    meetingId: string | number;
    expectedVersion: number;
    heldOn: string;
    attendees: { organisationId: string | number; name: string; title: string }[];
    items: {
      kind: "decision" | "conclusion";
      text: string;
      ownerOrganisationId: string | number;
      dueOn?: string | null;
    }[];
  },
): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const id = String(input.meetingId);
  const meeting = await ctx.db.query.bodyMeetings.findFirst({ where: { teamId: actor.teamId, id } });
  if (!meeting) throw new NotFoundFailure("body meeting", ["input", "meetingId"]);
  const parsed = bodyMeetingRecordSchema.safeParse({
    heldOn: input.heldOn,
    attendees: input.attendees.map((a) => ({ ...a, organisationId: String(a.organisationId) })),
    items: input.items.map((i) => ({
      ...i,
      ownerOrganisationId: String(i.ownerOrganisationId),
      dueOn: i.dueOn ?? null,
    })),
  });
  if (!parsed.success) throw invalid(parsed.error.issues);
  const record = parsed.data;
  const found = checkBodyMeetingRecord(team.dataset.organisations, meeting, record, ctx.today);
  if (found.length > 0) throw new RuleViolationFailure(found);
  await auditedWrite(
    ctx,
    {
      operation: "update",
      resource: "body-meeting",
      resourceId: id,
      details: { heldOn: record.heldOn, items: record.items.length },
      basis: "administration",
    },
    async (tx) => {
      try {
        await updateVersioned(
          tx,
          schema.bodyMeetings,
          { teamId: actor.teamId, id, entity: "body meeting" },
          input.expectedVersion,
          {
            status: "held",
            heldOn: record.heldOn,
            attendees: record.attendees,
            items: record.items,
          },
        );
      } catch (error) {
        if (error instanceof Error && error.name === "RowNotFoundError")
          throw new NotFoundFailure("body meeting", ["input", "meetingId"]);
        throw error;
      }
    },
  );
  return { id };
}
