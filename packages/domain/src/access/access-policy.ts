import { z } from "zod";
import { idSchema, type OrganisationId } from "../core/ids.js";
import type { LocalDate } from "../core/local-date.js";
import { isWithin, type OrganisationIndex } from "../organisations/organisation.js";
import { accessChain, caseAccessOn, type CaseMembership } from "./case-membership.js";
import { type AccessRole, accessRoles, caseworkerRoles } from "./roles.js";
import { loginSchema } from "./user-account.js";

/**
 * Who is asking, on one day: the login the verified token names, with the team, organisation and
 * roles the database gives that person on the day (`resolveActor`).
 */
export const actorSchema = z.object({
  /** Login (the token's subject). */
  login: loginSchema,
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

/** A case as access is decided on it: its team and every organisation's memberships. */
export interface CaseAccessRecord {
  teamId: string;
  memberships: readonly Pick<CaseMembership, "organisationId" | "basis" | "from" | "to">[];
}

/**
 * Need-to-know (003 § 9): how much of a case a caseworker sees on `day` — `full`, `limited` (the
 * client and their own meetings, on consent or an existing client relationship alone) or nothing —
 * from the memberships of their organisation (or one it belongs to) in force that day, in their own
 * team only (`caseAccessOn`).
 */
export function caseAccessFor(
  actor: Actor,
  caseRecord: CaseAccessRecord,
  day: LocalDate,
  organisations?: OrganisationIndex,
): "full" | "limited" | null {
  return caseAccessInChain(actor, caseRecord, accessChain(actor.organisationId, organisations), day);
}

/**
 * `caseAccessFor` with the actor's access chain (`accessChain`) already worked out, as a request
 * does once when it resolves the actor, so that every check of the request uses the same chain.
 */
export function caseAccessInChain(
  actor: Actor,
  caseRecord: CaseAccessRecord,
  chain: readonly OrganisationId[],
  day: LocalDate,
): "full" | "limited" | null {
  if (!isCaseworker(actor) || caseRecord.teamId !== actor.teamId) return null;
  return caseAccessOn(caseRecord.memberships, chain, day);
}

/** True when the caseworker sees the case's client data on `day` at all (`caseAccessFor`). */
export function canSeeCase(
  actor: Actor,
  caseRecord: CaseAccessRecord,
  day: LocalDate,
  organisations?: OrganisationIndex,
): boolean {
  return caseAccessFor(actor, caseRecord, day, organisations) !== null;
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

/**
 * A client's access-log extract: auditors (for the whole team) and registry offices (for their own
 * controller, `extractScopeFor`).
 */
export function canRequestAccessLogExtract(actor: Actor, teamId: string): boolean {
  return actor.teamId === teamId && hasRole(actor, "auditor", "registry-office");
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

/**
 * Security clearances and premises access rights (003 § 7) are personnel matters: the team's
 * administrators and the operational supervisor, who arrange them, and the person themselves.
 */
export function canSeeClearancesOf(actor: Actor, person: { teamId: string; login: string }): boolean {
  if (actor.teamId !== person.teamId) return false;
  return actor.login === person.login || hasRole(actor, "team-administrator", "operational-supervisor");
}
