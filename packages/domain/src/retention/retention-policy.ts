import { z } from "zod";
import { idSchema } from "../core/ids.js";
import type { Agreement } from "../agreement/agreement.js";
import { termsOn } from "../agreement/agreement-terms.js";
import type { LocalDate } from "../core/local-date.js";
import type { OrganisationIndex, Sector } from "../organisations/organisation.js";

/** What a retention rule governs: a case with its meetings, consents and referrals; an organisation's own notes. */
export const documentClasses = ["case-record", "case-note"] as const;
export type DocumentClass = (typeof documentClasses)[number];

/** From when a period runs: the case's closing day, the client's birth, or the case's last entry. */
export const retentionTriggers = ["case-closed", "client-age", "last-entry"] as const;
export type RetentionTrigger = (typeof retentionTriggers)[number];

/** What happens at the end: the data is deleted, or the client made unrecognisable and the rest kept. */
export const retentionActions = ["delete", "anonymise"] as const;
export type RetentionAction = (typeof retentionActions)[number];

/** One controller's rule for one document class. */
export const retentionRuleSchema = z.object({
  controllerId: idSchema,
  documentClass: z.enum(documentClasses),
  trigger: z.enum(retentionTriggers),
  years: z.number().int().min(1).max(150),
  action: z.enum(retentionActions),
  /** The legal source, as the docs cite it. */
  source: z.string().min(1).max(500),
  /** False where the exact period is not certain: the default is then the longer candidate. */
  confirmed: z.boolean(),
});
export type RetentionRule = z.output<typeof retentionRuleSchema>;

/** A deployment's policy: one rule per controller and class (checked), configurable as JSON. */
export const retentionPolicySchema = z
  .array(retentionRuleSchema)
  .refine(
    (rules) => new Set(rules.map((r) => `${r.controllerId}|${r.documentClass}`)).size === rules.length,
    "one rule per controller and document class",
  );
export type RetentionPolicy = z.output<typeof retentionPolicySchema>;

const sources = {
  police:
    "Act on the Processing of Personal Data by the Police 616/2019 (data no longer needed is erased; no fixed period for this cooperation data)",
  socialAndHealth:
    "Client-data act 703/2023 and its retention annex: social welfare client documents 12 years from the end of the client relationship; child welfare and patient documents until the client is 120",
  other: "GDPR Art. 5(1)(e) (storage limitation); no statutory period for these records",
} as const;

/**
 * The documented defaults (docs/privacy.md, "Retention") for the agreement's parties, by sector:
 * the police five years from the case's closing; social services and health care until the client is
 * 120 (the longest candidate of the client-data act's annex for child welfare and patient documents,
 * until the period is confirmed); any other party five years from closing. None of the periods is
 * confirmed: where uncertain the longer candidate is taken, so nothing goes before a statute could
 * require it to stay.
 */
export function defaultRetentionPolicy(
  parties: readonly { organisationId: string; sector: Sector }[],
): RetentionPolicy {
  return parties.flatMap(({ organisationId, sector }) => {
    const kind =
      sector === "police"
        ? "police"
        : sector === "social-services" || sector === "health-care"
          ? "socialAndHealth"
          : "other";
    const trigger: RetentionTrigger = kind === "socialAndHealth" ? "client-age" : "case-closed";
    const years = kind === "socialAndHealth" ? 120 : 5;
    return documentClasses.map((documentClass) => ({
      controllerId: organisationId,
      documentClass,
      trigger,
      years,
      action: "delete" as const,
      source: sources[kind],
      confirmed: false,
    }));
  });
}

/** The defaults for the parties of the agreement on `day` (`defaultRetentionPolicy`). */
export function defaultRetentionPolicyFor(
  agreement: Agreement,
  organisations: OrganisationIndex,
  day: LocalDate,
): RetentionPolicy {
  return defaultRetentionPolicy(
    termsOn(agreement, day).parties.map((p) => ({
      organisationId: p.organisationId,
      sector: organisations.get(p.organisationId)?.sector ?? "other",
    })),
  );
}

/** Why data is held beyond its period (a legal hold stops all deletion until released). */
export const legalHoldReasons = ["complaint", "criminal-investigation", "litigation"] as const;
export type LegalHoldReason = (typeof legalHoldReasons)[number];
