import { columnLabels, type Text } from "../labels.js";
import { chartBuckets } from "../periods.js";
import { type Cell, type CountTable, type ReportDocument, tableIds } from "../report-document.js";
import type { ReportLanguage } from "../report-request.js";
import { drawBarChart } from "./pdf-chart.js";
import { artifact, group, type StructParent, tagged, taggedPdf } from "./pdf-document.js";
import { type PdfLabels, pdfLabels, splitLabel } from "./pdf-labels.js";
import { drawTable, fonts, heading, note, noteHeight, type PdfTable, tableStartHeight } from "./pdf-table.js";

export const pdfContentType = "application/pdf";

const show = (c: Cell | null | undefined) => (c === null || c === undefined ? "" : String(c));
const fte = (x: number | null) => (x === null ? "" : x.toFixed(2).replace(".", ","));

/** A day as Finns write it, in Finnish and in Swedish alike: 2026-03-01 → 1.3.2026. */
export function finnishDate(day: string): string {
  const [y = "", m = "", d = ""] = day.split("-");
  return `${String(Number(d))}.${String(Number(m))}.${y}`;
}

const periodText = (report: ReportDocument) => `${finnishDate(report.period.from)}–${finnishDate(report.period.to)}`;

/** The long date of preparation on the cover: "7. joulukuuta 2026", "7 december 2026". */
const helsinkiDate = (words: PdfLabels, at: Date) =>
  new Intl.DateTimeFormat(words.dateLocale, { timeZone: "Europe/Helsinki", dateStyle: "long" }).format(at);

/** A text of the report in the language the PDF is set in. */
const local = (text: Text, language: ReportLanguage) => text[language];

/**
 * The labels under the chart's bars: the month ("maalis 2026", "mars 2026") or the days of the week
 * within the period ("1.–1.3."), never the Monday before the period starts.
 */
export function chartLabels(report: ReportDocument, language: ReportLanguage = "fi"): string[] {
  const { unit, buckets } = chartBuckets(report.period);
  const months = pdfLabels[language].months;
  return buckets.map((b) => {
    const [y = "", m = "", d = ""] = b.from.split("-");
    if (unit === "month") return `${months[Number(m) - 1] ?? m} ${y}`;
    const [, m2 = "", d2 = ""] = b.to.split("-");
    return m === m2
      ? `${String(Number(d))}.–${String(Number(d2))}.${String(Number(m))}.`
      : `${String(Number(d))}.${String(Number(m))}.–${String(Number(d2))}.${String(Number(m2))}.`;
  });
}

/** The legend under a table with hidden cells. */
export function suppressionLegend(report: ReportDocument, language: ReportLanguage = "fi"): string {
  return pdfLabels[language].legend(report.suppression.primaryLabel, report.suppression.threshold - 1);
}

