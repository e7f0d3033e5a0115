import { agreementEnd, partyEndDate, termsOn } from "../agreement/agreement-terms.js";
import type { Agreement } from "../agreement/agreement.js";
import type { OrganisationId } from "../core/ids.js";
import { addDays, type LocalDate, maxDate, minDate } from "../core/local-date.js";
import { lengthInDays, type Period } from "../core/interval.js";
import type { Profession } from "./profession.js";
import { headcount, realisedFte } from "./fte.js";
import type { Assignment } from "./staff.js";

/** Target and realisation of one staffing unit over a period. */
export interface FteRow {
  organisationId: OrganisationId;
  partyId: OrganisationId;
  profession: Profession;
  /** Target FTE, weighted by the days each version of the terms applied and the party took part. */
  target: number;
  /** The named resource the target is reserved from (Kuva), weighted the same way; null if none. */
  named: number | null;
  realised: number;
  /** realised − target; negative when short of the target. */
  difference: number;
  /** Distinct people assigned to the unit during the period. */
  headcount: number;
}

/** Target vs realised for every staffing unit of the agreement, and totals per party. */
export interface FteReport {
  period: Period;
  units: FteRow[];
  parties: { partyId: OrganisationId; target: number; realised: number; difference: number }[];
}

interface Span {
  from: LocalDate;
  to: LocalDate;
}

/** Runs of days in `period`, each under one version of the terms, while the agreement is in force. */
function versionSpans(agreement: Agreement, period: Period): { span: Span; number: number }[] {
  const end = agreementEnd(agreement);
  const window = {
    from: maxDate(period.from, agreement.startsOn),
    to: end === null ? period.to : minDate(period.to, end),
  };
  if (window.to < window.from) return [];
  const versions = [...agreement.versions].sort((a, b) => a.number - b.number);
  const spans: { span: Span; number: number }[] = [];
  let day = window.from;
  while (day <= window.to) {
    const version = termsOn(agreement, day);
    const next = versions.find((v) => v.number > version.number && v.effectiveFrom > day);
    const to = next === undefined ? window.to : minDate(window.to, addDays(next.effectiveFrom, -1));
    spans.push({ span: { from: day, to }, number: version.number });
    day = addDays(to, 1);
  }
  return spans;
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * FTE targets against realised FTE for a period (003 § 5). Targets are weighted by days in force, per
 * version of the terms and while the unit's party takes part, so a mid-year amendment or a party's
 * departure is reflected exactly. Pass `effectiveAssignments` so work awaiting clearance is excluded.
 * Figures are rounded to three decimals.
 */
export function fteReport(agreement: Agreement, assignments: readonly Assignment[], period: Period): FteReport {
  const days = lengthInDays(period);
  const targets = new Map<
    string,
    { organisationId: string; partyId: string; profession: Profession; target: number; named: number | null }
  >();
  for (const { span, number } of versionSpans(agreement, period)) {
    const terms = agreement.versions.find((v) => v.number === number);
    if (!terms) continue;
    for (const t of terms.fteTargets) {
      const unit = terms.teamUnits.find((u) => u.organisationId === t.organisationId);
      if (!unit) continue;
      const partyEnd = partyEndDate(agreement, unit.partyId);
      const to = partyEnd === null ? span.to : minDate(span.to, partyEnd);
      if (to < span.from) continue;
      const weight = lengthInDays({ from: span.from, to }) / days;
      const key = t.organisationId;
      const row = targets.get(key) ?? {
        organisationId: t.organisationId,
        partyId: unit.partyId,
        profession: t.profession,
        target: 0,
        named: null,
      };
      row.target += t.fte * weight;
      if (t.namedFte !== null) row.named = (row.named ?? 0) + t.namedFte * weight;
      targets.set(key, row);
    }
  }
  const units: FteRow[] = [...targets.values()].map((row) => {
    const realised = realisedFte(assignments, row.organisationId, period);
    return {
      ...row,
      target: round(row.target),
      named: row.named === null ? null : round(row.named),
      realised: round(realised),
      difference: round(realised - row.target),
      headcount: headcount(assignments, row.organisationId, period),
    };
  });
  const parties = [...new Set(units.map((u) => u.partyId))].map((partyId) => {
    const mine = units.filter((u) => u.partyId === partyId);
    const target = mine.reduce((s, u) => s + u.target, 0);
    const realised = mine.reduce((s, u) => s + u.realised, 0);
    return { partyId, target: round(target), realised: round(realised), difference: round(realised - target) };
  });
  return { period, units, parties };
}
