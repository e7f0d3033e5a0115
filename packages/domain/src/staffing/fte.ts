import type { OrganisationId } from "../core/ids.js";
import { lengthInDays, overlapDays, type Period } from "../core/interval.js";
import type { Assignment } from "./staff.js";

/** An assignment's fraction in whole hundredths, so that FTE sums are exact integers. */
export function hundredths(fraction: number): number {
  return Math.round(fraction * 100);
}

/**
 * FTE-days of work for the units in `period`, in hundredths (an FTE of 1.0 for one day is 100).
 * Additive: the value for two disjoint periods is the sum of their values.
 */
export function fteHundredthDays(
  assignments: readonly Pick<Assignment, "organisationId" | "fraction" | "interval">[],
  unitIds: OrganisationId | readonly OrganisationId[],
  period: Period,
): number {
  const units = new Set(typeof unitIds === "string" ? [unitIds] : unitIds);
  let total = 0;
  for (const a of assignments) {
    if (units.has(a.organisationId)) total += hundredths(a.fraction) * overlapDays(a.interval, period);
  }
  return total;
}

/**
 * Realised FTE of a unit over a period: Σ fraction × overlapping days ÷ days in the period (003 § 5).
 * Pass assignments through `effectiveAssignments` first so that work awaiting a security clearance
 * does not count.
 *
 * @example realisedFte([{ organisationId: "u", fraction: 0.5, interval: { from: "2025-01-01", to: null } }], "u", { from: "2025-01-01", to: "2025-12-31" }) // 0.5
 */
export function realisedFte(
  assignments: readonly Pick<Assignment, "organisationId" | "fraction" | "interval">[],
  unitId: OrganisationId | readonly OrganisationId[],
  period: Period,
): number {
  return fteHundredthDays(assignments, unitId, period) / (100 * lengthInDays(period));
}

/** Distinct people with an assignment to the unit on any day of the period. */
export function headcount(
  assignments: readonly Pick<Assignment, "organisationId" | "staffId" | "interval">[],
  unitId: OrganisationId,
  period: Period,
): number {
  return new Set(
    assignments.filter((a) => a.organisationId === unitId && overlapDays(a.interval, period) > 0).map((a) => a.staffId),
  ).size;
}
