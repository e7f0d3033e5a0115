import { appendAudit, loadCase, saveCase, type StoredCase } from "@ankkuri/db";
import {
  applyCaseCommand,
  type Actor,
  type CaseCommand,
  canSeeCase,
  coreOrganisationIds,
  type LocalDate,
} from "@ankkuri/domain";
import type { GatewayContext, TeamSnapshot } from "../context.js";
import { ConflictFailure, type MutationFailure, NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { asMutationFailure } from "./failures.js";

/** What every case mutation names: the case, and optionally the version the client last read. */
export interface CaseTarget {
  caseId: string;
  expectedVersion?: number | null | undefined;
}

/** A command to run, or a failure found while building it from the input. */
export type CommandOrFailure =
  | { command: CaseCommand; on: LocalDate; guardianNames?: Record<string, { givenName: string; familyName: string }> }
  | MutationFailure;

/**
 * The application verb behind every case mutation: load the case the actor may see, check the
 * expected version, let the domain apply the command, then save the change and its audit entry in
 * one transaction. Failures come back as typed results; nothing is written unless all succeeds.
 */
export async function runCaseCommand(
  ctx: GatewayContext,
  target: CaseTarget,
  build: (stored: StoredCase, team: TeamSnapshot, actor: Actor) => CommandOrFailure,
): Promise<{ caseId: string }> {
  const actor = ctx.actor;
  if (!actor) throw new Error("case commands need an authenticated actor");
  const stored = await loadCase(ctx.db, actor.teamId, target.caseId);
  if (!stored || !canSeeCase(actor, { teamId: stored.case.teamId, organisationIds: stored.organisationIds }))
    throw new NotFoundFailure("case", ["caseId"]);
  if (target.expectedVersion != null && target.expectedVersion !== stored.case.version)
    throw new ConflictFailure(stored.case.version);
  const team = await ctx.team();
  const built = build(stored, team, actor);
  if (!("command" in built)) throw built;
  const result = applyCaseCommand(stored.case, built.command, {
    coreOrganisationIds: coreOrganisationIds(team.dataset.agreement, built.on),
    organisations: team.organisations,
  });
  if (!result.ok) throw new RuleViolationFailure(result.error);
  try {
    await ctx.db.transaction(async (tx) => {
      await saveCase(tx, stored.case, result.value, {
        actorId: actor.login,
        ...(built.guardianNames ? { guardianNames: built.guardianNames } : {}),
      });
      if (ctx.services.auditLog) {
        const entries = ctx.audit.write(
          "update",
          { resource: "case", resourceId: stored.case.id, caseId: stored.case.id, clientId: stored.case.client.id },
          { command: built.command.type },
        );
        await appendAudit(tx, ctx.services.keys.auditKey, entries);
      }
    });
  } catch (error) {
    throw asMutationFailure(error);
  }
  return { caseId: stored.case.id };
}

/** The signed-in person's staff record in the team, found by login. */
export function staffOf(team: TeamSnapshot, actor: Actor) {
  return team.dataset.staff.find((s) => s.login === actor.login && s.teamId === actor.teamId);
}
