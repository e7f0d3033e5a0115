import { type ReportDocument, reportDocumentSchema } from "../report-document.js";

export const jsonContentType = "application/json; charset=utf-8";

/** The canonical report: the document validated against its schema, pretty-printed UTF-8 JSON. */
export function renderJson(document: ReportDocument): Buffer {
  return Buffer.from(`${JSON.stringify(reportDocumentSchema.parse(document), null, 2)}\n`, "utf8");
}
