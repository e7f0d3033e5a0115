import {
  type CountTable,
  publishCell,
  type PublishedReport,
  publishedReportSchema,
  type ReportDocument,
  reportDocumentSchema,
  tableIds,
} from "../report-document.js";

export const jsonContentType = "application/json; charset=utf-8";

const mapValues = <A, B>(record: Record<string, A>, f: (a: A) => B): Record<string, B> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));

function publishTable(table: CountTable): PublishedReport["tables"][keyof PublishedReport["tables"]] {
  return {
    ...table,
    rows: table.rows.map((r) => ({
      ...r,
      values: mapValues(r.values, publishCell),
      total: r.total === null ? null : publishCell(r.total),
    })),
    totals:
      table.totals === null
        ? null
        : {
            values: mapValues(table.totals.values, publishCell),
            total: table.totals.total === null ? null : publishCell(table.totals.total),
          },
  };
}

/** The document as the JSON publishes it: every count an object `{ value, suppressed }`. */
export function publishReport(document: ReportDocument): PublishedReport {
  const valid = reportDocumentSchema.parse(document);
  return publishedReportSchema.parse({
    ...valid,
    headline: mapValues(valid.headline, publishCell),
    previous:
      valid.previous === null
        ? null
        : { period: valid.previous.period, headline: mapValues(valid.previous.headline, publishCell) },
    tables: Object.fromEntries(tableIds.map((id) => [id, publishTable(valid.tables[id])])),
  });
}

/** The published report: validated against its schema, pretty-printed UTF-8 JSON. */
export function renderJson(document: ReportDocument): Buffer {
  return Buffer.from(`${JSON.stringify(publishReport(document), null, 2)}\n`, "utf8");
}
