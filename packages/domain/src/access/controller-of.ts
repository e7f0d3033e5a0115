import type { Agreement } from "../agreement/agreement.js";
import { termsOn } from "../agreement/agreement-terms.js";
import type { OrganisationId } from "../core/ids.js";
import type { LocalDate } from "../core/local-date.js";
import { isWithin, legalEntityOf, type OrganisationIndex } from "../organisations/organisation.js";

/**
 * The controller (rekisterinpitäjä) of an organisation's data on a day: the agreement party it
 * belongs to (the police department, Sotepe, Kuva), otherwise its legal entity, otherwise itself.
 */
export function controllerOf(
  organisationId: OrganisationId,
  agreement: Agreement,
  organisations: OrganisationIndex,
  day: LocalDate,
): OrganisationId {
  const party = termsOn(agreement, day).parties.find((p) => isWithin(organisationId, p.organisationId, organisations));
  return party?.organisationId ?? legalEntityOf(organisationId, organisations)?.id ?? organisationId;
}
