import { randomUUID } from "node:crypto";
import { appendAudit, type Database, refusedAttempt } from "@ankkuri/db";
import { type AccessLogExtractDocument, buildAccessLogExtract, type ExtractRequest } from "./access-log-extract.js";
import { renderAccessLogJson, renderAccessLogPdf } from "./render-extract.js";
import { type Requester, requesterActor } from "./requester.js";

/** A produced extract: the document and its two files. */
export interface ProducedExtract {
  extract: AccessLogExtractDocument;
  pdf: Buffer;
  json: Buffer;
}

/**
 * The operator's extract (`pnpm report access-log`): builds the client's extract, renders it as PDF
 * and JSON and logs the request in the team's audit log (basis `data-subject-request`) in one go.
 * Null, with the attempt logged all the same, when the client is not the team's.
 */
export async function produceAccessLogExtract(
  db: Database,
  auditKey: Buffer,
  request: ExtractRequest & { requestedBy: Requester; via: string },
): Promise<ProducedExtract | null> {
  const extract = await buildAccessLogExtract(db, request);
  const produced = extract
    ? { extract, pdf: await renderAccessLogPdf(extract), json: renderAccessLogJson(extract) }
    : null;
  await appendAudit(db, auditKey, [
    {
      teamId: request.teamId,
      occurredAt: request.now,
      requestId: `${request.via}:${randomUUID()}`,
      ...requesterActor(request.requestedBy),
      operation: "read",
      resource: "access-log-extract",
      clientId: extract ? request.clientId : null,
      purpose: "access-log-extract",
      basis: "data-subject-request",
      details: {
        clientId: request.clientId,
        from: request.from,
        to: request.to,
        language: request.language,
        events: extract?.events.length ?? 0,
        via: request.via,
        ...(extract ? {} : refusedAttempt),
      },
    },
  ]);
  return produced;
}
