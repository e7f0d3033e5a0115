import {
  type GraphQLResolveInfo,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  Kind,
  type SelectionNode,
  type SelectionSetNode,
} from "graphql";

type Selection = Pick<GraphQLResolveInfo, "fieldNodes" | "fragments" | "variableValues">;

/** False when `@skip` or `@include` leaves the node out with the request's variables. */
function included(node: SelectionNode, variables: Selection["variableValues"]): boolean {
  if (getDirectiveValues(GraphQLSkipDirective, node, variables)?.if === true) return false;
  return getDirectiveValues(GraphQLIncludeDirective, node, variables)?.if !== false;
}

function selects(
  selectionSet: SelectionSetNode | undefined,
  names: ReadonlySet<string>,
  info: Selection,
  seen: Set<string>,
): boolean {
  for (const selection of selectionSet?.selections ?? []) {
    if (!included(selection, info.variableValues)) continue;
    if (selection.kind === Kind.FIELD) {
      if (names.has(selection.name.value)) return true;
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      if (selects(selection.selectionSet, names, info, seen)) return true;
    } else if (!seen.has(selection.name.value)) {
      seen.add(selection.name.value);
      if (selects(info.fragments[selection.name.value]?.selectionSet, names, info, seen)) return true;
    }
  }
  return false;
}

/**
 * True when the field `info` resolves selects one of `names` directly beneath it (under any alias,
 * through fragments), as the request's `@skip` and `@include` leave it: the fields that will run.
 */
export function selectsField(info: Selection, names: ReadonlySet<string>): boolean {
  return info.fieldNodes.some((node) => selects(node.selectionSet, names, info, new Set()));
}
