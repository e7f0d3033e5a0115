import { type FragmentDefinitionNode, Kind, type OperationDefinitionNode, parse, type FieldNode } from "graphql";
import { describe, expect, it } from "vitest";
import { selectsField } from "./selected-fields.js";

const counts = new Set(["totalCount", "totalCountIsCapped"]);

/** The first root field of `document` as a resolver sees it, with `variables`. */
function infoOf(document: string, variables: Record<string, unknown> = {}) {
  const definitions = parse(document).definitions;
  const operation = definitions.find((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const field = operation?.selectionSet.selections.find((s): s is FieldNode => s.kind === Kind.FIELD);
  if (!field) throw new Error("no root field");
  const fragments = Object.fromEntries(
    definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  return { fieldNodes: [field], fragments, variableValues: variables };
}

describe("selectsField", () => {
  it("finds a field beneath the resolved one, under an alias or through fragments", () => {
    expect(selectsField(infoOf("{ cases { totalCount nodes { caseId } } }"), counts)).toBe(true);
    expect(selectsField(infoOf("{ cases { n: totalCountIsCapped } }"), counts)).toBe(true);
    expect(selectsField(infoOf("{ cases { ... on QueryCasesConnection { totalCount } } }"), counts)).toBe(true);
    expect(
      selectsField(infoOf("{ cases { ...Counted } } fragment Counted on QueryCasesConnection { totalCount }"), counts),
    ).toBe(true);
  });

  it("finds nothing deeper down, nor what is not selected", () => {
    expect(selectsField(infoOf("{ cases { nodes { caseId } pageInfo { endCursor } } }"), counts)).toBe(false);
    expect(selectsField(infoOf("{ cases { nodes { totalCount: caseId } } }"), counts)).toBe(false);
  });

  it("leaves out what @skip and @include leave out", () => {
    const skipped = "query Q($x: Boolean!) { cases { totalCount @skip(if: $x) nodes { caseId } } }";
    expect(selectsField(infoOf(skipped, { x: true }), counts)).toBe(false);
    expect(selectsField(infoOf(skipped, { x: false }), counts)).toBe(true);
    const fragment = "query Q($x: Boolean!) { cases { ... @include(if: $x) { totalCountIsCapped } } }";
    expect(selectsField(infoOf(fragment, { x: false }), counts)).toBe(false);
    expect(selectsField(infoOf(fragment, { x: true }), counts)).toBe(true);
  });
});
