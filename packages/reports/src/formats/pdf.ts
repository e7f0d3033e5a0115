import PDFDocument from "pdfkit";
import { type Cell, type CountTable, type ReportDocument, tableIds } from "../report-document.js";
import { drawBarChart } from "./pdf-chart.js";
import { drawTable, heading, note } from "./pdf-table.js";

export const pdfContentType = "application/pdf";

const show = (c: Cell | null | undefined) => (c === null || c === undefined ? "" : String(c));
const fte = (x: number | null) => (x === null ? "" : x.toFixed(2).replace(".", ","));

const helsinkiTime = new Intl.DateTimeFormat("fi-FI", {
  timeZone: "Europe/Helsinki",
  dateStyle: "short",
  timeStyle: "short",
});

function titlePage(doc: PDFKit.PDFDocument, report: ReportDocument): void {
  const left = doc.page.margins.left;
  doc.font("Helvetica-Bold").fontSize(22).text(report.title.fi, left, 110);
  doc.font("Helvetica-Oblique").fontSize(14).fillColor("#444444").text(report.title.en);
  doc.fillColor("#000000").moveDown(1.5);
  const facts: [string, string][] = [
    ["Työryhmä / Team", report.team.name.fi],
    ["Jakso / Period", `${report.period.from} – ${report.period.to}`],
    ...(report.scope ? [["Osapuoli / Party", report.scope.name.fi] as [string, string]] : []),
    ["Laadittu / Generated", `${helsinkiTime.format(new Date(report.generatedAt))} (Helsinki)`],
    ["Tietorakenteen versio / Schema version", report.schemaVersion],
  ];
  for (const [label, value] of facts) {
    doc
      .font("Helvetica-Bold")
      .fontSize(10)
      .text(label, left, doc.y, { continued: true })
      .font("Helvetica")
      .text(`: ${value}`);
  }
  heading(doc, "Tunnusluvut", "Key figures");
  drawTable(doc, {
    headers: ["", "Jakso / Period"],
    rows: [
      ["Uudet asiakkuudet / New cases", show(report.headline.newCases)],
      ["Aktiiviset asiakkuudet / Active cases", show(report.headline.activeCases)],
      ["Päättyneet asiakkuudet / Closed cases", show(report.headline.closedCases)],
      ["Pidetyt tapaamiset / Meetings held", show(report.headline.meetingsHeld)],
      ["Palveluohjaukset / Referrals to services", show(report.headline.serviceReferrals)],
      ["Saavutetut tavoitteet / Goals met", show(report.headline.goalsMet)],
    ],
    labelShare: 0.7,
  });
  const t = report.suppression.threshold;
  note(
    doc,
    report.suppression.applied
      ? `Pienet luvut 1–${String(t - 1)} on peitetty merkinnällä ${report.suppression.primaryLabel}; merkinnällä x peitetyt luvut suojaavat niitä, jotta peitettyä lukua ei voi laskea summista. / Counts from 1 to ${String(t - 1)} are shown as ${report.suppression.primaryLabel}; cells marked x are hidden so that no hidden count can be worked out from the totals.`
      : "Työryhmän sisäinen tilasto: pieniä lukuja ei ole peitetty. Ei saa luovuttaa työryhmän ulkopuolelle. / For the team only: small counts are not suppressed. Not to be shared outside the team.",
  );
}

function countTable(doc: PDFKit.PDFDocument, table: CountTable): void {
  heading(doc, table.title.fi, table.title.en);
  const rowTotals = table.margins === "rows" || table.margins === "both";
  const headers = [
    "",
    ...table.columns.map((c) => `${c.label.fi} / ${c.label.en}`),
    ...(rowTotals ? ["Yhteensä / Total"] : []),
  ];
  const rows = table.rows.map((r) => [
    r.label.fi,
    ...table.columns.map((c) => show(r.values[c.key])),
    ...(rowTotals ? [show(r.total)] : []),
  ]);
  drawTable(doc, {
    headers,
    rows:
      rows.length > 0 ? rows : [["(ei rivejä / no rows)", ...table.columns.map(() => ""), ...(rowTotals ? [""] : [])]],
    ...(table.totals
      ? {
          totalsRow: [
            "Yhteensä / Total",
            ...table.columns.map((c) => show(table.totals?.values[c.key])),
            ...(rowTotals ? [show(table.totals.total)] : []),
          ],
        }
      : {}),
  });
  if (table.note) note(doc, `${table.note.fi} / ${table.note.en}`);
}

