/**
 * Access roles. Staff roles follow the professions of the team; the others see what their task needs
 * and no more: steering-group members and party leadership see aggregates only, auditors read the
 * access log but not the cases, team administrators manage organisations, staff and bodies.
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
