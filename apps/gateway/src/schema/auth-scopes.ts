import {
  canAdministerTeam,
  canReadAuditLog,
  canReadNote,
  canSeeAggregates,
  canSeeCase,
  canSeeClearancesOf,
  isCaseworker,
  type MembershipBasis,
} from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";

/** The columns of a case row that access is decided on (the `Case` type always selects them). */
export interface CaseAccessRow {
  teamId: string;
  id: string;
  clientId: string;
  memberships: { organisationId: string; basis: MembershipBasis; validFrom: string; validTo: string | null }[];
}

/**
 * The scopes of one request, from the actor the database gave (the rules themselves are the domain's
 * access policy). `caseMember` is checked per case, on today's memberships, and records the read in
 * the audit log; every query of cases has already filtered by the same rule, so it refuses only what
 * a query let through by mistake.
 */
export function authScopes(context: GatewayContext) {
  const { actor } = context;
  return {
    authenticated: actor !== null,
    caseworker: actor !== null && isCaseworker(actor),
    aggregates: actor !== null && canSeeAggregates(actor, actor.teamId),
    auditor: actor !== null && canReadAuditLog(actor, actor.teamId),
    teamAdmin: actor !== null && canAdministerTeam(actor, actor.teamId),
    caseMember: (row: CaseAccessRow) => {
      if (!actor) return false;
      const memberships = row.memberships.map((m) => ({ ...m, from: m.validFrom, to: m.validTo }));
      const allowed = canSeeCase(
        actor,
        { teamId: row.teamId, memberships },
        context.today,
        context.loadedTeam()?.organisations,
      );
      if (allowed) context.audit.read({ resource: "case", resourceId: row.id, caseId: row.id, clientId: row.clientId });
      return allowed;
    },
    noteReader: (note: { teamId: string; id: string; caseId: string; organisationId: string }) => {
      if (!actor) return false;
      const allowed = canReadNote(actor, note);
      if (allowed) context.audit.read({ resource: "case-note", resourceId: note.id, caseId: note.caseId });
      return allowed;
    },
    personnelReader: (person: { teamId: string; login: string }) => actor !== null && canSeeClearancesOf(actor, person),
  };
}
