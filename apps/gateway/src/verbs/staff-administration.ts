import { and, eq, newId, schema, updateVersioned } from "@ankkuri/db";
import {
  canAdministerTeam,
  checkAccountClosing,
  checkAccountOpening,
  checkStaffMember,
  personName,
  type Profession,
  staffMemberSchema,
  inputViolations,
} from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { ConflictFailure, NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

/** A staff member as `addStaffMember` receives it. */
export interface StaffMemberRequest {
  organisationId: string | number;
  profession: Profession;
  givenName: string;
  familyName: string;
  title: string;
  login: string;
}

/** The fields `updateStaffMember` may change; the login stays, since an account may sign in with it. */
export interface StaffMemberChange {
  staffId: string | number;
  expectedVersion: number;
  organisationId?: string | number | null;
  profession?: Profession | null;
  givenName?: string | null;
  familyName?: string | null;
  title?: string | null;
}

function invalid(issues: readonly { message: string; path: readonly PropertyKey[] }[]): RuleViolationFailure {
  return new RuleViolationFailure(inputViolations(issues, ["input"]));
}

/**
 * Adds a member of staff to the team (003 § 5: the parties staff the team): refused when the login
 * is another person's or the employing organisation is no party of the terms in force today (nor a
 * unit of one). The person works for the team only once assigned (`assignStaff`), and signs in only
 * once an account is opened (`createUserAccount`).
 */
export async function addStaffMember(ctx: GatewayContext, input: StaffMemberRequest): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const parsed = staffMemberSchema.safeParse({
    id: `st-${newId()}`,
    teamId: actor.teamId,
    organisationId: String(input.organisationId),
    profession: input.profession,
    givenName: input.givenName,
    familyName: input.familyName,
    title: input.title,
    login: input.login,
    policeMailAccount: false,
  });
  if (!parsed.success) throw invalid(parsed.error.issues);
  const person = parsed.data;
  const found = checkStaffMember(team.dataset, person, ctx.today);
  if (found.length > 0) throw new RuleViolationFailure(found);
  await auditedWrite(
    ctx,
    { operation: "create", resource: "staff", resourceId: person.id, basis: "administration" },
    (tx) =>
      tx.insert(schema.staff).values({
        teamId: actor.teamId,
        id: person.id,
        organisationId: person.organisationId,
        profession: person.profession,
        givenName: person.givenName,
        familyName: person.familyName,
        title: person.title,
        login: person.login,
        policeMailAccount: false,
      }),
  );
  return { id: person.id };
}

/**
 * Changes a staff member's name, title, profession or employing organisation (optimistic
 * concurrency), under the same rules as `addStaffMember`. Another team's staff member is not found.
 */
export async function updateStaffMember(ctx: GatewayContext, input: StaffMemberChange): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const id = String(input.staffId);
  const current = team.dataset.staff.find((s) => s.id === id);
  if (!current) throw new NotFoundFailure("staff member", ["input", "staffId"]);
  const parsed = staffMemberSchema.safeParse({
    ...current,
    ...(input.organisationId != null ? { organisationId: String(input.organisationId) } : {}),
    ...(input.profession != null ? { profession: input.profession } : {}),
    ...(input.givenName != null ? { givenName: input.givenName } : {}),
    ...(input.familyName != null ? { familyName: input.familyName } : {}),
    ...(input.title != null ? { title: input.title } : {}),
  });
  if (!parsed.success) throw invalid(parsed.error.issues);
  const person = parsed.data;
  const found = checkStaffMember(team.dataset, person, ctx.today);
  if (found.length > 0) throw new RuleViolationFailure(found);
  const changed = {
    organisationId: person.organisationId,
    profession: person.profession,
    givenName: person.givenName,
    familyName: person.familyName,
    title: person.title,
  };
  try {
    await auditedWrite(
      ctx,
      { operation: "update", resource: "staff", resourceId: id, details: changed, basis: "administration" },
      (tx) =>
        updateVersioned(
          tx,
          schema.staff,
          { teamId: actor.teamId, id, entity: "staff" },
          input.expectedVersion,
          changed,
        ),
    );
  } catch (error) {
    if (error instanceof Error && error.name === "RowNotFoundError")
      throw new NotFoundFailure("staff member", ["input", "staffId"]);
    throw error;
  }
  return { id };
}

/**
 * Opens a login for a staff member: the account's login is the person's, its display name their name.
 * What they may do comes from their assignments in force, never from the account (`resolveActor`).
 */
export async function createUserAccount(
  ctx: GatewayContext,
  input: { staffId: string | number },
): Promise<{ login: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const person = team.dataset.staff.find((s) => s.id === String(input.staffId));
  if (!person) throw new NotFoundFailure("staff member", ["staffId"]);
  const found = checkAccountOpening(team.dataset, person);
  if (found.length > 0) throw new RuleViolationFailure(found);
  await auditedWrite(
    ctx,
    {
      operation: "create",
      resource: "user-account",
      resourceId: person.login,
      details: { staffId: person.id },
      basis: "administration",
    },
    (tx) =>
      tx.insert(schema.users).values({
        teamId: actor.teamId,
        login: person.login,
        displayName: personName(person),
        staffId: person.id,
      }),
  );
  return { login: person.login };
}

/**
 * Closes a login from `closedOn` (optimistic concurrency): from that day it signs nobody in, whatever
 * token it shows. Refused for one's own account, a closed one, and a day before today.
 */
export async function closeUserAccount(
  ctx: GatewayContext,
  input: { login: string; closedOn: string; expectedVersion: number },
): Promise<{ login: string }> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const team = await ctx.team();
  const account = team.dataset.users.find((u) => u.login === input.login);
  if (!account) throw new NotFoundFailure("user account", ["login"]);
  const found = checkAccountClosing(account, input.closedOn, ctx.today, actor.login);
  if (found.length > 0) throw new RuleViolationFailure(found);
  await auditedWrite(
    ctx,
    {
      operation: "update",
      resource: "user-account",
      resourceId: account.login,
      details: { closedOn: input.closedOn },
      basis: "administration",
    },
    async (tx) => {
      const key = and(eq(schema.users.teamId, actor.teamId), eq(schema.users.login, account.login));
      const updated = await tx
        .update(schema.users)
        .set({ closedOn: input.closedOn, version: input.expectedVersion + 1, updatedAt: new Date() })
        .where(and(key, eq(schema.users.version, input.expectedVersion)))
        .returning({ version: schema.users.version });
      if (updated.length === 0) throw new ConflictFailure(null);
    },
  );
  return { login: account.login };
}
