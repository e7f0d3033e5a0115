import { addDays, type LocalDate } from "./local-date.js";
import { intersection, type Interval, type Period } from "./interval.js";

/** Something that covers an interval of days with a weight (an FTE fraction in hundredths, a count). */
export interface Cover {
  id: string;
  interval: Interval;
  weight: number;
}

/** A maximal run of days with the same covers. */
export interface CoverageSegment {
  from: LocalDate;
  to: LocalDate;
  /** Ids of the covers active on these days, in input order. */
  ids: string[];
  /** Sum of their weights. */
  total: number;
}

/**
 * Splits `window` into runs of days with a constant set of covers (a sweep over interval ends, so the
 * cost grows with the number of covers, not of days). Days with no cover appear with `total` 0, which
 * is how callers find gaps.
 */
export function coverage(covers: readonly Cover[], window: Period): CoverageSegment[] {
  const clipped = covers.flatMap((c) => {
    const shared = intersection(c.interval, window);
    return shared ? [{ ...c, from: shared.from, to: shared.to ?? window.to }] : [];
  });
  const boundaries = new Set<LocalDate>([window.from]);
  for (const c of clipped) {
    boundaries.add(c.from);
    if (c.to < window.to) boundaries.add(addDays(c.to, 1));
  }
  const starts = [...boundaries].sort();
  const segments: CoverageSegment[] = [];
  starts.forEach((from, i) => {
    const next = starts[i + 1];
    const to = next === undefined ? window.to : addDays(next, -1);
    const active = clipped.filter((c) => c.from <= from && c.to >= from);
    const segment = { from, to, ids: active.map((c) => c.id), total: active.reduce((sum, c) => sum + c.weight, 0) };
    const last = segments[segments.length - 1];
    // Merge neighbours with the same covers so each finding is reported once. Compare totals too:
    // covers may share an id, and a run must not hide a change of weight.
    if (last !== undefined && sameIds(last.ids, segment.ids) && last.total === segment.total) last.to = to;
    else segments.push(segment);
  });
  return segments;
}

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id, i) => id === b[i]);
}
