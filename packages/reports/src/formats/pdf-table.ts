import { artifact, fonts, type StructParent, tagged } from "./pdf-document.js";

export { fonts } from "./pdf-document.js";

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

const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;
const contentWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;

/** Moves to a new page when fewer than `needed` points are left. */
export function ensureSpace(doc: PDFKit.PDFDocument, needed: number): void {
  if (doc.y + needed > bottom(doc)) doc.addPage();
}

const headingHeight = 40;

/**
 * A section heading (`H2`): the document's language (Finnish or Swedish) in bold, the English subtitle
 * below it (a paragraph in English).
 * `following` is the height of what must stand under it on the same page (the table's header and
 * first rows): a heading never stands alone at the bottom of a page.
 */
export function heading(
  doc: PDFKit.PDFDocument,
  parent: StructParent,
  title: string,
  en: string,
  following = 40,
  level: "H1" | "H2" = "H2",
): void {
  ensureSpace(doc, headingHeight + following);
  const x = doc.page.margins.left;
  doc.moveDown(0.6);
  tagged(doc, parent, level, () => {
    doc.font(fonts.bold).fontSize(12).fillColor("#000000").text(title, x, doc.y);
  });
  tagged(
    doc,
    parent,
    "P",
    () => {
      doc.font(fonts.italic).fontSize(9).fillColor("#444444").text(en, x, doc.y);
    },
    { lang: "en" },
  );
  doc.fillColor("#000000").moveDown(0.3);
}

const noteSize = 7;

/** The height {@link note} takes for `text`. */
export function noteHeight(doc: PDFKit.PDFDocument, text: string): number {
  doc.font(fonts.regular).fontSize(noteSize);
  return doc.heightOfString(text, { width: contentWidth(doc) }) + doc.currentLineHeight() * 0.3;
}

/** A note in small type under a table (a paragraph). */
export function note(doc: PDFKit.PDFDocument, parent: StructParent, text: string): void {
  ensureSpace(doc, noteHeight(doc, text));
  tagged(doc, parent, "P", () => {
    doc
      .font(fonts.regular)
      .fontSize(noteSize)
      .fillColor("#555555")
      .text(text, doc.page.margins.left, doc.y, {
        width: contentWidth(doc),
      });
  });
  doc.fillColor("#000000").moveDown(0.3);
}

const fontSizeOf = (columns: number) => (columns > 6 ? 7 : 8);
const rowHeightOf = (columns: number) => fontSizeOf(columns) + 6;

/**
 * Where a table's columns stand and how tall its header and each row are. A cell whose text does not
 * fit its column's width wraps, and its row grows to hold it: a long label or a two-word header never
 * runs over its neighbour or under the next row.
 */
function tableLayout(doc: PDFKit.PDFDocument, table: PdfTable) {
  const left = doc.page.margins.left;
  const width = contentWidth(doc);
  const columns = table.headers.length;
  const fontSize = fontSizeOf(columns);
  const labelWidth = Math.round(width * (table.labelShare ?? (columns > 6 ? 0.22 : 0.4)));
  const valueWidth = columns > 1 ? (width - labelWidth) / (columns - 1) : 0;
  const rowHeight = rowHeightOf(columns);
  const x = (i: number) => (i === 0 ? left : left + labelWidth + (i - 1) * valueWidth);
  const w = (i: number) => (i === 0 ? labelWidth : valueWidth);
  const textHeight = (text: string, i: number, font: string, size: number) =>
    text === ""
      ? 0
      : doc
          .font(font)
          .fontSize(size)
          .heightOfString(text, { width: w(i) - 4 });
  const parts = (cell: string) => {
    const [local = "", en = ""] = cell.split(" / ");
    return { local, en };
  };
  // The header's local words on top, the English subtitles on one line below the tallest of them.
  const localHeight = Math.max(
    fontSize,
    ...table.headers.map((c, i) => textHeight(parts(c).local, i, fonts.bold, fontSize)),
  );
  const enHeight = Math.max(0, ...table.headers.map((c, i) => textHeight(parts(c).en, i, fonts.italic, fontSize - 1)));
  const headerHeight = Math.max(rowHeight * 2 - 2, localHeight + enHeight + 5);
  const heightOf = (cells: readonly string[], font: string) =>
    Math.max(rowHeight, ...cells.map((cell, i) => textHeight(cell, i, font, fontSize) + 5));
  return { left, width, fontSize, rowHeight, x, w, parts, localHeight, headerHeight, heightOf };
}

