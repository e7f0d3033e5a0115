import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Margins, type SuppressionReason, suppressGrid } from "./suppression.js";

// ---------------------------------------------------------------------------------------------------
// The attacker: an independent solver. It knows every published number, the equations of the totals
// the table prints, that a "<t" cell is 1 … t − 1 and that an "x" cell is at least t (zeros are always
// printed). For each hidden entry it computes, by linear programming (a small two-phase simplex),
// the least and greatest value consistent with all of that (a hidden total, always shown as "x", is
// only known to be at least 1). The equations of a table with margins
// are totally unimodular, so both bounds are reached by whole-number tables: a hidden entry is
// recovered exactly when the two bounds meet.
// ---------------------------------------------------------------------------------------------------

type Hidden = Map<string, SuppressionReason>;
const k = (r: number, c: number) => `${String(r)}:${String(c)}`;

/** The extended grid: cells plus the totals the margins print (row index R is the totals row, column C the totals column). */
function extended(cells: number[][], margins: Margins): { values: Map<string, number>; lines: string[][] } {
  const R = cells.length;
  const C = cells[0]?.length ?? 0;
  const values = new Map<string, number>();
  cells.forEach((row, r) => {
    row.forEach((v, c) => values.set(k(r, c), v));
  });
  const lines: string[][] = []; // each line: [members..., total]; members sum to the total
  const rowSum = (r: number) => cells[r]!.reduce((a, b) => a + b, 0);
  const colSum = (c: number) => cells.reduce((a, row) => a + row[c]!, 0);
  if (margins === "rows" || margins === "both") {
    for (let r = 0; r < R; r++) {
      values.set(k(r, C), rowSum(r));
      lines.push([...Array.from({ length: C }, (_, c) => k(r, c)), k(r, C)]);
    }
  }
  if (margins === "columns" || margins === "both") {
    for (let c = 0; c < C; c++) {
      values.set(k(R, c), colSum(c));
      lines.push([...Array.from({ length: R }, (_, r) => k(r, c)), k(R, c)]);
    }
  }
  if (margins === "both") {
    values.set(
      k(R, C),
      cells.flat().reduce((a, b) => a + b, 0),
    );
    lines.push([...Array.from({ length: R }, (_, r) => k(r, C)), k(R, C)]);
    lines.push([...Array.from({ length: C }, (_, c) => k(R, c)), k(R, C)]);
  }
  return { values, lines };
}

/** min cᵀz subject to A z = b, z ≥ 0 (Bland's rule, dense tableau). */
function simplex(
  A: number[][],
  b: number[],
  c: number[],
): { status: "optimal"; value: number } | { status: "unbounded" | "infeasible" } {
  const eps = 1e-9;
  const m = A.length;
  const n = c.length;
  // Rows with a negative right-hand side are negated; one artificial variable per row.
  const T = A.map((row, i) => {
    const sign = (b[i] ?? 0) < 0 ? -1 : 1;
    return [...row.map((v) => v * sign), ...Array.from({ length: m }, (_, j) => (j === i ? 1 : 0)), (b[i] ?? 0) * sign];
  });
  const width = n + m;
  const basis = Array.from({ length: m }, (_, i) => n + i);
  const pivot = (row: number, col: number) => {
    const p = T[row]![col]!;
    T[row] = T[row]!.map((v) => v / p);
    for (let i = 0; i < m; i++) {
      if (i === row) continue;
      const f = T[i]![col]!;
      if (Math.abs(f) > eps) T[i] = T[i]!.map((v, j) => v - f * T[row]![j]!);
    }
    basis[row] = col;
  };
  const run = (cost: number[], allowed: (j: number) => boolean): "optimal" | "unbounded" => {
    for (let guard = 0; guard < 10_000; guard++) {
      let entering = -1;
      for (let j = 0; j < width && entering < 0; j++) {
        if (!allowed(j) || basis.includes(j)) continue;
        let reduced = cost[j] ?? 0;
        for (let i = 0; i < m; i++) reduced -= (cost[basis[i]!] ?? 0) * T[i]![j]!;
        if (reduced < -eps) entering = j;
      }
      if (entering < 0) return "optimal";
      let leave = -1;
      let best = Infinity;
      for (let i = 0; i < m; i++) {
        const a = T[i]![entering]!;
        if (a <= eps) continue;
        const ratio = T[i]![width]! / a;
        if (ratio < best - eps || (Math.abs(ratio - best) <= eps && basis[i]! < basis[leave]!))
          [best, leave] = [ratio, i];
      }
      if (leave < 0) return "unbounded";
      pivot(leave, entering);
    }
    throw new Error("simplex did not converge");
  };
  const phase1 = Array.from({ length: width }, (_, j) => (j >= n ? 1 : 0));
  run(phase1, () => true);
  const infeasibility = basis.reduce((s, col, i) => s + (phase1[col] ?? 0) * T[i]![width]!, 0);
  if (infeasibility > 1e-7) return { status: "infeasible" };
  for (let i = 0; i < m; i++) {
    if (basis[i]! < n) continue;
    const j = T[i]!.findIndex((v, col) => col < n && Math.abs(v) > eps);
    if (j >= 0) pivot(i, j);
  }
  const cost = [...c, ...Array.from({ length: m }, () => 0)];
  if (run(cost, (j) => j < n) === "unbounded") return { status: "unbounded" };
  return { status: "optimal", value: basis.reduce((s, col, i) => s + (cost[col] ?? 0) * T[i]![width]!, 0) };
}

