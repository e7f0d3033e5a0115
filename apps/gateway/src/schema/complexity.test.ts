import { readFileSync } from "node:fs";
import { complexityFromQuery } from "@pothos/plugin-complexity";
import {
  getNamedType,
  type GraphQLInputType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  Kind,
  parse,
  typeFromAST,
} from "graphql";
import { describe, expect, it } from "vitest";
import { loadGatewayConfig } from "../env.js";
import { schema } from "./index.js";

const maxCost = loadGatewayConfig({}).limits.maxCost;
const cost = (query: string, variables: Record<string, unknown> = {}) =>
  complexityFromQuery(query, { schema, variables, ctx: {} }).complexity;

const nested =
  "nodes { caseId meetings { meetingId plannedOn participants { role organisation { id name children { id name } } } } notes { noteId } }";

/** A valid value of `type`: one item per list. */
function sample(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sample(type.ofType);
  if (isListType(type)) return [sample(type.ofType)];
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]?.name;
  if (isInputObjectType(named))
    return Object.fromEntries(
      Object.values(named.getFields())
        .filter((f) => isNonNullType(f.type))
        .map((f) => [f.name, sample(f.type)]),
    );
  return (
    { Int: 1, Float: 1, Boolean: true, Date: "2026-01-01", DateTime: "2026-01-01T00:00:00Z" }[named.name] ??
    "0193a1b2-0000-7000-8000-000000000001"
  );
}

/** Every variable of the operation, required or not; page sizes at their largest (100). */
function largestVariables(text: string): Record<string, unknown> {
  const variables: Record<string, unknown> = {};
  for (const definition of parse(text).definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    for (const v of definition.variableDefinitions ?? []) {
      const type = typeFromAST(schema, v.type) as GraphQLInputType | undefined;
      const name = v.variable.name.value;
      // Page sizes at their largest; a year as the arguments validate it (2000 or later).
      if (type) variables[name] = /^(first|last|limit)$/.test(name) ? 100 : name === "year" ? 2026 : sample(type);
    }
  }
  return variables;
}

describe("query cost", () => {
  it("lets every documented operation run with its largest page within the default limit", () => {
    const manifest = JSON.parse(
      readFileSync(new URL("../../persisted-operations/ankkuri.json", import.meta.url), "utf8"),
    ) as Record<string, string>;
    // Mutations select their payload once; their inputs are validated before any cost counts.
    for (const text of Object.values(manifest).filter((t) => t.startsWith("query"))) {
      expect(cost(text, largestVariables(text)), text.slice(0, 60)).toBeLessThanOrEqual(maxCost);
    }
  });

  it("multiplies by `first`, written in the query or sent in a variable alike", () => {
    const small = cost(`{ cases(first: 1) { ${nested} } }`);
    expect(cost(`{ cases(first: 100) { ${nested} } }`)).toBeGreaterThan(50 * small);
    expect(cost(`query($n: Int) { cases(first: $n) { ${nested} } }`, { n: 100 })).toBe(
      cost(`{ cases(first: 100) { ${nested} } }`),
    );
  });

  it("refuses five aliases of a hundred cases with their nested lists", () => {
    const aliases = [1, 2, 3, 4, 5].map((i) => `a${String(i)}: cases(first: 100) { ${nested} }`).join(" ");
    expect(cost(`{ ${aliases} }`)).toBeGreaterThan(maxCost);
  });

  it("counts each id of `nodes`", () => {
    const ids = Array.from({ length: 2000 }, (_, i) => Buffer.from(`Case:["t","${String(i)}"]`).toString("base64"));
    const query =
      "query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Case { meetings { meetingId participants { organisation { name } } } } } }";
    expect(cost(query, { ids: ids.slice(0, 1) }) * 1000).toBeLessThanOrEqual(cost(query, { ids }));
  });
});
