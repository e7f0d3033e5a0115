import type { Agreement } from "../agreement/agreement.js";
import { termsOn } from "../agreement/agreement-terms.js";
import { contains } from "../core/interval.js";
import type { LocalDate } from "../core/local-date.js";
import { err, ok, type Result } from "../core/violation.js";
import { isWithin, type Organisation, indexOrganisations } from "../organisations/organisation.js";
import { type ClearancePolicy, effectiveAssignments } from "../staffing/security-clearance.js";
import type { Assignment, SecurityClearance, StaffMember } from "../staffing/staff.js";
import { type Actor, actorSchema } from "./access-policy.js";
import { type AccessRole, caseworkRoleOf, rolesExcludingCasework } from "./roles.js";
import type { RoleAssignment, UserAccount } from "./user-account.js";

/** The parts of a team's dataset that decide who someone is and what they may do on a day. */
export interface Directory {
  organisations: readonly Organisation[];
  agreement: Agreement;
  staff: readonly StaffMember[];
  assignments: readonly Assignment[];
  clearances: readonly SecurityClearance[];
  users: readonly UserAccount[];
  roleAssignments: readonly RoleAssignment[];
  clearancePolicy?: ClearancePolicy;
}

/** What a verified token may say beside its subject; each one present must agree with the database. */
export interface TokenClaims {
  organisationId?: string | undefined;
  roles?: readonly string[] | undefined;
}

/** Why a verified token gives no actor: stable codes, mapped to UNAUTHENTICATED or FORBIDDEN at the edge. */
export type ActorRefusal =
  /** No account with this login in the team, or the account is closed. */
  | "USER_UNKNOWN"
  /** The token names an organisation or roles the database does not give the person today. */
  | "CLAIMS_MISMATCH"
  /** The person has no assignment or role in force today (ended, not yet started, or not cleared). */
  | "NO_ROLE_IN_FORCE"
  /** The person holds roles for several organisations today; the token must name the one they act for. */
  | "ORGANISATION_AMBIGUOUS"
  /** Casework and auditing or team administration on the same day (separation of duties). */
  | "SEPARATION_OF_DUTIES";

/** Refusals that mean "we do not know who you are" rather than "you may not do this today". */
export const unauthenticatedRefusals: readonly ActorRefusal[] = ["USER_UNKNOWN", "CLAIMS_MISMATCH"];

/**
 * The staff member's assignments that count on `day`: in force, and for city staff whose work needs
 * the police premises only while a valid clearance covers the day (003 § 7). Police staff (within the
 * supplier party on that day) need none.
 */
export function assignmentsInForce(directory: Directory, staffId: string, day: LocalDate): Assignment[] {
  const person = directory.staff.find((s) => s.id === staffId);
  if (!person) return [];
  const supplierId = termsOn(directory.agreement, day).parties.find((p) => p.role === "supplier")?.organisationId;
  const index = indexOrganisations(directory.organisations);
  const isPolice = supplierId !== undefined && isWithin(person.organisationId, supplierId, index);
  const own = directory.assignments.filter((a) => a.staffId === staffId && contains(a.interval, day));
  return effectiveAssignments(
    own,
    directory.clearances,
    (a) => a.needsPremisesAccess && !isPolice,
    directory.clearancePolicy,
  ).filter((a) => contains(a.interval, day));
}

/**
 * Who `login` is and what they may do on `day`, from the database alone (DOMAIN § 5; 003 §§ 6–7, 9):
 * casework roles from their staff assignments in force (the profession's role, and the operational
 * supervisor's where the assignment says so), other roles from role assignments in force, all for
 * the organisation the roles are held for. The token proves only the login; an organisation or
 * roles it also carries must agree, and are never added. A person with no role in force, or with
 * casework beside auditing or team administration, gets no actor.
 */
export function resolveActor(
  directory: Directory,
  login: string,
  day: LocalDate,
  claims: TokenClaims = {},
): Result<Actor, ActorRefusal> {
  const user = directory.users.find((u) => u.login === login);
  if (!user || (user.closedOn !== null && user.closedOn <= day)) return err("USER_UNKNOWN");
  const held: { role: AccessRole; organisationId: string }[] = [];
  if (user.staffId !== null) {
    const person = directory.staff.find((s) => s.id === user.staffId);
    for (const a of person ? assignmentsInForce(directory, person.id, day) : []) {
      held.push({ role: caseworkRoleOf[person?.profession ?? "other"], organisationId: a.organisationId });
      if (a.role === "operational-supervisor")
        held.push({ role: "operational-supervisor", organisationId: a.organisationId });
    }
  }
  const doesCasework = held.length > 0;
  for (const r of directory.roleAssignments) {
    if (r.login === login && contains(r.interval, day)) held.push({ role: r.role, organisationId: r.organisationId });
  }
  if (held.length === 0) return err("NO_ROLE_IN_FORCE");
  if (doesCasework && held.some((h) => (rolesExcludingCasework as readonly string[]).includes(h.role))) {
    return err("SEPARATION_OF_DUTIES");
  }
  const organisations = [...new Set(held.map((h) => h.organisationId))];
  const organisationId = claims.organisationId ?? (organisations.length === 1 ? organisations[0] : undefined);
  if (organisationId === undefined) return err("ORGANISATION_AMBIGUOUS");
  if (!organisations.includes(organisationId)) return err("CLAIMS_MISMATCH");
  const roles = [...new Set(held.filter((h) => h.organisationId === organisationId).map((h) => h.role))].sort();
  if (claims.roles !== undefined && [...new Set(claims.roles)].sort().join() !== roles.join()) {
    return err("CLAIMS_MISMATCH");
  }
  return ok(actorSchema.parse({ login, name: user.displayName, teamId: user.teamId, organisationId, roles }));
}
