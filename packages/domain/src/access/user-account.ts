import { z } from "zod";
import { idSchema } from "../core/ids.js";
import { intervalSchema } from "../core/interval.js";
import { grantedRoles } from "./roles.js";

/** A login: the token's subject (`sub`) names it. */
export const loginSchema = z.string().regex(/^[a-z0-9._-]{2,64}$/);

/**
 * A person who can sign in to a team. It says who they are; what they may do on a day comes from
 * their staff assignments (casework) and role assignments (everything else) in force that day.
 */
export const userAccountSchema = z.object({
  teamId: idSchema,
  login: loginSchema,
  displayName: z.string().trim().min(1).max(200),
  /** The staff member this login belongs to, for casework; null for people without client work. */
  staffId: idSchema.nullable().default(null),
  /** The day the account was closed; it signs nobody in from then on. */
  closedOn: z.iso.date().nullable().default(null),
});
export type UserAccount = z.output<typeof userAccountSchema>;

/**
 * A role given to a login for an interval (a steering-group seat, party leadership, auditing, team
 * administration), acting for one organisation. A person with two such roles has two assignments.
 */
export const roleAssignmentSchema = z.object({
  id: idSchema,
  teamId: idSchema,
  login: loginSchema,
  role: z.enum(grantedRoles),
  organisationId: idSchema,
  interval: intervalSchema,
});
export type RoleAssignment = z.output<typeof roleAssignmentSchema>;
