import { type Executor, loadCases, queryRows, type SQL, sql } from "@ankkuri/db";
import {
  type AgePolicy,
  type CaseRuleCode,
  caseRuleLabels,
  checkAgreement,
  checkCase,
  checkStaffing,
  coreOrganisationIds,
  defaultAgePolicy,
  indexOrganisations,
  ruleLabel,
  type Severity,
  type TeamDataset,
  type Violation,
} from "@ankkuri/domain";
import { columnLabels, sameText, tableTitles, type Text, textOf } from "../labels.js";
import type { RawTable } from "../tables.js";
import { caseInScope, type FigureScope } from "./scope.js";

/** One page of the team's cases referred by the period's end, in id order after `after` (keyset pagination). */
function caseIdPageQuery(scope: FigureScope, after: string | null, limit: number): SQL {
  return sql`select c.id from cases c
    where c.team_id = ${scope.teamId} and c.referred_on <= ${scope.period.to} and ${caseInScope(scope)}
      ${after === null ? sql`` : sql`and c.id > ${after}::uuid`}
    order by c.id limit ${limit}`;
}

/** Case rule violations counted by code, with the code's severity. */
export type ViolationCounts = Map<CaseRuleCode, { severity: Severity; count: number }>;

function tally(into: ViolationCounts, found: readonly Violation<CaseRuleCode>[]): void {
  for (const v of found) {
    const entry = into.get(v.code) ?? { severity: v.severity, count: 0 };
    entry.count += 1;
    into.set(v.code, entry);
  }
}

/**
 * Every case rule violation open on the period's last day, by code, as the domain library decides it:
 * the cases referred by then are read in pages of `batchSize` and checked with `checkCase` (`asOf` =
 * the last day), so only one page is in memory at a time. Cases are checked as they stand when the
 * report is made: a record made after the period's end clears its finding. Reports count with
 * `countCaseRuleViolations` (one statement, no cases loaded); this is the reference it is tested
 * against.
 */
export async function countCaseViolations(
  db: Executor,
  scope: FigureScope,
  dataset: TeamDataset,
  options: { batchSize: number; policy?: AgePolicy; recordingGraceDays?: number },
): Promise<ViolationCounts> {
  const asOf = scope.period.to;
  const context = {
    coreOrganisationIds: coreOrganisationIds(dataset.agreement, asOf),
    organisations: indexOrganisations(dataset.organisations),
    policy: options.policy ?? defaultAgePolicy,
    ...(options.recordingGraceDays === undefined ? {} : { recordingGraceDays: options.recordingGraceDays }),
  };
  const counts: ViolationCounts = new Map();
  const fetchPage = async (after: string | null) => {
    const ids = (await queryRows<{ id: string }>(db, caseIdPageQuery(scope, after, options.batchSize))).map(
      (r) => r.id,
    );
    return { ids, cases: ids.length === 0 ? [] : await loadCases(db, scope.teamId, ids) };
  };
  // One page ahead: the database reads the next page while this process checks the current one.
  const ahead = (after: string | null) => {
    const page = fetchPage(after);
    page.catch(() => undefined); // awaited below; this only keeps an abandoned read from going unhandled
    return page;
  };
  let next = ahead(null);
  for (;;) {
    const { ids, cases } = await next;
    if (ids.length === 0) break;
    const more = ids.length === options.batchSize;
    if (more) next = ahead(ids[ids.length - 1] ?? null);
    for (const stored of cases) tally(counts, checkCase(stored.case, { ...context, asOf }));
    if (!more) break;
  }
  return counts;
}

export function caseViolationsTable(counts: ViolationCounts): RawTable {
  return {
    id: "caseViolations",
    title: tableTitles.caseViolations,
    unit: "violations",
    margins: "columns",
    columns: [{ key: "count", label: columnLabels.violations }],
    rows: [...counts]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([code, { severity, count }]) => ({
        key: code,
        label: textOf(caseRuleLabels[code]),
        values: [count],
        attributes: { severity },
      })),
    note: {
      fi: "Virhe rikkoo sääntöä; varoitus vaatii huomiota.",
      sv: "Ett fel bryter mot en regel; en varning kräver uppmärksamhet.",
      en: "An error breaks a rule; a warning needs attention.",
    },
  };
}

/** A staffing or agreement violation as reported: the rule's code and its name in plain language. */
export interface OrganisationViolation {
  code: string;
  name: Text;
  area: "staffing" | "agreement";
  severity: "error" | "warning";
  count: number;
}

/**
 * Staffing rules on the period's last day (`checkStaffing`) and the agreement as a document
 * (`checkAgreement`). For a party report only findings about the party: those naming one of its
 * organisations or staff (or their assignments), and those about the agreement as a whole.
 */
export function organisationViolations(dataset: TeamDataset, scope: FigureScope): OrganisationViolation[] {
  const day = { from: scope.period.to, to: scope.period.to };
  const found: { area: "staffing" | "agreement"; v: Violation }[] = [
    ...checkStaffing({ ...dataset, period: day }).map((v) => ({ area: "staffing" as const, v })),
    ...checkAgreement(dataset.agreement).map((v) => ({ area: "agreement" as const, v })),
  ];
  const units = scope.partyUnits;
  const index = indexOrganisations(dataset.organisations);
  const mine = (id: string): boolean | null => {
    if (units === null) return true;
    if (index.has(id)) return units.includes(id);
    const person = dataset.staff.find((s) => s.id === id);
    if (person) return units.includes(person.organisationId);
    const assignment = dataset.assignments.find((a) => a.id === id);
    if (assignment) return units.includes(assignment.organisationId);
    return null;
  };
  const relevant = found.filter(({ v }) => {
    if (units === null) return true;
    const answers = v.ids.map(mine).filter((a): a is boolean => a !== null);
    // Findings that name nobody in particular (the agreement) concern every party.
    return answers.length === 0 || answers.some(Boolean);
  });
  const counts = new Map<string, OrganisationViolation>();
  for (const { area, v } of relevant) {
    // Every rule the checks report has a name (`ruleLabel`); the code stands in only for a new one.
    const name = ruleLabel(v.code) ?? sameText(v.code);
    const entry = counts.get(v.code) ?? { code: v.code, name: textOf(name), area, severity: v.severity, count: 0 };
    entry.count += 1;
    counts.set(v.code, entry);
  }
  return [...counts.values()].sort((a, b) => (a.code < b.code ? -1 : 1));
}
