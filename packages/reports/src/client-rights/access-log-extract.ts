import { clientAccessLog, type Executor, loadTeamDataset } from "@ankkuri/db";
import {
  accessLogExtract,
  type ControllerExtractPolicy,
  type ExtractEvent,
  indexOrganisations,
  type Language,
  type LocalDate,
  pick,
  type TeamDataset,
} from "@ankkuri/domain";

/** Who the extract is for and who answers: the whole team (an auditor) or one controller (its registry office). */
export type ExtractScope = { kind: "team" } | { kind: "controller"; controllerId: string };

/** A client's access-log extract as the client receives it (JSON) and as the PDF shows it. */
export interface AccessLogExtractDocument {
  kind: "access-log-extract";
  team: { id: string; name: string };
  client: { id: string; givenName: string; familyName: string };
  /** The controller that answers, or null when an auditor answered for the whole team. */
  controller: { id: string; name: string } | null;
  from: LocalDate;
  to: LocalDate;
  language: Language;
  generatedAt: string;
  events: ExtractEvent[];
}

/** What an extract is asked for. */
export interface ExtractRequest {
  teamId: string;
  clientId: string;
  from: LocalDate;
  to: LocalDate;
  language: Language;
  scope: ExtractScope;
  /** Controllers whose extracts name the people who processed the data (default: none). */
  policies?: readonly ControllerExtractPolicy[];
  now: Date;
}

/**
 * Builds a client's access-log extract from the team's log (`clientAccessLog`) with the domain's
 * rule (`accessLogExtract`). Null when the client is not the team's: another team's client and a
 * client that does not exist are answered alike.
 */
export async function buildAccessLogExtract(
  db: Executor,
  request: ExtractRequest,
  /** The team's dataset when the caller holds it already. */
  teamDataset?: TeamDataset,
): Promise<AccessLogExtractDocument | null> {
  const client = await db.query.clients.findFirst({
    where: { teamId: request.teamId, id: request.clientId },
    columns: { id: true, givenName: true, familyName: true },
  });
  const dataset = client ? (teamDataset ?? (await loadTeamDataset(db, request.teamId))) : null;
  if (!client || !dataset) return null;
  const organisations = indexOrganisations(dataset.organisations);
  const names = new Map(dataset.users.map((u) => [u.login, u.displayName]));
  const rows = await clientAccessLog(db, request.teamId, request.clientId, request.from, request.to);
  const events = accessLogExtract(
    rows.map((r) => ({ ...r, basisConsentIds: r.basisConsentIds ?? [] })),
    request.scope,
    {
      agreement: dataset.agreement,
      organisations,
      policies: request.policies ?? [],
      personName: (login) => names.get(login) ?? null,
      language: request.language,
    },
  );
  const controller =
    request.scope.kind === "controller"
      ? {
          id: request.scope.controllerId,
          name: (() => {
            const o = organisations.get(request.scope.controllerId);
            return o ? pick(o.name, request.language) : request.scope.controllerId;
          })(),
        }
      : null;
  return {
    kind: "access-log-extract",
    team: { id: dataset.team.id, name: pick(dataset.team.name, request.language) },
    client,
    controller,
    from: request.from,
    to: request.to,
    language: request.language,
    generatedAt: request.now.toISOString(),
    events,
  };
}
