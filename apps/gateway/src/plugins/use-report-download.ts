import { and, eq, schema } from "@ankkuri/db";
import { canSeeAggregates, canSeeReport } from "@ankkuri/domain";
import { artifactFileName } from "@ankkuri/reports";
import type { Plugin } from "graphql-yoga";
import { z } from "zod";
import { createContext, type GatewayServices } from "../context.js";

const downloadPath = /^\/reports\/([^/]+)\/([^/]+)$/;
const downloadSchema = z.object({ runId: z.uuid(), format: z.enum(schema.reportFormats) });

const json = (fetchAPI: { Response: typeof Response }, status: number, message: string, headers = {}) =>
  new fetchAPI.Response(JSON.stringify({ error: message }), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...headers },
  });

/**
 * `GET /reports/:runId/:format` (json, csv, pdf or xlsx): a report's file as a download, with the bearer
 * token of the GraphQL endpoint and the same access as `reportRun { artifacts { contentBase64 } }`
 * (the team's aggregates, and `canSeeReport` for the run's type and party). A run that does not
 * exist and one that is not the caller's answer the same 404. Each download is written to the audit
 * log before the file leaves; if the log cannot be written the file is not served.
 */
export function useReportDownload(services: GatewayServices): Plugin {
  return {
    async onRequest(payload) {
      const { url, fetchAPI, request } = payload;
      const match = downloadPath.exec(url.pathname);
      if (match) payload.endResponse(await download(services, fetchAPI, request, match[1], match[2]));
    },
  };
}

async function download(
  services: GatewayServices,
  fetchAPI: { Response: typeof Response },
  request: Request,
  runIdText: string | undefined,
  formatText: string | undefined,
): Promise<Response> {
  if (request.method !== "GET" && request.method !== "HEAD")
    return json(fetchAPI, 405, "Method not allowed", { allow: "GET, HEAD" });
  const notFound = json(fetchAPI, 404, "No such report file");
  const parsed = downloadSchema.safeParse({ runId: runIdText, format: formatText });
  if (!parsed.success) return notFound;
  const context = await createContext(services, request);
  const actor = context.actor;
  if (!actor) return json(fetchAPI, 401, "Sign in to download reports", { "www-authenticate": "Bearer" });
  if (!canSeeAggregates(actor, actor.teamId)) return notFound;
  const { runId, format } = parsed.data;
  const run = await services.db.query.reportRuns.findFirst({
    columns: { teamId: true, type: true, scope: true, periodFrom: true, periodTo: true, language: true },
    where: { teamId: actor.teamId, id: runId },
  });
  if (!run) return notFound;
  const organisations = (await context.team()).organisations;
  const report = { teamId: run.teamId, type: run.type, scope: run.scope === "" ? null : run.scope };
  if (!canSeeReport(actor, report, organisations)) return notFound;
  const [artifact] = await services.db
    .select()
    .from(schema.reportArtifacts)
    .where(
      and(
        eq(schema.reportArtifacts.teamId, actor.teamId),
        eq(schema.reportArtifacts.runId, runId),
        eq(schema.reportArtifacts.format, format),
      ),
    );
  if (!artifact) return notFound;
  // A report holds aggregates, no client's data: read for the team's supervision and evaluation.
  context.audit.read(
    { resource: "report", resourceId: runId },
    { basis: "supervision", purpose: "reporting" },
    { format },
  );
  if (services.auditLog) {
    try {
      await services.audit.write(context.audit.drain());
    } catch (error) {
      services.metrics.auditWithheld.inc();
      services.logger.error({ err: error, requestId: context.requestId }, "audit log write failed; download withheld");
      return json(fetchAPI, 503, "The access log could not be written; the file is not served");
    }
  }
  const name = artifactFileName(
    {
      type: run.type,
      period: { from: run.periodFrom, to: run.periodTo },
      scope: run.scope === "" ? null : run.scope,
      language: run.language,
    },
    format,
  );
  return new fetchAPI.Response(request.method === "HEAD" ? null : Buffer.from(artifact.content), {
    status: 200,
    headers: {
      "content-type": artifact.contentType,
      "content-length": String(artifact.byteSize),
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "private, no-store",
      "x-content-type-options": "nosniff",
      "etag": `"${artifact.sha256}"`,
    },
  });
}
