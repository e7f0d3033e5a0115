import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

const standardFontDataUrl = `${dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"))}/standard_fonts/`;

/** What a tagged PDF says about itself, read with pdf.js. */
export interface PdfStructure {
  title: string | undefined;
  marked: boolean;
  /** Every structure element's role, in document order. */
  roles: string[];
  /** Text drawn outside any marked content (neither tagged nor an artifact): empty when all is tagged. */
  untagged: string[];
}

type Node = { role?: string; children?: Node[] };
type Item = { type?: string; str?: string };

/** Reads the structure tree, the title and any untagged text of a PDF. */
export async function pdfStructure(bytes: Buffer): Promise<PdfStructure> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, standardFontDataUrl }).promise;
  const roles: string[] = [];
  const untagged: string[] = [];
  const walk = (node: Node) => {
    if (node.role !== undefined) roles.push(node.role);
    for (const child of node.children ?? []) walk(child);
  };
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    walk((await page.getStructTree()) as Node);
    let depth = 0;
    for (const item of (await page.getTextContent({ includeMarkedContent: true })).items as Item[]) {
      if (item.type === "beginMarkedContent" || item.type === "beginMarkedContentProps") depth += 1;
      else if (item.type === "endMarkedContent") depth -= 1;
      else if (depth === 0 && item.str !== undefined && item.str.trim() !== "") untagged.push(item.str);
    }
  }
  const { info } = (await pdf.getMetadata()) as { info: { Title?: string } };
  const marked = ((await pdf.getMarkInfo()) as { Marked?: boolean } | null)?.Marked === true;
  await pdf.destroy();
  return { title: info.Title, marked, roles, untagged };
}

/** The text of each page of a PDF, as pdf.js extracts it. */
export async function pdfText(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    standardFontDataUrl,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await pdf.destroy();
  return pages;
}

type Placed = { str?: string; transform?: number[]; width?: number; height?: number };

/**
 * Text drawn over other text, page by page: each pair of text runs whose boxes (from the baseline up
 * by the font's height) overlap by more than `tolerance` points both ways. Empty when nothing collides.
 */
export async function overlappingText(bytes: Buffer, tolerance = 0.5): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, standardFontDataUrl }).promise;
  const found: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const boxes = ((await (await pdf.getPage(n)).getTextContent()).items as Placed[])
      .filter((item) => item.str !== undefined && item.str.trim() !== "" && item.transform !== undefined)
      .map((item) => {
        const [, , , , x = 0, y = 0] = item.transform ?? [];
        return { str: item.str ?? "", x, y, right: x + (item.width ?? 0), top: y + (item.height ?? 0) };
      });
    boxes.forEach((a, i) => {
      for (const b of boxes.slice(i + 1)) {
        const across = Math.min(a.right, b.right) - Math.max(a.x, b.x);
        const down = Math.min(a.top, b.top) - Math.max(a.y, b.y);
        if (across > tolerance && down > tolerance) found.push(`page ${String(n)}: "${a.str}" × "${b.str}"`);
      }
    });
  }
  await pdf.destroy();
  return found;
}

/** The fonts' embedding as the file's own objects say: every descriptor has its font file, none is a standard font. */
export function embeddedFonts(bytes: Buffer): { descriptors: number; files: number; standard: number } {
  const raw = bytes.toString("latin1");
  return {
    descriptors: (raw.match(/\/Type \/FontDescriptor/g) ?? []).length,
    files: (raw.match(/\/FontFile2 /g) ?? []).length,
    standard: (raw.match(/\/Subtype \/Type1/g) ?? []).length,
  };
}

/**
 * Poppler's view (`pdfinfo`, `pdffonts`), or null when the tools are not installed: whether the file
 * is tagged, and each font's "emb sub uni" columns.
 */
export function popplerView(bytes: Buffer): { tagged: boolean; fonts: string[] } | null {
  const dir = mkdtempSync(join(tmpdir(), "ankkuri-pdf-"));
  const file = join(dir, "checked.pdf");
  writeFileSync(file, bytes);
  try {
    const info = spawnSync("pdfinfo", [file], { encoding: "utf8" });
    const fonts = spawnSync("pdffonts", [file], { encoding: "utf8" });
    if (info.error || fonts.error) return null;
    return {
      tagged: /Tagged:\s+yes/.test(info.stdout),
      fonts: fonts.stdout
        .split("\n")
        .slice(2)
        .filter((l) => l.trim() !== ""),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
