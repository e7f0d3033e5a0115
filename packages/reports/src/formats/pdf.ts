import { ruleLabel } from "@ankkuri/domain";
import { columnLabels } from "../labels.js";
import { chartBuckets } from "../periods.js";
import { type Cell, type CountTable, type ReportDocument, tableIds } from "../report-document.js";
import { drawBarChart } from "./pdf-chart.js";
import { artifact, group, type StructParent, tagged, taggedPdf } from "./pdf-document.js";
import { drawTable, fonts, heading, note, noteHeight, type PdfTable, tableStartHeight } from "./pdf-table.js";

export const pdfContentType = "application/pdf";

const show = (c: Cell | null | undefined) => (c === null || c === undefined ? "" : String(c));
const fte = (x: number | null) => (x === null ? "" : x.toFixed(2).replace(".", ","));

/** A day as Finns write it: 2026-03-01 → 1.3.2026. */
export function finnishDate(day: string): string {
  const [y = "", m = "", d = ""] = day.split("-");
  return `${String(Number(d))}.${String(Number(m))}.${y}`;
}

const periodText = (report: ReportDocument) => `${finnishDate(report.period.from)}–${finnishDate(report.period.to)}`;

const helsinkiDate = new Intl.DateTimeFormat("fi-FI", { timeZone: "Europe/Helsinki", dateStyle: "long" });

const finnishMonths = [
  "tammi",
  "helmi",
  "maalis",
  "huhti",
  "touko",
  "kesä",
  "heinä",
  "elo",
  "syys",
  "loka",
  "marras",
  "joulu",
];

/**
 * The labels under the chart's bars: the month ("maalis 2026") or the days of the week within the
 * period ("1.–1.3."), never the Monday before the period starts.
 */
export function chartLabels(report: ReportDocument): string[] {
  const { unit, buckets } = chartBuckets(report.period);
  return buckets.map((b) => {
    const [y = "", m = "", d = ""] = b.from.split("-");
    if (unit === "month") return `${finnishMonths[Number(m) - 1] ?? m} ${y}`;
    const [, m2 = "", d2 = ""] = b.to.split("-");
    return m === m2
      ? `${String(Number(d))}.–${String(Number(d2))}.${String(Number(m))}.`
      : `${String(Number(d))}.${String(Number(m))}.–${String(Number(d2))}.${String(Number(m2))}.`;
  });
}

/** The legend under a table with hidden cells. */
export function suppressionLegend(report: ReportDocument): string {
  const t = report.suppression.threshold;
  const p = report.suppression.primaryLabel;
  return `${p} = 1–${String(t - 1)}; x = peitetty, jotta pientä lukua ei voi laskea summista. / ${p} = 1 to ${String(t - 1)}; x = hidden so that no small count can be worked out from the totals.`;
}

function coverPage(doc: PDFKit.PDFDocument, root: StructParent, report: ReportDocument): void {
  const left = doc.page.margins.left;
  const cover = group(doc, root, "Sect");
  tagged(doc, cover, "H1", () => doc.font(fonts.bold).fontSize(24).text(report.title.fi, left, 120));
  tagged(doc, cover, "P", () => doc.font(fonts.italic).fontSize(14).fillColor("#444444").text(report.title.en), {
    lang: "en",
  });
  doc.fillColor("#000000").moveDown(0.8);
  tagged(doc, cover, "P", () => doc.font(fonts.bold).fontSize(16).text(periodText(report)));
  doc.moveDown(1.5);
  const parties = report.staffing.parties.map((p) => p.name.fi);
  const facts: [string, string][] = [
    ["Työryhmä / Team", report.team.name.fi],
    ...(report.scope ? [["Osapuoli / Party", report.scope.name.fi] as [string, string]] : []),
    ["Sopimuksen osapuolet / Parties to the agreement", parties.length > 0 ? parties.join("; ") : "–"],
    ["Laadittu / Prepared", helsinkiDate.format(new Date(report.generatedAt))],
  ];
  for (const [label, value] of facts) {
    doc.font(fonts.bold).fontSize(10).text(label, left, doc.y);
    doc
      .font(fonts.regular)
      .fontSize(10)
      .text(value, left + 12, doc.y, { width: doc.page.width - left * 2 - 12 });
    doc.moveDown(0.4);
  }
  const previous = report.previous;
  const figure = (label: string, key: keyof ReportDocument["headline"]) => [
    label,
    show(report.headline[key]),
    // Goals are counted since assessments were recorded: the previous year shows none.
    ...(previous ? [key === "goalsMet" ? "–" : show(previous.headline[key])] : []),
  ];
  const keyFigures: PdfTable = {
    headers: [
      "",
      `${periodText(report)} / This period`,
      ...(previous ? [`${finnishDate(previous.period.from)}–${finnishDate(previous.period.to)} / Previous year`] : []),
    ],
    rows: [
      figure("Uudet asiakkuudet / New cases", "newCases"),
      figure("Aktiiviset asiakkuudet / Active cases", "activeCases"),
      figure("Päättyneet asiakkuudet / Closed cases", "closedCases"),
      figure("Pidetyt tapaamiset / Meetings held", "meetingsHeld"),
      figure("Palveluohjaukset / Referrals to services", "serviceReferrals"),
      figure("Saavutetut tavoitteet / Goals met", "goalsMet"),
    ],
    labelShare: previous ? 0.5 : 0.7,
  };
  heading(doc, cover, "Tunnusluvut", "Key figures", tableStartHeight(keyFigures));
  drawTable(doc, cover, keyFigures);
  note(
    doc,
    cover,
    report.suppression.applied
      ? suppressionLegend(report)
      : "Työryhmän sisäinen tilasto: pieniä lukuja ei ole peitetty. Ei saa luovuttaa työryhmän ulkopuolelle. / For the team only: small counts are not suppressed. Not to be shared outside the team.",
  );
}

