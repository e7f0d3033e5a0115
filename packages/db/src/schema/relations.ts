import { defineRelations } from "drizzle-orm";
import * as tables from "./tables.js";

/**
 * Relations for every foreign key, so nested reads (the gateway's drizzle plugin, reports) are planned
 * as one SQL statement with lateral joins. Team-scoped relations join on the team id as well, which
 * keeps every join inside one team (and one shard).
 */
export const relations = defineRelations(tables, (r) => ({
  organisations: {
    parent: r.one.organisations({
      from: r.organisations.parentId,
      to: r.organisations.id,
      alias: "organisation_parent",
    }),
    children: r.many.organisations({
      from: r.organisations.id,
      to: r.organisations.parentId,
      alias: "organisation_parent",
    }),
  },
  teams: {
    policeDepartment: r.one.organisations({
      from: r.teams.policeDepartmentId,
      to: r.organisations.id,
      optional: false,
    }),
    agreement: r.one.agreements({ from: r.teams.id, to: r.agreements.teamId }),
    staff: r.many.staff({ from: r.teams.id, to: r.staff.teamId }),
    bodies: r.many.cooperationBodies({ from: r.teams.id, to: r.cooperationBodies.teamId }),
    users: r.many.users({ from: r.teams.id, to: r.users.teamId }),
    roleAssignments: r.many.roleAssignments({ from: r.teams.id, to: r.roleAssignments.teamId }),
    premises: r.many.premises({ from: r.teams.id, to: r.premises.teamId }),
  },
  bodyMeetings: {
    body: r.one.cooperationBodies({
      from: [r.bodyMeetings.teamId, r.bodyMeetings.bodyId],
      to: [r.cooperationBodies.teamId, r.cooperationBodies.id],
      optional: false,
    }),
  },
  consultations: {
    expert: r.one.staff({
      from: [r.consultations.teamId, r.consultations.staffId],
      to: [r.staff.teamId, r.staff.id],
      optional: false,
    }),
    organisation: r.one.organisations({
      from: r.consultations.organisationId,
      to: r.organisations.id,
      optional: false,
      alias: "consultation_organisation",
    }),
    party: r.one.organisations({
      from: r.consultations.partyId,
      to: r.organisations.id,
      optional: false,
      alias: "consultation_party",
    }),
  },
  users: {
    team: r.one.teams({ from: r.users.teamId, to: r.teams.id, optional: false }),
    staffMember: r.one.staff({ from: [r.users.teamId, r.users.staffId], to: [r.staff.teamId, r.staff.id] }),
  },
  roleAssignments: {
    organisation: r.one.organisations({
      from: r.roleAssignments.organisationId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  agreements: {
    team: r.one.teams({ from: r.agreements.teamId, to: r.teams.id, optional: false }),
    versions: r.many.agreementVersions({
      from: [r.agreements.teamId, r.agreements.id],
      to: [r.agreementVersions.teamId, r.agreementVersions.agreementId],
    }),
    signatures: r.many.signatures({
      from: [r.agreements.teamId, r.agreements.id],
      to: [r.signatures.teamId, r.signatures.agreementId],
    }),
    joiningDecisions: r.many.joiningDecisions({
      from: [r.agreements.teamId, r.agreements.id],
      to: [r.joiningDecisions.teamId, r.joiningDecisions.agreementId],
    }),
    notices: r.many.notices({
      from: [r.agreements.teamId, r.agreements.id],
      to: [r.notices.teamId, r.notices.agreementId],
    }),
  },
  agreementVersions: {
    agreement: r.one.agreements({
      from: [r.agreementVersions.teamId, r.agreementVersions.agreementId],
      to: [r.agreements.teamId, r.agreements.id],
      optional: false,
    }),
    parties: r.many.agreementParties({
      from: [r.agreementVersions.teamId, r.agreementVersions.agreementId, r.agreementVersions.number],
      to: [r.agreementParties.teamId, r.agreementParties.agreementId, r.agreementParties.versionNumber],
    }),
    teamUnits: r.many.agreementTeamUnits({
      from: [r.agreementVersions.teamId, r.agreementVersions.agreementId, r.agreementVersions.number],
      to: [r.agreementTeamUnits.teamId, r.agreementTeamUnits.agreementId, r.agreementTeamUnits.versionNumber],
    }),
    fteTargets: r.many.fteTargets({
      from: [r.agreementVersions.teamId, r.agreementVersions.agreementId, r.agreementVersions.number],
      to: [r.fteTargets.teamId, r.fteTargets.agreementId, r.fteTargets.versionNumber],
    }),
  },
  agreementParties: {
    organisation: r.one.organisations({
      from: r.agreementParties.organisationId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  agreementTeamUnits: {
    organisation: r.one.organisations({
      from: r.agreementTeamUnits.organisationId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  fteTargets: {
    organisation: r.one.organisations({ from: r.fteTargets.organisationId, to: r.organisations.id, optional: false }),
  },
  signatures: {
    organisation: r.one.organisations({ from: r.signatures.organisationId, to: r.organisations.id, optional: false }),
  },
  joiningDecisions: {
    organisation: r.one.organisations({
      from: r.joiningDecisions.organisationId,
      to: r.organisations.id,
      optional: false,
    }),
    approvals: r.many.joiningApprovals({
      from: [r.joiningDecisions.teamId, r.joiningDecisions.id],
      to: [r.joiningApprovals.teamId, r.joiningApprovals.decisionId],
    }),
  },
  joiningApprovals: {
    organisation: r.one.organisations({
      from: r.joiningApprovals.organisationId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  notices: {
    party: r.one.organisations({ from: r.notices.partyId, to: r.organisations.id, optional: false }),
  },
  staff: {
    team: r.one.teams({ from: r.staff.teamId, to: r.teams.id, optional: false }),
    organisation: r.one.organisations({ from: r.staff.organisationId, to: r.organisations.id, optional: false }),
    assignments: r.many.assignments({
      from: [r.staff.teamId, r.staff.id],
      to: [r.assignments.teamId, r.assignments.staffId],
    }),
    clearances: r.many.securityClearances({
      from: [r.staff.teamId, r.staff.id],
      to: [r.securityClearances.teamId, r.securityClearances.staffId],
    }),
    premisesAccess: r.many.premisesAccess({
      from: [r.staff.teamId, r.staff.id],
      to: [r.premisesAccess.teamId, r.premisesAccess.staffId],
    }),
  },
  assignments: {
    staffMember: r.one.staff({
      from: [r.assignments.teamId, r.assignments.staffId],
      to: [r.staff.teamId, r.staff.id],
      optional: false,
    }),
    organisation: r.one.organisations({ from: r.assignments.organisationId, to: r.organisations.id, optional: false }),
  },
  securityClearances: {
    staffMember: r.one.staff({
      from: [r.securityClearances.teamId, r.securityClearances.staffId],
      to: [r.staff.teamId, r.staff.id],
      optional: false,
    }),
    requestedBy: r.one.organisations({
      from: r.securityClearances.requestedById,
      to: r.organisations.id,
      optional: false,
    }),
  },
  premisesAccess: {
    staffMember: r.one.staff({
      from: [r.premisesAccess.teamId, r.premisesAccess.staffId],
      to: [r.staff.teamId, r.staff.id],
      optional: false,
    }),
  },
  cooperationBodies: {
    team: r.one.teams({ from: r.cooperationBodies.teamId, to: r.teams.id, optional: false }),
    parent: r.one.cooperationBodies({
      from: [r.cooperationBodies.teamId, r.cooperationBodies.parentBodyId],
      to: [r.cooperationBodies.teamId, r.cooperationBodies.id],
      alias: "body_parent",
    }),
    children: r.many.cooperationBodies({
      from: [r.cooperationBodies.teamId, r.cooperationBodies.id],
      to: [r.cooperationBodies.teamId, r.cooperationBodies.parentBodyId],
      alias: "body_parent",
    }),
    chairOrganisation: r.one.organisations({ from: r.cooperationBodies.chairOrganisationId, to: r.organisations.id }),
    seats: r.many.seats({
      from: [r.cooperationBodies.teamId, r.cooperationBodies.id],
      to: [r.seats.teamId, r.seats.bodyId],
    }),
    rotationOrder: r.many.rotationOrder({
      from: [r.cooperationBodies.teamId, r.cooperationBodies.id],
      to: [r.rotationOrder.teamId, r.rotationOrder.bodyId],
    }),
    rotationEvents: r.many.rotationEvents({
      from: [r.cooperationBodies.teamId, r.cooperationBodies.id],
      to: [r.rotationEvents.teamId, r.rotationEvents.bodyId],
    }),
  },
  seats: {
    organisation: r.one.organisations({ from: r.seats.organisationId, to: r.organisations.id, optional: false }),
  },
  rotationOrder: {
    party: r.one.organisations({ from: r.rotationOrder.partyId, to: r.organisations.id, optional: false }),
  },
  rotationEvents: {
    party: r.one.organisations({ from: r.rotationEvents.partyId, to: r.organisations.id, optional: false }),
  },
  clients: {
    cases: r.many.cases({ from: [r.clients.teamId, r.clients.id], to: [r.cases.teamId, r.cases.clientId] }),
  },
  cases: {
    team: r.one.teams({ from: r.cases.teamId, to: r.teams.id, optional: false }),
    client: r.one.clients({
      from: [r.cases.teamId, r.cases.clientId],
      to: [r.clients.teamId, r.clients.id],
      optional: false,
    }),
    guardians: r.many.guardians({ from: [r.cases.teamId, r.cases.id], to: [r.guardians.teamId, r.guardians.caseId] }),
    existingClientships: r.many.existingClientships({
      from: [r.cases.teamId, r.cases.id],
      to: [r.existingClientships.teamId, r.existingClientships.caseId],
    }),
    memberships: r.many.caseMemberships({
      from: [r.cases.teamId, r.cases.id],
      to: [r.caseMemberships.teamId, r.caseMemberships.caseId],
    }),
    removedControllerParts: r.many.removedControllerParts({
      from: [r.cases.teamId, r.cases.id],
      to: [r.removedControllerParts.teamId, r.removedControllerParts.caseId],
    }),
    links: r.many.caseLinks({
      from: [r.cases.teamId, r.cases.id],
      to: [r.caseLinks.teamId, r.caseLinks.caseId],
      alias: "case_link_from",
    }),
    linkedFrom: r.many.caseLinks({
      from: [r.cases.teamId, r.cases.id],
      to: [r.caseLinks.teamId, r.caseLinks.linkedCaseId],
      alias: "case_link_to",
    }),
    assessments: r.many.assessments({
      from: [r.cases.teamId, r.cases.id],
      to: [r.assessments.teamId, r.assessments.caseId],
    }),
    workers: r.many.caseWorkers({
      from: [r.cases.teamId, r.cases.id],
      to: [r.caseWorkers.teamId, r.caseWorkers.caseId],
    }),
    goals: r.many.goals({ from: [r.cases.teamId, r.cases.id], to: [r.goals.teamId, r.goals.caseId] }),
    linkGroups: r.many.caseLinkGroupCases({
      from: [r.cases.teamId, r.cases.id],
      to: [r.caseLinkGroupCases.teamId, r.caseLinkGroupCases.caseId],
    }),
    selection: r.many.selectionDecisions({
      from: [r.cases.teamId, r.cases.id],
      to: [r.selectionDecisions.teamId, r.selectionDecisions.caseId],
    }),
    consents: r.many.consents({ from: [r.cases.teamId, r.cases.id], to: [r.consents.teamId, r.consents.caseId] }),
    meetings: r.many.meetings({ from: [r.cases.teamId, r.cases.id], to: [r.meetings.teamId, r.meetings.caseId] }),
    referrals: r.many.referrals({ from: [r.cases.teamId, r.cases.id], to: [r.referrals.teamId, r.referrals.caseId] }),
    referralEvents: r.many.referralEvents({
      from: [r.cases.teamId, r.cases.id],
      to: [r.referralEvents.teamId, r.referralEvents.caseId],
    }),
    childWelfareNotifiedBy: r.one.organisations({ from: r.cases.childWelfareNotifiedById, to: r.organisations.id }),
    notes: r.many.caseNotes({ from: [r.cases.teamId, r.cases.id], to: [r.caseNotes.teamId, r.caseNotes.caseId] }),
  },
  referralEvents: {
    case: r.one.cases({
      from: [r.referralEvents.teamId, r.referralEvents.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
    }),
    referredBy: r.one.organisations({
      from: r.referralEvents.referredByOrganisationId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  caseNotes: {
    case: r.one.cases({
      from: [r.caseNotes.teamId, r.caseNotes.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
    }),
    organisation: r.one.organisations({ from: r.caseNotes.organisationId, to: r.organisations.id, optional: false }),
  },
  guardians: {
    case: r.one.cases({
      from: [r.guardians.teamId, r.guardians.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
    }),
  },
  existingClientships: {
    case: r.one.cases({
      from: [r.existingClientships.teamId, r.existingClientships.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
    }),
    organisation: r.one.organisations({
      from: r.existingClientships.organisationId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  caseMemberships: {
    case: r.one.cases({
      from: [r.caseMemberships.teamId, r.caseMemberships.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
    }),
    organisation: r.one.organisations({
      from: r.caseMemberships.organisationId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  removedControllerParts: {
    case: r.one.cases({
      from: [r.removedControllerParts.teamId, r.removedControllerParts.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
    }),
    controller: r.one.organisations({
      from: r.removedControllerParts.controllerId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  caseLinks: {
    case: r.one.cases({
      from: [r.caseLinks.teamId, r.caseLinks.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
      alias: "case_link_from",
    }),
    linkedCase: r.one.cases({
      from: [r.caseLinks.teamId, r.caseLinks.linkedCaseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
      alias: "case_link_to",
    }),
  },
  assessments: {
    case: r.one.cases({
      from: [r.assessments.teamId, r.assessments.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
    }),
    goals: r.many.goals({
      from: [r.assessments.teamId, r.assessments.id],
      to: [r.goals.teamId, r.goals.assessmentId],
    }),
    summaries: r.many.assessmentSummaries({
      from: [r.assessments.teamId, r.assessments.id],
      to: [r.assessmentSummaries.teamId, r.assessmentSummaries.assessmentId],
    }),
  },
  goals: {
    assessment: r.one.assessments({
      from: [r.goals.teamId, r.goals.assessmentId],
      to: [r.assessments.teamId, r.assessments.id],
      optional: false,
    }),
    reviews: r.many.goalReviews({
      from: [r.goals.teamId, r.goals.id],
      to: [r.goalReviews.teamId, r.goalReviews.goalId],
    }),
    owner: r.one.staff({
      from: [r.goals.teamId, r.goals.ownerStaffId],
      to: [r.staff.teamId, r.staff.id],
      optional: false,
    }),
  },
  caseWorkers: {
    case: r.one.cases({
      from: [r.caseWorkers.teamId, r.caseWorkers.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
    }),
    staffMember: r.one.staff({
      from: [r.caseWorkers.teamId, r.caseWorkers.staffId],
      to: [r.staff.teamId, r.staff.id],
      optional: false,
    }),
  },
  caseLinkGroups: {
    cases: r.many.caseLinkGroupCases({
      from: [r.caseLinkGroups.teamId, r.caseLinkGroups.id],
      to: [r.caseLinkGroupCases.teamId, r.caseLinkGroupCases.linkId],
    }),
  },
  caseLinkGroupCases: {
    link: r.one.caseLinkGroups({
      from: [r.caseLinkGroupCases.teamId, r.caseLinkGroupCases.linkId],
      to: [r.caseLinkGroups.teamId, r.caseLinkGroups.id],
      optional: false,
    }),
    case: r.one.cases({
      from: [r.caseLinkGroupCases.teamId, r.caseLinkGroupCases.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
    }),
  },
  selectionDecisions: {
    case: r.one.cases({
      from: [r.selectionDecisions.teamId, r.selectionDecisions.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
    }),
    staffMember: r.one.staff({
      from: [r.selectionDecisions.teamId, r.selectionDecisions.staffId],
      to: [r.staff.teamId, r.staff.id],
    }),
    organisation: r.one.organisations({
      from: r.selectionDecisions.organisationId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  consents: {
    case: r.one.cases({
      from: [r.consents.teamId, r.consents.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
    }),
    guardian: r.one.guardians({
      from: [r.consents.teamId, r.consents.guardianId],
      to: [r.guardians.teamId, r.guardians.id],
    }),
    scopes: r.many.consentScopes({
      from: [r.consents.teamId, r.consents.id],
      to: [r.consentScopes.teamId, r.consentScopes.consentId],
    }),
    withdrawals: r.many.consentWithdrawals({
      from: [r.consents.teamId, r.consents.id],
      to: [r.consentWithdrawals.teamId, r.consentWithdrawals.consentId],
    }),
  },
  consentScopes: {
    organisation: r.one.organisations({
      from: r.consentScopes.organisationId,
      to: r.organisations.id,
      optional: false,
    }),
  },
  meetings: {
    case: r.one.cases({
      from: [r.meetings.teamId, r.meetings.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
    }),
    participants: r.many.meetingParticipants({
      from: [r.meetings.teamId, r.meetings.id],
      to: [r.meetingParticipants.teamId, r.meetingParticipants.meetingId],
    }),
    record: r.one.meetingRecords({
      from: [r.meetings.teamId, r.meetings.id],
      to: [r.meetingRecords.teamId, r.meetingRecords.meetingId],
    }),
    premises: r.one.premises({
      from: [r.meetings.teamId, r.meetings.premisesId],
      to: [r.premises.teamId, r.premises.id],
    }),
    invitations: r.many.meetingInvitations({
      from: [r.meetings.teamId, r.meetings.id],
      to: [r.meetingInvitations.teamId, r.meetingInvitations.meetingId],
    }),
    referrals: r.many.referrals({
      from: [r.meetings.teamId, r.meetings.id],
      to: [r.referrals.teamId, r.referrals.meetingId],
    }),
  },
  meetingRecords: {
    amendments: r.many.meetingRecordAmendments({
      from: [r.meetingRecords.teamId, r.meetingRecords.meetingId],
      to: [r.meetingRecordAmendments.teamId, r.meetingRecordAmendments.meetingId],
    }),
  },
  meetingInvitations: {
    meeting: r.one.meetings({
      from: [r.meetingInvitations.teamId, r.meetingInvitations.meetingId],
      to: [r.meetings.teamId, r.meetings.id],
      optional: false,
    }),
    participant: r.one.meetingParticipants({
      from: [r.meetingInvitations.teamId, r.meetingInvitations.meetingId, r.meetingInvitations.participantId],
      to: [r.meetingParticipants.teamId, r.meetingParticipants.meetingId, r.meetingParticipants.id],
      optional: false,
    }),
  },
  premises: {
    organisation: r.one.organisations({ from: r.premises.organisationId, to: r.organisations.id, optional: false }),
  },
  meetingParticipants: {
    meeting: r.one.meetings({
      from: [r.meetingParticipants.teamId, r.meetingParticipants.meetingId],
      to: [r.meetings.teamId, r.meetings.id],
      optional: false,
    }),
    organisation: r.one.organisations({ from: r.meetingParticipants.organisationId, to: r.organisations.id }),
    staffMember: r.one.staff({
      from: [r.meetingParticipants.teamId, r.meetingParticipants.staffId],
      to: [r.staff.teamId, r.staff.id],
    }),
  },
  referrals: {
    case: r.one.cases({
      from: [r.referrals.teamId, r.referrals.caseId],
      to: [r.cases.teamId, r.cases.id],
      optional: false,
    }),
    meeting: r.one.meetings({
      from: [r.referrals.teamId, r.referrals.meetingId],
      to: [r.meetings.teamId, r.meetings.id],
    }),
    organisation: r.one.organisations({ from: r.referrals.organisationId, to: r.organisations.id, optional: false }),
  },
  reportRuns: {
    artifacts: r.many.reportArtifacts({
      from: [r.reportRuns.teamId, r.reportRuns.id],
      to: [r.reportArtifacts.teamId, r.reportArtifacts.runId],
    }),
  },
}));
