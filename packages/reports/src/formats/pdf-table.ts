/** A table drawn with pdfkit primitives: header row, body rows, optional totals row; breaks across pages. */
export interface PdfTable {
  headers: string[];
  rows: string[][];
  /** Bold last row (the totals). */
  totalsRow?: string[];
  /** Share of the width for the first (label) column, 0–1. */
  labelShare?: number;
  /**
   * Height of what must stay with the table's last row (its notes and legend): the last row moves to
   * the next page with it rather than leaving a note alone at the top of a page.
   */
  trailing?: number;
}

/** The fonts of the report. */
export const fonts = { regular: "Helvetica", bold: "Helvetica-Bold", italic: "Helvetica-Oblique" } as const;

const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;
const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Moves to a new page when fewer than `needed` points are left. */
export function ensureSpace(doc: PDFKit.PDFDocument, needed: number): void {
  if (doc.y + needed > bottom(doc)) doc.addPage();
}

const headingHeight = 40;

/**
 * A section heading: Finnish in bold, the English subtitle below it. `following` is the height of
 * what must stand under it on the same page (the table's header and first rows): a heading never
 * stands alone at the bottom of a page.
 */
export function heading(doc: PDFKit.PDFDocument, fi: string, en: string, following = 40): void {
  ensureSpace(doc, headingHeight + following);
  const x = doc.page.margins.left;
  doc.moveDown(0.6);
  doc.font(fonts.bold).fontSize(12).fillColor("#000000").text(fi, x, doc.y);
  doc.font(fonts.italic).fontSize(9).fillColor("#444444").text(en, x, doc.y);
  doc.fillColor("#000000").moveDown(0.3);
}

const noteSize = 7;

/** The height {@link note} takes for `text`. */
export function noteHeight(doc: PDFKit.PDFDocument, text: string): number {
  doc.font(fonts.regular).fontSize(noteSize);
  return doc.heightOfString(text, { width: contentWidth(doc) }) + doc.currentLineHeight() * 0.3;
}

/** A note in small type under a table. */
export function note(doc: PDFKit.PDFDocument, text: string): void {
  ensureSpace(doc, noteHeight(doc, text));
  doc
    .font(fonts.regular)
    .fontSize(noteSize)
    .fillColor("#555555")
    .text(text, doc.page.margins.left, doc.y, {
      width: contentWidth(doc),
    });
  doc.fillColor("#000000").moveDown(0.3);
}

const fontSizeOf = (columns: number) => (columns > 6 ? 7 : 8);
const rowHeightOf = (columns: number) => fontSizeOf(columns) + 6;

/** The height of the table's header and its first rows (up to three): what a heading keeps with it. */
export function tableStartHeight(table: PdfTable): number {
  const rowHeight = rowHeightOf(table.headers.length);
  const rows = Math.min(3, table.rows.length + (table.totalsRow ? 1 : 0));
  return (
    rowHeight * 2 +
    rowHeight * rows +
    (rows === table.rows.length + (table.totalsRow ? 1 : 0) ? (table.trailing ?? 0) : 0)
  );
}

export function drawTable(doc: PDFKit.PDFDocument, table: PdfTable): void {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const columns = table.headers.length;
  const fontSize = fontSizeOf(columns);
  const labelWidth = Math.round(width * (table.labelShare ?? (columns > 6 ? 0.22 : 0.4)));
  const valueWidth = columns > 1 ? (width - labelWidth) / (columns - 1) : 0;
  const rowHeight = rowHeightOf(columns);
  const x = (i: number) => (i === 0 ? left : left + labelWidth + (i - 1) * valueWidth);
  const w = (i: number) => (i === 0 ? labelWidth : valueWidth);

  const drawRow = (cells: readonly string[], font: string) => {
    const y = doc.y;
    doc.font(font).fontSize(fontSize).fillColor("#000000");
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
        .font(fonts.bold)
        .fontSize(fontSize)
        .text(fi, x(i) + 2, y + 1, options);
      if (en !== "")
        doc
          .font(fonts.italic)
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
  const trailing = table.trailing ?? 0;
  table.rows.forEach((row, i) => {
    const last = i === table.rows.length - 1;
    // The last row carries the totals and the notes with it.
    const needed = last ? rowHeight * (table.totalsRow ? 2 : 1) + trailing : rowHeight;
    if (doc.y + needed > bottom(doc)) {
      doc.addPage();
      header();
    }
    drawRow(row, fonts.regular);
  });
  if (table.totalsRow) {
    if (doc.y + rowHeight + (table.rows.length === 0 ? trailing : 0) > bottom(doc)) {
      doc.addPage();
      header();
    }
    drawRow(table.totalsRow, fonts.bold);
  }
  doc.moveDown(0.4);
}
