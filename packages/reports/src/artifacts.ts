import { createHash } from "node:crypto";
import type { schema } from "@ankkuri/db";
import { csvContentType, renderCsv } from "./formats/csv.js";
import { jsonContentType, renderJson } from "./formats/json.js";
import { renderXlsx, xlsxContentType } from "./formats/xlsx.js";
import { periodText } from "./periods.js";
import type { ReportDocument } from "./report-document.js";
import type { ReportLanguage, ReportRequest } from "./report-request.js";

/** One rendered file of a report, with its SHA-256 checksum. */
export interface Artifact {
  format: schema.ReportFormat;
  contentType: string;
  content: Buffer;
  sha256: string;
  byteSize: number;
}

const artifact = (format: schema.ReportFormat, contentType: string, content: Buffer): Artifact => ({
  format,
  contentType,
  content,
  sha256: createHash("sha256").update(content).digest("hex"),
  byteSize: content.byteLength,
});

/** The file name ending of each format: the CSV files travel in a ZIP archive. */
export const artifactExtensions: Record<schema.ReportFormat, string> = {
  json: "json",
  csv: "csv.zip",
  pdf: "pdf",
  xlsx: "xlsx",
};

/**
 * The name a file of a report is saved under, by the command and by the gateway's download alike:
 * `annual-2025-05-01..2026-04-30.pdf`, a party report's party after the period, and a Swedish run's
 * `-sv` last, so that both languages of a report can sit in one folder.
 */
export function artifactFileName(
  report: Pick<ReportRequest, "type" | "period" | "scope" | "language">,
  format: schema.ReportFormat,
): string {
  const scope = report.scope === null ? "" : `-${report.scope}`;
  const language = report.language === undefined || report.language === "fi" ? "" : `-${report.language}`;
  return `${report.type}-${periodText(report.period)}${scope}${language}.${artifactExtensions[format]}`;
}

/**
 * The report in its four formats: the canonical JSON, CSV, PDF and XLSX. The PDF is set in `language`
 * (Finnish unless told); the others carry every language.
 */
export async function renderArtifacts(
  document: ReportDocument,
  options: { language?: ReportLanguage } = {},
): Promise<Artifact[]> {
  // Loaded on first use: pdfkit costs start-up time of every process that embeds the worker.
  const { pdfContentType, renderPdf } = await import("./formats/pdf.js");
  return [
    artifact("json", jsonContentType, renderJson(document)),
    artifact("csv", csvContentType, renderCsv(document)),
    artifact("pdf", pdfContentType, await renderPdf(document, options.language)),
    artifact("xlsx", xlsxContentType, await renderXlsx(document)),
  ];
}
