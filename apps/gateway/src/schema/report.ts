import { eq, isRefusedAttempt, schema, verifyAuditChain } from "@ankkuri/db";
import { canSeeReport, periodSchema, reportLanguageUnsupported } from "@ankkuri/domain";
import { isReportLanguage, requestReport } from "@ankkuri/reports";
import { z } from "zod";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { forbidden, InvalidInputFailure } from "../errors.js";
import { LanguageEnum, PeriodInput } from "./common.js";
import { enumOf } from "./enums.js";
import { mutationErrors } from "./errors.js";

const ReportTypeEnum = enumOf("ReportType", "Kind of report (raportti).", schema.reportTypes, {
  annual: "Annual evaluation for the joint leadership meeting (vuosiarviointi, 003 § 8); small cells suppressed.",
  party: "One party's report for its own supervisors (osapuolen raportti); small cells suppressed.",
  monthly: "Monthly operational statistics for the team itself (kuukausitilasto); not suppressed, caseworkers only.",
});

const ReportFormatEnum = enumOf("ReportFormat", "File format of a report artifact.", schema.reportFormats, {
  json: "The canonical, versioned structure.",
  csv: "One CSV file per table (UTF-8 with BOM, `;` separated, decimal comma, CRLF) in a ZIP archive (application/zip).",
  pdf: "A readable PDF with tables and a chart.",
  xlsx: "A spreadsheet workbook, one sheet per table as in the CSV files; counts are numbers, a hidden count an empty cell with its mark beside it.",
});

const ReportStatusEnum = enumOf("ReportStatus", "Where a report run is (ajon tila).", schema.reportRunStatuses, {
  queued: "Waiting for a worker.",
  running: "A worker is producing it; see `progress` and `stage`.",
  completed: "Done: the files are in `artifacts`.",
  failed: "Every attempt failed; `error` says why.",
});

/** Whether the actor may see a stored report run. */
async function visible(
  ctx: GatewayContext,
  run: { teamId: string; type: "annual" | "party" | "monthly"; scope: string },
): Promise<boolean> {
  if (!ctx.actor) return false;
  return canSeeReport(
    ctx.actor,
    { teamId: run.teamId, type: run.type, scope: run.scope === "" ? null : run.scope },
    (await ctx.team()).organisations,
  );
}

builder.drizzleObject("reportRuns", {
  name: "ReportRun",
  description:
    "A requested report (raporttiajo): its status, progress and, when completed, its files. The same type, period, scope and language is produced once.",
  fields: (t) => ({
    runId: t.exposeString("id", { description: "Run id." }),
    type: t.field({ type: ReportTypeEnum, resolve: (r) => r.type, description: "Kind of report." }),
    periodFrom: t.field({ type: "Date", resolve: (r) => r.periodFrom, description: "First day of the period." }),
    periodTo: t.field({ type: "Date", resolve: (r) => r.periodTo, description: "Last day of the period." }),
    scope: t.string({
      nullable: true,
      resolve: (r) => (r.scope === "" ? null : r.scope),
      description: "The party of a party report.",
    }),
    language: t.field({
      type: LanguageEnum,
      resolve: (r) => r.language,
      description:
        "The language the PDF is set in (FI or SV), with English subtitles; the JSON, CSV and XLSX carry Finnish, Swedish and English whatever it is.",
    }),
    status: t.field({ type: ReportStatusEnum, resolve: (r) => r.status, description: "Where the run is." }),
    progress: t.exposeInt("progress", { description: "Progress in percent." }),
    stage: t.exposeString("stage", { description: "What the worker is doing." }),
    error: t.exposeString("error", { nullable: true, description: "Why the last attempt failed." }),
    attempts: t.exposeInt("attempts", { description: "Attempts so far (failed attempts are retried with backoff)." }),
    requestedBy: t.exposeString("requestedBy", { description: "Who requested it." }),
    requestedAt: t.field({ type: "DateTime", resolve: (r) => r.requestedAt, description: "When requested." }),
    finishedAt: t.field({
      type: "DateTime",
      nullable: true,
      resolve: (r) => r.finishedAt,
      description: "When completed or finally failed.",
    }),
    artifacts: t.relation("artifacts", { description: "The produced files." }),
  }),
});

builder.drizzleObject("reportArtifacts", {
  name: "ReportArtifact",
  description: "A produced report file with its checksum.",
  // Every column but the file itself, which only `contentBase64` asks for: listing runs and their
  // artifacts must not read every PDF and CSV from the database.
  select: { columns: { content: false } },
  fields: (t) => ({
    format: t.field({ type: ReportFormatEnum, resolve: (a) => a.format, description: "File format." }),
    contentType: t.exposeString("contentType", { description: "MIME type." }),
    sha256: t.exposeString("sha256", { description: "SHA-256 checksum of the file, hex." }),
    byteSize: t.exposeInt("byteSize", { description: "Size in bytes." }),
    schemaVersion: t.exposeString("schemaVersion", { description: "Version of the report structure." }),
    createdAt: t.field({ type: "DateTime", resolve: (a) => a.createdAt, description: "When produced." }),
    contentBase64: t.string({
      select: { columns: { content: true } },
      resolve: (a) => Buffer.from(a.content).toString("base64"),
      description: "The file, base64-encoded (select only when downloading).",
    }),
  }),
});

