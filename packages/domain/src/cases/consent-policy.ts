import type { OrganisationId } from "../core/ids.js";
import type { LocalisedText } from "../core/localised-text.js";
import type { LocalDate } from "../core/local-date.js";
import { type Violation, violation } from "../core/violation.js";
import { isWithin, type OrganisationIndex, organisationName } from "../organisations/organisation.js";
import { type AgePolicy, clientAge, defaultAgePolicy } from "./age-policy.js";
import type { Case, Consent, ConsentGiver, Guardian } from "./case.js";
import { caseStatusNames } from "./case-names.js";

export type ConsentViolationCode = "CONSENT.MISSING" | "CONSENT.NO_GUARDIAN_RECORDED" | "CASE.NOT_OPEN";

/** What the rules around invitations need beyond the case itself. */
export interface InvitationContext {
  /** Organisations of the core team on the date (`coreOrganisationIds(agreement, date)`); no consent needed for them. */
  coreOrganisationIds: readonly OrganisationId[];
  policy?: AgePolicy;
  /** When given, a consent for an organisation also covers its sub-units. */
  organisations?: OrganisationIndex;
}

/** Outcome of {@link canInvite}. */
export type InvitationDecision =
  | { allowed: true; basis: "core-team" }
  | { allowed: true; basis: "consent"; consentIds: string[] }
  | { allowed: false; reasons: Violation<ConsentViolationCode>[] };

/**
 * Whose consent an invitation needs on `date` (DOMAIN § 7 default policy): for a minor, every guardian
 * with custody and, from `ownConsentFromAge` (12), the client too; for an adult, the client alone.
 */
export function requiredConsentGivers(
  caseState: Pick<Case, "client" | "guardians">,
  date: LocalDate,
  policy: AgePolicy = defaultAgePolicy,
): ConsentGiver[] {
  const age = clientAge(caseState.client.birthDate, date);
  if (age >= policy.adulthoodAge) return [{ kind: "client" }];
  const guardians: ConsentGiver[] = caseState.guardians
    .filter((g) => g.hasCustody)
    .map((g) => ({ kind: "guardian", guardianId: g.id }));
  return age >= policy.ownConsentFromAge ? [{ kind: "client" }, ...guardians] : guardians;
}

/** True when the consent is in effect on `date`: given, not expired, not withdrawn (withdrawal applies from its day). */
export function isConsentInEffect(
  consent: Pick<Consent, "givenOn" | "validUntil" | "withdrawnOn">,
  date: LocalDate,
): boolean {
  return (
    consent.givenOn <= date &&
    (consent.validUntil === null || date <= consent.validUntil) &&
    (consent.withdrawnOn === null || date < consent.withdrawnOn)
  );
}

function sameGiver(a: ConsentGiver, b: ConsentGiver): boolean {
  return a.kind === "client" ? b.kind === "client" : b.kind === "guardian" && a.guardianId === b.guardianId;
}

function covers(consent: Consent, organisationId: OrganisationId, index: OrganisationIndex | undefined): boolean {
  return consent.organisationIds.some(
    (scope) => scope === organisationId || (index !== undefined && isWithin(organisationId, scope, index)),
  );
}

const relationshipNames = {
  "parent": { fi: "vanhemmalta", sv: "föräldern", en: "the parent" },
  "legal-guardian": { fi: "huoltajalta", sv: "vårdnadshavaren", en: "the legal guardian" },
  "other": { fi: "huoltajalta", sv: "vårdnadshavaren", en: "the guardian" },
} as const;

/** Who must give a consent, in words: the client, or the guardian by their relationship (never an id). */
function describeGiver(giver: ConsentGiver, guardians: readonly Guardian[]): LocalisedText {
  if (giver.kind === "client") return { fi: "asiakkaalta itseltään", sv: "klienten själv", en: "the client" };
  const relationship = guardians.find((g) => g.id === giver.guardianId)?.relationship ?? "other";
  const name = relationshipNames[relationship];
  // Several guardians of one kind are told apart by their order on the case screen.
  const position = guardians.filter((g) => g.relationship === relationship).findIndex((g) => g.id === giver.guardianId);
  const nth = position > 0 ? ` (${String(position + 1)}.)` : "";
  return { fi: `${name.fi}${nth}`, sv: `${name.sv}${nth}`, en: `${name.en}${nth}` };
}