/** For each hidden entry, the least and greatest value an attacker can give it. */
function attack(
  cells: number[][],
  margins: Margins,
  hidden: Hidden,
  threshold: number,
  totals: "shown as x" | "shown by size" = "shown as x",
): Map<string, { min: number; max: number }> {
  const { values, lines } = extended(cells, margins);
  const unknowns = [...hidden.keys()];
  const isTotal = (u: string) => {
    const [r = 0, c = 0] = u.split(":").map(Number);
    return totals === "shown as x" && (r === cells.length || c === (cells[0]?.length ?? 0));
  };
  // A hidden total is shown as "x" whatever its size: the attacker knows only that it is at least 1.
  // What the label says: "<t" for a hidden count below t, "x" for a larger one.
  const small = (u: string) => (values.get(u) ?? 0) < threshold;
  const lo = unknowns.map((u) => (isTotal(u) || small(u) ? 1 : threshold));
  const hi = unknowns.map((u) => (!isTotal(u) && small(u) ? threshold - 1 : Infinity));
  const finite = unknowns.map((_, i) => i).filter((i) => hi[i] !== Infinity);
  // Variables: z (one per unknown, x = lo + z), then one slack per finite upper bound.
  const n = unknowns.length + finite.length;
  const A: number[][] = [];
  const b: number[] = [];
  for (const line of lines) {
    const row = Array.from({ length: n }, () => 0);
    let rhs = 0;
    line.forEach((entry, i) => {
      const coefficient = i === line.length - 1 ? -1 : 1;
      const u = unknowns.indexOf(entry);
      if (u >= 0) {
        row[u] = (row[u] ?? 0) + coefficient;
        rhs -= coefficient * (lo[u] ?? 0);
      } else rhs -= coefficient * (values.get(entry) ?? 0);
    });
    if (row.some((v) => v !== 0)) {
      A.push(row);
      b.push(rhs);
    }
  }
  finite.forEach((u, s) => {
    const row = Array.from({ length: n }, () => 0);
    row[u] = 1;
    row[unknowns.length + s] = 1;
    A.push(row);
    b.push((hi[u] ?? 0) - (lo[u] ?? 0));
  });
  const result = new Map<string, { min: number; max: number }>();
  unknowns.forEach((u, i) => {
    const objective = (sign: number) => Array.from({ length: n }, (_, j) => (j === i ? sign : 0));
    const low = A.length === 0 ? { status: "optimal" as const, value: 0 } : simplex(A, b, objective(1));
    const high = A.length === 0 ? { status: "unbounded" as const } : simplex(A, b, objective(-1));
    if (low.status === "infeasible" || high.status === "infeasible")
      throw new Error("the published table is inconsistent");
    const min = (lo[i] ?? 0) + (low.status === "optimal" ? low.value : -Infinity);
    const max = high.status === "optimal" ? (lo[i] ?? 0) - high.value : (hi[i] ?? Infinity);
    result.set(u, { min, max });
  });
  return result;
}

