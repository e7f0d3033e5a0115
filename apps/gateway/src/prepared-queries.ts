import type { Database } from "@ankkuri/db";
import { is, Placeholder } from "drizzle-orm";

type Tables = Database["query"];
type TableName = keyof Tables;
type Prepared = { execute(values: Record<string, unknown>): Promise<unknown> };

const shapes = new WeakMap<object, string>();

/**
 * A relational query's `RAW` condition whose SQL text is fixed by `shape` (its values are
 * placeholders), so a configuration holding it can still be prepared once per shape.
 */
export function shapedRaw<F extends (...args: never[]) => unknown>(shape: string, build: F): F {
  shapes.set(build, shape);
  return build;
}

/**
 * The configuration's shape as a string: equal strings build equal SQL. Placeholders stand for their
 * name, other values for themselves, a {@link shapedRaw} for its shape; anything else (SQL fragments,
 * functions, column objects) makes the configuration uncacheable (null), and it is then built the
 * ordinary way.
 */
export function shapeKey(value: unknown): string | null {
  if (value === undefined) return "undefined";
  if (typeof value === "function") {
    const shape = shapes.get(value);
    return shape === undefined ? null : `raw(${JSON.stringify(shape)})`;
  }
  if (value === null || typeof value === "boolean" || typeof value === "number" || typeof value === "string")
    return JSON.stringify(value);
  if (is(value, Placeholder)) return `$${value.name}`;
  if (Array.isArray(value)) {
    const items = value.map(shapeKey);
    return items.includes(null) ? null : `[${items.join(",")}]`;
  }
  if (typeof value === "object" && [Object.prototype, null].includes(Object.getPrototypeOf(value) as object | null)) {
    const entries: string[] = [];
    // Insertion order is kept: it is meaningful in an orderBy.
    for (const [k, v] of Object.entries(value)) {
      const key = shapeKey(v);
      if (key === null) return null;
      entries.push(`${JSON.stringify(k)}:${key}`);
    }
    return `{${entries.join(",")}}`;
  }
  return null;
}

/**
 * Relational queries prepared once per shape and run with new values. Building a nested relational
 * query's SQL is the largest part of a case request's CPU time in the gateway (a profile of the case
 * screen put it at about a third); a GraphQL selection has few shapes, so each is built once and kept
 * (least recently used first out, at most `limit`). The values that change per request go in as
 * placeholders; what the plugin writes into the configuration itself (today's date, a later page's
 * cursor) stays in the key.
 */
export class PreparedQueries {
  private readonly cache = new Map<string, Prepared>();
  private built = 0;

  constructor(
    private readonly db: Database,
    private readonly limit = 200,
  ) {}

  /** `db.query[table].findFirst(config)` with the placeholders of `config` filled from `values`. */
  findFirst(table: TableName, config: object, values: Record<string, unknown>): Promise<unknown> {
    return this.run(table, "first", config, values);
  }

  /** `db.query[table].findMany(config)` with the placeholders of `config` filled from `values`. */
  findMany(table: TableName, config: object, values: Record<string, unknown>): Promise<unknown> {
    return this.run(table, "many", config, values);
  }

  /** Shapes prepared so far (for tests and metrics). */
  get size(): number {
    return this.cache.size;
  }

  private run(
    table: TableName,
    mode: "first" | "many",
    config: object,
    values: Record<string, unknown>,
  ): Promise<unknown> {
    const shape = shapeKey(config);
    const builder = this.db.query[table] as unknown as {
      findFirst(c: object): QueryLike;
      findMany(c: object): QueryLike;
    };
    const build = () => (mode === "first" ? builder.findFirst(config) : builder.findMany(config));
    if (shape === null) return build().execute(values);
    const key = `${table}.${mode}:${shape}`;
    let prepared = this.cache.get(key);
    if (prepared) {
      this.cache.delete(key);
    } else {
      this.built += 1;
      prepared = build().prepare(`rq${String(this.built)}`);
      if (this.cache.size >= this.limit) this.cache.delete(this.cache.keys().next().value as string);
    }
    this.cache.set(key, prepared);
    return prepared.execute(values);
  }
}

interface QueryLike {
  execute(values: Record<string, unknown>): Promise<unknown>;
  prepare(name: string): Prepared;
}
