import { z } from "zod";
import type { Agreement } from "../agreement/agreement.js";
import { type Actor, hasRole } from "../access/access-policy.js";
import { extractScopeFor } from "../access/access-log-extract.js";
import type { CaseMembership } from "../access/case-membership.js";
import { controllerShareOf } from "../access/controller-share.js";
import type { OrganisationId } from "../core/ids.js";
import type { LocalDate } from "../core/local-date.js";
import type { OrganisationIndex } from "../organisations/organisation.js";
import { legalHoldReasons } from "./retention-policy.js";

/** What a hold names besides its target: why, and the matter it is held for (a diary number). */
export const legalHoldInputSchema = z.object({
  reason: z.enum(legalHoldReasons),
  reference: z.string().trim().min(1).max(200),
});
export type LegalHoldInput = z.output<typeof legalHoldInputSchema>;

/** Whose data a person may hold back: the whole team's, or one controller's. */
export type LegalHoldScope = { kind: "team" } | { kind: "controller"; controllerId: OrganisationId };

/**
 * May the actor place, release or list legal holds in the team at all? Auditors and registry
 * offices: the people who answer for a controller's processing and its clients' requests (the
 * complaint, investigation or litigation a hold serves reaches the controller through them).
 * Caseworkers may not: a hold keeps data the worker's own work produced, and who keeps it is not
 * theirs to decide. Team administrators may not: they manage people, never client data.
 */
export function canManageLegalHolds(actor: Actor, teamId: string): boolean {
  return actor.teamId === teamId && hasRole(actor, "auditor", "registry-office");
}

/**
 * Over which data the actor manages holds (docs/domain.md, "Legal holds"): an auditor over the whole
 * team, a registry office over its own controller's, as for a client's access-log extract. Null for
 * everyone else.
 */
export function legalHoldScopeFor(
  actor: Actor,
  teamId: string,
  agreement: Agreement,
  organisations: OrganisationIndex,
  day: LocalDate,
): LegalHoldScope | null {
  if (!canManageLegalHolds(actor, teamId)) return null;
  return extractScopeFor(actor, teamId, agreement, organisations, day);
}

/**
 * Does a hold on this target lie within the scope? The target's memberships are those of the case,
 * or of every case of the client. A controller reaches only what one of its organisations ever took
 * part in (`controllerShareOf`); anything else is answered as if it did not exist.
 */
export function legalHoldWithinScope(
  scope: LegalHoldScope,
  memberships: readonly Pick<CaseMembership, "organisationId" | "basis" | "from">[],
  context: { agreement: Agreement; organisations: OrganisationIndex },
): boolean {
  if (scope.kind === "team") return true;
  return controllerShareOf(memberships, scope.controllerId, context) !== null;
}