/** Entries the attacker pins down to one value. */
function recovered(
  cells: number[][],
  margins: Margins,
  hidden: Hidden,
  threshold: number,
  totals: "shown as x" | "shown by size" = "shown as x",
): string[] {
  return [...attack(cells, margins, hidden, threshold, totals)]
    .filter(([, r]) => r.max - r.min < 0.5)
    .map(([entry]) => entry);
}

/** Deliberately weak: primary suppression only. */
function primaryOnly(cells: number[][], margins: Margins, threshold: number): Hidden {
  const { values } = extended(cells, margins);
  return new Map([...values].filter(([, v]) => v >= 1 && v < threshold).map(([entry]) => [entry, "primary" as const]));
}

/** Deliberately weak: the line rule alone (no line with exactly one hidden entry), ignoring what bounds reveal. */
function lineRuleOnly(cells: number[][], margins: Margins, threshold: number): Hidden {
  const { values, lines } = extended(cells, margins);
  const hidden = primaryOnly(cells, margins, threshold);
  for (let changed = true; changed;) {
    changed = false;
    for (const line of lines) {
      if (line.filter((e) => hidden.has(e)).length !== 1) continue;
      const candidates = line
        .filter((e) => !hidden.has(e) && (values.get(e) ?? 0) > 0)
        .sort((a, b) => (values.get(a) ?? 0) - (values.get(b) ?? 0));
      if (candidates[0] !== undefined) {
        hidden.set(candidates[0], "secondary");
        changed = true;
      }
    }
  }
  return hidden;
}

const gridArbitrary = fc
  .record({
    rows: fc.integer({ min: 1, max: 4 }),
    columns: fc.integer({ min: 1, max: 4 }),
    margins: fc.constantFrom<Margins>("none", "rows", "columns", "both"),
    threshold: fc.constantFrom(3, 5, 5, 5, 10),
  })
  .chain(({ rows, columns, margins, threshold }) =>
    fc.record({
      margins: fc.constant(margins),
      threshold: fc.constant(threshold),
      cells: fc.array(
        fc.array(
          fc.oneof(
            { arbitrary: fc.constant(0), weight: 3 },
            { arbitrary: fc.integer({ min: 1, max: threshold - 1 }), weight: 4 },
            { arbitrary: fc.integer({ min: threshold, max: 30 }), weight: 3 },
          ),
          {
            minLength: columns,
            maxLength: columns,
          },
        ),
        { minLength: rows, maxLength: rows },
      ),
    }),
  );

describe("the attacker", () => {
  it("recovers a small cell from its row total when only the small cell is hidden", () => {
    // 3 + 10 = 13 is printed, so the hidden 3 is 13 − 10.
    const cells = [
      [3, 10],
      [7, 8],
    ];
    expect(recovered(cells, "both", primaryOnly(cells, "both", 5), 5)).toEqual(["0:0"]);
  });

  it("recovers a cell the line rule left with a partner, using what '<5' and 'x' say", () => {
    // Every line has two hidden entries, yet a ∈ 1…4, b ≥ 5 and a + b = 6 force a = 1, b = 5.
    const cells = [
      [1, 5],
      [5, 1],
    ];
    const weak = lineRuleOnly(cells, "both", 5);
    expect([...weak.keys()].sort()).toEqual(["0:0", "0:1", "1:0", "1:1"]);
    expect(recovered(cells, "both", weak, 5).sort()).toEqual(["0:0", "0:1", "1:0", "1:1"]);
    expect(recovered(cells, "both", suppressGrid({ cells, margins: "both" }, { threshold: 5 }), 5)).toEqual([]);
  });

  it("pins down every cell when a hidden total would show its size ('<5')", () => {
    // Four hidden cells of at least 1 adding up to a total below 5: all are exactly 1. Hence hidden
    // totals are shown as "x" whatever their size.
    const cells = [[1], [1], [1], [1], [0]];
    const hidden = suppressGrid({ cells, margins: "columns" }, { threshold: 5 });
    expect(hidden.get("5:0")).toBe("total");
    expect(recovered(cells, "columns", hidden, 5, "shown by size").sort()).toEqual(["0:0", "1:0", "2:0", "3:0", "5:0"]);
    expect(recovered(cells, "columns", hidden, 5)).toEqual([]);
  });

  it("finds that the weak primary-only suppression leaks on random tables", () => {
    // The same solver must be able to fail: across random tables primary-only suppression leaks often.
    const leaks = fc
      .sample(gridArbitrary, { numRuns: 200, seed: 7 })
      .filter(
        ({ cells, margins, threshold }) =>
          recovered(cells, margins, primaryOnly(cells, margins, threshold), threshold).length > 0,
      );
    expect(leaks.length).toBeGreaterThan(20);
  });
});

