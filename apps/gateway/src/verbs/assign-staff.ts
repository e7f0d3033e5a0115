import { newId, schema } from "@ankkuri/db";
import {
  type Assignment,
  assignmentSchema,
  canAdministerTeam,
  checkStaffing,
  type TeamDataset,
  inputViolations,
} from "@ankkuri/domain";
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
 * The assignment `input` asks for, parsed and checked against the team's other assignments: refused
 * when it would itself break a staffing rule. `others` replaces the team's recorded assignments (a
 * move checks the new one against the old one as ended).
 */
export function checkedAssignment(
  teamId: string,
  dataset: TeamDataset,
  input: AssignmentRequest,
  others: readonly Assignment[] = dataset.assignments,
): Assignment {
  const parsed = assignmentSchema.safeParse({
    id: `as-${newId()}`,
    teamId,
    staffId: String(input.staffId),
    organisationId: String(input.organisationId),
    fraction: input.fraction,
    interval: { from: input.validFrom, to: input.validTo ?? null },
    role: input.operationalSupervisor ? "operational-supervisor" : "member",
    needsPremisesAccess: input.needsPremisesAccess ?? true,
  });
  if (!parsed.success) {
    throw new RuleViolationFailure(inputViolations(parsed.error.issues));
  }
  const assignment: Assignment = parsed.data;
  if (!dataset.staff.some((s) => s.id === assignment.staffId))
    throw new NotFoundFailure("staff member", ["input", "staffId"]);
  const period = { from: assignment.interval.from, to: assignment.interval.to ?? assignment.interval.from };
  const found = checkStaffing({
    ...dataset,
    assignments: [...others, assignment],
    period,
  }).filter((v) => v.severity === "error" && ownStaffingCodes.has(v.code) && v.ids.includes(assignment.id));
  if (found.length > 0) throw new RuleViolationFailure(found);
  return assignment;
}

/** The insert of a checked assignment. */
export function assignmentRow(assignment: Assignment) {
  return {
    teamId: assignment.teamId,
    id: assignment.id,
    staffId: assignment.staffId,
    organisationId: assignment.organisationId,
    fraction: assignment.fraction,
    validFrom: assignment.interval.from,
    validTo: assignment.interval.to,
    role: assignment.role,
    needsPremisesAccess: assignment.needsPremisesAccess,
  };
}

/**
 * Assigns a staff member to the team (003 § 5): refused when the assignment would itself break a
 * staffing rule (over 1.0 FTE, two operational supervisors, a supervisor who is not police, a unit
 * outside the team). Written and audited in one transaction.
 */
export async function assignStaff(ctx: GatewayContext, input: AssignmentRequest): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const assignment = checkedAssignment(actor.teamId, team.dataset, input);
  await auditedWrite(
    ctx,
    { operation: "create", resource: "assignment", resourceId: assignment.id, basis: "administration" },
    (tx) => tx.insert(schema.assignments).values(assignmentRow(assignment)),
  );
  return { id: assignment.id };
}