function coverPage(
  doc: PDFKit.PDFDocument,
  root: StructParent,
  report: ReportDocument,
  language: ReportLanguage,
): void {
  const words = pdfLabels[language];
  const left = doc.page.margins.left;
  const cover = group(doc, root, "Sect");
  tagged(doc, cover, "H1", () => doc.font(fonts.bold).fontSize(24).text(local(report.title, language), left, 120));
  tagged(doc, cover, "P", () => doc.font(fonts.italic).fontSize(14).fillColor("#444444").text(report.title.en), {
    lang: "en",
  });
  doc.fillColor("#000000").moveDown(0.8);
  tagged(doc, cover, "P", () => doc.font(fonts.bold).fontSize(16).text(periodText(report)));
  doc.moveDown(1.5);
  const parties = report.staffing.parties.map((p) => local(p.name, language));
  const facts: [string, string][] = [
    [words.team, local(report.team.name, language)],
    ...(report.scope ? [[words.party, local(report.scope.name, language)] as [string, string]] : []),
    [words.parties, parties.length > 0 ? parties.join("; ") : "–"],
    [words.prepared, helsinkiDate(words, new Date(report.generatedAt))],
  ];
  // Each fact a paragraph, its label then its value, so that a screen reader reads them in order.
  for (const [label, value] of facts) {
    tagged(doc, cover, "P", () => {
      doc.font(fonts.bold).fontSize(10).text(label, left, doc.y);
      doc
        .font(fonts.regular)
        .fontSize(10)
        .text(value, left + 12, doc.y, { width: doc.page.width - left * 2 - 12 });
    });
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
      figure(words.newCases, "newCases"),
      figure(words.activeCases, "activeCases"),
      figure(words.closedCases, "closedCases"),
      figure(words.meetingsHeld, "meetingsHeld"),
      figure(words.serviceReferrals, "serviceReferrals"),
      figure(words.goalsMet, "goalsMet"),
    ],
    labelShare: previous ? 0.5 : 0.7,
  };
  const title = splitLabel(words.keyFigures);
  heading(doc, cover, title.local, title.en, tableStartHeight(doc, keyFigures));
  drawTable(doc, cover, keyFigures);
  note(doc, cover, report.suppression.applied ? suppressionLegend(report, language) : words.teamOnly);
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
function previousColumn(report: ReportDocument, table: CountTable, language: ReportLanguage) {
  const previous = table.previous;
  const first = table.columns[0];
  if (previous === null || report.previous === null || first === undefined) return null;
  const years = yearsOf(report.previous.period);
  const rowTotals = table.margins === "rows" || table.margins === "both";
  const pick = (values: Record<string, Cell>, total: Cell | null) => (rowTotals ? total : values[first.key]);
  const byKey = new Map(previous.rows.map((r) => [r.key, r]));
  const cells = [...previous.rows, ...(previous.totals ? [previous.totals] : [])].map((r) => pick(r.values, r.total));
  return {
    header: `${years} / ${local(rowTotals ? columnLabels.total : first.label, language)}`,
    row: (key: string) => {
      const r = byKey.get(key);
      return r ? show(pick(r.values, r.total)) : "";
    },
    totals: previous.totals ? show(pick(previous.totals.values, previous.totals.total)) : "",
    // A mark in place of a number: the legend goes under the table.
    hidden: cells.some((c) => typeof c === "string"),
    note: pdfLabels[language].previousYear(
      years,
      `${finnishDate(report.previous.period.from)}–${finnishDate(report.previous.period.to)}`,
      (rowTotals ? columnLabels.total : first.label).en,
    ),
  };
}

function countTable(
  doc: PDFKit.PDFDocument,
  root: StructParent,
  report: ReportDocument,
  table: CountTable,
  language: ReportLanguage,
  rowLabels: readonly string[] = [],
): void {
  const words = pdfLabels[language];
  const rowTotals = table.margins === "rows" || table.margins === "both";
  const before = previousColumn(report, table, language);
  const headers = [
    "",
    ...table.columns.map((c) => `${local(c.label, language)} / ${c.label.en}`),
    ...(rowTotals ? [words.total] : []),
    ...(before ? [before.header] : []),
  ];
  const rows = table.rows.map((r, i) => [
    rowLabels[i] ?? local(r.label, language),
    ...table.columns.map((c) => show(r.values[c.key])),
    ...(rowTotals ? [show(r.total)] : []),
    ...(before ? [before.row(r.key)] : []),
  ]);
  const hidden = table.suppressed.length > 0 || before?.hidden === true;
  const notes = [
    ...(table.note ? [`${local(table.note, language)} / ${table.note.en}`] : []),
    ...(before ? [before.note] : []),
    ...(report.suppression.applied && hidden ? [suppressionLegend(report, language)] : []),
  ];
  const empty = [...table.columns.map(() => ""), ...(rowTotals ? [""] : []), ...(before ? [""] : [])];
  const pdfTable: PdfTable = {
    headers,
    rows: rows.length > 0 ? rows : [[words.noRows, ...empty]],
    ...(table.totals
      ? {
          totalsRow: [
            words.total,
            ...table.columns.map((c) => show(table.totals?.values[c.key])),
            ...(rowTotals ? [show(table.totals.total)] : []),
            ...(before ? [before.totals] : []),
          ],
        }
      : {}),
    trailing: notes.reduce((sum, n) => sum + noteHeight(doc, n), 8),
  };
  const section = group(doc, root, "Sect");
  heading(doc, section, local(table.title, language), table.title.en, tableStartHeight(doc, pdfTable));
  drawTable(doc, section, pdfTable);
  for (const n of notes) note(doc, section, n);
}

