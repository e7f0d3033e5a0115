import { z } from "zod";
import { idSchema } from "../core/ids.js";
import { intervalSchema } from "../core/interval.js";
import { localDateSchema } from "../core/local-date.js";
import { professions } from "./profession.js";

/** A member of staff in the team. Demo and seed data hold fictional people only. */
export const staffMemberSchema = z.object({
  id: idSchema,
  teamId: idSchema,
  /** The unit employing the person (a police unit, a Sotepe unit, Kuva youth services, ...). */
  organisationId: idSchema,
  profession: z.enum(professions),
  givenName: z.string().trim().min(1).max(80),
  familyName: z.string().trim().min(1).max(80),
  title: z.string().trim().min(1).max(120),
  /** Login of the person in the identity provider; links tokens to staff records. */
  login: z.string().regex(/^[a-z0-9._-]{2,64}$/),
  /** A police e-mail account given to city staff for confidential messages (003 § 7). */
  policeMailAccount: z.boolean().default(false),
});
export type StaffMember = z.output<typeof staffMemberSchema>;

/** Roles an assignment gives inside the team. */
export const assignmentRoles = ["member", "operational-supervisor"] as const;
export type AssignmentRole = (typeof assignmentRoles)[number];

const isHundredths = (f: number) => Math.abs(Math.round(f * 100) - f * 100) < 1e-9;

/**
 * A person's assignment to the team: a fraction of full time (0 < f ≤ 1, in hundredths) over an
 * interval of days, for a unit, optionally as the operational supervisor (003 § 6.1).
 */
export const assignmentSchema = z.object({
  id: idSchema,
  teamId: idSchema,
  staffId: idSchema,
  /** The staffing unit the work is counted for (a `teamUnits` entry of the agreement). */
  organisationId: idSchema,
  fraction: z
    .number()
    .gt(0, { message: "An assignment's fraction is above 0" })
    .lte(1, { message: "An assignment's fraction is at most 1.0" })
    .refine(isHundredths, { message: "Give the fraction in hundredths (e.g. 0.5, 0.25)" }),
  interval: intervalSchema,
  role: z.enum(assignmentRoles).default("member"),
  /** City staff working on police premises need a security clearance first (003 § 7). */
  needsPremisesAccess: z.boolean().default(true),
});
export type Assignment = z.output<typeof assignmentSchema>;

/** Scopes of a Finnish security clearance (turvallisuusselvitys), narrowest first. */
export const clearanceScopes = ["narrow", "standard", "extended"] as const;
export type ClearanceScope = (typeof clearanceScopes)[number];

/**
 * A security clearance requested by the police for a city employee (003 § 7). Valid from `grantedOn`
 * to `validUntil` (inclusive) unless revoked; denied or pending clearances grant nothing.
 */
export const securityClearanceSchema = z.object({
  id: idSchema,
  staffId: idSchema,
  scope: z.enum(clearanceScopes),
  /** The organisation that requested it; must be the police department. */
  requestedById: idSchema,
  requestedOn: localDateSchema,
  grantedOn: localDateSchema.nullable().default(null),
  deniedOn: localDateSchema.nullable().default(null),
  validUntil: localDateSchema.nullable().default(null),
  revokedOn: localDateSchema.nullable().default(null),
});
export type SecurityClearance = z.output<typeof securityClearanceSchema>;

/** A personal, restricted access right to the police premises (003 § 7). */
export const premisesAccessSchema = z.object({
  id: idSchema,
  staffId: idSchema,
  interval: intervalSchema,
  /** Which areas the personal access covers, e.g. "Ankkuri team rooms, 3rd floor". */
  areas: z.string().trim().min(1).max(200),
});
export type PremisesAccess = z.output<typeof premisesAccessSchema>;