/** The years a period spans, for a column heading: "2024" or "2024/25" (a slash, so the line does not break). */
const yearsOf = (period: { from: string; to: string }) => {
  const from = period.from.slice(0, 4);
  const to = period.to.slice(0, 4);
  return from === to ? from : `${from}/${to.slice(2)}`;
};

/**
 * The previous year's column of a table: its row totals where rows have totals, else its first
 * column (new cases, consents given, goals set), headed by the years and the column's name. One
 * column, so the table keeps its width; the JSON carries the whole previous table. Null when the
 * table carries no previous year.
 */
function previousColumn(report: ReportDocument, table: CountTable) {
  const previous = table.previous;
  const first = table.columns[0];
  if (previous === null || report.previous === null || first === undefined) return null;
  const years = yearsOf(report.previous.period);
  const rowTotals = table.margins === "rows" || table.margins === "both";
  const pick = (values: Record<string, Cell>, total: Cell | null) => (rowTotals ? total : values[first.key]);
  const byKey = new Map(previous.rows.map((r) => [r.key, r]));
  const cells = [...previous.rows, ...(previous.totals ? [previous.totals] : [])].map((r) => pick(r.values, r.total));
  return {
    header: `${years} / ${rowTotals ? columnLabels.total.fi : first.label.fi}`,
    row: (key: string) => {
      const r = byKey.get(key);
      return r ? show(pick(r.values, r.total)) : "";
    },
    totals: previous.totals ? show(pick(previous.totals.values, previous.totals.total)) : "",
    // A mark in place of a number: the legend goes under the table.
    hidden: cells.some((c) => typeof c === "string"),
    note: `${years}: ${finnishDate(report.previous.period.from)}–${finnishDate(report.previous.period.to)}, luvut peitetty kuten sen jakson raportissa. / ${years}: the same period a year earlier (${rowTotals ? columnLabels.total.en : first.label.en}), suppressed as that period's own report publishes it.`,
  };
}

function countTable(
  doc: PDFKit.PDFDocument,
  root: StructParent,
  report: ReportDocument,
  table: CountTable,
  rowLabels: readonly string[] = [],
): void {
  const rowTotals = table.margins === "rows" || table.margins === "both";
  const before = previousColumn(report, table);
  const headers = [
    "",
    ...table.columns.map((c) => `${c.label.fi} / ${c.label.en}`),
    ...(rowTotals ? ["Yhteensä / Total"] : []),
    ...(before ? [before.header] : []),
  ];
  const rows = table.rows.map((r, i) => [
    rowLabels[i] ?? r.label.fi,
    ...table.columns.map((c) => show(r.values[c.key])),
    ...(rowTotals ? [show(r.total)] : []),
    ...(before ? [before.row(r.key)] : []),
  ]);
  const hidden = table.suppressed.length > 0 || before?.hidden === true;
  const notes = [
    ...(table.note ? [`${table.note.fi} / ${table.note.en}`] : []),
    ...(before ? [before.note] : []),
    ...(report.suppression.applied && hidden ? [suppressionLegend(report)] : []),
  ];
  const empty = [...table.columns.map(() => ""), ...(rowTotals ? [""] : []), ...(before ? [""] : [])];
  const pdfTable: PdfTable = {
    headers,
    rows: rows.length > 0 ? rows : [["(ei rivejä / no rows)", ...empty]],
    ...(table.totals
      ? {
          totalsRow: [
            "Yhteensä / Total",
            ...table.columns.map((c) => show(table.totals?.values[c.key])),
            ...(rowTotals ? [show(table.totals.total)] : []),
            ...(before ? [before.totals] : []),
          ],
        }
      : {}),
    trailing: notes.reduce((sum, n) => sum + noteHeight(doc, n), 8),
  };
  const section = group(doc, root, "Sect");
  heading(doc, section, table.title.fi, table.title.en, tableStartHeight(pdfTable));
  drawTable(doc, section, pdfTable);
  for (const n of notes) note(doc, section, n);
}