/** The height of the table's header and its first rows (up to three): what a heading keeps with it. */
export function tableStartHeight(doc: PDFKit.PDFDocument, table: PdfTable): number {
  const layout = tableLayout(doc, table);
  const rows = table.rows.slice(0, 3).map((r) => layout.heightOf(r, fonts.regular));
  if (table.totalsRow && rows.length < 3) rows.push(layout.heightOf(table.totalsRow, fonts.bold));
  const all = table.rows.length + (table.totalsRow ? 1 : 0);
  const first = rows.reduce((sum, h) => sum + h, 0);
  return layout.headerHeight + 2 + first + (all <= 3 ? (table.trailing ?? 0) : 0);
}

/**
 * Draws the table as a tagged `Table` under `parent`: the header row of `TH` (column scope) in
 * `THead`, one `TR` per row with the row's label as a `TH` (row scope) and the values as `TD`.
 * A header repeated on a new page is an artifact.
 */
export function drawTable(doc: PDFKit.PDFDocument, parent: StructParent, table: PdfTable): void {
  const { left, width, fontSize, rowHeight, x, w, parts, localHeight, headerHeight, heightOf } = tableLayout(
    doc,
    table,
  );
  const structure = doc.struct("Table");
  parent.add(structure);

  const drawRow = (into: StructParent, cells: readonly string[], font: string) => {
    const y = doc.y;
    const height = heightOf(cells, font);
    const row = doc.struct("TR");
    into.add(row);
    cells.forEach((cell, i) => {
      tagged(
        doc,
        row,
        i === 0 ? "TH" : "TD",
        () => {
          doc
            .font(font)
            .fontSize(fontSize)
            .fillColor("#000000")
            .text(cell, x(i) + 2, y + 1, { width: w(i) - 4, align: i === 0 ? "left" : "right" });
        },
        i === 0 ? { scope: "Row" } : {},
      );
    });
    row.end();
    artifact(doc, () => {
      doc
        .moveTo(left, y + height - 2)
        .lineTo(left + width, y + height - 2)
        .lineWidth(0.3)
        .strokeColor("#bbbbbb")
        .stroke();
    });
    doc.x = left;
    doc.y = y + height;
  };
  // Headers "Finnish / English" (or "Swedish / English") on two lines: the English subtitle in small italics.
  const header = (repeated: boolean) => {
    const y = doc.y;
    artifact(doc, () => {
      doc
        .rect(left, y - 2, width, headerHeight)
        .fill("#eeeeee")
        .fillColor("#000000");
    });
    const drawCell = (cell: string, i: number) => {
      const { local, en } = parts(cell);
      const options = { width: w(i) - 4, align: i === 0 ? ("left" as const) : ("right" as const) };
      doc
        .font(fonts.bold)
        .fontSize(fontSize)
        .fillColor("#000000")
        .text(local, x(i) + 2, y + 1, options);
      if (en !== "")
        doc
          .font(fonts.italic)
          .fontSize(fontSize - 1)
          .fillColor("#444444")
          .text(en, x(i) + 2, y + localHeight + 2, options)
          .fillColor("#000000");
    };
    if (repeated) {
      artifact(
        doc,
        () => {
          table.headers.forEach(drawCell);
        },
        "Pagination",
      );
    } else {
      const head = doc.struct("THead");
      structure.add(head);
      const row = doc.struct("TR");
      head.add(row);
      table.headers.forEach((cell, i) => {
        tagged(
          doc,
          row,
          "TH",
          () => {
            drawCell(cell, i);
          },
          { scope: "Column" },
        );
      });
      row.end();
      head.end();
    }
    doc.x = left;
    doc.y = y + headerHeight;
  };

  ensureSpace(doc, headerHeight + rowHeight * 2);
  header(false);
  const body = doc.struct("TBody");
  structure.add(body);
  const trailing = table.trailing ?? 0;
  const totals = table.totalsRow ? heightOf(table.totalsRow, fonts.bold) : 0;
  table.rows.forEach((row, i) => {
    const last = i === table.rows.length - 1;
    // The last row carries the totals and the notes with it.
    const needed = heightOf(row, fonts.regular) + (last ? totals + trailing : 0);
    if (doc.y + needed > bottom(doc)) {
      doc.addPage();
      header(true);
    }
    drawRow(body, row, fonts.regular);
  });
  if (table.totalsRow) {
    if (doc.y + totals + (table.rows.length === 0 ? trailing : 0) > bottom(doc)) {
      doc.addPage();
      header(true);
    }
    drawRow(body, table.totalsRow, fonts.bold);
  }
  body.end();
  structure.end();
  doc.moveDown(0.4);
}
