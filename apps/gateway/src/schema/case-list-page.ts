import { type CappedCount, countVisibleCases, schema, sql, type SQL } from "@ankkuri/db";
import { decodeBase64, decodeCursorChunk } from "@pothos/core";
import { z } from "zod";
import type { GatewayContext } from "../context.js";
import { shapedRaw } from "../prepared-queries.js";
import {
  type CaseListFilter,
  type CaseRow,
  caseFilterSql,
  parameterBind,
  placeholderBind,
} from "./case-list-filter.js";
import { visibleCases } from "./case-visibility.js";

const { cases } = schema;

/** The arguments of the `cases` connection that choose its rows. */
export interface CaseListArgs {
  filter?: CaseListFilter | null;
  after?: string | null;
  before?: string | null;
}

/**
 * The count stops here: below it `totalCount` is exact, above it the count reads this many visible
 * cases and no more, and `totalCountIsCapped` says so (docs/gateway.md, "The case list").
 */
export const caseCountCap = 10_000;

// A cursor of the list: base64 of `DC:` and the position's (referredOn, id, teamId), as the drizzle
// plugin writes it: the list's `orderBy`, then the rest of the primary key to break ties.
const position = z.tuple([z.iso.date(), z.uuid()]).rest(z.string());

/** The position a cursor names, or null when it names none (the plugin then refuses it). */
function positionOf(cursor: string): { referredOn: string; id: string } | null {
  try {
    const decoded = decodeBase64(cursor);
    if (!decoded.startsWith("DC:")) return null;
    const parsed = position.safeParse(decodeCursorChunk(decoded.slice(3)));
    return parsed.success ? { referredOn: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/**
 * The keyset of a later page as one row comparison on the list's order (`referred_on desc, id desc`),
 * which the index `cases_team_id_referred_on_id_index` starts its scan at. The plugin's own cursor
 * filter (an `or` of the two columns) stays beside it; on its own it would only filter rows read from
 * the start of the list.
 */
function keysetSql(args: CaseListArgs, t: CaseRow): SQL | null {
  const parts: SQL[] = [];
  const after = args.after ? positionOf(args.after) : null;
  const before = args.before ? positionOf(args.before) : null;
  if (after) parts.push(sql`(${t.referredOn}, ${t.id}) < (${after.referredOn}::date, ${after.id}::uuid)`);
  if (before) parts.push(sql`(${t.referredOn}, ${t.id}) > (${before.referredOn}::date, ${before.id}::uuid)`);
  return parts.length === 0 ? null : sql.join(parts, sql` and `);
}

/**
 * The page's relational-query `where`: need-to-know (`visibleCases`), the filter (prepared once per
 * combination of filters: its values are placeholders), and a later page's keyset.
 */
export function casePageWhere(args: CaseListArgs, ctx: GatewayContext) {
  const visible = visibleCases(ctx);
  const values = visible.values;
  const day = sql`${sql.placeholder("day")}`;
  const filter = caseFilterSql(args.filter, cases, placeholderBind(values), day, ctx.today);
  const conditions: object[] = [];
  if (filter) {
    const { filter: f } = args;
    const today = ctx.today;
    conditions.push({
      // Built once per shape: the values it binds here are discarded, those above are used.
      RAW: shapedRaw(
        filter.shape,
        (t: CaseRow) => caseFilterSql(f, t, placeholderBind({}), day, today)?.sql ?? sql`true`,
      ),
    });
  }
  if (keysetSql(args, cases)) conditions.push({ RAW: (t: CaseRow) => keysetSql(args, t) ?? sql`true` });
  return { where: conditions.length > 0 ? { ...visible.where, AND: conditions } : visible.where, values };
}

const counts = new WeakMap<object, Promise<CappedCount>>();

/**
 * The visible cases that match the filter, counted up to {@link caseCountCap}: one statement, once
 * per connection (kept by its `args` object, which `totalCount` and `totalCountIsCapped` share). A
 * count by age band and dates is derived from clients' data: it is logged as a read.
 */
export function countCases(args: CaseListArgs, ctx: GatewayContext): Promise<CappedCount> {
  let counted = counts.get(args);
  if (!counted) {
    ctx.audit.read({ resource: "case-count" }, { basis: "casework" }, { filter: args.filter ?? null });
    counted = cappedCount(args.filter, ctx);
    counts.set(args, counted);
  }
  return counted;
}

function cappedCount(f: CaseListFilter | null | undefined, ctx: GatewayContext): Promise<CappedCount> {
  const access = ctx.access;
  if (!access) return Promise.resolve({ count: 0, capped: false });
  const filter = caseFilterSql(f, cases, parameterBind, sql`${access.day}`, ctx.today);
  return countVisibleCases(ctx.db, access, filter?.sql ?? null, caseCountCap);
}
