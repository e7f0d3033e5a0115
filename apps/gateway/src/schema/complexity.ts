import type { ComplexityErrorFn, FieldComplexityValue } from "@pothos/plugin-complexity";
import { getNullableType, GraphQLError, type GraphQLField, GraphQLList } from "graphql";
import { errorCodes } from "../errors.js";

/** What a list without a size argument counts as (its items are not known before it resolves). */
export const defaultListMultiplier = 10;
/** The page size of a connection asked without `first` or `last` (the drizzle plugin's default). */
export const defaultConnectionSize = 20;

const sizeOf = (value: unknown): number | undefined =>
  typeof value === "number" && Number.isFinite(value) ? Math.max(0, Math.trunc(value)) : undefined;

/**
 * A field's cost (1) and the factor its selection is multiplied by: a connection's `first`/`last`
 * (its `nodes` and `edges` are then not multiplied again), a list's `limit`, `nodes(ids:)`'s number
 * of ids, or 10 for any other list. Arguments come with the request's variables resolved, so a
 * page size sent in a variable counts as much as one written in the query.
 */
export function fieldComplexity<Context>(
  args: Record<string, unknown>,
  _ctx: Context,
  field: GraphQLField<unknown, Context, Record<string, unknown>>,
): FieldComplexityValue {
  const type = getNullableType(field.type);
  const typeName = type instanceof GraphQLList ? "" : type.name;
  if (typeName.endsWith("Connection"))
    return { field: 1, multiplier: sizeOf(args.first) ?? sizeOf(args.last) ?? defaultConnectionSize };
  if (!(type instanceof GraphQLList)) return 1;
  if (Array.isArray(args.ids)) return { field: 1, multiplier: args.ids.length };
  // A connection's page: already multiplied by the connection's size.
  if ((field.name === "nodes" || field.name === "edges") && field.args.length === 0) return { field: 1, multiplier: 1 };
  return { field: 1, multiplier: sizeOf(args.limit) ?? sizeOf(args.first) ?? defaultListMultiplier };
}

/** Over the limit: QUERY_TOO_COMPLEX with the figures, answered 400 before anything is read. */
export const complexityError: ComplexityErrorFn = (_kind, result) =>
  new GraphQLError(
    `Query Cost limit of ${String(result.maxComplexity)} exceeded: this query costs ${String(result.complexity)} (page sizes and the number of ids multiply what is selected under them)`,
    { extensions: { code: errorCodes.queryTooComplex, http: { status: 400 } } },
  );
