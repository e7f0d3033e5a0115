import { addDays, type Assignment, canAdministerTeam, checkAssignmentEnd, supervisorGap } from "@ankkuri/domain";
import type { Violation } from "@ankkuri/domain";
import { appendAudit, schema, type Transaction, updateVersioned } from "@ankkuri/db";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { type AssignmentRequest, assignmentRow, checkedAssignment } from "./assign-staff.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

/**
 * The supervisor rule of an ending (003 § 6.1): a gap after the only operational supervisor's last
 * day is refused unless the caller accepts it, and then comes back as a warning, never silently.
 */
function gapOf(
  ctx: { dataset: { agreement: Parameters<typeof supervisorGap>[0]; assignments: readonly Assignment[] } },
  ending: Assignment,
  lastDay: string,
  successors: Assignment[],
  accept: boolean,
): Violation[] {
  const gap = supervisorGap(ctx.dataset.agreement, ctx.dataset.assignments, ending, lastDay, successors);
  if (!gap) return [];
  if (!accept) throw new RuleViolationFailure([gap.violation]);
  return [{ ...gap.violation, severity: "warning" }];
}

function ended(ctx: GatewayContext, team: Awaited<ReturnType<GatewayContext["team"]>>, id: string, lastDay: string) {
  const assignment = team.dataset.assignments.find((a) => a.id === id);
  if (!assignment) throw new NotFoundFailure("assignment", ["assignmentId"]);
  const found = checkAssignmentEnd(assignment, lastDay);
  if (found.length > 0) throw new RuleViolationFailure(found);
  return assignment;
}

async function writeEnd(ctx: GatewayContext, tx: Transaction, id: string, lastDay: string, expectedVersion: number) {
  try {
    await updateVersioned(
      tx,
      schema.assignments,
      { teamId: actorOf(ctx).teamId, id, entity: "assignment" },
      expectedVersion,
      { validTo: lastDay },
    );
  } catch (error) {
    if (error instanceof Error && error.name === "RowNotFoundError")
      throw new NotFoundFailure("assignment", ["assignmentId"]);
    throw error;
  }
}

/**
 * Sets the last day of an assignment (optimistic concurrency). The person's casework ends with it:
 * from the next day their requests carry no role from it (`resolveActor`). Ending the only
 * operational supervisor's assignment is refused (`STAFFING.SUPERVISOR_GAP`) unless a successor's
 * starts the next day or `acceptSupervisorGap` says the gap is meant; `warnings` then names it.
 */
export async function endAssignment(
  ctx: GatewayContext,
  input: {
    assignmentId: string | number;
    validTo: string;
    expectedVersion: number;
    acceptSupervisorGap?: boolean | null;
  },
): Promise<{ id: string; warnings: Violation[] }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const id = String(input.assignmentId);
  const assignment = ended(ctx, team, id, input.validTo);
  const warnings = gapOf(team, assignment, input.validTo, [], input.acceptSupervisorGap === true);
  await auditedWrite(
    ctx,
    {
      operation: "update",
      resource: "assignment",
      resourceId: id,
      details: { validTo: input.validTo, ...(warnings.length > 0 ? { warnings: warnings.map((w) => w.code) } : {}) },
      basis: "administration",
    },
    (tx) => writeEnd(ctx, tx, id, input.validTo, input.expectedVersion),
  );
  return { id, warnings };
}

/** The assignment that follows a moved one; what is left out is as in the moved assignment. */
export interface NextAssignmentRequest {
  staffId?: string | number | null;
  organisationId?: string | number | null;
  fraction?: number | null;
  validTo?: string | null;
  operationalSupervisor?: boolean | null;
  needsPremisesAccess?: boolean | null;
}

/**
 * Ends one assignment on `lastDay` and starts the next on the following day, atomically (one
 * transaction and one audit entry per row): a change of fraction or unit, or the operational
 * supervisor's handover to a successor. The next assignment is checked as `assignStaff` checks one,
 * against the moved one as ended. A gap in operational supervision is refused unless accepted, and
 * then returned as a `STAFFING.SUPERVISOR_GAP` warning.
 */
export async function moveAssignment(
  ctx: GatewayContext,
  input: {
    assignmentId: string | number;
    expectedVersion: number;
    lastDay: string;
    next: NextAssignmentRequest;
    acceptSupervisorGap?: boolean | null;
  },
): Promise<{ endedId: string; startedId: string; warnings: Violation[] }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const id = String(input.assignmentId);
  const old = ended(ctx, team, id, input.lastDay);
  const firstDay = addDays(input.lastDay, 1);
  const { next } = input;
  const request: AssignmentRequest = {
    staffId: next.staffId ?? old.staffId,
    organisationId: next.organisationId ?? old.organisationId,
    fraction: next.fraction ?? old.fraction,
    validFrom: firstDay,
    validTo:
      next.validTo !== undefined
        ? next.validTo
        : old.interval.to !== null && old.interval.to >= firstDay
          ? old.interval.to
          : null,
    operationalSupervisor: next.operationalSupervisor ?? old.role === "operational-supervisor",
    needsPremisesAccess: next.needsPremisesAccess ?? old.needsPremisesAccess,
  };
  const others = team.dataset.assignments.map((a) =>
    a.id === id ? { ...a, interval: { from: a.interval.from, to: input.lastDay } } : a,
  );
  const started = checkedAssignment(actor.teamId, team.dataset, request, others);
  const warnings = gapOf(team, old, input.lastDay, [started], input.acceptSupervisorGap === true);
  await auditedWrite(
    ctx,
    {
      operation: "update",
      resource: "assignment",
      resourceId: id,
      details: {
        validTo: input.lastDay,
        nextAssignmentId: started.id,
        ...(warnings.length > 0 ? { warnings: warnings.map((w) => w.code) } : {}),
      },
      basis: "administration",
    },
    async (tx) => {
      await writeEnd(ctx, tx, id, input.lastDay, input.expectedVersion);
      await tx.insert(schema.assignments).values(assignmentRow(started));
      // The started assignment has its own entry, so its history reads from its creation.
      if (ctx.services.auditLog) {
        const target = { resource: "assignment", resourceId: started.id, caseId: null, clientId: null };
        await appendAudit(
          tx,
          ctx.services.keys.auditKey,
          ctx.audit.write("create", target, { basis: "administration" }, { previousAssignmentId: id }),
        );
      }
    },
  );
  return { endedId: id, startedId: started.id, warnings };
}
