import { z } from "zod";
import { idSchema, type OrganisationId } from "../core/ids.js";
import { isWithin, type OrganisationIndex } from "../organisations/organisation.js";
import { type AccessRole, accessRoles, caseworkerRoles } from "./roles.js";

/** Who is asking: from the verified token's claims. */
export const actorSchema = z.object({
  /** Login (the token's subject). */
  login: z.string().regex(/^[a-z0-9._-]{2,64}$/),
  name: z.string().min(1).max(200),
  teamId: idSchema,
  organisationId: idSchema,
  roles: z.array(z.enum(accessRoles)).min(1),
});
export type Actor = z.output<typeof actorSchema>;

/** True when the actor holds any of `roles`. */
export function hasRole(actor: Actor, ...roles: readonly AccessRole[]): boolean {
  return actor.roles.some((r) => roles.includes(r));
}

/** People who work with clients: only they may ever see client data. */
export function isCaseworker(actor: Actor): boolean {
  return hasRole(actor, ...caseworkerRoles);
}

/**
 * Need-to-know (003 § 9): a caseworker sees a case's client data only when their organisation (or
 * one it belongs to) takes part in the case, and only in their own team.
 */
export function canSeeCase(
  actor: Actor,
  caseRecord: { teamId: string; organisationIds: readonly OrganisationId[] },
  organisations?: OrganisationIndex,
): boolean {
  if (!isCaseworker(actor) || caseRecord.teamId !== actor.teamId) return false;
  return caseRecord.organisationIds.some(
    (id) =>
      id === actor.organisationId || (organisations !== undefined && isWithin(actor.organisationId, id, organisations)),
  );
}

/** Confidential notes (police, health) stay inside the organisation that wrote them. */
export function canReadNote(actor: Actor, note: { teamId: string; organisationId: OrganisationId }): boolean {
  return isCaseworker(actor) && note.teamId === actor.teamId && note.organisationId === actor.organisationId;
}

/** Aggregates (FTE, rotation, statistics): everyone of the team except auditors, who read only the log. */
export function canSeeAggregates(actor: Actor, teamId: string): boolean {
  return (
    actor.teamId === teamId &&
    hasRole(actor, ...caseworkerRoles, "steering-group-member", "party-leadership", "team-administrator")
  );
}

/** The access log is for auditors (and for nobody's casework). */
export function canReadAuditLog(actor: Actor, teamId: string): boolean {
  return actor.teamId === teamId && hasRole(actor, "auditor");
}

/** Organisations, staff, bodies, agreement records: team administrators. */
export function canAdministerTeam(actor: Actor, teamId: string): boolean {
  return actor.teamId === teamId && hasRole(actor, "team-administrator");
}

/** Report kinds, as the reporter names them. */
export type ReportKind = "annual" | "party" | "monthly";

/**
 * Who may request and read a report: monthly statistics are the team's own (unsuppressed), so only
 * its caseworkers; the annual evaluation goes to leadership, the steering group and the team; a party
 * report goes to that party's own people.
 */
export function canSeeReport(
  actor: Actor,
  report: { teamId: string; type: ReportKind; scope: OrganisationId | null },
  organisations?: OrganisationIndex,
): boolean {
  if (actor.teamId !== report.teamId) return false;
  if (report.type === "monthly") return isCaseworker(actor);
  if (!hasRole(actor, ...caseworkerRoles, "steering-group-member", "party-leadership")) return false;
  if (report.type === "annual") return true;
  return (
    report.scope !== null && organisations !== undefined && isWithin(actor.organisationId, report.scope, organisations)
  );
}
