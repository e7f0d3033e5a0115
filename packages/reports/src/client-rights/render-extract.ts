import type { AccessLogExtractDocument } from "./access-log-extract.js";

/** The extract as a PDF in the client's language (pdfkit is loaded on first use, as for reports). */
export async function renderAccessLogPdf(extract: AccessLogExtractDocument): Promise<Buffer> {
  const { drawAccessLogPdf } = await import("./access-log-pdf.js");
  return drawAccessLogPdf(extract);
}

/** The extract as JSON (UTF-8, pretty-printed), the machine-readable copy. */
export function renderAccessLogJson(extract: AccessLogExtractDocument): Buffer {
  return Buffer.from(`${JSON.stringify(extract, null, 2)}\n`, "utf8");
}
