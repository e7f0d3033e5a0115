import { getColumns, getTableName, type InferInsertModel, sql } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import type { Executor } from "../client.js";

/** Rows per statement: large enough to amortise round trips, small enough to keep messages modest. */
export const rowsPerStatement = 20_000;

/** A text array as PostgreSQL's array literal, every element quoted. */
function arrayLiteral(values: readonly unknown[], column: string): string {
  const quoted = values.map((v) => {
    if (typeof v !== "string") throw new TypeError(`bulkInsert: column ${column} holds a non-text array element`);
    return `"${v.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
  });
  return `{${quoted.join(",")}}`;
}

function asText(value: unknown, column: string): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value === "string") return value;
  if (typeof value === "boolean" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return arrayLiteral(value, column);
  throw new TypeError(
    `bulkInsert: column ${column} has a value of type ${typeof value}; only text, numbers, booleans and dates as text are supported`,
  );
}

/**
 * Inserts rows with one statement per {@link rowsPerStatement} rows: each column travels as one
 * array parameter and `unnest` turns the arrays back into rows, so a statement has as many
 * parameters as columns (far below PostgreSQL's 65 535) whatever the row count. Works the same on
 * PostgreSQL and PGlite. Values go as text and are cast to the column's type in SQL (arrays of text
 * as array literals, cast after `unnest`); columns left out take their defaults. JSON columns are not
 * supported.
 */
export async function bulkInsert<T extends PgTable>(
  db: Executor,
  table: T,
  keys: readonly (keyof InferInsertModel<T> & string)[],
  rows: readonly InferInsertModel<T>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = getColumns(table) as Record<string, PgColumn>;
  const specs = keys.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`bulkInsert: ${key} is not a column`);
    const type = column.getSQLType();
    if (type.startsWith("json")) throw new Error(`bulkInsert: column ${column.name} of type ${type} is not supported`);
    const array = ((column as { dimensions?: number }).dimensions ?? 0) > 0;
    return {
      key,
      name: column.name,
      cast: type === "text" || array ? sql.raw("::text[]") : sql.raw(`::text[]::${type}[]`),
      // An array column travels as one literal per row; it becomes its type after `unnest`.
      select: array ? sql`${sql.identifier(column.name)}::${sql.raw(type)}[]` : sql.identifier(column.name),
    };
  });
  for (let start = 0; start < rows.length; start += rowsPerStatement) {
    const chunk = rows.slice(start, start + rowsPerStatement);
    const arrays = specs.map((s) => sql`${sql.param(chunk.map((row) => asText(row[s.key], s.name)))}${s.cast}`);
    try {
      await db.execute(
        sql`insert into ${table} (${sql.join(
          specs.map((s) => sql.identifier(s.name)),
          sql`, `,
        )}) select ${sql.join(
          specs.map((s) => s.select),
          sql`, `,
        )} from unnest(${sql.join(arrays, sql`, `)}) as u(${sql.join(
          specs.map((s) => sql.identifier(s.name)),
          sql`, `,
        )})`,
      );
    } catch (error) {
      // The driver's error lists every parameter: thousands of rows. Say what failed, keep it as the cause.
      throw new Error(`bulk insert into ${getTableName(table)} failed: ${reason(error)}`, { cause: error });
    }
  }
}

function reason(error: unknown): string {
  const cause: unknown = error instanceof Error && error.cause instanceof Error ? error.cause : error;
  if (!(cause instanceof Error)) return String(cause);
  const detail = "detail" in cause && typeof cause.detail === "string" ? ` (${cause.detail})` : "";
  return `${cause.message}${detail}`;
}
