import {
  canAdministerTeam,
  canReadAuditLog,
  canReadNote,
  canSeeAggregates,
  canSeeCase,
  isCaseworker,
} from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";

/**
 * The scopes of one request, from the actor's roles and team (the rules themselves are the domain's
 * access policy). `caseMember` is checked per case and records the read in the audit log.
 */
export function authScopes(context: GatewayContext) {
  const { actor } = context;
  return {
    authenticated: actor !== null,
    caseworker: actor !== null && isCaseworker(actor),
    aggregates: actor !== null && canSeeAggregates(actor, actor.teamId),
    auditor: actor !== null && canReadAuditLog(actor, actor.teamId),
    teamAdmin: actor !== null && canAdministerTeam(actor, actor.teamId),
    caseMember: (row: {
      teamId: string;
      id: string;
      clientId: string;
      organisations: { organisationId: string }[];
    }) => {
      if (!actor) return false;
      const allowed = canSeeCase(actor, {
        teamId: row.teamId,
        organisationIds: row.organisations.map((o) => o.organisationId),
      });
      if (allowed) context.audit.read({ resource: "case", resourceId: row.id, caseId: row.id, clientId: row.clientId });
      return allowed;
    },
    noteReader: (note: { teamId: string; id: string; caseId: string; organisationId: string }) => {
      if (!actor) return false;
      const allowed = canReadNote(actor, note);
      if (allowed) context.audit.read({ resource: "case-note", resourceId: note.id, caseId: note.caseId });
      return allowed;
    },
  };
}