function staffing(doc: PDFKit.PDFDocument, root: StructParent, report: ReportDocument): void {
  const section = group(doc, root, "Sect");
  const units: PdfTable = {
    headers: [
      "Yksikkö / Unit",
      "Tavoite / Target",
      "Nimetty / Named",
      "Toteuma / Realised",
      "Ero / Difference",
      "Henkilöt / People",
    ],
    rows: report.staffing.units.map((u) => [
      u.name.fi,
      fte(u.target),
      fte(u.named),
      fte(u.realised),
      fte(u.difference),
      String(u.headcount),
    ]),
    labelShare: 0.4,
  };
  const footnote =
    "Tavoitteet painotettu sopimuksen voimassaolopäivillä; turvallisuusselvitystä odottava työ ei lasketa toteumaan. / Targets weighted by the days in force; work awaiting a security clearance is not counted.";
  const parties: PdfTable = {
    headers: ["Osapuoli / Party", "Tavoite / Target", "Toteuma / Realised", "Ero / Difference"],
    rows: report.staffing.parties.map((p) => [p.name.fi, fte(p.target), fte(p.realised), fte(p.difference)]),
    labelShare: 0.4,
    trailing: noteHeight(doc, footnote) + 8,
  };
  heading(doc, section, "Henkilötyövuodet: tavoite ja toteuma", "FTE: target and realised", tableStartHeight(units));
  drawTable(doc, section, units);
  drawTable(doc, section, parties);
  note(doc, section, footnote);
}

function chair(doc: PDFKit.PDFDocument, root: StructParent, report: ReportDocument): void {
  const part = group(doc, root, "Sect");
  const section = report.chair;
  if (!section) {
    heading(doc, part, "Ohjausryhmän puheenjohtajuus", "Chair of the steering group", 20);
    note(doc, part, "Ohjausryhmää ei ole kirjattu. / No steering group is recorded.");
    return;
  }
  const term = (t: NonNullable<typeof section.next>, basis: string) => [
    `${finnishDate(t.from)}–${finnishDate(t.to)}`,
    t.chairName?.fi ?? "–",
    [basis, t.override ? "päätöksellä / by decision" : "vuorottelu / rotation"].filter((s) => s !== "").join(", "),
  ];
  const table: PdfTable = {
    headers: ["Kausi / Term", "Puheenjohtaja / Chair", "Peruste / Basis"],
    rows: [
      ...section.terms.map((t) => term(t, "")),
      ...(section.next ? [term(section.next, "seuraava kausi / next term")] : []),
    ],
    labelShare: 0.3,
  };
  heading(doc, part, "Ohjausryhmän puheenjohtajuus", "Chair of the steering group", tableStartHeight(table));
  drawTable(doc, part, table);
}

function leadership(doc: PDFKit.PDFDocument, root: StructParent, report: ReportDocument): void {
  if (report.type !== "annual") return;
  const section = group(doc, root, "Sect");
  const table: PdfTable = {
    headers: ["Kokous / Meeting", "Kohta / Item", "Vastuu / Owner", "Määräpäivä / Due"],
    rows:
      report.leadershipDecisions.length > 0
        ? report.leadershipDecisions.map((d) => [
            finnishDate(d.heldOn),
            `${d.kind === "decision" ? "Päätös" : "Johtopäätös"}: ${d.text}`,
            d.ownerName.fi,
            d.dueOn === null ? "" : finnishDate(d.dueOn),
          ])
        : [["(ei kirjattuja / none recorded)", "", "", ""]],
    labelShare: 0.2,
  };
  heading(
    doc,
    section,
    "Johdon yhteiskokouksen päätökset ja johtopäätökset",
    "Decisions and conclusions of the joint leadership meeting",
    tableStartHeight(table),
  );
  drawTable(doc, section, table);
}

function consultations(doc: PDFKit.PDFDocument, root: StructParent, report: ReportDocument): void {
  const section = group(doc, root, "Sect");
  const table: PdfTable = {
    headers: ["Osapuoli / Party", "Määrä / Count"],
    rows: report.consultations.map((c) => [c.name.fi, String(c.count)]),
  };
  heading(doc, section, "Konsultaatiot osapuolittain", "Consultations by party", tableStartHeight(table));
  drawTable(doc, section, table);
}

