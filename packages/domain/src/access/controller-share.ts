import type { Agreement } from "../agreement/agreement.js";
import type { Case } from "../cases/case.js";
import type { OrganisationId } from "../core/ids.js";
import type { OrganisationIndex } from "../organisations/organisation.js";
import { controllerOf } from "./controller-of.js";
import { type CaseMembership, fullAccessBases } from "./case-membership.js";

/** What deciding a controller's share of a case needs. */
export interface ShareContext {
  agreement: Agreement;
  organisations: OrganisationIndex;
}

/**
 * How much of a case a controller holds (GDPR Art. 15: the data it processes): `full` when one of its
 * organisations has ever had a full-access membership, `limited` when only consent or an existing
 * client relationship, null when none of its organisations ever took part.
 */
export function controllerShareOf(
  memberships: readonly Pick<CaseMembership, "organisationId" | "basis" | "from">[],
  controllerId: OrganisationId,
  context: ShareContext,
): "full" | "limited" | null {
  const own = memberships.filter(
    (m) => controllerOf(m.organisationId, context.agreement, context.organisations, m.from) === controllerId,
  );
  if (own.length === 0) return null;
  return own.some((m) => fullAccessBases.includes(m.basis)) ? "full" : "limited";
}

/**
 * The part of a case a controller holds: the whole case on a full share; on a limited share the
 * client, guardians, consents and existing client relationships, and only the meetings (and the
 * referrals made in them) where one of its organisations had a seat. Null when it holds nothing.
 */
export function controllerPartOf(
  c: Case,
  memberships: readonly Pick<CaseMembership, "organisationId" | "basis" | "from">[],
  controllerId: OrganisationId,
  context: ShareContext,
): { share: "full" | "limited"; case: Case } | null {
  const share = controllerShareOf(memberships, controllerId, context);
  if (share === null) return null;
  if (share === "full") return { share, case: c };
  const seated = c.meetings.filter((m) =>
    m.composition.some(
      (p) =>
        p.organisationId !== null &&
        controllerOf(p.organisationId, context.agreement, context.organisations, m.plannedOn) === controllerId,
    ),
  );
  const meetingIds = new Set(seated.map((m) => m.id));
  return {
    share,
    case: {
      ...c,
      selection: [],
      meetings: seated,
      referrals: c.referrals.filter((r) => r.meetingId !== null && meetingIds.has(r.meetingId)),
      childWelfareNotification: null,
    },
  };
}
