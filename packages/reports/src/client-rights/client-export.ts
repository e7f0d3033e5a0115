import { randomUUID } from "node:crypto";
import {
  and,
  appendAudit,
  type Database,
  eq,
  type IdentityVault,
  inArray,
  loadCases,
  loadTeamDataset,
  refusedAttempt,
  schema,
} from "@ankkuri/db";
import { type Case, controllerOf, controllerPartOf, helsinkiDayOf, indexOrganisations, pick } from "@ankkuri/domain";
import { type Requester, requesterActor } from "./requester.js";

/** Everything one controller holds about one client (GDPR Art. 15), as the client receives it. */
export interface ClientExportDocument {
  kind: "client-export";
  team: { id: string; name: string };
  controller: { id: string; name: string };
  generatedAt: string;
  client: {
    id: string;
    givenName: string;
    familyName: string;
    birthDate: string;
    /** Decrypted only into this export. */
    identityCode: string | null;
  };
  cases: {
    share: "full" | "limited";
    case: Case;
    guardianNames: Record<string, { givenName: string; familyName: string }>;
    /** The controller's own notes on the case (other organisations' notes are theirs). */
    notes: { id: string; organisationId: string; kind: string; writtenOn: string; writtenBy: string; body: string }[];
  }[];
}

/** What an export is asked for. */
export interface ExportRequest {
  teamId: string;
  clientId: string;
  controllerId: string;
  now: Date;
  requestedBy: Requester;
  via: string;
}

/**
 * The data-subject export: the client's record with the identity code decrypted, every case the
 * controller took part in with the part it holds (`controllerPartOf`), and its own notes. The export
 * and the decryption are logged (basis `data-subject-request`) before anything is returned. Null,
 * with the attempt logged, when the client is not the team's or the controller holds nothing of them.
 */
export async function buildClientExport(
  db: Database,
  keys: { auditKey: Buffer; vault: IdentityVault },
  request: ExportRequest,
): Promise<ClientExportDocument | null> {
  const client = await db.query.clients.findFirst({ where: { teamId: request.teamId, id: request.clientId } });
  const dataset = client ? await loadTeamDataset(db, request.teamId) : null;
  let document: ClientExportDocument | null = null;
  if (client && dataset) {
    const organisations = indexOrganisations(dataset.organisations);
    const context = { agreement: dataset.agreement, organisations };
    const caseIds = (
      await db
        .select({ id: schema.cases.id })
        .from(schema.cases)
        .where(and(eq(schema.cases.teamId, request.teamId), eq(schema.cases.clientId, request.clientId)))
    ).map((r) => r.id);
    const stored = await loadCases(db, request.teamId, caseIds);
    const parts = stored.flatMap((s) => {
      const part = controllerPartOf(s.case, s.memberships, request.controllerId, context);
      return part ? [{ ...part, guardianNames: s.guardianNames }] : [];
    });
    // The controller's own organisations (a party's units; not another party inside the same legal entity).
    const today = helsinkiDayOf(request.now);
    const organisationIds = dataset.organisations
      .filter((o) => controllerOf(o.id, dataset.agreement, organisations, today) === request.controllerId)
      .map((o) => o.id);
    const notes =
      parts.length === 0 || organisationIds.length === 0
        ? []
        : await db
            .select()
            .from(schema.caseNotes)
            .where(
              and(
                eq(schema.caseNotes.teamId, request.teamId),
                inArray(
                  schema.caseNotes.caseId,
                  parts.map((p) => p.case.id),
                ),
                inArray(schema.caseNotes.organisationId, organisationIds),
              ),
            );
    const controller = organisations.get(request.controllerId);
    if (parts.length > 0 && controller)
      document = {
        kind: "client-export",
        team: { id: dataset.team.id, name: pick(dataset.team.name, "fi") },
        controller: { id: controller.id, name: pick(controller.name, "fi") },
        generatedAt: request.now.toISOString(),
        client: {
          id: client.id,
          givenName: client.givenName,
          familyName: client.familyName,
          birthDate: client.birthDate,
          identityCode:
            client.identityCodeCiphertext === null
              ? null
              : keys.vault.decrypt(client.identityCodeCiphertext, request.teamId),
        },
        cases: parts.map((p) => ({
          share: p.share,
          case: p.case,
          guardianNames: p.guardianNames,
          notes: notes
            .filter((n) => n.caseId === p.case.id)
            .map((n) => ({
              id: n.id,
              organisationId: n.organisationId,
              kind: n.kind,
              writtenOn: n.writtenOn,
              writtenBy: n.writtenBy,
              body: n.body,
            })),
        })),
      };
  }
  const entry = {
    teamId: request.teamId,
    occurredAt: request.now,
    ...requesterActor(request.requestedBy),
    operation: "read" as const,
    clientId: document ? request.clientId : null,
    purpose: "client-export",
    basis: "data-subject-request" as const,
  };
  const requestId = `${request.via}:${randomUUID()}`;
  await appendAudit(db, keys.auditKey, [
    {
      ...entry,
      requestId,
      resource: "client-export",
      details: {
        clientId: request.clientId,
        controllerId: request.controllerId,
        cases: document?.cases.length ?? 0,
        via: request.via,
        // A controller that holds nothing is answered with nothing, and the attempt shows as refused.
        ...(document ? {} : refusedAttempt),
      },
    },
    ...(document?.client.identityCode ? [{ ...entry, requestId, resource: "client.identityCode" }] : []),
  ]);
  return document;
}
