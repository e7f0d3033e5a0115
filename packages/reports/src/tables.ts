import type { Cell, CountTable, TableId } from "./report-document.js";
import type { Text } from "./labels.js";
import { type GridPosition, type Margins, positionKey, type SuppressionReason, suppressGrid } from "./suppression.js";

/** A table of counts before publication: every value known. */
export interface RawTable {
  id: TableId;
  title: Text;
  unit: CountTable["unit"];
  margins: Margins;
  columns: { key: string; label: Text }[];
  rows: { key: string; label: Text; values: number[]; attributes?: Record<string, string> }[];
  note?: Text;
}

/** An entry of a table by keys: a row key or "total", a column key or "total". */
export interface TableEntry {
  table: TableId;
  row: string;
  column: string;
}

/** Entries of different tables that publish the same number: hidden in one, they are hidden in all. */
export type TableLink = readonly TableEntry[];

const total = "total";

function position(table: RawTable, entry: TableEntry): GridPosition | null {
  const row = entry.row === total ? table.rows.length : table.rows.findIndex((r) => r.key === entry.row);
  const column = entry.column === total ? table.columns.length : table.columns.findIndex((c) => c.key === entry.column);
  return row < 0 || column < 0 ? null : { row, column };
}

function entryOf(table: RawTable, row: number, column: number): { row: string; column: string } {
  return {
    row: row >= table.rows.length ? total : (table.rows[row]?.key ?? total),
    column: column >= table.columns.length ? total : (table.columns[column]?.key ?? total),
  };
}

const grid = (table: RawTable) => ({ cells: table.rows.map((r) => r.values), margins: table.margins });

/**
 * Suppresses every table, keeping linked entries consistent: when one table hides a shared total,
 * the others hide it too and protect it in turn, until nothing changes (hiding only ever adds, so this
 * ends). Returns the hidden entries of each table.
 */
export function suppressTables(
  tables: readonly RawTable[],
  links: readonly TableLink[],
  threshold: number,
): Map<TableId, Map<string, SuppressionReason>> {
  const forced = new Map<TableId, GridPosition[]>();
  const byId = new Map(tables.map((t) => [t.id, t]));
  const avoid = new Map<TableId, GridPosition[]>();
  for (const link of links) {
    for (const e of link) {
      const table = byId.get(e.table);
      const p = table ? position(table, e) : null;
      if (p) avoid.set(e.table, [...(avoid.get(e.table) ?? []), p]);
    }
  }
  for (;;) {
    const result = new Map(
      tables.map((t) => [
        t.id,
        suppressGrid(grid(t), { threshold, forced: forced.get(t.id) ?? [], avoid: avoid.get(t.id) ?? [] }),
      ]),
    );
    let changed = false;
    for (const link of links) {
      const hidden = link.some((e) => {
        const table = byId.get(e.table);
        const p = table ? position(table, e) : null;
        return p !== null && result.get(e.table)?.has(positionKey(p)) === true;
      });
      if (!hidden) continue;
      for (const e of link) {
        const table = byId.get(e.table);
        const p = table ? position(table, e) : null;
        if (p === null || result.get(e.table)?.has(positionKey(p)) === true) continue;
        forced.set(e.table, [...(forced.get(e.table) ?? []), p]);
        changed = true;
      }
    }
    if (!changed) return result;
  }
}

/**
 * The table as published: totals added, and each hidden entry replaced by `<threshold` (a small cell)
 * or `x` (a cell hidden to protect another, or a hidden total) and listed in `suppressed`. Pass `null` for a table that is not suppressed.
 */
export function publishTable(
  table: RawTable,
  hidden: Map<string, SuppressionReason> | null,
  threshold: number,
): CountTable {
  const show = (row: number, column: number, value: number): Cell => {
    const reason = hidden?.get(positionKey({ row, column }));
    // A hidden total is never shown by its size (see suppression.ts).
    return reason === undefined ? value : reason === "primary" ? `<${String(threshold)}` : "x";
  };
  const hasRowTotals = table.margins === "rows" || table.margins === "both";
  const hasColumnTotals = table.margins === "columns" || table.margins === "both";
  const R = table.rows.length;
  const C = table.columns.length;
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const columnSum = (c: number) => sum(table.rows.map((r) => r.values[c] ?? 0));
  return {
    id: table.id,
    title: table.title,
    unit: table.unit,
    margins: table.margins,
    columns: table.columns,
    rows: table.rows.map((r, i) => ({
      key: r.key,
      label: r.label,
      values: Object.fromEntries(table.columns.map((c, j) => [c.key, show(i, j, r.values[j] ?? 0)])),
      total: hasRowTotals ? show(i, C, sum(r.values)) : null,
      ...(r.attributes ? { attributes: r.attributes } : {}),
    })),
    totals: hasColumnTotals
      ? {
          values: Object.fromEntries(table.columns.map((c, j) => [c.key, show(R, j, columnSum(j))])),
          total: table.margins === "both" ? show(R, C, sum(table.rows.map((r) => sum(r.values)))) : null,
        }
      : null,
    previous: null,
    suppressed: [...(hidden ?? new Map<string, SuppressionReason>())]
      .map(([k, reason]) => {
        const [row = 0, column = 0] = k.split(":").map(Number);
        return { ...entryOf(table, row, column), reason, order: row * (C + 1) + column };
      })
      .sort((a, b) => a.order - b.order)
      .map(({ row, column, reason }) => ({ row, column, reason })),
    ...(table.note ? { note: table.note } : {}),
  };
}
