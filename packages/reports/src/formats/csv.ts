import { stringify } from "csv-stringify/sync";
import type { Cell, CountTable, ReportDocument } from "../report-document.js";
import { tableIds } from "../report-document.js";

export const csvContentType = "text/csv; charset=utf-8";

type Line = (string | number | null)[];

function tableSection(table: CountTable): Line[] {
  const attributeKeys = [...new Set(table.rows.flatMap((r) => Object.keys(r.attributes ?? {})))].sort();
  const rowTotals = table.margins === "rows" || table.margins === "both";
  const value = (c: Cell | null | undefined) => c ?? null;
  const lines: Line[] = [
    ["section", table.id, table.title.fi, table.title.en],
    [
      "key",
      "label_fi",
      "label_en",
      ...attributeKeys,
      ...table.columns.map((c) => c.key),
      ...(rowTotals ? ["total"] : []),
    ],
    ...table.rows.map((r) => [
      r.key,
      r.label.fi,
      r.label.en,
      ...attributeKeys.map((k) => r.attributes?.[k] ?? null),
      ...table.columns.map((c) => value(r.values[c.key])),
      ...(rowTotals ? [value(r.total)] : []),
    ]),
  ];
  if (table.totals) {
    lines.push([
      "total",
      "Yhteensä",
      "Total",
      ...attributeKeys.map(() => null),
      ...table.columns.map((c) => value(table.totals?.values[c.key])),
      ...(rowTotals ? [value(table.totals.total)] : []),
    ]);
  }
  return lines;
}

/**
 * The report as CSV: one section per table (a `section` line, a header line, the rows, the totals),
 * sections separated by an empty line, hidden cells as in the document ("<5", "x"). UTF-8 with a
 * byte order mark so that spreadsheet programs show ä and ö.
 */
export function renderCsv(document: ReportDocument): Buffer {
  const sections: Line[][] = [
    [
      ["section", "report", document.title.fi, document.title.en],
      ["key", "value"],
      ["schemaVersion", document.schemaVersion],
      ["type", document.type],
      ["team", document.team.id],
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
    ...tableIds.map((id) => tableSection(document.tables[id])),
    [
      ["section", "fteUnits", "Henkilötyövuodet yksiköittäin", "FTE by unit"],
      ["organisationId", "name_fi", "partyId", "profession", "target", "named", "realised", "difference", "headcount"],
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
    [
      ["section", "fteParties", "Henkilötyövuodet osapuolittain", "FTE by party"],
      ["partyId", "name_fi", "target", "realised", "difference"],
      ...document.staffing.parties.map((p) => [p.partyId, p.name.fi, p.target, p.realised, p.difference]),
    ],
    [
      ["section", "chair", "Ohjausryhmän puheenjohtaja", "Chair of the steering group"],
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
    [
      [
        "section",
        "leadershipDecisions",
        "Johdon yhteiskokouksen päätökset ja johtopäätökset",
        "Decisions and conclusions of the joint leadership meeting",
      ],
      ["heldOn", "kind", "text", "ownerId", "ownerName_fi", "dueOn"],
      ...document.leadershipDecisions.map((d) => [d.heldOn, d.kind, d.text, d.ownerId, d.ownerName.fi, d.dueOn]),
    ],
    [
      ["section", "consultations", "Konsultaatiot osapuolittain", "Consultations by party"],
      ["partyId", "name_fi", "count"],
      ...document.consultations.map((c) => [c.partyId, c.name.fi, c.count]),
    ],
    [
      [
        "section",
        "organisationViolations",
        "Henkilöstön ja sopimuksen sääntörikkomukset jakson lopussa",
        "Staffing and agreement violations at the period's end",
      ],
      ["code", "area", "severity", "count"],
      ...document.organisationViolations.map((v) => [v.code, v.area, v.severity, v.count]),
    ],
  ];
  const text = sections.map((lines) => stringify(lines)).join("\n");
  return Buffer.from(`\uFEFF${text}`, "utf8");
}
