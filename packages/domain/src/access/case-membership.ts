import type { Agreement } from "../agreement/agreement.js";
import { coreOrganisationIds, selectionOrganisationIds } from "../agreement/agreement-terms.js";
import type { OrganisationId } from "../core/ids.js";
import { addDays, type LocalDate, maxDate, minDate } from "../core/local-date.js";
import { indexOrganisations, lineage, type OrganisationIndex } from "../organisations/organisation.js";
import type { AgePolicy } from "../cases/age-policy.js";
import type { Case, Consent, RemovedControllerPart } from "../cases/case.js";
import { consentBasis } from "../cases/consent-policy.js";
import { controllerOf } from "./controller-of.js";

/**
 * Why an organisation may see a case (003 §§ 4.2, 9): the units that select clients and the referrer's
 * organisation from the referral; an organisation whose existing client relationship was recorded;
 * a core-team organisation given a meeting seat; anyone else only on a seat given under the consents
 * of every required giver.
 */
export const membershipBases = [
  "selecting-unit",
  "referrer",
  "existing-clientship",
  "meeting-seat",
  "consent",
] as const;
export type MembershipBasis = (typeof membershipBases)[number];

/**
 * Bases that open the whole case. An organisation present only under consent or an existing client
 * relationship sees the case's client and the meetings it has a seat in, not the others'.
 */
export const fullAccessBases: readonly MembershipBasis[] = ["selecting-unit", "referrer", "meeting-seat"];

/** One organisation's access to one case on one basis, for the days `from`–`to` (inclusive; open when null). */
export interface CaseMembership {
  organisationId: OrganisationId;
  basis: MembershipBasis;
  /** The meeting whose seat it rests on (`meeting-seat`, `consent`). */
  meetingId: string | null;
  /** The consents it rests on (`consent`): it ends when any of them ends. */
  consentIds: string[];
  from: LocalDate;
  to: LocalDate | null;
}

/** What deriving a case's memberships needs beyond the case. */
export interface MembershipContext {
  /** The units that select clients on the referral day (`selectionOrganisationIds`). */
  selectingUnits: readonly OrganisationId[];
  /** The core team on a day (`coreOrganisationIds`): their seats need no consent. */
  coreOrganisationIdsOn: (day: LocalDate) => readonly OrganisationId[];
  /**
   * The controller of an organisation's data on a day (`controllerOf`): a membership of a controller
   * whose part of the case retention removed is not derived again (`inRemovedPart`).
   */
  controllerOn: (organisationId: OrganisationId, day: LocalDate) => OrganisationId;
  /** When given, a consent for an organisation also covers its sub-units. */
  organisations?: OrganisationIndex;
  policy?: AgePolicy;
}

const open = (organisationId: OrganisationId, basis: MembershipBasis, from: LocalDate): CaseMembership => ({
  organisationId,
  basis,
  meetingId: null,
  consentIds: [],
  from,
  to: null,
});

/** Who may see a case from its referral on: the selecting units and the referrer's organisation. */
export function referralMemberships(
  c: Pick<Case, "referredOn" | "referredByOrganisationId">,
  context: Pick<MembershipContext, "selectingUnits">,
): CaseMembership[] {
  const found = context.selectingUnits.map((unit) => open(unit, "selecting-unit", c.referredOn));
  if (c.referredByOrganisationId !== null) found.push(open(c.referredByOrganisationId, "referrer", c.referredOn));
  return found;
}

const noOrganisations: OrganisationIndex = indexOrganisations([]);

/**
 * The derivation's context from the agreement: its selecting units on the referral day, its core team
 * and its controllers (without `organisations`, a unit outside the agreement's parties is its own).
 */
export function membershipContext(
  agreement: Agreement,
  referredOn: LocalDate,
  organisations?: OrganisationIndex,
): MembershipContext {
  return {
    selectingUnits: selectionOrganisationIds(agreement, referredOn),
    coreOrganisationIdsOn: (day) => coreOrganisationIds(agreement, day),
    controllerOn: (organisationId, day) =>
      controllerOf(organisationId, agreement, organisations ?? noOrganisations, day),
    ...(organisations ? { organisations } : {}),
  };
}

/**
 * True when a membership belongs to a controller's part that retention removed from the case. It is
 * the controller's on the removal day (whose organisations lost their memberships then) or on the
 * membership's first day (whose the retention decision counts it as), so a unit moved between
 * controllers keeps neither's removed part.
 */
export function inRemovedPart(
  m: Pick<CaseMembership, "organisationId" | "from">,
  removed: readonly RemovedControllerPart[],
  controllerOn: MembershipContext["controllerOn"],
): boolean {
  return removed.some(
    (part) =>
      controllerOn(m.organisationId, part.removedOn) === part.controllerId ||
      controllerOn(m.organisationId, m.from) === part.controllerId,
  );
}

