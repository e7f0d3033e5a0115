import {
  type Cell,
  type CountTable,
  type PublishedCell,
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

const publishNullable = (c: Cell | null): PublishedCell | null => (c === null ? null : publishCell(c));

const publishTotals = (totals: CountTable["totals"]) =>
  totals === null ? null : { values: mapValues(totals.values, publishCell), total: publishNullable(totals.total) };

const publishRows = <R extends { values: Record<string, Cell>; total: Cell | null }>(rows: readonly R[]) =>
  rows.map((r) => ({ ...r, values: mapValues(r.values, publishCell), total: publishNullable(r.total) }));

function publishTable(table: CountTable): PublishedReport["tables"][keyof PublishedReport["tables"]] {
  return {
    ...table,
    rows: publishRows(table.rows),
    totals: publishTotals(table.totals),
    previous:
      table.previous === null
        ? null
        : { rows: publishRows(table.previous.rows), totals: publishTotals(table.previous.totals) },
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
