import { type SQL, sql } from "drizzle-orm";
import { date, integer, type PgColumn, text, timestamp } from "drizzle-orm/pg-core";

/** The owning team: first column of every team-scoped key, so the schema can be distributed by team. */
export const teamId = () => text().notNull();

/** A calendar day, read and written as `YYYY-MM-DD` like the domain's `LocalDate`. */
export const day = () => date({ mode: "string" });

/** Row version for optimistic concurrency: writes name the version they read and bump it. */
export const rowVersion = () => integer().notNull().default(0);

/** Creation and last-update times of a mutable row. */
export const timestamps = () => ({
  createdAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
});

const quote = (value: string) => `'${value.replaceAll("'", "''")}'`;

/** `column IN (...)` for a check constraint, from the domain's list of allowed values. */
export function oneOf(column: PgColumn, values: readonly string[]): SQL {
  return sql`${column} in (${sql.raw(values.map(quote).join(", "))})`;
}

/**
 * A `text[]` check: a set drawn from the domain's list of allowed values — at least one, each allowed,
 * none twice, one dimension. (Each allowed value at most once is how a check, which may hold no
 * subquery, says "no duplicates".)
 */
export function nonEmptySetOf(column: PgColumn, values: readonly string[]): SQL {
  const allowed = sql.raw(`array[${values.map(quote).join(", ")}]::text[]`);
  const once = values.map((v) => sql`cardinality(array_positions(${column}, ${sql.raw(quote(v))})) <= 1`);
  return sql`cardinality(${column}) >= 1 and array_ndims(${column}) = 1 and ${column} <@ ${allowed} and ${sql.join(once, sql` and `)}`;
}
