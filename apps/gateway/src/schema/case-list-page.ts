import { type CappedCount, countVisibleCases, schema, sql, type SQL, visibleCasesInListOrder } from "@ankkuri/db";
import { caseListCountCap } from "@ankkuri/domain";
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

/** `totalCount` stops at the domain's cap and `totalCountIsCapped` says so (docs/gateway.md, "The case list"). */
export const caseCountCap = caseListCountCap;

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

/** The page size without `first` or `last`, and the most a page holds (the builder's drizzle options). */
export const defaultPageSize = 20;
const maxPageSize = 100;

/**
 * The page's relational-query `where`, prepared once per combination of filters (values are
 * placeholders). Need-to-know (`visibleCases`) always applies. A forward page takes its rows from
 * `visibleCasesInListOrder`: the viewer's memberships in the list's order from the cursor on, with the
 * filter, as many as the page reads. A backward page (`last`) filters the list's index scan instead.
 */
export function casePageWhere(
  args: CaseListArgs & { first?: number | null; last?: number | null },
  ctx: GatewayContext,
) {
  const visible = visibleCases(ctx);
  const values = visible.values;
  const access = ctx.access;
  if (!access) return { where: visible.where, values };
  const day = sql`${sql.placeholder("day")}::date`;
  const filter = caseFilterSql(args.filter, cases, placeholderBind(values), day, ctx.today);
  const { filter: f } = args;
  const today = ctx.today;
  const filterOf = (t: CaseRow) => caseFilterSql(f, t, placeholderBind({}), day, today)?.sql ?? null;
  // The statuses come from the memberships' copy; the rest of the filter joins the case.
  const onCaseOf = (t: CaseRow) => caseFilterSql(f, t, placeholderBind({}), day, today)?.onCase ?? null;

  if (args.last == null) {
    const organisations = access.organisations.map((o, i) => placeholderBind(values)(`organisation${String(i)}`, o));
    const after = args.after ? positionOf(args.after) : null;
    if (after) Object.assign(values, { afterReferredOn: after.referredOn, afterId: after.id });
    const limit = Math.min(args.first ?? defaultPageSize, maxPageSize) + 1;
    const listed = visibleCasesInListOrder(
      { teamId: sql`${sql.placeholder("teamId")}`, organisations, day },
      {
        after: after
          ? { referredOn: sql`${sql.placeholder("afterReferredOn")}`, id: sql`${sql.placeholder("afterId")}` }
          : null,
        statuses: filter?.statuses?.map((status) => sql`${status}`) ?? null,
        filter: filter?.onCase ? onCaseOf : null,
        limit,
      },
    );
    const shape = `list:${String(organisations.length)}:${filter?.shape ?? ""}:${after ? "after" : ""}:${String(limit)}`;
    return {
      where: {
        ...visible.where,
        RAW: shapedRaw(shape, (t: CaseRow) => sql`(${t.referredOn}, ${t.id}) in (${listed})`),
      },
      values,
    };
  }

  const conditions: object[] = [];
  if (filter) conditions.push({ RAW: shapedRaw(filter.shape, (t: CaseRow) => filterOf(t) ?? sql`true`) });
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
  const day = sql`${access.day}::date`;
  const today = ctx.today;
  const statuses = caseFilterSql(f, cases, parameterBind, day, today)?.statuses ?? null;
  const onCase = (c: CaseRow) => caseFilterSql(f, c, parameterBind, day, today)?.onCase ?? null;
  return countVisibleCases(ctx.db, access, onCase, caseCountCap, statuses);
}
