import { newId, schema } from "@ankkuri/db";
import { type Assignment, assignmentSchema, canAdministerTeam, checkStaffing, violation } from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

/** An assignment as the mutation receives it. */
export interface AssignmentRequest {
  staffId: string | number;
  organisationId: string | number;
  fraction: number;
  validFrom: string;
  validTo?: string | null;
  operationalSupervisor?: boolean | null;
  needsPremisesAccess?: boolean | null;
}

/** Staffing rules an assignment itself breaks (not pre-existing problems of others). */
const ownStaffingCodes = new Set([
  "STAFFING.OVER_ALLOCATED",
  "STAFFING.SUPERVISOR_OVERLAP",
  "STAFFING.SUPERVISOR_NOT_POLICE",
  "STAFFING.UNIT_NOT_IN_TEAM",
  "STAFFING.UNKNOWN_STAFF",
]);

/**
 * Assigns a staff member to the team (003 § 5): refused when the assignment would itself break a
 * staffing rule (over 1.0 FTE, two operational supervisors, a supervisor who is not police, a unit
 * outside the team). Written and audited in one transaction.
 */
export async function assignStaff(ctx: GatewayContext, input: AssignmentRequest): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const parsed = assignmentSchema.safeParse({
    id: `as-${newId()}`,
    teamId: actor.teamId,
    staffId: String(input.staffId),
    organisationId: String(input.organisationId),
    fraction: input.fraction,
    interval: { from: input.validFrom, to: input.validTo ?? null },
    role: input.operationalSupervisor ? "operational-supervisor" : "member",
    needsPremisesAccess: input.needsPremisesAccess ?? true,
  });
  if (!parsed.success) {
    throw new RuleViolationFailure(
      parsed.error.issues.map((i) =>
        violation("INPUT.INVALID", [], { fi: i.message, en: i.message }, { path: i.path.map(String) }),
      ),
    );
  }
  const assignment: Assignment = parsed.data;
  if (!team.dataset.staff.some((s) => s.id === assignment.staffId))
    throw new NotFoundFailure("staff member", ["input", "staffId"]);
  const period = { from: assignment.interval.from, to: assignment.interval.to ?? assignment.interval.from };
  const found = checkStaffing({
    ...team.dataset,
    assignments: [...team.dataset.assignments, assignment],
    period,
  }).filter((v) => v.severity === "error" && ownStaffingCodes.has(v.code) && v.ids.includes(assignment.id));
  if (found.length > 0) throw new RuleViolationFailure(found);
  await auditedWrite(
    ctx,
    { operation: "create", resource: "assignment", resourceId: assignment.id, basis: "administration" },
    (tx) =>
      tx.insert(schema.assignments).values({
        teamId: assignment.teamId,
        id: assignment.id,
        staffId: assignment.staffId,
        organisationId: assignment.organisationId,
        fraction: assignment.fraction,
        validFrom: assignment.interval.from,
        validTo: assignment.interval.to,
        role: assignment.role,
        needsPremisesAccess: assignment.needsPremisesAccess,
      }),
  );
  return { id: assignment.id };
}
