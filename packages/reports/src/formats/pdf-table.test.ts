import { describe, expect, it } from "vitest";
import { overlappingText, pdfText } from "../testing/pdf-checks.js";
import { taggedPdf } from "./pdf-document.js";
import { drawTable, heading, note, noteHeight, type PdfTable, tableStartHeight } from "./pdf-table.js";

const newPdf = () =>
  taggedPdf({ title: "Testi", author: "Ankkuri", subject: "Test", created: new Date(0), lang: "fi-FI" });
const page = (doc: PDFKit.PDFDocument) => doc.bufferedPageRange().count;
const bottom = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom;
const table = (rows: number, trailing = 0): PdfTable => ({
  headers: ["", "Uudet / New"],
  rows: Array.from({ length: rows }, (_, i) => [`rivi ${String(i)}`, String(i)]),
  totalsRow: ["Yhteensä / Total", "9"],
  trailing,
});

describe("a PDF table's page breaks", () => {
  it("moves a heading to the next page when its table's first rows would not fit under it", () => {
    const { doc, root } = newPdf();
    const t = table(10);
    // Room for the heading and a header row, but not for the first rows.
    doc.y = bottom(doc) - 80;
    heading(doc, root, "Otsikko", "Heading", tableStartHeight(doc, t));
    const headingPage = page(doc);
    drawTable(doc, root, t);
    expect(headingPage).toBe(2);
    expect(page(doc)).toBe(2);
  });

  it("takes the last row to the next page with the note rather than leaving the note alone", () => {
    const { doc, root } = newPdf();
    const text = "Huomautus / A note. ".repeat(12);
    const t = table(3, noteHeight(doc, text) + 8);
    // Room for the header and two rows, not for the last row, the totals and the note.
    doc.y = bottom(doc) - 28 - 14 * 3 - 4;
    const before = page(doc);
    drawTable(doc, root, t);
    const afterTable = page(doc);
    note(doc, root, text);
    expect(before).toBe(1);
    expect(afterTable).toBe(2);
    expect(page(doc)).toBe(2);
    // Without the note's height the rows stay and the note would have gone alone.
    const { doc: lone, root: loneRoot } = newPdf();
    lone.y = bottom(lone) - 28 - 14 * 5 - 4;
    drawTable(lone, loneRoot, { ...t, trailing: 0 });
    expect(page(lone)).toBe(1);
    note(lone, loneRoot, text);
    expect(page(lone)).toBe(2);
  });
});

describe("a PDF table's cells", () => {
  it("wrap a header or a label too long for its column and grow its row, so that no text runs over another", async () => {
    const { doc, root } = newPdf();
    const chunks: Buffer[] = [];
    doc.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((done) => doc.on("end", done));
    drawTable(doc, root, {
      headers: [
        "",
        "Asetetut / Set",
        "Saavutetut / Met",
        "Saavuttamatta päättyneet / Ended unmet",
        "2024/25 / Asetetut",
      ],
      rows: [
        ["Nuorten rikollisuus ja häiriökäyttäytyminen, pitkä nimi joka ei mahdu yhdelle riville", "1", "2", "3", "4"],
        ["(ei kirjattuja / none recorded)", "", "", "", ""],
      ],
      totalsRow: ["Yhteensä / Total", "1", "2", "3", "4"],
      labelShare: 0.2,
    });
    root.end();
    doc.end();
    await ended;
    const bytes = Buffer.concat(chunks);
    expect(await overlappingText(bytes)).toEqual([]);
    const [first = ""] = await pdfText(bytes);
    expect(first).toContain("päättyneet");
    expect(first).toContain("Ended unmet");
    expect(first).toContain("riville");
  });
});