builder.queryFields((t) => ({
  reportRuns: t.drizzleField({
    type: ["reportRuns"],
    description: "Report runs of the team that the signed-in person may see, newest first.",
    authScopes: { aggregates: true },
    args: {
      type: t.arg({ type: ReportTypeEnum, required: false, description: "Only this kind." }),
      limit: t.arg.int({
        required: false,
        defaultValue: 20,
        description: "At most this many (1–100).",
        validate: z.number().int().min(1).max(100),
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const rows = await ctx.db.query.reportRuns.findMany(
        query({
          columns: { teamId: true, type: true, scope: true },
          where: { teamId: ctx.actor?.teamId ?? "", ...(args.type ? { type: args.type } : {}) },
          orderBy: { requestedAt: "desc", id: "desc" },
          limit: args.limit ?? 20,
        }),
      );
      const allowed = await Promise.all(rows.map((r) => visible(ctx, r)));
      return rows.filter((_r, i) => allowed[i]);
    },
  }),
  reportRun: t.drizzleField({
    type: "reportRuns",
    nullable: true,
    description: "One report run; null when it does not exist or is not for the signed-in person.",
    authScopes: { aggregates: true },
    args: { runId: t.arg.string({ required: true, description: "The run.", validate: z.uuid() }) },
    resolve: async (query, _root, args, ctx) => {
      const row = await ctx.db.query.reportRuns.findFirst(
        query({
          columns: { teamId: true, type: true, scope: true },
          where: { teamId: ctx.actor?.teamId ?? "", id: args.runId },
        }),
      );
      return row && (await visible(ctx, row)) ? row : null;
    },
  }),
}));

builder.mutationField("requestReport", (t) =>
  t.drizzleField({
    type: "reportRuns",
    description:
      "Requests a report; idempotent: the same type, period, scope and language returns the existing run (a Swedish request for a period is a run of its own). The report worker produces JSON, CSV, PDF and XLSX.",
    authScopes: { aggregates: true },
    errors: { types: mutationErrors },
    args: {
      type: t.arg({ type: ReportTypeEnum, required: true, description: "Kind of report." }),
      period: t.arg({
        type: PeriodInput,
        required: true,
        description: "The period (an agreement year runs from 1 May).",
      }),
      partyId: t.arg.id({ required: false, description: "The party, for a party report." }),
      language: t.arg({
        type: LanguageEnum,
        required: false,
        defaultValue: "fi",
        description:
          "The language the PDF is set in, with English subtitles: FI (default) or SV; EN is refused with an InvalidInputError (REPORT.LANGUAGE_UNSUPPORTED). Not the request's Accept-Language.",
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const actor = ctx.actor;
      const reporter = ctx.services.reporter;
      if (!actor || !reporter) throw new Error("reporting is not available");
      const language = args.language ?? "fi";
      if (!isReportLanguage(language))
        throw new InvalidInputFailure("REPORT.LANGUAGE_UNSUPPORTED", reportLanguageUnsupported, ["language"]);
      const period = periodSchema.parse(args.period);
      const scope = args.type === "party" ? (args.partyId ?? null) : null;
      if (!canSeeReport(actor, { teamId: actor.teamId, type: args.type, scope }, (await ctx.team()).organisations))
        throw forbidden("You may not request this report");
      const requested = await requestReport(reporter, ctx.db, {
        teamId: actor.teamId,
        type: args.type,
        period,
        scope,
        requestedBy: actor.login,
        language,
      });
      const row = await ctx.db.query.reportRuns.findFirst(
        query({ where: { teamId: actor.teamId, id: requested.runId } }),
      );
      if (!row) throw new Error("report run vanished");
      return row;
    },
  }),
);

const AuditEntryRef = builder
  .objectRef<{
    seq: number;
    occurredAt: Date;
    requestId: string;
    actorId: string;
    actorOrganisationId: string;
    actorRole: string;
    operation: string;
    resource: string;
    resourceId: string | null;
    caseId: string | null;
    clientId: string | null;
    purpose: string;
    basis: string;
    basisConsentIds: string[];
    details: Record<string, unknown> | null;
  }>("AuditEntry")
  .implement({
    description: "One access to client data in the audit log (lokimerkintä), client-data act 703/2023.",
    fields: (t) => ({
      seq: t.exposeInt("seq", { description: "Position in the team's chain." }),
      occurredAt: t.field({ type: "DateTime", resolve: (e) => e.occurredAt, description: "When." }),
      requestId: t.exposeString("requestId", { description: "The request." }),
      actorId: t.exposeString("actorId", { description: "Who (login)." }),
      actorOrganisationId: t.exposeString("actorOrganisationId", { description: "For which organisation." }),
      actorRole: t.exposeString("actorRole", { description: "In which roles." }),
      operation: t.exposeString("operation", { description: "read, create, update or delete." }),
      resource: t.exposeString("resource", { description: "What: case, case-note, report …" }),
      resourceId: t.exposeString("resourceId", { nullable: true, description: "Which record." }),
      caseId: t.exposeString("caseId", { nullable: true, description: "The case." }),
      clientId: t.exposeString("clientId", { nullable: true, description: "The client." }),
      purpose: t.exposeString("purpose", { description: "Why (käyttötarkoitus)." }),
      basis: t.exposeString("basis", {
        description:
          "The legal basis as a stable code (casework, selection, consent, statutory-notification, supervision, audit, data-subject-request, administration), set by the server.",
      }),
      basisConsentIds: t.exposeStringList("basisConsentIds", { description: "The consents a consent basis rests on." }),
      refused: t.boolean({
        resolve: (e) => isRefusedAttempt(e.details),
        description:
          "True for a refused attempt: answered as not found (a target out of the actor's reach or not there), it read or changed nothing; the id asked for is not in caseId or clientId.",
      }),
    }),
  });

const AuditVerificationRef = builder
  .objectRef<Awaited<ReturnType<typeof verifyAuditChain>>>("AuditVerification")
  .implement({
    description: "Result of verifying the team's audit chain (lokiketjun tarkistus).",
    fields: (t) => ({
      intact: t.boolean({ resolve: (v) => v.ok, description: "Whether every row verifies." }),
      rows: t.int({ nullable: true, resolve: (v) => (v.ok ? v.rows : null), description: "Rows verified." }),
      prunedThroughSeq: t.int({
        nullable: true,
        resolve: (v) => (v.ok ? v.prunedSeq : null),
        description:
          "Rows up to this sequence number were removed by the retention policy (0: none); the chain is verified from the sealed point after them.",
      }),
      firstBadSeq: t.int({
        nullable: true,
        resolve: (v) => (v.ok ? null : v.seq),
        description: "The first altered or deleted row.",
      }),
      problem: t.string({
        nullable: true,
        resolve: (v) => (v.ok ? null : v.problem),
        description: "altered, missing or unlinked.",
      }),
    }),
  });

builder.queryFields((t) => ({
  auditLog: t.field({
    type: [AuditEntryRef],
    description:
      "The access log (auditors only): who read or changed client data, newest first. Filter by client to answer a client's request to know who processed their data.",
    authScopes: { auditor: true },
    args: {
      clientId: t.arg.string({ required: false, description: "Only accesses to this client.", validate: z.uuid() }),
      caseId: t.arg.string({ required: false, description: "Only accesses to this case.", validate: z.uuid() }),
      actorId: t.arg.string({
        required: false,
        description: "Only accesses by this login.",
        validate: z.string().max(64),
      }),
      limit: t.arg.int({
        required: false,
        defaultValue: 100,
        description: "At most this many (1–1000).",
        validate: z.number().int().min(1).max(1000),
      }),
      beforeSeq: t.arg.int({ required: false, description: "Page: only rows before this sequence number." }),
    },
    resolve: async (_root, args, ctx) => {
      const teamId = ctx.actor?.teamId ?? "";
      // Only the chain up to its head: a row above it was not appended through the chain (forged).
      const [head] = await ctx.db
        .select({ seq: schema.auditHeads.seq })
        .from(schema.auditHeads)
        .where(eq(schema.auditHeads.teamId, teamId));
      const headSeq = head?.seq ?? 0;
      const below = args.beforeSeq ? Math.min(args.beforeSeq - 1, headSeq) : headSeq;
      const rows = await ctx.db.query.auditLog.findMany({
        where: {
          teamId,
          ...(args.clientId ? { clientId: args.clientId } : {}),
          ...(args.caseId ? { caseId: args.caseId } : {}),
          ...(args.actorId ? { actorId: args.actorId } : {}),
          seq: { lte: below },
        },
        orderBy: { seq: "desc" },
        limit: args.limit ?? 100,
      });
      ctx.audit.read(
        { resource: "audit-log", clientId: args.clientId ?? null, caseId: args.caseId ?? null },
        { basis: "audit" },
        { rows: rows.length },
      );
      return rows;
    },
  }),
  auditChain: t.field({
    type: AuditVerificationRef,
    description: "Verifies the team's audit chain and names the first altered or deleted row (auditors only).",
    authScopes: { auditor: true },
    resolve: async (_root, _args, ctx) => verifyAuditChain(ctx.db, ctx.services.keys.auditKey, ctx.actor?.teamId ?? ""),
  }),
}));
