import { type FieldNode, type FragmentDefinitionNode, Kind, parse, type OperationDefinitionNode } from "graphql";
import { describe, expect, it } from "vitest";
import { fixedSelectionNode } from "./cached-organisations.js";

/** The `chair` field nodes of the document's `chairCalendar` field, and its fragments. */
function chairNodes(document: string): { nodes: FieldNode[]; fragments: Record<string, FragmentDefinitionNode> } {
  const parsed = parse(document);
  const operation = parsed.definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const calendar = operation?.selectionSet.selections[0] as FieldNode;
  const nodes = (calendar.selectionSet?.selections ?? []).filter(
    (s): s is FieldNode => s.kind === Kind.FIELD && s.name.value === "chair",
  );
  const fragments = Object.fromEntries(
    parsed.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((f) => [f.name.value, f]),
  );
  return { nodes, fragments };
}

const fixed = (document: string) => {
  const { nodes, fragments } = chairNodes(document);
  return fixedSelectionNode(nodes, fragments) !== undefined;
};

describe("a field whose selection is the same in every request", () => {
  it("is a lone node without directives, fragments included", () => {
    expect(fixed(`{ chairCalendar(bodyId: "b") { chair { id name(language: EN) } } }`)).toBe(true);
    expect(
      fixed(
        `{ chairCalendar(bodyId: "b") { chair { ...Org ... on Organisation { kind } } } } fragment Org on Organisation { id ...Names } fragment Names on Organisation { name }`,
      ),
    ).toBe(true);
  });

  it("is not one whose selection a variable can change", () => {
    expect(fixed(`query($p: Boolean!) { chairCalendar(bodyId: "b") { chair @include(if: $p) { id } } }`)).toBe(false);
    expect(
      fixed(`query($p: Boolean!) { chairCalendar(bodyId: "b") { chair { id parent @include(if: $p) { id } } } }`),
    ).toBe(false);
    expect(
      fixed(
        `query($p: Boolean!) { chairCalendar(bodyId: "b") { chair { ... on Organisation @skip(if: $p) { parent { id } } } } }`,
      ),
    ).toBe(false);
    expect(
      fixed(
        `query($p: Boolean!) { chairCalendar(bodyId: "b") { chair { ...Org } } } fragment Org on Organisation { id children @include(if: $p) { id } }`,
      ),
    ).toBe(false);
  });

  it("is not one merged from several nodes (a fragment may be shared by other fields)", () => {
    expect(fixed(`{ chairCalendar(bodyId: "b") { chair { id } chair { name } } }`)).toBe(false);
  });

  it("is not one whose fragment is missing", () => {
    expect(fixed(`{ chairCalendar(bodyId: "b") { chair { ...Gone } } }`)).toBe(false);
  });
});