/** The last day a consent is in effect, if it ends: its expiry, or the day before its withdrawal. */
function lastDayOf(consent: Consent): LocalDate | null {
  const ends = [consent.validUntil, consent.withdrawnOn === null ? null : addDays(consent.withdrawnOn, -1)];
  return ends.reduce<LocalDate | null>((a, b) => (a === null ? b : b === null ? a : minDate(a, b)), null);
}

const earliest = (days: readonly (LocalDate | null)[]): LocalDate | null =>
  days.reduce<LocalDate | null>((a, b) => (a === null ? b : b === null ? a : minDate(a, b)), null);

/**
 * Every organisation's access to the case, derived from the case itself, so that a change to what it
 * rests on (a withdrawn or corrected consent, a cancelled meeting, a closed case) changes the access
 * with it. An existing client relationship gives access from its recording until the day before it
 * ended. Seats outside the core team rest on the consents that allowed them on the meeting's day
 * and end when the first of those ends, or when the case closes; a seat without such consents gives
 * nothing, whatever role it was given. A controller whose part of the case retention removed gets
 * none of it back: its access ended with its retention period, whatever the case still says.
 */
export function caseMemberships(c: Case, context: MembershipContext): CaseMembership[] {
  const found = referralMemberships(c, context);
  for (const x of c.existingClientships) {
    const from = x.recordedOn ?? c.referredOn;
    // An ended relationship gives nothing from its end on; ended by its recording day, nothing at all.
    const to = x.endedOn === null ? null : addDays(x.endedOn, -1);
    if (to !== null && to < from) continue;
    found.push({ ...open(x.organisationId, "existing-clientship", from), to });
  }
  for (const m of c.meetings) {
    const seatedFrom = m.composedOn ?? m.plannedOn;
    const seatedTo = m.cancelledOn === null ? null : addDays(m.cancelledOn, -1);
    const core = context.coreOrganisationIdsOn(m.plannedOn);
    const seated = new Set(m.composition.flatMap((p) => (p.organisationId === null ? [] : [p.organisationId])));
    // A seat cancelled before it was given gives nothing.
    if (seatedTo !== null && seatedTo < seatedFrom) continue;
    for (const organisationId of seated) {
      if (core.includes(organisationId)) {
        found.push({
          organisationId,
          basis: "meeting-seat",
          meetingId: m.id,
          consentIds: [],
          from: seatedFrom,
          to: seatedTo,
        });
        continue;
      }
      const basis = consentBasis(c, organisationId, m.plannedOn, context);
      if (!basis.allowed) continue;
      const consents = c.consents.filter((x) => basis.consentIds.includes(x.id));
      const from = consents.reduce((day, x) => maxDate(day, x.givenOn), seatedFrom);
      const to = earliest([seatedTo, c.closedOn, ...consents.map(lastDayOf)]);
      if (to !== null && to < from) continue;
      found.push({ organisationId, basis: "consent", meetingId: m.id, consentIds: basis.consentIds, from, to });
    }
  }
  if (c.removedControllerParts.length === 0) return found;
  return found.filter((m) => !inRemovedPart(m, c.removedControllerParts, context.controllerOn));
}

/** True when the membership gives access on `day`. */
export function membershipInForce(m: Pick<CaseMembership, "from" | "to">, day: LocalDate): boolean {
  return m.from <= day && (m.to === null || day <= m.to);
}

/**
 * The organisations whose memberships open a case to a person of `organisationId`: the organisation
 * itself and those it belongs to (a membership of Sotepe opens the case to its units).
 */
export function accessChain(organisationId: OrganisationId, organisations?: OrganisationIndex): OrganisationId[] {
  const chain = organisations ? lineage(organisationId, organisations).map((o) => o.id) : [];
  return chain.includes(organisationId) ? chain : [organisationId, ...chain];
}

/**
 * How much of a case a person of an organisation sees on `day` (need-to-know, 003 § 9): `full` on a
 * full-access basis in force, `limited` on consent or an existing client relationship alone, `null`
 * when no basis is in force.
 */
export function caseAccessOn(
  memberships: readonly Pick<CaseMembership, "organisationId" | "basis" | "from" | "to">[],
  chain: readonly OrganisationId[],
  day: LocalDate,
): "full" | "limited" | null {
  const inForce = memberships.filter((m) => chain.includes(m.organisationId) && membershipInForce(m, day));
  if (inForce.length === 0) return null;
  return inForce.some((m) => fullAccessBases.includes(m.basis)) ? "full" : "limited";
}
