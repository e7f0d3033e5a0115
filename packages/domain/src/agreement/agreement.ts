import { z } from "zod";
import { idSchema } from "../core/ids.js";
import { localDateSchema } from "../core/local-date.js";
import { localisedTextSchema } from "../core/localised-text.js";
import { professions } from "../staffing/profession.js";

/** A party's role in the agreement: the police department supplies, the city divisions are customers (003 § 1). */
export const partyRoles = ["supplier", "customer"] as const;
export type PartyRole = (typeof partyRoles)[number];

const personName = z.string().trim().min(1).max(120);

/** Contact person for agreement matters (003 § 2). Demo data holds fictional people only. */
export const contactSchema = z.object({
  name: personName,
  title: z.string().trim().min(1).max(200),
  email: z.email().nullable().default(null),
  phone: z
    .string()
    .regex(/^\+?[\d ()-]{5,20}$/)
    .nullable()
    .default(null),
});
export type Contact = z.output<typeof contactSchema>;

/** A party of the agreement: a legal entity or a division, with its role and contact person. */
export const agreementPartySchema = z.object({
  organisationId: idSchema,
  role: z.enum(partyRoles),
  contact: contactSchema,
});
export type AgreementParty = z.output<typeof agreementPartySchema>;

/** A unit that staffs the team, under one of the parties (e.g. psychiatry under Sotepe). */
export const teamUnitSchema = z.object({
  organisationId: idSchema,
  partyId: idSchema,
  professions: z.array(z.enum(professions)).min(1),
});
export type TeamUnit = z.output<typeof teamUnitSchema>;

/**
 * FTE target of one unit (003 § 5). Targets are aims ("tavoitteena on"), reported against, not limits.
 * `namedFte` records a larger named resource of which `fte` is reserved for Ankkuri work (Kuva: 4.0
 * named, about 2.0 reserved).
 */
export const fteTargetSchema = z
  .object({
    organisationId: idSchema,
    profession: z.enum(professions),
    fte: z.number().positive().max(1000),
    namedFte: z.number().positive().max(1000).nullable().default(null),
    /** How many of the `fte` are named operational supervisors (police: 1). */
    supervisors: z.number().int().min(0).max(10).default(0),
  })
  .refine((t) => t.namedFte === null || t.namedFte >= t.fte, {
    message: "The named resource cannot be smaller than the part reserved for Ankkuri",
    path: ["namedFte"],
  });
export type FteTarget = z.output<typeof fteTargetSchema>;

/**
 * The terms of one version of the agreement. The agreement "is updated when needed" (003 § 2): each
 * amendment is a new version; earlier versions stay as they were.
 */
export const agreementVersionSchema = z.object({
  number: z.number().int().positive(),
  effectiveFrom: localDateSchema,
  decidedOn: localDateSchema,
  summary: localisedTextSchema,
  parties: z.array(agreementPartySchema).min(1),
  teamUnits: z.array(teamUnitSchema),
  fteTargets: z.array(fteTargetSchema),
  noticePeriodMonths: z.number().int().min(0).max(60),
  /** Parties whose joint decision admits other authorities (003 § 2: police department and Sotepe). */
  joiningApproverIds: z.array(idSchema).min(1),
  /**
   * Parties without which the team cannot work: when one of them leaves, the agreement ends. Others
   * (Kuva) leave alone. See docs/domain.md, "Notice".
   */
  essentialPartyIds: z.array(idSchema).min(1),
});
export type AgreementVersion = z.output<typeof agreementVersionSchema>;

export const signatureMethods = ["strong-authentication", "advanced-electronic", "handwritten"] as const;
export type SignatureMethod = (typeof signatureMethods)[number];

/** An electronic signature (003, signature summary): signer, title, organisation, method, time. */
export const signatureSchema = z.object({
  id: idSchema,
  versionNumber: z.number().int().positive(),
  signerName: personName,
  signerTitle: z.string().trim().min(1).max(200),
  organisationId: idSchema,
  method: z.enum(signatureMethods),
  signedAt: z.iso.datetime({ offset: true }),
});
export type Signature = z.output<typeof signatureSchema>;

/** One party's approval of a joining decision, with the reference of its own decision. */
export const approvalSchema = z.object({
  organisationId: idSchema,
  approvedOn: localDateSchema,
  reference: z.string().trim().min(1).max(200),
});

/**
 * Admission of another authority's representatives into the team (003 § 2): valid only with the
 * approval of every joining approver (the police department and Sotepe).
 */
export const joiningDecisionSchema = z.object({
  id: idSchema,
  /** The joining authority's unit that will take part in the team. */
  organisationId: idSchema,
  effectiveFrom: localDateSchema,
  approvals: z.array(approvalSchema).min(1),
  description: z.string().trim().min(1).max(2000),
});
export type JoiningDecision = z.output<typeof joiningDecisionSchema>;

/** A party's unilateral notice of termination (003 § 3). */
export const noticeSchema = z.object({
  id: idSchema,
  partyId: idSchema,
  givenOn: localDateSchema,
  reference: z.string().trim().min(1).max(200),
});
export type Notice = z.output<typeof noticeSchema>;

/** zod schema of an {@link Agreement}. */
export const agreementSchema = z.object({
  id: idSchema,
  teamId: idSchema,
  /** Identifier as issued, e.g. `1.2.246.10.02012566.1.9.632.1`; kept exactly, even where strict OID syntax objects. */
  oid: z.string().trim().min(1).max(200),
  title: localisedTextSchema,
  description: localisedTextSchema,
  startsOn: localDateSchema,
  versions: z.array(agreementVersionSchema).min(1),
  signatures: z.array(signatureSchema),
  joiningDecisions: z.array(joiningDecisionSchema),
  notices: z.array(noticeSchema),
});

/**
 * The cooperation agreement of one team: identity, versioned terms, signatures, joining decisions and
 * notices. Functions in this folder never mutate it; they return a new agreement.
 */
export type Agreement = z.output<typeof agreementSchema>;
export type AgreementInput = z.input<typeof agreementSchema>;
