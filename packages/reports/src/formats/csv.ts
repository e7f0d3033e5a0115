import { stringify } from "csv-stringify/sync";
import type { Cell, CountTable, ReportDocument } from "../report-document.js";
import { tableIds } from "../report-document.js";
import { columnLabels } from "../labels.js";
import { type ZipEntry, zip } from "./zip.js";

/** The CSV files of a report travel as one ZIP archive (one artifact, one checksum, one download). */
export const csvContentType = "application/zip";

type Field = string | number | null;
type Line = Field[];

/** A number as Finnish spreadsheets read it: a decimal comma, no thousands separator. */
export const finnishNumber = (n: number): string => String(n).replace(".", ",");

/**
 * One CSV file in the dialect Finnish Excel opens without an import wizard: UTF-8 with a byte
 * order mark, `;` between fields, CRLF line ends, decimal commas, one header line.
 */
export function csvFile(lines: readonly Line[]): Buffer {
  const text = stringify(
    lines.map((line) => line.map((f) => (typeof f === "number" ? finnishNumber(f) : f))),
    { delimiter: ";", record_delimiter: "\r\n", bom: true },
  );
  return Buffer.from(text, "utf8");
}

/** A published count as a number, and beside it its mark when hidden ("<5" or "x"), else empty. */
const split = (c: Cell | null | undefined): [Field, Field] =>
  c === null || c === undefined ? [null, null] : typeof c === "number" ? [c, null] : [null, c];

function tableFile(table: CountTable): Line[] {
  const attributeKeys = [...new Set(table.rows.flatMap((r) => Object.keys(r.attributes ?? {})))].sort();
  const rowTotals = table.margins === "rows" || table.margins === "both";
  const valueKeys = [...table.columns.map((c) => c.key), ...(rowTotals ? ["total"] : [])];
  const values = (cells: readonly (Cell | null | undefined)[]) => cells.flatMap(split);
  const cellsOf = (r: { values: Record<string, Cell>; total: Cell | null } | undefined) =>
    r === undefined
      ? valueKeys.map(() => null)
      : [...table.columns.map((c) => r.values[c.key]), ...(rowTotals ? [r.total] : [])];
  // The previous year's counts beside the period's (annual and party reports): `<column>_previous`.
  const previous = table.previous;
  const previousRows = new Map(previous?.rows.map((r) => [r.key, r]));
  const before = (r: { values: Record<string, Cell>; total: Cell | null } | undefined) =>
    previous === null ? [] : values(cellsOf(r));
  const lines: Line[] = [
    [
      "key",
      "label_fi",
      "label_sv",
      "label_en",
      ...attributeKeys,
      ...valueKeys.flatMap((k) => [k, `${k}_suppressed`]),
      ...(previous === null ? [] : valueKeys.flatMap((k) => [`${k}_previous`, `${k}_previous_suppressed`])),
    ],
    ...table.rows.map((r) => [
      r.key,
      r.label.fi,
      r.label.sv,
      r.label.en,
      ...attributeKeys.map((k) => r.attributes?.[k] ?? null),
      ...values(cellsOf(r)),
      ...before(previousRows.get(r.key)),
    ]),
  ];
  if (table.totals) {
    const totals = table.totals;
    lines.push([
      "total",
      columnLabels.total.fi,
      columnLabels.total.sv,
      columnLabels.total.en,
      ...attributeKeys.map(() => null),
      ...values(cellsOf(totals)),
      ...before(previous?.totals ?? undefined),
    ]);
  }
  return lines;
}

/** The report's CSV files: name and lines, in the order of the PDF. */
export function csvTables(document: ReportDocument): { name: string; lines: Line[] }[] {
  const files: { id: string; lines: Line[] }[] = [
    {
      id: "report",
      lines: [
        ["key", "value"],
        ["title_fi", document.title.fi],
        ["title_sv", document.title.sv],
        ["title_en", document.title.en],
        ["schemaVersion", document.schemaVersion],
        ["type", document.type],
        ["team", document.team.id],
        ["teamName", document.team.name.fi],
        ["periodFrom", document.period.from],
        ["periodTo", document.period.to],
        ["scope", document.scope?.partyId ?? null],
        ["generatedAt", document.generatedAt],
        ["suppressionApplied", String(document.suppression.applied)],
        ["suppressionThreshold", document.suppression.threshold],
        ["ageReference", document.definitions.ageReference],
        ["recordingGraceDays", document.definitions.recordingGraceDays],
        ["violationsAsOf", document.definitions.violationsAsOf],
      ],
    },
    ...tableIds.map((id) => ({ id, lines: tableFile(document.tables[id]) })),
    {
      id: "fteUnits",
      lines: [
        [
          "organisationId",
          "name_fi",
          "partyId",
          "profession",
          "target",
          "named",
          "realised",
          "difference",
          "headcount",
        ],
        ...document.staffing.units.map((u) => [
          u.organisationId,
          u.name.fi,
          u.partyId,
          u.profession,
          u.target,
          u.named,
          u.realised,
          u.difference,
          u.headcount,
        ]),
      ],
    },
    {
      id: "fteParties",
      lines: [
        ["partyId", "name_fi", "target", "realised", "difference"],
        ...document.staffing.parties.map((p) => [p.partyId, p.name.fi, p.target, p.realised, p.difference]),
      ],
    },
    {
      id: "chair",
      lines: [
        ["term", "from", "to", "chairId", "chairName_fi", "override"],
        ...(document.chair?.terms ?? []).map((t) => [
          "period",
          t.from,
          t.to,
          t.chairId,
          t.chairName?.fi ?? null,
          String(t.override),
        ]),
        ...(document.chair?.next
          ? [
              [
                "next",
                document.chair.next.from,
                document.chair.next.to,
                document.chair.next.chairId,
                document.chair.next.chairName?.fi ?? null,
                String(document.chair.next.override),
              ],
            ]
          : []),
      ],
    },
    {
      id: "leadershipDecisions",
      lines: [
        ["heldOn", "kind", "text", "ownerId", "ownerName_fi", "dueOn"],
        ...document.leadershipDecisions.map((d) => [d.heldOn, d.kind, d.text, d.ownerId, d.ownerName.fi, d.dueOn]),
      ],
    },
    {
      id: "consultations",
      lines: [["partyId", "name_fi", "count"], ...document.consultations.map((c) => [c.partyId, c.name.fi, c.count])],
    },
    {
      id: "organisationViolations",
      lines: [
        ["code", "name_fi", "name_sv", "name_en", "area", "severity", "count"],
        ...document.organisationViolations.map((v) => [
          v.code,
          v.name.fi,
          v.name.sv,
          v.name.en,
          v.area,
          v.severity,
          v.count,
        ]),
      ],
    },
  ];
  return files.map((f, i) => ({ name: `${String(i).padStart(2, "0")}-${f.id}.csv`, lines: f.lines }));
}

/**
 * The report as CSV: one file per table (each with its own header line, so every file is a plain
 * rectangle a spreadsheet opens as is), in a ZIP archive. Hidden cells are empty, their mark ("<5"
 * or "x") in the column's `_suppressed` column beside them.
 */
export function renderCsv(document: ReportDocument): Buffer {
  const entries: ZipEntry[] = csvTables(document).map((f) => ({ name: f.name, content: csvFile(f.lines) }));
  return zip(entries, new Date(document.generatedAt));
}
