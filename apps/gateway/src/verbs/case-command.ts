import { loadCase, saveCase, type StoredCase } from "@ankkuri/db";
import {
  accessBasisOf,
  type Actor,
  applyCaseCommand,
  type CaseCommand,
  caseAccessInChain,
  caseMemberships,
  clientHoldingOrganisationIds,
  commandBasisOf,
  coreOrganisationIds,
  type LocalDate,
  membershipContext,
  selectionOrganisationIds,
} from "@ankkuri/domain";
import type { GatewayContext, TeamSnapshot } from "../context.js";
import { ConflictFailure, type MutationFailure, NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { accessOf, actorOf, auditedWrite } from "./audited-write.js";

/** What every case mutation names: the case, and optionally the version the client last read. */
export interface CaseTarget {
  caseId: string;
  expectedVersion?: number | null | undefined;
}

/** A command to run, or a failure found while building it from the input. */
export type CommandOrFailure =
  | {
      command: CaseCommand;
      on: LocalDate;
      guardianNames?: Record<string, { givenName: string; familyName: string }>;
    }
  | MutationFailure;

/**
 * The application verb behind every case mutation: load the case, let only an actor whose
 * organisation takes part in it on a full basis today go on (anyone else is answered as for a case
 * that does not exist), check the expected version, let the domain apply the command, derive who may
 * see the case afterwards, then save the change, its memberships and its audit entry in one
 * transaction. Failures come back as typed results; nothing is written unless all succeeds.
 */
export async function runCaseCommand(
  ctx: GatewayContext,
  target: CaseTarget,
  build: (stored: StoredCase, team: TeamSnapshot, actor: Actor) => CommandOrFailure,
): Promise<{ caseId: string }> {
  const actor = actorOf(ctx);
  const team = await ctx.team();
  const stored = await loadCase(ctx.db, actor.teamId, target.caseId);
  // Those present under consent or a client relationship read; only full members change the case.
  if (
    !stored ||
    caseAccessInChain(
      actor,
      { teamId: stored.case.teamId, memberships: stored.memberships },
      accessOf(ctx).organisations,
      ctx.today,
    ) !== "full"
  ) {
    throw new NotFoundFailure("case", ["caseId"]);
  }
  if (target.expectedVersion != null && target.expectedVersion !== stored.case.version)
    throw new ConflictFailure(stored.case.version);
  const built = build(stored, team, actor);
  if (!("command" in built)) throw built;
  const { agreement } = team.dataset;
  const result = applyCaseCommand(stored.case, built.command, {
    coreOrganisationIds: coreOrganisationIds(agreement, built.on),
    organisations: team.organisations,
    today: ctx.today,
    premisesIds: team.dataset.premises.map((p) => p.id),
    recording: {
      organisationId: actor.organisationId,
      selectingUnits: selectionOrganisationIds(agreement, ctx.today),
      clientHolders: clientHoldingOrganisationIds(agreement, team.organisations, ctx.today),
      organisations: team.organisations,
    },
  });
  if (!result.ok) throw new RuleViolationFailure(result.error);
  const after = result.value;
  const memberships = caseMemberships(after, membershipContext(agreement, after.referredOn, team.organisations));
  // The basis the actor acted on, as the case stood before the change.
  const access = accessBasisOf(
    actor,
    { status: stored.case.status, memberships: stored.memberships },
    accessOf(ctx).organisations,
    ctx.today,
  ) ?? { basis: "casework", consentIds: [] };
  const basis = commandBasisOf(built.command, access);
  await auditedWrite(
    ctx,
    {
      operation: "update",
      resource: "case",
      resourceId: stored.case.id,
      caseId: stored.case.id,
      clientId: stored.case.client.id,
      details: {
        command: built.command.type,
        ...("meetingId" in built.command ? { meetingId: built.command.meetingId } : {}),
        ...("invitationId" in built.command ? { invitationId: built.command.invitationId } : {}),
      },
      basis: basis.basis,
      consentIds: basis.consentIds,
    },
    (tx) =>
      saveCase(tx, stored.case, after, {
        actorId: actor.login,
        memberships,
        ...(built.guardianNames ? { guardianNames: built.guardianNames } : {}),
      }),
  );
  return { caseId: stored.case.id };
}

/** The signed-in person's staff record in the team, found by login. */
export function staffOf(team: TeamSnapshot, actor: Actor) {
  return team.dataset.staff.find((s) => s.login === actor.login && s.teamId === actor.teamId);
}
