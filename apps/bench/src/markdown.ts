/** A cell of a Markdown table: text, a number (formatted), or nothing. */
export type Cell = string | number | null;

const escapeCell = (text: string) => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");

/** A number with a thin grouping space and `digits` decimals ("1 234.5"); "–" for unknown values. */
export function formatNumber(value: number, digits = 0): string {
  if (!Number.isFinite(value)) return "–";
  const [whole = "", fraction] = Math.abs(value).toFixed(digits).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, " ");
  return `${value < 0 ? "−" : ""}${grouped}${fraction === undefined ? "" : `.${fraction}`}`;
}

/** A ratio as "1.23×"; "–" when unknown. */
export function formatRatio(value: number): string {
  return Number.isFinite(value) ? `${value.toFixed(2)}×` : "–";
}

function cellText(cell: Cell): string {
  if (cell === null) return "";
  return typeof cell === "number" ? formatNumber(cell, Number.isInteger(cell) ? 0 : 1) : cell;
}

/** A number, or a number already formatted (`formatNumber`), which aligns as one. */
function isNumeric(cell: Cell): boolean {
  return cell === null || typeof cell === "number" || cell === "–" || /^−?\d{1,3}( \d{3})*(\.\d+)?$/.test(cell);
}

/**
 * A GitHub-flavoured Markdown table. Columns whose cells are all numbers (or formatted numbers) are right-aligned; cells are
 * padded so the source reads as a table too.
 */
export function markdownTable(header: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((row) => isNumeric(row[i] ?? null)));
  const texts = [
    header.map(escapeCell),
    ...rows.map((row) => header.map((_, i) => escapeCell(cellText(row[i] ?? null)))),
  ];
  const widths = header.map((_, i) => Math.max(3, ...texts.map((row) => row[i]?.length ?? 0)));
  const line = (row: readonly string[]) =>
    `| ${row.map((text, i) => (numeric[i] === true ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0))).join(" | ")} |`;
  const rule = `| ${widths.map((w, i) => (numeric[i] === true ? `${"-".repeat(w - 1)}:` : "-".repeat(w))).join(" | ")} |`;
  const [head = [], ...body] = texts;
  return [line(head), rule, ...body.map(line)].join("\n");
}