function staffing(doc: PDFKit.PDFDocument, root: StructParent, report: ReportDocument, language: ReportLanguage): void {
  const words = pdfLabels[language];
  const section = group(doc, root, "Sect");
  const units: PdfTable = {
    headers: [words.unit, words.target, words.named, words.realised, words.difference, words.people],
    rows: report.staffing.units.map((u) => [
      local(u.name, language),
      fte(u.target),
      fte(u.named),
      fte(u.realised),
      fte(u.difference),
      String(u.headcount),
    ]),
    labelShare: 0.4,
  };
  const footnote = words.staffingNote;
  const parties: PdfTable = {
    headers: [words.party, words.target, words.realised, words.difference],
    rows: report.staffing.parties.map((p) => [
      local(p.name, language),
      fte(p.target),
      fte(p.realised),
      fte(p.difference),
    ]),
    labelShare: 0.4,
    trailing: noteHeight(doc, footnote) + 8,
  };
  const title = splitLabel(words.staffing);
  heading(doc, section, title.local, title.en, tableStartHeight(doc, units));
  drawTable(doc, section, units);
  drawTable(doc, section, parties);
  note(doc, section, footnote);
}

function chair(doc: PDFKit.PDFDocument, root: StructParent, report: ReportDocument, language: ReportLanguage): void {
  const words = pdfLabels[language];
  const title = splitLabel(words.chairHeading);
  const part = group(doc, root, "Sect");
  const section = report.chair;
  if (!section) {
    heading(doc, part, title.local, title.en, 20);
    note(doc, part, words.noChair);
    return;
  }
  const term = (t: NonNullable<typeof section.next>, basis: string) => [
    `${finnishDate(t.from)}–${finnishDate(t.to)}`,
    t.chairName ? local(t.chairName, language) : "–",
    [basis, t.override ? words.byDecision : words.rotation].filter((s) => s !== "").join(", "),
  ];
  const table: PdfTable = {
    headers: [words.term, words.chair, words.basis],
    rows: [...section.terms.map((t) => term(t, "")), ...(section.next ? [term(section.next, words.nextTerm)] : [])],
    labelShare: 0.3,
  };
  heading(doc, part, title.local, title.en, tableStartHeight(doc, table));
  drawTable(doc, part, table);
}

function leadership(
  doc: PDFKit.PDFDocument,
  root: StructParent,
  report: ReportDocument,
  language: ReportLanguage,
): void {
  if (report.type !== "annual") return;
  const words = pdfLabels[language];
  const section = group(doc, root, "Sect");
  const table: PdfTable = {
    headers: [words.meeting, words.item, words.owner, words.due],
    rows:
      report.leadershipDecisions.length > 0
        ? report.leadershipDecisions.map((d) => [
            finnishDate(d.heldOn),
            // The text itself stays as it was recorded.
            `${d.kind === "decision" ? words.decision : words.conclusion}: ${d.text}`,
            local(d.ownerName, language),
            d.dueOn === null ? "" : finnishDate(d.dueOn),
          ])
        : [[words.noneRecorded, "", "", ""]],
    labelShare: 0.2,
  };
  const title = splitLabel(words.leadership);
  heading(doc, section, title.local, title.en, tableStartHeight(doc, table));
  drawTable(doc, section, table);
}

function consultations(
  doc: PDFKit.PDFDocument,
  root: StructParent,
  report: ReportDocument,
  language: ReportLanguage,
): void {
  const words = pdfLabels[language];
  const section = group(doc, root, "Sect");
  const table: PdfTable = {
    headers: [words.party, words.count],
    rows: report.consultations.map((c) => [local(c.name, language), String(c.count)]),
  };
  const title = splitLabel(words.consultations);
  heading(doc, section, title.local, title.en, tableStartHeight(doc, table));
  drawTable(doc, section, table);
}