function staffing(doc: PDFKit.PDFDocument, report: ReportDocument): void {
  heading(doc, "Henkilötyövuodet: tavoite ja toteuma", "FTE: target and realised");
  drawTable(doc, {
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
  });
  drawTable(doc, {
    headers: ["Osapuoli / Party", "Tavoite / Target", "Toteuma / Realised", "Ero / Difference"],
    rows: report.staffing.parties.map((p) => [p.name.fi, fte(p.target), fte(p.realised), fte(p.difference)]),
    labelShare: 0.4,
  });
  note(
    doc,
    "Tavoitteet painotettu sopimuksen voimassaolopäivillä; turvallisuusselvitystä odottava työ ei lasketa toteumaan. / Targets weighted by the days in force; work awaiting a security clearance is not counted.",
  );
}

function chair(doc: PDFKit.PDFDocument, report: ReportDocument): void {
  heading(doc, "Ohjausryhmän puheenjohtajuus", "Chair of the steering group");
  const section = report.chair;
  if (!section) {
    note(doc, "Ohjausryhmää ei ole kirjattu. / No steering group is recorded.");
    return;
  }
  const term = (t: NonNullable<typeof section.next>) => [
    `${t.from} – ${t.to}`,
    t.chairName?.fi ?? "–",
    t.override ? "päätöksellä / by decision" : "",
  ];
  drawTable(doc, {
    headers: ["Kausi / Term", "Puheenjohtaja / Chair", ""],
    rows: [
      ...section.terms.map(term),
      ...(section.next ? [[...term(section.next).slice(0, 2), "seuraava / next"]] : []),
    ],
    labelShare: 0.3,
  });
}

function leadership(doc: PDFKit.PDFDocument, report: ReportDocument): void {
  if (report.type !== "annual") return;
  heading(
    doc,
    "Johdon yhteiskokouksen päätökset ja johtopäätökset",
    "Decisions and conclusions of the joint leadership meeting",
  );
  drawTable(doc, {
    headers: ["Kokous / Meeting", "Kohta / Item", "Vastuu / Owner", "Määräpäivä / Due"],
    rows:
      report.leadershipDecisions.length > 0
        ? report.leadershipDecisions.map((d) => [
            d.heldOn,
            `${d.kind === "decision" ? "Päätös" : "Johtopäätös"}: ${d.text}`,
            d.ownerName.fi,
            d.dueOn ?? "",
          ])
        : [["(ei kirjattuja / none recorded)", "", "", ""]],
    labelShare: 0.2,
  });
}

function consultations(doc: PDFKit.PDFDocument, report: ReportDocument): void {
  heading(doc, "Konsultaatiot osapuolittain", "Consultations by party");
  drawTable(doc, {
    headers: ["Osapuoli / Party", "Määrä / Count"],
    rows: report.consultations.map((c) => [c.name.fi, String(c.count)]),
  });
}

function organisationViolations(doc: PDFKit.PDFDocument, report: ReportDocument): void {
  heading(
    doc,
    "Henkilöstön ja sopimuksen sääntörikkomukset jakson lopussa",
    "Staffing and agreement violations at the period's end",
  );
  drawTable(doc, {
    headers: ["Koodi / Code", "Alue / Area", "Vakavuus / Severity", "Määrä / Count"],
    rows:
      report.organisationViolations.length > 0
        ? report.organisationViolations.map((v) => [v.code, v.area, v.severity, String(v.count)])
        : [["(ei rikkomuksia / none)", "", "", ""]],
  });
}

/**
 * The readable report: a title page with the key figures, the chart of new cases over time, every
 * table with Finnish headings and English subtitles, staffing, the chair and the staffing and
 * agreement findings. Drawn with pdfkit's standard fonts (WinAnsi covers Finnish and Swedish).
 */
export async function renderPdf(report: ReportDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: "A4",
    margin: 40,
    info: {
      Title: `${report.title.fi} ${report.period.from}–${report.period.to}`,
      Author: report.team.name.fi,
      Subject: report.title.en,
      CreationDate: new Date(report.generatedAt),
    },
  });
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => {
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  titlePage(doc, report);
  doc.addPage();
  const over = report.tables.casesOverTime;
  drawBarChart(doc, {
    title: report.chart.title.fi,
    subtitle: report.chart.title.en,
    bars: over.rows.map((r) => ({ label: r.key, value: r.values.new ?? 0 })),
  });
  for (const id of tableIds) countTable(doc, report.tables[id]);
  staffing(doc, report);
  chair(doc, report);
  leadership(doc, report);
  consultations(doc, report);
  organisationViolations(doc, report);
  doc.end();
  await finished;
  return Buffer.concat(chunks);
}
