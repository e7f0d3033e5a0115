/**
 * Small-cell suppression (DOMAIN § 7): counts from 1 to threshold − 1 are hidden ("<5", primary), and
 * further cells are hidden ("x", secondary) until no hidden cell can be worked out from what is
 * published. Pure: grids in, positions out.
 *
 * A grid is a table of counts with the totals it publishes (its margins). An attacker knows every
 * published value, every total equation, that a primary cell lies in 1 … threshold − 1, that a
 * secondary cell is at least the threshold and that a hidden total is at least 1 (zeros are always
 * published). A hidden total is shown as "x" whatever its size: "<5" on a total would cap the sum
 * of its cells, and four hidden cells adding up to a total of "<5" are then all exactly 1. A hidden
 * cell is protected
 * when another table of counts, equal in everything published, differs in that cell. The equations
 * of a table with margins form a bipartite graph (rows and columns as nodes, entries as edges, totals
 * with a sign flip), and any two solutions differ by a sum of alternating cycles of hidden entries.
 * So a hidden entry is protected exactly when it lies on an alternating cycle of hidden entries that
 * can be moved by one unit within every entry's bounds; secondaries are chosen as the cheapest such
 * cycle through each unprotected entry (see docs/reports.md for a worked example).
 */

/** Which totals a grid publishes: none, each row's, each column's, or both with the grand total. */
export type Margins = "none" | "rows" | "columns" | "both";

/** A grid of counts. `cells[r][c]`; totals are derived from the cells and the margins. */
export interface CountGrid {
  cells: readonly (readonly number[])[];
  margins: Margins;
}

/** An entry of the grid: a cell, or a total (row index = number of rows for the totals row, etc.). */
export interface GridPosition {
  row: number;
  column: number;
}

/** Why an entry is hidden: a small cell, a cell hidden to protect another, or a total (never shown by size). */
export type SuppressionReason = "primary" | "secondary" | "total";

export interface SuppressionOptions {
  /** Counts from 1 to threshold − 1 are suppressed. At least 3, or "<threshold" would give the value away. */
  threshold: number;
  /** Entries to hide although they are large (totals shared with another table that hides them). */
  forced?: readonly GridPosition[];
  /** Entries to hide only when nothing else protects (totals shared with other tables). */
  avoid?: readonly GridPosition[];
}

/** The default threshold: Statistics Finland's practice as DOMAIN § 7 states it. */
export const defaultSuppressionThreshold = 5;

interface Entry {
  row: number;
  column: number;
  value: number;
  /** Node on the row side of the bipartite graph and on the column side; -1 is the unconstrained node. */
  rowNode: number;
  columnNode: number;
  /** +1 for cells and the grand total, −1 for row and column totals (so every node's equation sums to 0). */
  sign: 1 | -1;
  isTotal: boolean;
}

const key = (row: number, column: number) => `${row}:${column}`;

/** The grid's entries (cells and published totals) with their place in the equation graph. */
export function gridEntries(grid: CountGrid): Entry[] {
  const rows = grid.cells.length;
  const columns = grid.cells[0]?.length ?? 0;
  const hasRowTotals = grid.margins === "rows" || grid.margins === "both";
  const hasColumnTotals = grid.margins === "columns" || grid.margins === "both";
  // Row-side nodes: each row (when rows have totals) and the totals row (when columns have totals).
  // Column-side nodes likewise. Without an equation on one side, that side is a single free node.
  const rowNode = (r: number) => (hasRowTotals ? r : -1);
  const columnNode = (c: number) => (hasColumnTotals ? c : -1);
  const entries: Entry[] = [];
  const at = (r: number, c: number) => grid.cells[r]?.[c] ?? 0;
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++)
      entries.push({
        row: r,
        column: c,
        value: at(r, c),
        rowNode: rowNode(r),
        columnNode: columnNode(c),
        sign: 1,
        isTotal: false,
      });
  }
  if (hasRowTotals) {
    for (let r = 0; r < rows; r++) {
      let sum = 0;
      for (let c = 0; c < columns; c++) sum += at(r, c);
      // The row totals form the totals column: an equation only when the grand total is published.
      entries.push({
        row: r,
        column: columns,
        value: sum,
        rowNode: r,
        columnNode: grid.margins === "both" ? columns : -1,
        sign: -1,
        isTotal: true,
      });
    }
  }
  if (hasColumnTotals) {
    for (let c = 0; c < columns; c++) {
      let sum = 0;
      for (let r = 0; r < rows; r++) sum += at(r, c);
      entries.push({
        row: rows,
        column: c,
        value: sum,
        rowNode: grid.margins === "both" ? rows : -1,
        columnNode: c,
        sign: -1,
        isTotal: true,
      });
    }
  }
  if (grid.margins === "both") {
    let sum = 0;
    for (let r = 0; r < rows; r++) for (let c = 0; c < columns; c++) sum += at(r, c);
    entries.push({
      row: rows,
      column: columns,
      value: sum,
      rowNode: rows,
      columnNode: columns,
      sign: 1,
      isTotal: true,
    });
  }
  return entries;
}

type State = Map<string, "primary" | "secondary">;

/** Bounds an attacker knows for a hidden entry: a total 1 … ∞, a small cell 1 … t − 1, a large one t … ∞. */
function canMove(e: Entry, threshold: number, dy: 1 | -1): boolean {
  const next = e.value + e.sign * dy;
  if (e.isTotal) return next >= 1;
  return e.value < threshold ? next >= 1 && next <= threshold - 1 : next >= threshold;
}

