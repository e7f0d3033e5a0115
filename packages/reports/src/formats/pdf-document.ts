import { createRequire } from "node:module";
import PDFDocument from "pdfkit";

/**
 * The report's fonts: DejaVu Sans Condensed (Bitstream Vera licence, DejaVu changes in the public
 * domain), from the `dejavu-fonts-ttf` package, embedded as subsets.
 */
export const fonts = {
  regular: "DejaVuSansCondensed",
  bold: "DejaVuSansCondensed-Bold",
  italic: "DejaVuSansCondensed-Oblique",
} as const;

const require = createRequire(import.meta.url);
const fontFile = (name: string) => require.resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`);

/** Options of a structure element as pdfkit reads them (its types lack `scope` and `bbox`). */
export interface StructOptions {
  title?: string;
  lang?: string;
  alt?: string;
  actual?: string;
  /** A table header cell's scope. */
  scope?: "Row" | "Column";
  /** The element's box on the page (left, top, right, bottom): a figure's. */
  bbox?: [number, number, number, number];
}

/** A structure element whose children are added as the document is drawn. */
export type StructParent = PDFKit.PDFStructureElement;

export interface TaggedPdf {
  doc: PDFKit.PDFDocument;
  /** The `Document` element at the root of the structure tree. */
  root: StructParent;
}

/**
 * An A4 tagged PDF 1.7 (PDF/UA's requirements as pdfkit meets them: marked content, a structure
 * tree, the title shown in the window, the language) with the report's fonts registered and embedded.
 */
export function taggedPdf(info: {
  title: string;
  author: string;
  subject: string;
  created: Date;
  lang: string;
}): TaggedPdf {
  const doc = new PDFDocument({
    size: "A4",
    margins: { top: 44, bottom: 44, left: 40, right: 40 },
    bufferPages: true,
    pdfVersion: "1.7",
    tagged: true,
    displayTitle: true,
    lang: info.lang,
    info: { Title: info.title, Author: info.author, Subject: info.subject, CreationDate: info.created },
    // The first page's font is set below; pdfkit would otherwise load Helvetica first.
    font: fontFile(fonts.regular),
  });
  for (const name of Object.values(fonts)) doc.registerFont(name, fontFile(name));
  doc.font(fonts.regular);
  const root = doc.struct("Document");
  doc.addStructure(root);
  return { doc, root };
}

/** A structure element of `type` under `parent`, for children added later (a section, a table, a row). */
export function group(
  doc: PDFKit.PDFDocument,
  parent: StructParent,
  type: string,
  options: StructOptions = {},
): StructParent {
  const element = doc.struct(type, options);
  parent.add(element);
  return element;
}

/** Draws `draw` as the marked content of a new structure element of `type` under `parent`. */
export function tagged(
  doc: PDFKit.PDFDocument,
  parent: StructParent,
  type: string,
  draw: () => void,
  options: StructOptions = {},
): void {
  const element = doc.struct(type, options);
  parent.add(element);
  element.add(draw);
  element.end();
}

/**
 * Draws `draw` as an artifact: decoration and page furniture (rules, shading, the running header,
 * the page number) that assistive technology skips. Never call it inside {@link tagged}'s drawing.
 */
export function artifact(doc: PDFKit.PDFDocument, draw: () => void, type?: "Pagination" | "Layout"): void {
  doc.markContent("Artifact", type === undefined ? undefined : { type });
  draw();
  doc.endMarkedContent();
}
