import { and, appendAudit, eq, inArray, newId, schema, type Transaction, updateVersioned } from "@ankkuri/db";
import {
  canAdministerTeam,
  checkAccessEnd,
  checkClearanceRevocation,
  checkMailAccountClosing,
  checkMailAccountGrant,
  checkPremisesGrant,
  premisesAccessSchema,
  type StaffMember,
  inputViolations,
  withdrawnWithClearance,
} from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure, type NotFoundWhat, RuleViolationFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

async function staffMember(ctx: GatewayContext, staffId: string | number, path: string[]) {
  const team = await ctx.team();
  const person = team.dataset.staff.find((s) => s.id === String(staffId));
  if (!person) throw new NotFoundFailure("staff member", path);
  return { team, person };
}

/** Runs an optimistic update and says "not found" for a row of another team or none. */
async function versioned(run: () => Promise<unknown>, what: NotFoundWhat, path: string[]): Promise<void> {
  try {
    await run();
  } catch (error) {
    if (error instanceof Error && error.name === "RowNotFoundError") throw new NotFoundFailure(what, path);
    throw error;
  }
}

/**
 * Grants a personal, limited access right to the police premises (003 § 7): refused for city staff
 * without a clearance in force on its first day, or for longer than the clearance lasts, and when
 * back-dated. Written and audited in one transaction.
 */
export async function grantPremisesAccess(
  ctx: GatewayContext,
  input: { staffId: string | number; validFrom: string; validTo?: string | null; areas: string },
): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const { team, person } = await staffMember(ctx, input.staffId, ["input", "staffId"]);
  const parsed = premisesAccessSchema.safeParse({
    id: `pa-${newId()}`,
    staffId: person.id,
    interval: { from: input.validFrom, to: input.validTo ?? null },
    areas: input.areas,
  });
  if (!parsed.success) {
    throw new RuleViolationFailure(inputViolations(parsed.error.issues, ["input"]));
  }
  const access = parsed.data;
  const found = checkPremisesGrant(team.dataset, person, access.interval, ctx.today);
  if (found.length > 0) throw new RuleViolationFailure(found);
  await auditedWrite(
    ctx,
    {
      operation: "create",
      resource: "premises-access",
      resourceId: access.id,
      details: { staffId: person.id },
      basis: "administration",
    },
    (tx) =>
      tx.insert(schema.premisesAccess).values({
        teamId: actor.teamId,
        id: access.id,
        staffId: person.id,
        validFrom: access.interval.from,
        validTo: access.interval.to,
        areas: access.areas,
      }),
  );
  return { id: access.id };
}

/**
 * Ends an access right on `lastDay` (optimistic concurrency); at the earliest on its first day and
 * not before yesterday, so that no day already passed with access is rewritten.
 */
export async function revokePremisesAccess(
  ctx: GatewayContext,
  input: { accessId: string | number; lastDay: string; expectedVersion: number },
): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const id = String(input.accessId);
  const access = team.dataset.premisesAccess.find((p) => p.id === id);
  if (!access) throw new NotFoundFailure("access right", ["accessId"]);
  const refused = checkAccessEnd(access, input.lastDay, ctx.today);
  if (refused.length > 0) throw new RuleViolationFailure(refused);
  await auditedWrite(
    ctx,
    {
      operation: "update",
      resource: "premises-access",
      resourceId: id,
      details: { validTo: input.lastDay },
      basis: "administration",
    },
    (tx) =>
      versioned(
        () =>
          updateVersioned(
            tx,
            schema.premisesAccess,
            { teamId: actor.teamId, id, entity: "premises access" },
            input.expectedVersion,
            { validTo: input.lastDay },
          ),
        "access right",
        ["accessId"],
      ),
  );
  return { id };
}

async function setMailAccount(ctx: GatewayContext, person: StaffMember, open: boolean): Promise<void> {
  const actor = actorOf(ctx);
  await auditedWrite(
    ctx,
    {
      operation: "update",
      resource: "staff",
      resourceId: person.id,
      details: { policeMailAccount: open },
      basis: "administration",
    },
    (tx) =>
      tx
        .update(schema.staff)
        .set({ policeMailAccount: open, updatedAt: new Date() })
        .where(and(eq(schema.staff.teamId, actor.teamId), eq(schema.staff.id, person.id))),
  );
}

