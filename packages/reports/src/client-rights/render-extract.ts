import type { AccessLogExtractDocument } from "./access-log-extract.js";
import type { ClientExportDocument } from "./client-export.js";

/** The extract as a PDF in the client's language (pdfkit is loaded on first use, as for reports). */
export async function renderAccessLogPdf(extract: AccessLogExtractDocument): Promise<Buffer> {
  const { drawAccessLogPdf } = await import("./access-log-pdf.js");
  return drawAccessLogPdf(extract);
}

/** The extract as JSON (UTF-8, pretty-printed), the machine-readable copy. */
export function renderAccessLogJson(extract: AccessLogExtractDocument): Buffer {
  return Buffer.from(`${JSON.stringify(extract, null, 2)}\n`, "utf8");
}

/** The data-subject export's PDF summary (pdfkit loaded on first use). */
export async function renderClientExportPdf(exported: ClientExportDocument): Promise<Buffer> {
  const { drawClientExportPdf } = await import("./client-export-pdf.js");
  return drawClientExportPdf(exported);
}

/** The data-subject export as JSON (UTF-8, pretty-printed): every field. */
export function renderClientExportJson(exported: ClientExportDocument): Buffer {
  return Buffer.from(`${JSON.stringify(exported, null, 2)}\n`, "utf8");
}
