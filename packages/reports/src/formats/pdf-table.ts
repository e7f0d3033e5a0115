/** A table drawn with pdfkit primitives: header row, body rows, optional totals row; breaks across pages. */
export interface PdfTable {
  headers: string[];
  rows: string[][];
  /** Bold last row (the totals). */
  totalsRow?: string[];
  /** Share of the width for the first (label) column, 0–1. */
  labelShare?: number;
}

const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;

/** Moves to a new page when fewer than `needed` points are left. */
export function ensureSpace(doc: PDFKit.PDFDocument, needed: number): void {
  if (doc.y + needed > bottom(doc)) doc.addPage();
}

/** A section heading: Finnish in bold, the English subtitle below it. */
export function heading(doc: PDFKit.PDFDocument, fi: string, en: string): void {
  ensureSpace(doc, 60);
  const x = doc.page.margins.left;
  doc.moveDown(0.6);
  doc.font("Helvetica-Bold").fontSize(12).fillColor("#000000").text(fi, x, doc.y);
  doc.font("Helvetica-Oblique").fontSize(9).fillColor("#444444").text(en, x, doc.y);
  doc.fillColor("#000000").moveDown(0.3);
}

/** A note in small type under a table. */
export function note(doc: PDFKit.PDFDocument, text: string): void {
  ensureSpace(doc, 20);
  doc
    .font("Helvetica")
    .fontSize(7)
    .fillColor("#555555")
    .text(text, doc.page.margins.left, doc.y, {
      width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
    });
  doc.fillColor("#000000").moveDown(0.3);
}

export function drawTable(doc: PDFKit.PDFDocument, table: PdfTable): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - left - doc.page.margins.right;
  const columns = table.headers.length;
  const fontSize = columns > 6 ? 7 : 8;
  const labelWidth = Math.round(width * (table.labelShare ?? (columns > 6 ? 0.22 : 0.4)));
  const valueWidth = columns > 1 ? (width - labelWidth) / (columns - 1) : 0;
  const rowHeight = fontSize + 6;
  const x = (i: number) => (i === 0 ? left : left + labelWidth + (i - 1) * valueWidth);
  const w = (i: number) => (i === 0 ? labelWidth : valueWidth);

  const drawRow = (cells: readonly string[], font: string, shade: boolean) => {
    const y = doc.y;
    if (shade)
      doc
        .rect(left, y - 2, width, rowHeight)
        .fill("#eeeeee")
        .fillColor("#000000");
    doc.font(font).fontSize(fontSize);
    cells.forEach((cell, i) => {
      doc.text(cell, x(i) + 2, y + 1, {
        width: w(i) - 4,
        align: i === 0 ? "left" : "right",
        lineBreak: false,
        ellipsis: true,
      });
    });
    doc
      .moveTo(left, y + rowHeight - 2)
      .lineTo(left + width, y + rowHeight - 2)
      .lineWidth(0.3)
      .strokeColor("#bbbbbb")
      .stroke();
    doc.x = left;
    doc.y = y + rowHeight;
  };
  // Headers "Finnish / English" on two lines: the English subtitle in small italics.
  const header = () => {
    const y = doc.y;
    const height = rowHeight * 2 - 2;
    doc
      .rect(left, y - 2, width, height)
      .fill("#eeeeee")
      .fillColor("#000000");
    table.headers.forEach((cell, i) => {
      const [fi = "", en = ""] = cell.split(" / ");
      const options = {
        width: w(i) - 4,
        align: i === 0 ? ("left" as const) : ("right" as const),
        lineBreak: false,
        ellipsis: true,
      };
      doc
        .font("Helvetica-Bold")
        .fontSize(fontSize)
        .text(fi, x(i) + 2, y + 1, options);
      if (en !== "")
        doc
          .font("Helvetica-Oblique")
          .fontSize(fontSize - 1)
          .fillColor("#444444")
          .text(en, x(i) + 2, y + fontSize + 2, options)
          .fillColor("#000000");
    });
    doc.x = left;
    doc.y = y + height;
  };

  ensureSpace(doc, rowHeight * 3);
  header();
  for (const row of table.rows) {
    if (doc.y + rowHeight > bottom(doc)) {
      doc.addPage();
      header();
    }
    drawRow(row, "Helvetica", false);
  }
  if (table.totalsRow) {
    ensureSpace(doc, rowHeight);
    drawRow(table.totalsRow, "Helvetica-Bold", false);
  }
  doc.moveDown(0.4);
}