/** Gives a cleared city employee a police mail account for confidential messages (003 § 7). */
export async function grantPoliceMailAccount(
  ctx: GatewayContext,
  input: { staffId: string | number },
): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const { team, person } = await staffMember(ctx, input.staffId, ["staffId"]);
  const found = checkMailAccountGrant(team.dataset, person, ctx.today);
  if (found.length > 0) throw new RuleViolationFailure(found);
  await setMailAccount(ctx, person, true);
  return { id: person.id };
}

/** Closes a staff member's police mail account. */
export async function closePoliceMailAccount(
  ctx: GatewayContext,
  input: { staffId: string | number },
): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const { person } = await staffMember(ctx, input.staffId, ["staffId"]);
  const found = checkMailAccountClosing(person);
  if (found.length > 0) throw new RuleViolationFailure(found);
  await setMailAccount(ctx, person, false);
  return { id: person.id };
}

/**
 * Revokes a security clearance from `revokedOn` (valid until the day before; optimistic concurrency).
 * What rests on it goes with it in the same transaction (003 § 7): unless another clearance still
 * covers the day, the person's access rights end the day before (later ones are withdrawn) and the
 * police mail account closes. Their premises work stops counting from that day (`effectiveAssignments`).
 */
export async function revokeClearance(
  ctx: GatewayContext,
  input: { clearanceId: string | number; revokedOn: string; expectedVersion: number },
): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const id = String(input.clearanceId);
  const clearance = team.dataset.clearances.find((c) => c.id === id);
  const person = clearance && team.dataset.staff.find((s) => s.id === clearance.staffId);
  if (!clearance || !person) throw new NotFoundFailure("security clearance", ["clearanceId"]);
  const found = checkClearanceRevocation(clearance, person, input.revokedOn);
  if (found.length > 0) throw new RuleViolationFailure(found);
  const withdrawn = withdrawnWithClearance(team.dataset, clearance, input.revokedOn);
  const audit = async (tx: Transaction, resource: string, resourceId: string, details: Record<string, unknown>) => {
    if (!ctx.services.auditLog) return;
    const target = { resource, resourceId, caseId: null, clientId: null };
    await appendAudit(
      tx,
      ctx.services.keys.auditKey,
      ctx.audit.write("update", target, { basis: "administration" }, details),
    );
  };
  await auditedWrite(
    ctx,
    {
      operation: "update",
      resource: "security-clearance",
      resourceId: id,
      details: { revokedOn: input.revokedOn, staffId: person.id },
      basis: "administration",
    },
    async (tx) => {
      await versioned(
        () =>
          updateVersioned(
            tx,
            schema.securityClearances,
            { teamId: actor.teamId, id, entity: "security clearance" },
            input.expectedVersion,
            { revokedOn: input.revokedOn },
          ),
        "security clearance",
        ["clearanceId"],
      );
      for (const end of withdrawn.endAccess) {
        await tx
          .update(schema.premisesAccess)
          .set({ validTo: end.validTo, updatedAt: new Date() })
          .where(and(eq(schema.premisesAccess.teamId, actor.teamId), eq(schema.premisesAccess.id, end.id)));
        await audit(tx, "premises-access", end.id, { validTo: end.validTo, revokedClearanceId: id });
      }
      if (withdrawn.withdrawAccess.length > 0) {
        await tx
          .delete(schema.premisesAccess)
          .where(
            and(
              eq(schema.premisesAccess.teamId, actor.teamId),
              inArray(schema.premisesAccess.id, withdrawn.withdrawAccess),
            ),
          );
        for (const accessId of withdrawn.withdrawAccess)
          await audit(tx, "premises-access", accessId, { withdrawn: true, revokedClearanceId: id });
      }
      if (withdrawn.closeMailAccount) {
        await tx
          .update(schema.staff)
          .set({ policeMailAccount: false, updatedAt: new Date() })
          .where(and(eq(schema.staff.teamId, actor.teamId), eq(schema.staff.id, person.id)));
        await audit(tx, "staff", person.id, { policeMailAccount: false, revokedClearanceId: id });
      }
    },
  );
  return { id };
}