describe("suppressGrid", () => {
  it("hides 1–4 as primary, publishes zeros, and protects a lone small cell with the smallest other cell", () => {
    const hidden = suppressGrid({ cells: [[3], [10], [7], [0]], margins: "columns" }, { threshold: 5 });
    expect([...hidden]).toEqual([
      ["0:0", "primary"],
      ["2:0", "secondary"],
    ]);
  });

  it("hides a small total as primary and leaves a table without totals with primary suppression only", () => {
    expect([...suppressGrid({ cells: [[2, 0]], margins: "rows" }, { threshold: 5 })].sort()).toEqual([
      ["0:0", "primary"],
      ["0:2", "total"],
    ]);
    expect([...suppressGrid({ cells: [[2, 9]], margins: "none" }, { threshold: 5 })]).toEqual([["0:0", "primary"]]);
  });

  it("refuses a threshold that would give a primary cell away", () => {
    expect(() => suppressGrid({ cells: [[1]], margins: "none" }, { threshold: 2 })).toThrow(RangeError);
  });

  it("protects every hidden cell of random tables from the attacker (property)", () => {
    fc.assert(
      fc.property(gridArbitrary, ({ cells, margins, threshold }) => {
        const hidden = suppressGrid({ cells, margins }, { threshold });
        const { values } = extended(cells, margins);
        for (const [entry, value] of values) {
          // Every small count is hidden as primary, every zero is published, secondaries are large.
          if (value >= 1 && value < threshold)
            expect(hidden.get(entry)).toBe(
              entry.startsWith(`${String(cells.length)}:`) || entry.endsWith(`:${String(cells[0]?.length ?? 0)}`)
                ? "total"
                : "primary",
            );
          if (value === 0) expect(hidden.has(entry)).toBe(false);
          if (hidden.get(entry) === "secondary") expect(value).toBeGreaterThanOrEqual(threshold);
          if (hidden.get(entry) === "total") expect(value).toBeGreaterThan(0);
        }
        const ranges = attack(cells, margins, hidden, threshold);
        for (const [entry, { min, max }] of ranges) {
          const truth = values.get(entry) ?? NaN;
          // Sanity of the attack: the true value is among the consistent ones.
          expect(truth).toBeGreaterThanOrEqual(min - 1e-6);
          expect(truth).toBeLessThanOrEqual(max + 1e-6);
          // Protection: at least two whole values remain possible.
          expect(
            max - min,
            `entry ${entry} of ${JSON.stringify(cells)} (${margins}) can be recovered`,
          ).toBeGreaterThanOrEqual(1 - 1e-6);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("hides forced entries and protects them too", () => {
    const cells = [
      [6, 7],
      [8, 9],
    ];
    const hidden = suppressGrid({ cells, margins: "both" }, { threshold: 5, forced: [{ row: 2, column: 2 }] });
    expect(hidden.get("2:2")).toBe("total");
    expect(recovered(cells, "both", hidden, 5)).toEqual([]);
  });
});
