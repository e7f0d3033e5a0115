import { z } from "zod";

/**
 * Identifiers are opaque strings: slugs in seed data (`org-helsinki-police`), UUIDs when the database
 * assigns them. The schema admits both and nothing that could smuggle markup or SQL into logs.
 */
export const idSchema = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, { message: "Expected an id of letters, digits and . _ : -" });

export type Id = string;
export type TeamId = Id;
export type OrganisationId = Id;
export type StaffId = Id;
export type CaseId = Id;
export type MeetingId = Id;