/**
 * The consents on which `organisationId`, outside the core team, may take part in the case on `date`:
 * one in effect from every required giver, covering that organisation (003 § 4.2). A refusal lists
 * each missing consent separately. The case's status is not looked at: access that rests on these
 * consents (`caseMemberships`) is judged by this same rule.
 */
export function consentBasis(
  caseState: Pick<Case, "id" | "client" | "guardians" | "consents">,
  organisationId: OrganisationId,
  date: LocalDate,
  context: Omit<InvitationContext, "coreOrganisationIds"> = {},
): { allowed: true; consentIds: string[] } | { allowed: false; reasons: Violation<ConsentViolationCode>[] } {
  const policy = context.policy ?? defaultAgePolicy;
  const givers = requiredConsentGivers(caseState, date, policy);
  const reasons: Violation<ConsentViolationCode>[] = [];
  if (
    givers.length === 0 ||
    (clientAge(caseState.client.birthDate, date) < policy.adulthoodAge && !givers.some((g) => g.kind === "guardian"))
  ) {
    reasons.push(
      violation("CONSENT.NO_GUARDIAN_RECORDED", [caseState.id], {
        fi: "Alaikäisen asiakkaan huoltajia ei ole kirjattu, joten lupaa ydintiimin ulkopuolisen tahon kutsumiseen ei voi todeta.",
        sv: "Den minderåriga klientens vårdnadshavare har inte registrerats, så samtycke till att bjuda in någon utanför kärnteamet kan inte fastställas.",
        en: "No guardian of the minor client is recorded, so consent to invite anyone outside the core team cannot be established.",
      }),
    );
  }
  const used: string[] = [];
  for (const giver of givers) {
    const consent = caseState.consents.find(
      (c) =>
        sameGiver(c.giver, giver) && isConsentInEffect(c, date) && covers(c, organisationId, context.organisations),
    );
    if (consent) {
      used.push(consent.id);
      continue;
    }
    const who = describeGiver(giver, caseState.guardians);
    const whom = organisationName(organisationId, context.organisations);
    reasons.push(
      // The guardian's id goes with the ids (a screen can point at them), never into the words.
      violation(
        "CONSENT.MISSING",
        [caseState.id, organisationId, ...(giver.kind === "guardian" ? [giver.guardianId] : [])],
        {
          fi: `Lupa kutsua ${whom.fi} puuttuu ${who.fi} (${date}).`,
          sv: `Samtycke av ${who.sv} att bjuda in ${whom.sv} saknas (${date}).`,
          en: `Consent from ${who.en} to invite ${whom.en} is missing on ${date}.`,
        },
      ),
    );
  }
  return reasons.length === 0 ? { allowed: true, consentIds: used } : { allowed: false, reasons };
}

/**
 * May the team invite `organisationId` to a meeting of this case on `date`? The core team may always
 * be invited; anyone else only with consent in effect from every required giver covering that
 * organisation (003 § 4.2, `consentBasis`). Meetings are planned only for admitted and active cases.
 *
 * @example canInvite(caseState, "org-hel-education", "2025-03-01", { coreOrganisationIds })
 */
export function canInvite(
  caseState: Pick<Case, "id" | "status" | "client" | "guardians" | "consents">,
  organisationId: OrganisationId,
  date: LocalDate,
  context: InvitationContext = { coreOrganisationIds: [] },
): InvitationDecision {
  if (caseState.status !== "admitted" && caseState.status !== "active") {
    return {
      allowed: false,
      reasons: [
        violation("CASE.NOT_OPEN", [caseState.id], {
          fi: `Asiakkuus on tilassa ${caseStatusNames[caseState.status].fi}; tapaamisia voi suunnitella vain hyväksytyille ja aktiivisille asiakkuuksille.`,
          sv: `Klientskapet är ${caseStatusNames[caseState.status].sv}; möten kan planeras endast för klientskap som har godkänts eller pågår.`,
          en: `The case is ${caseStatusNames[caseState.status].en}; meetings can be planned only for admitted and active cases.`,
        }),
      ],
    };
  }
  if (context.coreOrganisationIds.includes(organisationId)) return { allowed: true, basis: "core-team" };
  const decision = consentBasis(caseState, organisationId, date, context);
  return decision.allowed ? { allowed: true, basis: "consent", consentIds: decision.consentIds } : decision;
}
