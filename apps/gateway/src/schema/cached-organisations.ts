import { getSchemaConfig, queryFromInfo } from "@pothos/plugin-drizzle";
import { type FieldNode, type GraphQLResolveInfo, Kind, type SelectionSetNode } from "graphql";
import { batchLoader } from "../batch-loader.js";
import { builder } from "../builder.js";
import type { GatewayContext, OrganisationRow } from "../context.js";
import { settledValue } from "../settled-value.js";

// Fields the domain computes (a term's chair, a staffing unit) return organisations by id. Their
// rows are in the team cache with every column, but the drizzle plugin cannot know that: a row it
// did not load itself carries no selection mapping, so each field beneath would reload it (one
// more statement per request). Planning the selection here records the mapping as a planned query
// would; when the plan asks for columns only, the cached row answers it.

const config = getSchemaConfig(builder);

type OrganisationQuery = NonNullable<Parameters<GatewayContext["db"]["query"]["organisations"]["findMany"]>[0]>;
type Loader = (id: string) => Promise<OrganisationRow | undefined>;

/** Per request and field path: the loader of rows whose selection reaches beyond the columns, or null. */
const plans = new WeakMap<GatewayContext, Map<string, Loader | null>>();

/** The field's path without list indices: every row of a list shares its plan. */
function fieldPath(info: GraphQLResolveInfo): string {
  const keys: string[] = [];
  for (let p: GraphQLResolveInfo["path"] | undefined = info.path; p; p = p.prev)
    if (typeof p.key === "string") keys.push(p.key);
  return keys.reverse().join(".");
}

const isEmpty = (value: object | undefined) => value === undefined || Object.keys(value).length === 0;

/**
 * Field nodes (of cached, parsed documents) found to select columns only. Without directives the
 * selection beneath a lone field node is the same in every request, so it is planned once per
 * document rather than once per request; the set forgets a node with its document.
 */
const columnsOnly = new WeakSet<FieldNode>();

type Fragments = GraphQLResolveInfo["fragments"];

/** True when a directive (`@include(if: $x)`, …) anywhere beneath could make the selection vary. */
function hasDirectives(selectionSet: SelectionSetNode | undefined, fragments: Fragments, seen: Set<string>): boolean {
  for (const selection of selectionSet?.selections ?? []) {
    if (selection.directives?.length) return true;
    if (selection.kind === Kind.FRAGMENT_SPREAD) {
      if (seen.has(selection.name.value)) continue;
      seen.add(selection.name.value);
      const fragment = fragments[selection.name.value];
      if (!fragment || fragment.directives?.length || hasDirectives(fragment.selectionSet, fragments, seen))
        return true;
    } else if (hasDirectives(selection.selectionSet, fragments, seen)) return true;
  }
  return false;
}

/**
 * The field's node when its selection is the same in every request: the node alone makes up the
 * field (no other node of the same name merged into it) and carries no directive at any depth.
 */
export function fixedSelectionNode(fieldNodes: readonly FieldNode[], fragments: Fragments): FieldNode | undefined {
  const [node, ...more] = fieldNodes;
  return node &&
    more.length === 0 &&
    !node.directives?.length &&
    !hasDirectives(node.selectionSet, fragments, new Set())
    ? node
    : undefined;
}

/**
 * Planned once for all rows of a list: the plan records its mapping under the path without list
 * indices, where the fields of every row find it.
 */
function loaderFor(ctx: GatewayContext, info: GraphQLResolveInfo): Loader | null {
  let byPath = plans.get(ctx);
  if (!byPath) plans.set(ctx, (byPath = new Map<string, Loader | null>()));
  const path = fieldPath(info);
  let load = byPath.get(path);
  if (load === undefined) {
    const query = queryFromInfo({ config, context: ctx, info, typeName: "Organisation" }) as OrganisationQuery;
    const plain = isEmpty(query.with) && isEmpty(query.extras);
    const node = plain ? fixedSelectionNode(info.fieldNodes, info.fragments) : undefined;
    if (node) columnsOnly.add(node);
    load = plain
      ? null
      : batchLoader(async (ids: string[]) => {
          const rows = await ctx.db.query.organisations.findMany({ ...query, where: { id: { in: ids } } });
          return new Map(rows.map((r) => [r.id, r]));
        });
    byPath.set(path, load);
  }
  return load;
}

/**
 * The organisation `id` for the field `info` resolves, or undefined when there is none. A selection
 * of columns only is served from the team cache; one that reaches into relations (the parent, the
 * children) loads them, the rows of one field and tick in one query.
 */
function cachedOrganisation(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  id: string,
): OrganisationRow | undefined | Promise<OrganisationRow | undefined> {
  const [node] = info.fieldNodes;
  const load = node && columnsOnly.has(node) && info.fieldNodes.length === 1 ? null : loaderFor(ctx, info);
  if (load) return load(id);
  // Once the request has its team, answer without a promise: a case screen has dozens of these.
  const pending = ctx.team();
  const team = settledValue(pending);
  return team ? team.organisationRows.get(id) : pending.then((t) => t.organisationRows.get(id));
}

/**
 * The organisation a row names by id (`cachedOrganisation`), or null when it names none. The rows'
 * foreign keys make a named organisation missing from the cache an internal error.
 */
export function organisationNamed(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  id: string,
): OrganisationRow | Promise<OrganisationRow>;
export function organisationNamed(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  id: string | null,
): OrganisationRow | null | Promise<OrganisationRow | null>;
export function organisationNamed(
  ctx: GatewayContext,
  info: GraphQLResolveInfo,
  id: string | null,
): OrganisationRow | null | Promise<OrganisationRow | null> {
  if (id === null) return null;
  const found = cachedOrganisation(ctx, info, id);
  return found instanceof Promise ? found.then((row) => present(row, id)) : present(found, id);
}

function present(row: OrganisationRow | undefined, id: string): OrganisationRow {
  if (!row) throw new Error(`organisation ${id} missing`);
  return row;
}
