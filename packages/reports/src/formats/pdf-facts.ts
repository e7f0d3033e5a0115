import { fonts, group, type StructParent, tagged } from "./pdf-document.js";
import { ensureSpace } from "./pdf-table.js";

/** How a {@link drawFacts} table is laid out: the label column's width and the type size. */
export interface FactsLayout {
  labelWidth?: number;
  fontSize?: number;
  /** Indent from the left margin. */
  indent?: number;
}

/**
 * Label–value pairs (who, when, what) as a tagged two-column `Table`: each row a `TR` with the label
 * as its `TH` (row scope) and the value as `TD`. Values wrap rather than being cut: a client reads
 * whole sentences. A row never splits across pages.
 */
export function drawFacts(
  doc: PDFKit.PDFDocument,
  parent: StructParent,
  rows: readonly (readonly [string, string])[],
  layout: FactsLayout = {},
): void {
  const fontSize = layout.fontSize ?? 10;
  const labelWidth = layout.labelWidth ?? 150;
  const left = doc.page.margins.left + (layout.indent ?? 0);
  const valueX = left + labelWidth;
  const valueWidth = doc.page.width - doc.page.margins.right - valueX;
  const table = group(doc, parent, "Table");
  const body = group(doc, table, "TBody");
  for (const [label, value] of rows) {
    doc.font(fonts.regular).fontSize(fontSize);
    const height = Math.max(
      doc.heightOfString(value, { width: valueWidth }),
      doc.font(fonts.bold).heightOfString(label, { width: labelWidth - 6 }),
    );
    ensureSpace(doc, height + 2);
    const y = doc.y;
    const row = group(doc, body, "TR");
    tagged(
      doc,
      row,
      "TH",
      () => {
        doc
          .font(fonts.bold)
          .fontSize(fontSize)
          .text(label, left, y, { width: labelWidth - 6 });
      },
      { scope: "Row" },
    );
    tagged(doc, row, "TD", () => {
      doc.font(fonts.regular).fontSize(fontSize).text(value, valueX, y, { width: valueWidth });
    });
    row.end();
    doc.x = left;
    doc.y = y + height + 2;
  }
  body.end();
  table.end();
  doc.x = doc.page.margins.left;
}
