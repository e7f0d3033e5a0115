/**
 * `@ankkuri/reports`: the reports the parties evaluate Ankkuri by (003 § 8) — the annual evaluation,
 * party reports and monthly operational statistics — requested onto a PostgreSQL-backed queue
 * (pg-boss), computed, suppressed and rendered as JSON, CSV and PDF stored in the database. The
 * worker process that runs them is `apps/reporter`; the gateway embeds the same worker on its
 * embedded database.
 */
export {
  isReportLanguage,
  type ReportLanguage,
  type ReportRequest,
  reportRequestSchema,
  type ValidReportRequest,
} from "./report-request.js";
export { type RequestedReport, requestReport } from "./request-report.js";
export {
  type QueueSettings,
  type ReportQueue,
  defaultQueueSettings,
  reportQueueName,
  retentionQueueName,
} from "./queue.js";
export { type Reporter, type ReporterOptions, startReporter } from "./reporter.js";
export { agreementYear, lastCompletedAgreementYear, parsePeriod, periodText, previousMonth } from "./periods.js";
export {
  type Cell,
  type CountTable,
  type PublishedCell,
  type PublishedReport,
  publishedReportSchema,
  type ReportDocument,
  reportDocumentSchema,
  reportSchemaVersion,
} from "./report-document.js";
export { publishReport } from "./formats/json.js";
export { reportJsonSchema } from "./formats/json-schema.js";
export {
  type ComputeOptions,
  computeReport,
  isSuppressed,
  type ProgressListener,
  type ReportProgress,
  type ReportStage,
  resolveScope,
} from "./compute-report.js";
export { ReportError, type ReportErrorCode } from "./errors.js";
export { type Artifact, artifactExtensions, artifactFileName, renderArtifacts } from "./artifacts.js";
export { type RunOutcome, runReport } from "./run-report.js";
export { reportAggregates, runAggregates } from "./figures/aggregates.js";
export { type CaseRuleContext, caseRuleContext } from "./figures/case-rule-counts.js";
export type { FigureScope } from "./figures/scope.js";
export { defaultSuppressionThreshold, suppressGrid } from "./suppression.js";
export {
  type AccessLogExtractDocument,
  buildAccessLogExtract,
  type ExtractRequest,
  type ExtractScope,
} from "./client-rights/access-log-extract.js";
export {
  renderAccessLogJson,
  renderAccessLogPdf,
  renderClientExportJson,
  renderClientExportPdf,
} from "./client-rights/render-extract.js";
export { buildClientExport, type ClientExportDocument, type ExportRequest } from "./client-rights/client-export.js";
export { type ProducedExtract, produceAccessLogExtract } from "./client-rights/produce-extract.js";
export { clientRightsRequester, type Requester } from "./client-rights/requester.js";
export { registerRetentionSchedule, retentionCron, runRetentionTick } from "./retention-schedule.js";
