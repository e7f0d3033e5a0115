import { assignableCase, caseWorkersOf, endCaseWorker, insertCaseWorker, newId } from "@ankkuri/db";
import {
  type Actor,
  caseAccessInChain,
  type CaseWorkerAssignment,
  caseWorkerEndRefusals,
  caseWorkerRefusals,
  type CaseWorkerRole,
  hasRole,
  type LegalBasis,
  type LocalDate,
} from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { accessOf, actorOf, type AuditedChange, auditedWrite } from "./audited-write.js";

/**
 * The case as the actor may address it, or null ("not yours" and "not there" alike): the operational
 * supervisor coordinates only cases they see (need-to-know, 003 § 9); a team administrator, who
 * never sees client data, addresses the team's cases by id only, and is answered without any.
 */
async function addressableCase(ctx: GatewayContext, actor: Actor, caseId: string) {
  const found = await assignableCase(ctx.db, actor.teamId, caseId);
  if (!found) return null;
  if (hasRole(actor, "operational-supervisor")) {
    const chain = accessOf(ctx).organisations;
    return caseAccessInChain(actor, { teamId: actor.teamId, memberships: found.memberships }, chain, ctx.today)
      ? found
      : null;
  }
  return hasRole(actor, "team-administrator") ? found : null;
}

/**
 * What both verbs start from: the case as the actor may address it and the team's staff member, each
 * not found when it is not the actor's to address, and the case's assignments so far.
 */
async function caseAndStaffMember(ctx: GatewayContext, input: { caseId: string; staffMemberId: string }) {
  const actor = actorOf(ctx);
  const team = await ctx.team();
  const found = await addressableCase(ctx, actor, input.caseId);
  if (!found) throw new NotFoundFailure("case", ["input", "caseId"]);
  if (!team.dataset.staff.some((s) => s.id === input.staffMemberId))
    throw new NotFoundFailure("staff member", ["input", "staffMemberId"]);
  const existing = await caseWorkersOf(ctx.db, actor.teamId, found.id);
  return { actor, team, found, existing };
}

/** The supervisor coordinates casework (`supervision`); an administrator administers. */
const basisOf = (actor: Actor): LegalBasis =>
  hasRole(actor, "operational-supervisor") ? "supervision" : "administration";

const entry = (
  actor: Actor,
  a: CaseWorkerAssignment,
  clientId: string,
  operation: "create" | "update",
): AuditedChange => ({
  operation,
  resource: "case-worker",
  resourceId: a.id,
  caseId: a.caseId,
  clientId,
  details: { staffId: a.staffId, role: a.role, assignedOn: a.assignedOn, unassignedOn: a.unassignedOn },
  basis: basisOf(actor),
});

/**
 * Assigns a staff member of the team to a case from a day (`assignCaseWorker`; 003 § 6.1): the
 * operational supervisor or a team administrator, never anyone else (the schema's scopes). A case or a
 * staff member the team does not have is answered as not found; the domain's rules
 * (`caseWorkerRefusals`) decide the rest; the database keeps one open lead worker per case even
 * against concurrent writers.
 */
export async function assignCaseWorker(
  ctx: GatewayContext,
  input: { caseId: string; staffMemberId: string; role: CaseWorkerRole; on: LocalDate },
): Promise<CaseWorkerAssignment> {
  const { actor, team, found, existing } = await caseAndStaffMember(ctx, input);
  const refused = caseWorkerRefusals(
    { staffId: input.staffMemberId, role: input.role, on: input.on },
    { today: ctx.today, directory: team.dataset, case: found, existing },
  );
  if (refused.length > 0) throw new RuleViolationFailure(refused);
  const assignment: CaseWorkerAssignment = {
    id: newId(),
    caseId: found.id,
    staffId: input.staffMemberId,
    role: input.role,
    assignedOn: input.on,
    unassignedOn: null,
  };
  await auditedWrite(ctx, entry(actor, assignment, found.clientId, "create"), (tx) =>
    insertCaseWorker(tx, actor.teamId, assignment, actor.login),
  );
  return assignment;
}

/**
 * Ends a staff member's assignment to a case on a day (`unassignCaseWorker`), keeping it on record:
 * the same people may as assign, and the same cases are not found for anyone else.
 */
export async function unassignCaseWorker(
  ctx: GatewayContext,
  input: { caseId: string; staffMemberId: string; on: LocalDate },
): Promise<CaseWorkerAssignment> {
  const { actor, team, found, existing } = await caseAndStaffMember(ctx, input);
  const { assignment, refusals } = caseWorkerEndRefusals(
    { staffId: input.staffMemberId, on: input.on },
    { today: ctx.today, directory: team.dataset, existing, caseId: found.id },
  );
  if (!assignment || refusals.length > 0) throw new RuleViolationFailure(refusals);
  const ended: CaseWorkerAssignment = { ...assignment, unassignedOn: input.on };
  await auditedWrite(ctx, entry(actor, ended, found.clientId, "update"), async (tx) => {
    // A concurrent end got there first: answered as if it had been seen before.
    if (!(await endCaseWorker(tx, actor.teamId, assignment.id, input.on, actor.login)))
      throw new RuleViolationFailure(
        caseWorkerEndRefusals(
          { staffId: input.staffMemberId, on: input.on },
          { today: ctx.today, directory: team.dataset, existing: [], caseId: found.id },
        ).refusals,
      );
  });
  return ended;
}
