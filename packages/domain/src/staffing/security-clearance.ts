import { addDays, type LocalDate, maxDate, minDate } from "../core/local-date.js";
import { contains, intersection, type Interval } from "../core/interval.js";
import { type Violation, violation } from "../core/violation.js";
import {
  type Assignment,
  type ClearanceScope,
  clearanceScopes,
  type PremisesAccess,
  type SecurityClearance,
} from "./staff.js";

/** What the police require before a city employee may work on their premises (003 § 7). */
export interface ClearancePolicy {
  /** The narrowest clearance scope that suffices. Default `standard` (perusmuotoinen). */
  requiredScope: ClearanceScope;
}

/** Default clearance policy: a standard security clearance (see docs/domain.md). */
export const defaultClearancePolicy: ClearancePolicy = { requiredScope: "standard" };

/** True when `scope` is at least as wide as `required`. */
export function scopeSuffices(scope: ClearanceScope, required: ClearanceScope): boolean {
  return clearanceScopes.indexOf(scope) >= clearanceScopes.indexOf(required);
}

/**
 * The days a clearance is valid: from grant to expiry, ending the day before a revocation. Pending
 * and denied clearances are valid on no day.
 */
export function clearanceInterval(clearance: SecurityClearance): Interval | null {
  if (clearance.grantedOn === null || clearance.deniedOn !== null) return null;
  const ends = [clearance.validUntil, clearance.revokedOn === null ? null : addDays(clearance.revokedOn, -1)].filter(
    (d): d is LocalDate => d !== null,
  );
  const to = ends.length === 0 ? null : ends.reduce(minDate);
  return to !== null && to < clearance.grantedOn ? null : { from: clearance.grantedOn, to };
}

/** Intervals in which `staffId` holds a clearance of sufficient scope. */
export function validClearanceIntervals(
  staffId: string,
  clearances: readonly SecurityClearance[],
  policy: ClearancePolicy = defaultClearancePolicy,
): Interval[] {
  return clearances
    .filter((c) => c.staffId === staffId && scopeSuffices(c.scope, policy.requiredScope))
    .map(clearanceInterval)
    .filter((i): i is Interval => i !== null);
}

/** Whether a person's work is gated by a clearance: city staff on an assignment that needs the premises. */
export type NeedsClearance = (assignment: Assignment) => boolean;

/**
 * Assignments as they count: one that needs premises access is active only on days its person holds a
 * valid clearance (003 § 7), so it may shrink or split. Others are returned unchanged.
 */
export function effectiveAssignments(
  assignments: readonly Assignment[],
  clearances: readonly SecurityClearance[],
  needsClearance: NeedsClearance,
  policy: ClearancePolicy = defaultClearancePolicy,
): Assignment[] {
  return assignments.flatMap((a) => {
    if (!needsClearance(a)) return [a];
    // Merged first: overlapping clearances (a renewal, a wider scope) must not count a day twice.
    return union(validClearanceIntervals(a.staffId, clearances, policy))
      .map((valid) => intersection(a.interval, valid))
      .filter((i): i is Interval => i !== null)
      .map((interval) => ({ ...a, interval }));
  });
}

/** The days covered by any of `intervals`, as maximal runs in date order. */
function union(intervals: readonly Interval[]): Interval[] {
  const runs: Interval[] = [];
  for (const i of [...intervals].sort((a, b) => a.from.localeCompare(b.from))) {
    const last = runs[runs.length - 1];
    if (last !== undefined && (last.to === null || addDays(last.to, 1) >= i.from)) {
      last.to = last.to === null || i.to === null ? null : maxDate(last.to, i.to);
    } else {
      runs.push({ ...i });
    }
  }
  return runs;
}

export type PremisesViolationCode = "STAFFING.CLEARANCE_MISSING" | "STAFFING.ACCESS_RIGHT_MISSING";

/** Outcome of {@link canAccessPremises}. */
export type PremisesDecision = { allowed: true } | { allowed: false; reasons: Violation<PremisesViolationCode>[] };

/**
 * May a city employee work on the police premises on `date`? Needs a valid clearance of sufficient
 * scope and a personal access right covering the date (003 § 7).
 */
export function canAccessPremises(
  staffId: string,
  date: LocalDate,
  records: { clearances: readonly SecurityClearance[]; premisesAccess: readonly PremisesAccess[] },
  policy: ClearancePolicy = defaultClearancePolicy,
): PremisesDecision {
  const reasons: Violation<PremisesViolationCode>[] = [];
  if (!validClearanceIntervals(staffId, records.clearances, policy).some((i) => contains(i, date))) {
    reasons.push(
      violation("STAFFING.CLEARANCE_MISSING", [staffId], {
        fi: `Henkilöllä ei ole ${date} voimassa riittävän laajaa turvallisuusselvitystä poliisin tiloissa työskentelyyn.`,
        sv: `Personen har inte ${date} en giltig säkerhetsutredning som är tillräckligt omfattande för arbete i polisens lokaler.`,
        en: `The person holds no valid security clearance of sufficient scope for the police premises on ${date}.`,
      }),
    );
  }
  if (!records.premisesAccess.some((p) => p.staffId === staffId && contains(p.interval, date))) {
    reasons.push(
      violation("STAFFING.ACCESS_RIGHT_MISSING", [staffId], {
        fi: `Henkilöllä ei ole ${date} henkilökohtaista kulkuoikeutta poliisin tiloihin.`,
        sv: `Personen har inte ${date} en personlig passerrätt till polisens lokaler.`,
        en: `The person has no personal access right to the police premises on ${date}.`,
      }),
    );
  }
  return reasons.length === 0 ? { allowed: true } : { allowed: false, reasons };
}
