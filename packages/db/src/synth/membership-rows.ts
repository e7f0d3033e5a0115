import { type Case, caseMemberships, type Consent } from "@ankkuri/domain";
import type { CaseRows } from "./case-rows.js";
import type { TeamContext } from "./team-context.js";

/** What the rows of a generated case leave out and its memberships depend on. */
export interface CaseFacts {
  birthDate: string;
  guardians: Case["guardians"];
  consents: Consent[];
}

/**
 * The memberships of a generated case, derived by the domain's own rule (`caseMemberships`) from the
 * case as its rows describe it, so that synthetic data grants access exactly as the gateway would.
 */
export function membershipRows(
  rows: CaseRows,
  facts: CaseFacts,
  team: TeamContext,
  newId: () => string,
): CaseRows["caseMemberships"] {
  const { teamId, id: caseId } = rows.case;
  const domainCase: Case = {
    id: caseId,
    teamId,
    type: rows.case.type,
    status: rows.case.status,
    referredOn: rows.case.referredOn,
    referralSource: rows.case.referralSource,
    referredByOrganisationId: rows.case.referredByOrganisationId ?? null,
    client: { id: rows.case.clientId, birthDate: facts.birthDate },
    guardians: facts.guardians,
    existingClientships: rows.existingClientships.map((x) => ({
      organisationId: x.organisationId,
      since: x.since ?? null,
      responsibleWorker: null,
      recordedOn: x.recordedOn ?? null,
      endedOn: x.endedOn ?? null,
    })),
    selection: [],
    selectionStartedOn: rows.case.selectionStartedOn ?? null,
    decidedOn: rows.case.decidedOn ?? null,
    activatedOn: rows.case.activatedOn ?? null,
    closedOn: rows.case.closedOn ?? null,
    closeReason: rows.case.closeReason ?? null,
    consents: facts.consents,
    meetings: rows.meetings.map((m) => ({
      id: m.id,
      plannedOn: m.plannedOn,
      status: m.status,
      heldOn: m.heldOn ?? null,
      composition: rows.meetingParticipants
        .filter((p) => p.meetingId === m.id)
        .map((p) => ({
          id: p.id,
          role: p.role,
          organisationId: p.organisationId ?? null,
          staffId: null,
          profession: null,
          guardianId: null,
        })),
      attended: [],
      record: null,
      responsibleWorkerInformedOn: null,
      composedOn: m.composedOn ?? null,
      cancelledOn: m.cancelledOn ?? null,
      startTime: null,
      durationMinutes: null,
      place: null,
      invitations: [],
    })),
    referrals: [],
    childWelfareNotification: null,
    removedControllerParts: [],
    version: 0,
  };
  const context = {
    selectingUnits: team.selectionOn(rows.case.referredOn),
    coreOrganisationIdsOn: (day: string) => team.coreOn(day),
    // A synthetic case has no removed parts: controllers are never asked for.
    controllerOn: (organisationId: string) => organisationId,
  };
  return caseMemberships(domainCase, context).map((m) => ({
    teamId,
    caseId,
    id: newId(),
    organisationId: m.organisationId,
    basis: m.basis,
    meetingId: m.meetingId,
    consentIds: m.consentIds,
    validFrom: m.from,
    validTo: m.to,
  }));
}