/**
 * The cheapest alternating cycle through `start` moved by `dy` (Dijkstra from its column node back to
 * its row node). `cost` is 0 for hidden entries and the price of hiding a published one otherwise
 * (null: may not be hidden). Returns the entries of the cycle other than `start`, or null.
 */
function cheapestCycle(
  entries: readonly Entry[],
  start: Entry,
  dy: 1 | -1,
  state: State,
  threshold: number,
  cost: (e: Entry) => number | null,
): { path: Entry[]; cost: number } | null {
  // Nodes: row side as "r<n>", column side as "c<n>"; the free node of a side is n = -1.
  const target = `r${start.rowNode}`;
  const origin = `c${start.columnNode}`;
  const dist = new Map<string, number>([[origin, 0]]);
  const via = new Map<string, { from: string; entry: Entry }>();
  const done = new Set<string>();
  for (;;) {
    let node: string | null = null;
    let best = Infinity;
    for (const [n, d] of dist) if (!done.has(n) && d < best) [node, best] = [n, d];
    if (node === null) return null;
    if (node === target) break;
    done.add(node);
    const onColumnSide = node.startsWith("c");
    const index = Number(node.slice(1));
    // Leaving a column node the balance needs −dy, leaving a row node +dy.
    const move: 1 | -1 = onColumnSide ? (dy === 1 ? -1 : 1) : dy;
    for (const e of entries) {
      if (e === start) continue;
      if (onColumnSide ? e.columnNode !== index : e.rowNode !== index) continue;
      const price = state.has(key(e.row, e.column)) ? 0 : cost(e);
      if (price === null || !canMove(e, threshold, move)) continue;
      const next = onColumnSide ? `r${e.rowNode}` : `c${e.columnNode}`;
      // A small step cost prefers short cycles among equally cheap ones.
      const d = best + price + 1e-6;
      if (d < (dist.get(next) ?? Infinity)) {
        dist.set(next, d);
        via.set(next, { from: node, entry: e });
      }
    }
  }
  const path: Entry[] = [];
  for (let n = target; n !== origin;) {
    const step = via.get(n);
    if (!step) return null;
    path.push(step.entry);
    n = step.from;
  }
  return { path, cost: dist.get(target) ?? Infinity };
}

/** True when the hidden entry lies on a movable alternating cycle of hidden entries (see the module comment). */
function isProtected(entries: readonly Entry[], e: Entry, state: State, threshold: number): boolean {
  const constrained = e.rowNode !== -1 || e.columnNode !== -1;
  if (!constrained) return canMove(e, threshold, 1) || canMove(e, threshold, -1);
  return ([1, -1] as const).some(
    (dy) => canMove(e, threshold, dy) && cheapestCycle(entries, e, dy, state, threshold, () => null) !== null,
  );
}

/**
 * Which entries of the grid to hide, and why. Primary: every count from 1 to threshold − 1 (cells and
 * totals alike; hidden totals are reported as "total"); zeros are published and never protect anything. Secondary: for each hidden entry
 * that could still be worked out, the published entries of the cheapest protecting cycle (small cells
 * before large ones, cells before totals, the grand total and `avoid` entries last). Deterministic.
 */
export function suppressGrid(grid: CountGrid, options: SuppressionOptions): Map<string, SuppressionReason> {
  const { threshold } = options;
  if (!Number.isInteger(threshold) || threshold < 3)
    throw new RangeError("The suppression threshold must be an integer of at least 3");
  const entries = gridEntries(grid);
  const state: State = new Map();
  for (const e of entries) if (e.value >= 1 && e.value < threshold) state.set(key(e.row, e.column), "primary");
  for (const f of options.forced ?? []) {
    const e = entries.find((x) => x.row === f.row && x.column === f.column);
    if (e && e.value >= threshold) state.set(key(e.row, e.column), "secondary");
  }
  const avoid = new Set((options.avoid ?? []).map((p) => key(p.row, p.column)));
  const rows = grid.cells.length;
  const columns = grid.cells[0]?.length ?? 0;
  const price = (e: Entry): number | null => {
    if (e.value === 0) return null;
    const isGrand = e.row === rows && e.column === columns;
    if (isGrand || avoid.has(key(e.row, e.column))) return 1e6 + e.value;
    return e.isTotal ? 1000 + e.value : e.value;
  };
  const queue = entries.filter((e) => state.has(key(e.row, e.column)));
  while (queue.length > 0) {
    const e = queue.shift() as Entry;
    if (isProtected(entries, e, state, threshold)) continue;
    const options_ = ([1, -1] as const)
      .filter((dy) => canMove(e, threshold, dy))
      .map((dy) => cheapestCycle(entries, e, dy, state, threshold, price))
      .filter((c): c is NonNullable<typeof c> => c !== null)
      .sort((a, b) => a.cost - b.cost);
    const chosen = options_[0];
    const added = chosen
      ? chosen.path.filter((x) => !state.has(key(x.row, x.column)))
      : entries.filter((x) => x.value > 0 && !state.has(key(x.row, x.column)));
    for (const x of added) {
      state.set(key(x.row, x.column), "secondary");
      queue.push(x);
    }
    // Unreachable: a hidden entry can always move with the totals of its lines, which are free above.
    if (!isProtected(entries, e, state, threshold))
      throw new Error(`Suppression could not protect entry ${key(e.row, e.column)}`);
  }
  const totals = new Set(entries.filter((e) => e.isTotal).map((e) => key(e.row, e.column)));
  return new Map([...state].map(([k, reason]) => [k, totals.has(k) ? ("total" as const) : reason]));
}

/** The entry at a position of the grid, by the same keys `suppressGrid` returns. */
export function positionKey(position: GridPosition): string {
  return key(position.row, position.column);
}