const areaNames = { staffing: "Henkilöstö / Staffing", agreement: "Sopimus / Agreement" } as const;
const severityNames = { error: "Virhe / Error", warning: "Varoitus / Warning" } as const;

function organisationViolations(doc: PDFKit.PDFDocument, root: StructParent, report: ReportDocument): void {
  const section = group(doc, root, "Sect");
  const table: PdfTable = {
    headers: ["Sääntö / Rule", "Alue / Area", "Vakavuus / Severity", "Määrä / Count"],
    rows:
      report.organisationViolations.length > 0
        ? report.organisationViolations.map((v) => [
            ruleLabel(v.code)?.fi ?? v.code,
            areaNames[v.area],
            severityNames[v.severity],
            String(v.count),
          ])
        : [["(ei rikkomuksia / none)", "", "", ""]],
    labelShare: 0.46,
  };
  heading(
    doc,
    section,
    "Henkilöstön ja sopimuksen sääntörikkomukset jakson lopussa",
    "Staffing and agreement violations at the period's end",
    tableStartHeight(table),
  );
  drawTable(doc, section, table);
}

/** The running header (team, report, period) and the page number n/N on every page but the cover. */
function pageFurniture(doc: PDFKit.PDFDocument, report: ReportDocument): void {
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start; i < range.start + total; i++) {
    doc.switchToPage(i);
    const { left, right, bottom } = doc.page.margins;
    const width = doc.page.width - left - right;
    // Drawing in the margins must not start a new page.
    doc.page.margins.bottom = 0;
    artifact(
      doc,
      () => {
        doc.font(fonts.regular).fontSize(7).fillColor("#555555");
        if (i > range.start) {
          const header = `${report.team.name.fi} · ${report.title.fi}${report.scope ? ` · ${report.scope.name.fi}` : ""} · ${periodText(report)}`;
          doc.text(header, left, 20, { width, lineBreak: false, ellipsis: true });
          doc
            .moveTo(left, 30)
            .lineTo(left + width, 30)
            .lineWidth(0.3)
            .strokeColor("#bbbbbb")
            .stroke();
        }
        doc.text(`Sivu ${String(i - range.start + 1)}/${String(total)}`, left, doc.page.height - 26, {
          width,
          align: "right",
          lineBreak: false,
        });
      },
      "Pagination",
    );
    doc.page.margins.bottom = bottom;
  }
  doc.fillColor("#000000");
}

/**
 * The readable report: a cover with the period, the parties and the key figures; the chart of new
 * cases over time; every table with Finnish headings and English subtitles, its notes and, where
 * cells are hidden, the legend; staffing, the chair and the staffing and agreement findings by the
 * rules' names. Every page but the cover carries the team, the report and the period; every page its
 * number of the whole.
 */
export async function renderPdf(report: ReportDocument): Promise<Buffer> {
  const { doc, root } = taggedPdf({
    title: `${report.title.fi} ${periodText(report)}`,
    author: report.team.name.fi,
    subject: report.title.en,
    created: new Date(report.generatedAt),
    lang: "fi-FI",
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  coverPage(doc, root, report);
  doc.addPage();
  const over = report.tables.casesOverTime;
  const labels = chartLabels(report);
  const bars = over.rows.map((r, i) => ({ label: labels[i] ?? r.key, value: r.values.new ?? 0 }));
  drawBarChart(doc, group(doc, root, "Sect"), {
    title: report.chart.title.fi,
    subtitle: report.chart.title.en,
    bars,
    alt: `Pylväskaavio: ${report.chart.title.fi}. ${bars.map((b) => `${b.label}: ${String(b.value)}`).join("; ")}.`,
  });
  const severity: Record<string, string> = { error: "virhe", warning: "varoitus" };
  const violationLabels = report.tables.caseViolations.rows.map((r) => {
    const named = severity[r.attributes?.severity ?? ""];
    return named === undefined ? r.label.fi : `${r.label.fi} (${named})`;
  });
  for (const id of tableIds)
    countTable(
      doc,
      root,
      report,
      report.tables[id],
      id === "casesOverTime" ? labels : id === "caseViolations" ? violationLabels : [],
    );
  staffing(doc, root, report);
  chair(doc, root, report);
  leadership(doc, root, report);
  consultations(doc, root, report);
  organisationViolations(doc, root, report);
  pageFurniture(doc, report);
  // Pages numbered 1, 2, … as printed in their footers.
  (doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.PageLabels = { Nums: [0, { S: "D" }] };
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
