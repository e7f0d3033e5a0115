/**
 * `@ankkuri/domain`: the rules of Ankkuri teams as pure, typed functions. No I/O, no clock: dates come
 * in as arguments; rule checks return violations with stable codes and Finnish and English messages.
 *
 * @packageDocumentation
 */

// Core values
export * from "./core/local-date.js";
export * from "./core/interval.js";
export * from "./core/coverage.js";
export * from "./core/localised-text.js";
export * from "./core/violation.js";
export * from "./core/ids.js";
export * from "./core/parse-input.js";

// Organisations and identities
export * from "./organisations/business-id.js";
export * from "./organisations/organisation.js";
export * from "./organisations/organisation-rules.js";
export * from "./identity/identity-code.js";

// Teams and the agreement
export * from "./teams/team.js";
export * from "./teams/report-languages.js";
export * from "./teams/premises.js";
export * from "./agreement/agreement.js";
export * from "./agreement/agreement-terms.js";
export * from "./agreement/agreement-changes.js";
export * from "./agreement/amendments.js";
export * from "./agreement/agreement-rules.js";

// Staffing and FTE
export * from "./staffing/profession.js";
export * from "./staffing/staff.js";
export * from "./staffing/fte.js";
export * from "./staffing/fte-report.js";
export * from "./staffing/security-clearance.js";
export * from "./staffing/counted-assignments.js";
export * from "./staffing/check-staffing.js";
export * from "./staffing/staff-administration.js";
export * from "./staffing/consultations.js";

// Steering groups and chair rotation
export * from "./governance/chair-rotation.js";
export * from "./governance/chair-override.js";
export * from "./governance/annual-clock.js";
export * from "./governance/body-meetings.js";
export * from "./governance/rotation-from-agreement.js";
export * from "./governance/cooperation-body.js";

// Cases
export * from "./cases/age-policy.js";
export * from "./cases/case.js";
export * from "./cases/case-commands.js";
export * from "./cases/case-lifecycle.js";
export * from "./cases/consent-policy.js";
export * from "./cases/case-invariants.js";
export * from "./cases/check-case.js";
export * from "./rules/rule-labels.js";
export * from "./cases/existing-clientship-rules.js";
export * from "./cases/assessment.js";
export * from "./cases/case-links.js";
export * from "./cases/case-names.js";
export * from "./cases/case-list.js";
export * from "./cases/meeting-calendar.js";
export * from "./cases/case-workers.js";
export * from "./cases/returning-client.js";
export * from "./cases/meeting-logistics.js";
export { effectiveRecord } from "./cases/meeting-commands.js";
export { notInFuture } from "./cases/case-refusals.js";
export { finalReferralStatuses } from "./cases/referral-commands.js";

// Access
export * from "./access/roles.js";
export * from "./access/user-account.js";
export * from "./access/access-policy.js";
export * from "./access/case-membership.js";
export * from "./access/resolve-actor.js";
export * from "./access/legal-basis.js";
export * from "./access/access-log-extract.js";
export * from "./access/controller-of.js";
export * from "./access/controller-share.js";

// Retention
export * from "./retention/retention-policy.js";
export * from "./retention/retention-plan.js";
export * from "./retention/legal-hold-rules.js";

// Datasets
export * from "./seed/team-dataset.js";
export * from "./seed/helsinki/index.js";
