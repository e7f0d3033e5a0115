import type { Profession } from "../staffing/profession.js";

/**
 * Access roles. Staff roles follow the professions of the team; the others see what their task needs
 * and no more: steering-group members and party leadership see aggregates only, auditors read the
 * access log but not the cases, a controller's registry office (kirjaamo) answers its clients'
 * requests for their access log, team administrators manage organisations, staff and bodies.
 */
export const accessRoles = [
  "police-officer",
  "operational-supervisor",
  "social-worker",
  "psychiatric-nurse",
  "youth-worker",
  "steering-group-member",
  "party-leadership",
  "auditor",
  "registry-office",
  "team-administrator",
] as const;
export type AccessRole = (typeof accessRoles)[number];

/** Roles of the people who work with clients; only they may ever see client data. */
export const caseworkerRoles = [
  "police-officer",
  "operational-supervisor",
  "social-worker",
  "psychiatric-nurse",
  "youth-worker",
] as const satisfies readonly AccessRole[];
export type CaseworkerRole = (typeof caseworkerRoles)[number];

/**
 * Roles granted by a role assignment rather than by work with clients: they come from the database
 * (`roleAssignments`), never from a token. Casework roles come from a staff assignment in force.
 */
export const grantedRoles = [
  "steering-group-member",
  "party-leadership",
  "auditor",
  "registry-office",
  "team-administrator",
] as const satisfies readonly AccessRole[];
export type GrantedRole = (typeof grantedRoles)[number];

/**
 * Separation of duties: whoever audits the access log, answers clients' requests for it or administers the team's people must not also
 * do casework on the same day, or they could grant themselves access or read their own traces
 * (docs/domain.md, "Who may act").
 */
export const rolesExcludingCasework = [
  "auditor",
  "registry-office",
  "team-administrator",
] as const satisfies readonly GrantedRole[];

/** The casework role of each profession: related professions act with the nearest role. */
export const caseworkRoleOf: Readonly<Record<Profession, CaseworkerRole>> = {
  "police-officer": "police-officer",
  "social-worker": "social-worker",
  "social-counsellor": "social-worker",
  "psychiatric-nurse": "psychiatric-nurse",
  "psychologist": "psychiatric-nurse",
  "youth-worker": "youth-worker",
  "other": "youth-worker",
};
