import { assignedToSql, type ListedCase, membershipInForceSql, schema, sql, type SQL } from "@ankkuri/db";
import { type AgeBandCode, birthDatesInAgeBand, type LocalDate } from "@ankkuri/domain";

/** The case list's filters as the schema's `CaseFilter` passes them; all given filters must match. */
export interface CaseListFilter {
  statuses?: readonly string[] | null;
  types?: readonly string[] | null;
  ageBand?: AgeBandCode | null;
  organisationId?: string | number | null;
  referredFrom?: string | null;
  referredTo?: string | null;
  assignedTo?: string | number | null;
}

/** The columns of a case row a filter reads: the table, or the relational query's alias of it. */
export type CaseRow = ListedCase;

/**
 * How a filter's value enters the statement: as a placeholder of a prepared statement (its value
 * kept in `values`) or as a plain parameter. Either way the statement's text is the same for every
 * value, so the page and the count are built by one function.
 */
export type Bind = (name: string, value: unknown) => SQL;

/** Values go into `values` and the statement names them: it is prepared once per `shape`. */
export function placeholderBind(values: Record<string, unknown>): Bind {
  return (name, value) => {
    values[name] = value;
    return sql`${sql.placeholder(name)}`;
  };
}

/** Values go into the statement as parameters (a statement built for one request). */
export const parameterBind: Bind = (_name, value) => sql`${value}`;

/** What a filter adds: its SQL, and a key that is equal exactly when the SQL's text is. */
interface Clause {
  shape: string;
  sql: SQL;
  /**
   * The statuses it admits, when it is the status filter: the list reads them from the memberships'
   * copy of the case's status (`visibleCasesInListOrder`) instead of testing each case.
   */
  statuses?: readonly string[];
}

/** The filter: all of it on a case row (`sql`), and split into what a membership scan serves itself. */
export interface FilterClause {
  shape: string;
  sql: SQL;
  /** The statuses to scan for, or null when the filter names none. */
  statuses: readonly string[] | null;
  /** The rest of the filter on a case row, or null when nothing else is asked. */
  onCase: SQL | null;
}

/** Enum values stay in the text (few combinations), so they are part of the shape. */
const oneOf = (column: SQL | CaseRow[keyof CaseRow], values: readonly string[]) =>
  sql`${column} in (${sql.join(
    values.map((v) => sql`${v}`),
    sql`, `,
  )})`;

/**
 * Each filter once, as SQL on a case row. A new filter is one more entry here (and a field of
 * `CaseFilter`); the page, the count and their tests pick it up.
 */
const clauses: {
  [K in keyof CaseListFilter]-?: (
    value: NonNullable<CaseListFilter[K]>,
    t: CaseRow,
    bind: Bind,
    day: SQL,
    today: LocalDate,
  ) => Clause | null;
} = {
  statuses: (values, t) =>
    values.length === 0
      ? null
      : { shape: `status:${values.join(",")}`, sql: oneOf(t.status, values), statuses: [...new Set(values)] },
  types: (values, t) =>
    values.length === 0 ? null : { shape: `type:${values.join(",")}`, sql: oneOf(t.type, values) },
  organisationId: (organisationId, t, bind, day) => ({
    shape: "organisation",
    sql: membershipInForceSql(t, sql`array[${bind("filterOrganisationId", String(organisationId))}]::text[]`, day),
  }),
  referredFrom: (from, t, bind) => ({ shape: "from", sql: sql`${t.referredOn} >= ${bind("referredFrom", from)}` }),
  referredTo: (to, t, bind) => ({ shape: "to", sql: sql`${t.referredOn} <= ${bind("referredTo", to)}` }),
  assignedTo: (staffId, t, bind, day) => ({
    shape: "assigned",
    sql: assignedToSql(t, bind("assignedTo", String(staffId)), day),
  }),
  ageBand: (code, t, bind, _day, today) => {
    // The schema validates the code; one the policy lacks matches nothing rather than everything.
    const born = birthDatesInAgeBand(code, today);
    if (!born) return { shape: "age:none", sql: sql`false` };
    const bounds = [
      born.bornAfter === null ? null : sql`c.birth_date > ${bind("bornAfter", born.bornAfter)}`,
      born.bornOnOrBefore === null ? null : sql`c.birth_date <= ${bind("bornOnOrBefore", born.bornOnOrBefore)}`,
    ].filter((b): b is SQL => b !== null);
    return {
      shape: `age:${String(born.bornAfter !== null)}${String(born.bornOnOrBefore !== null)}`,
      sql: sql`exists (select 1 from ${schema.clients} c where c.team_id = ${t.teamId} and c.id = ${t.clientId} and ${sql.join(bounds, sql` and `)})`,
    };
  },
};

const allOf = (parts: readonly Clause[]) =>
  parts.length === 0
    ? null
    : sql.join(
        parts.map((p) => sql`(${p.sql})`),
        sql` and `,
      );

/**
 * The filter as one SQL condition on a case row (need-to-know is not part of it: the caller adds
 * it), with a shape key that names its text, and split into the statuses a membership scan reads
 * and the rest. Null when no filter is given.
 */
export function caseFilterSql(
  filter: CaseListFilter | null | undefined,
  t: CaseRow,
  bind: Bind,
  day: SQL,
  today: LocalDate,
): FilterClause | null {
  if (!filter) return null;
  const parts: Clause[] = [];
  for (const key of Object.keys(clauses) as (keyof CaseListFilter)[]) {
    const value = filter[key];
    if (value === null || value === undefined || value === "") continue;
    const clause = (clauses[key] as (v: unknown, t: CaseRow, b: Bind, d: SQL, today: LocalDate) => Clause | null)(
      value,
      t,
      bind,
      day,
      today,
    );
    if (clause) parts.push(clause);
  }
  const all = allOf(parts);
  if (!all) return null;
  return {
    shape: parts.map((p) => p.shape).join(";"),
    sql: all,
    statuses: parts.find((p) => p.statuses)?.statuses ?? null,
    onCase: allOf(parts.filter((p) => !p.statuses)),
  };
}
