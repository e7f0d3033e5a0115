import {
  accessBasisOf,
  canAdministerTeam,
  canManageLegalHolds,
  canReadAuditLog,
  canReadNote,
  canRequestAccessLogExtract,
  canSeeAggregates,
  canSeeClearancesOf,
  caseAccessInChain,
  type CaseStatus,
  hasRole,
  isCaseworker,
  type MembershipBasis,
} from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";

/** The columns of a case row that access is decided on (the `Case` type always selects them). */
export interface CaseAccessRow {
  teamId: string;
  id: string;
  clientId: string;
  status: CaseStatus;
  memberships: {
    organisationId: string;
    basis: MembershipBasis;
    consentIds: string[];
    validFrom: string;
    validTo: string | null;
  }[];
}

/**
 * The scopes of one request, from the actor the database gave (the rules themselves are the domain's
 * access policy). `caseMember` is checked per case, on today's memberships, and records the read in
 * the audit log with the basis the membership gives (`accessBasisOf`); every query of cases has already filtered by the same rule, so it refuses only what
 * a query let through by mistake.
 */
export function authScopes(context: GatewayContext) {
  const { actor, access } = context;
  return {
    authenticated: actor !== null,
    caseworker: actor !== null && isCaseworker(actor),
    aggregates: actor !== null && canSeeAggregates(actor, actor.teamId),
    auditor: actor !== null && canReadAuditLog(actor, actor.teamId),
    extractRequester: actor !== null && canRequestAccessLogExtract(actor, actor.teamId),
    legalHoldManager: actor !== null && canManageLegalHolds(actor, actor.teamId),
    teamAdmin: actor !== null && canAdministerTeam(actor, actor.teamId),
    operationalSupervisor: actor !== null && hasRole(actor, "operational-supervisor"),
    caseMember: (row: CaseAccessRow) => {
      if (!actor || !access) return false;
      const memberships = row.memberships.map((m) => ({ ...m, from: m.validFrom, to: m.validTo }));
      const allowed = caseAccessInChain(
        actor,
        { teamId: row.teamId, memberships },
        access.organisations,
        context.today,
      );
      if (allowed === null) return false;
      const basis = accessBasisOf(actor, { status: row.status, memberships }, access.organisations, context.today);
      if (basis)
        context.audit.read(
          { resource: "case", resourceId: row.id, caseId: row.id, clientId: row.clientId },
          { basis: basis.basis, consentIds: basis.consentIds },
        );
      return basis !== null;
    },
    caseInFull: (row: CaseAccessRow) => {
      if (!actor || !access) return false;
      const memberships = row.memberships.map((m) => ({ ...m, from: m.validFrom, to: m.validTo }));
      return (
        caseAccessInChain(actor, { teamId: row.teamId, memberships }, access.organisations, context.today) === "full"
      );
    },
    noteReader: (note: { teamId: string; id: string; caseId: string; organisationId: string }) => {
      if (!actor) return false;
      const allowed = canReadNote(actor, note);
      if (allowed)
        context.audit.read(
          { resource: "case-note", resourceId: note.id, caseId: note.caseId },
          context.audit.basisOfCase(note.caseId),
        );
      return allowed;
    },
    personnelReader: (person: { teamId: string; login: string }) => actor !== null && canSeeClearancesOf(actor, person),
  };
}
