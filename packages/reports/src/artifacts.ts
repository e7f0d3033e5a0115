import { createHash } from "node:crypto";
import type { schema } from "@ankkuri/db";
import { csvContentType, renderCsv } from "./formats/csv.js";
import { jsonContentType, renderJson } from "./formats/json.js";
import { renderXlsx, xlsxContentType } from "./formats/xlsx.js";
import type { ReportDocument } from "./report-document.js";
import type { ReportLanguage } from "./report-request.js";

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
