import { z } from "zod";
import { termsOn } from "../agreement/agreement-terms.js";
import type { Agreement } from "../agreement/agreement.js";
import { idSchema } from "../core/ids.js";
import { type LocalDate, localDateSchema } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";
import { clientDataIn } from "../governance/body-meetings.js";
import { isWithin, type Organisation } from "../organisations/organisation.js";
import type { StaffMember } from "./staff.js";

/** An expert's consultation for their own organisation (003 § 4.2): a unit, a topic, a day. */
export const consultationSchema = z.object({
  id: idSchema,
  staffId: idSchema,
  organisationId: idSchema,
  topic: z.string().trim().min(1).max(500),
  consultedOn: localDateSchema,
});
export type Consultation = z.output<typeof consultationSchema>;

export type ConsultationCode =
  "CONSULTATION.NOT_OWN_ORGANISATION" | "CONSULTATION.IN_FUTURE" | "BODY_MEETING.CLIENT_DATA";

/**
 * An Ankkuri expert gives their expertise to their own organisation (003 § 4.2: "tarjoaa
 * asiantuntemustaan … omille organisaatioilleen"): the unit consulted is within the party that
 * employs the expert (by the terms in force that day); the day is not in the future; no client data.
 * Returns the party the consultation counts for.
 */
export function checkConsultation(
  records: { agreement: Agreement; organisations: readonly Organisation[] },
  expert: StaffMember,
  consultation: Consultation,
  today: LocalDate,
): { ok: true; partyId: string } | { ok: false; error: Violation[] } {
  const found: Violation[] = [];
  const index = new Map(records.organisations.map((o) => [o.id, o]));
  const party = termsOn(records.agreement, consultation.consultedOn).parties.find((p) =>
    isWithin(expert.organisationId, p.organisationId, index),
  );
  if (
    !party ||
    !index.has(consultation.organisationId) ||
    !isWithin(consultation.organisationId, party.organisationId, index)
  ) {
    const unit = index.get(consultation.organisationId)?.name ?? { fi: "?", sv: "?", en: "?" };
    found.push(
      violation(
        "CONSULTATION.NOT_OWN_ORGANISATION",
        [expert.id],
        {
          fi: `${unit.fi} ei kuulu henkilön ${expert.givenName} ${expert.familyName} omaan organisaatioon.`,
          sv: `${unit.sv} hör inte till ${expert.givenName} ${expert.familyName}s egen organisation.`,
          en: `${unit.en} is not of ${expert.givenName} ${expert.familyName}'s own organisation.`,
        },
        { path: ["input", "organisationId"] },
      ),
    );
  }
  if (consultation.consultedOn > today) {
    found.push(
      violation(
        "CONSULTATION.IN_FUTURE",
        [expert.id],
        {
          fi: "Konsultaatiota ei voi kirjata tulevalle päivälle.",
          sv: "En konsultation kan inte registreras för en kommande dag.",
          en: "A consultation cannot be recorded for a future day.",
        },
        { path: ["input", "consultedOn"] },
      ),
    );
  }
  found.push(...clientDataIn([{ text: consultation.topic, path: ["input", "topic"] }]));
  return found.length > 0 || !party ? { ok: false, error: found } : { ok: true, partyId: party.organisationId };
}