function organisationViolations(
  doc: PDFKit.PDFDocument,
  root: StructParent,
  report: ReportDocument,
  language: ReportLanguage,
): void {
  const words = pdfLabels[language];
  const section = group(doc, root, "Sect");
  const table: PdfTable = {
    headers: [words.rule, words.area, words.severity, words.count],
    rows:
      report.organisationViolations.length > 0
        ? report.organisationViolations.map((v) => [
            local(v.name, language),
            words.areas[v.area],
            words.severities[v.severity],
            String(v.count),
          ])
        : [[words.noViolations, "", "", ""]],
    labelShare: 0.46,
  };
  const title = splitLabel(words.organisationViolations);
  heading(doc, section, title.local, title.en, tableStartHeight(doc, table));
  drawTable(doc, section, table);
}

/** The running header (team, report, period) and the page number n/N on every page but the cover. */
function pageFurniture(doc: PDFKit.PDFDocument, report: ReportDocument, language: ReportLanguage): void {
  const words = pdfLabels[language];
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
          const scope = report.scope ? ` · ${local(report.scope.name, language)}` : "";
          const header = `${local(report.team.name, language)} · ${local(report.title, language)}${scope} · ${periodText(report)}`;
          doc.text(header, left, 20, { width, lineBreak: false, ellipsis: true });
          doc
            .moveTo(left, 30)
            .lineTo(left + width, 30)
            .lineWidth(0.3)
            .strokeColor("#bbbbbb")
            .stroke();
        }
        doc.text(words.page(i - range.start + 1, total), left, doc.page.height - 26, {
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
 * cases over time; every table with headings in the report's language (Finnish or Swedish, with the
 * names of organisations, bodies and rules in it) and English subtitles, its notes and, where cells
 * are hidden, the legend; staffing, the chair and the staffing and agreement findings by the rules'
 * names. Every page but the cover carries the team, the report and the period; every page its number
 * of the whole.
 */
export async function renderPdf(report: ReportDocument, language: ReportLanguage = "fi"): Promise<Buffer> {
  const words = pdfLabels[language];
  const { doc, root } = taggedPdf({
    title: `${local(report.title, language)} ${periodText(report)}`,
    author: local(report.team.name, language),
    subject: report.title.en,
    created: new Date(report.generatedAt),
    lang: words.lang,
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  coverPage(doc, root, report, language);
  doc.addPage();
  const over = report.tables.casesOverTime;
  const labels = chartLabels(report, language);
  const bars = over.rows.map((r, i) => ({ label: labels[i] ?? r.key, value: r.values.new ?? 0 }));
  const chartTitle = local(report.chart.title, language);
  drawBarChart(doc, group(doc, root, "Sect"), {
    title: chartTitle,
    subtitle: report.chart.title.en,
    bars,
    alt: `${words.barChart}: ${chartTitle}. ${bars.map((b) => `${b.label}: ${String(b.value)}`).join("; ")}.`,
  });
  const severity: Record<string, string> = words.severityInline;
  const violationLabels = report.tables.caseViolations.rows.map((r) => {
    const named = severity[r.attributes?.severity ?? ""];
    const label = local(r.label, language);
    return named === undefined ? label : `${label} (${named})`;
  });
  for (const id of tableIds)
    countTable(
      doc,
      root,
      report,
      report.tables[id],
      language,
      id === "casesOverTime" ? labels : id === "caseViolations" ? violationLabels : [],
    );
  staffing(doc, root, report, language);
  chair(doc, root, report, language);
  leadership(doc, root, report, language);
  consultations(doc, root, report, language);
  organisationViolations(doc, root, report, language);
  pageFurniture(doc, report, language);
  // Pages numbered 1, 2, … as printed in their footers.
  (doc as unknown as { _root: { data: Record<string, unknown> } })._root.data.PageLabels = { Nums: [0, { S: "D" }] };
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
