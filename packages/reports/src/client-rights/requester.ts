import { type Database, loadTeamDataset } from "@ankkuri/db";
import {
  type Actor,
  extractScopeFor,
  indexOrganisations,
  type LocalDate,
  requestedExtractScope,
  resolveActor,
} from "@ankkuri/domain";
import { ReportError } from "../errors.js";

/** Who a client's-rights request is made by: logged as the actor of its audit entries. */
export type Requester = Pick<Actor, "login" | "organisationId" | "roles">;

/** The audit entry's actor fields for `requester`. */
export const requesterActor = (requester: Requester) => ({
  actorId: requester.login,
  actorOrganisationId: requester.organisationId,
  actorRole: requester.roles.join(","),
});

type ExtractScope = { kind: "team" } | { kind: "controller"; controllerId: string };

const notAllowed = (login: string) =>
  new ReportError("REPORT.REQUESTER_NOT_ALLOWED", {
    fi: `Käyttäjä ${login} ei voi pyytää tätä: vain tarkastaja tai kirjaamo oman rekisterinpitäjänsä osalta, sinä päivänä voimassa olevin oikeuksin.`,
    sv: `Användaren ${login} kan inte begära detta: bara en granskare, eller registratorskontoret för sin egen personuppgiftsansvarige, med de rättigheter som gäller i dag.`,
    en: `${login} may not ask for this: only an auditor, or a registry office for its own controller, with the rights in force today.`,
  });

/**
 * The person an operator's client's-rights command runs for (`--requested-by`), as the gateway would
 * see them on `day` (`resolveActor`), and the scope of the request: an auditor any controller or the
 * whole team, a registry office its own controller only (`extractScopeFor`, `requestedExtractScope`).
 * A login the team does not know today, another role, or a controller beyond their reach is refused
 * alike, before anything is read or logged.
 */
export async function clientRightsRequester(
  db: Database,
  teamId: string,
  login: string,
  day: LocalDate,
  controllerId?: string,
): Promise<{ requester: Requester; scope: ExtractScope }> {
  const dataset = await loadTeamDataset(db, teamId);
  if (!dataset) throw notAllowed(login);
  const resolved = resolveActor(dataset, login, day);
  if (!resolved.ok) throw notAllowed(login);
  const actor = resolved.value;
  const own = extractScopeFor(actor, teamId, dataset.agreement, indexOrganisations(dataset.organisations), day);
  const scope = own ? requestedExtractScope(own, controllerId) : null;
  if (!scope) throw notAllowed(login);
  return { requester: { login: actor.login, organisationId: actor.organisationId, roles: actor.roles }, scope };
}
