import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import {
  buildSchema,
  type GraphQLNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isScalarType,
  isUnionType,
  Kind,
  parse,
  validate,
} from "graphql";
import { describe, expect, it } from "vitest";
import { printSchemaWithDirectives } from "../cli/schema-sdl.js";

const root = fileURLToPath(new URL("../../", import.meta.url));
const committed = readFileSync(join(root, "schema.graphql"), "utf8");
const contract = buildSchema(committed);

function graphqlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? graphqlFiles(path) : name.endsWith(".graphql") ? [path] : [];
  });
}

interface Described {
  name: string;
  description?: string | null | undefined;
}

/** Every type, field, argument and enum value of the contract that has no description. */
function undescribed(type: GraphQLNamedType): string[] {
  if (
    type.name.startsWith("__") ||
    (isScalarType(type) &&
      type.specifiedByURL === undefined &&
      ["String", "Int", "Float", "Boolean", "ID"].includes(type.name))
  )
    return [];
  const missing = type.description ? [] : [type.name];
  if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
    const fields: Record<string, Described & { args?: readonly Described[] }> = type.getFields();
    for (const field of Object.values(fields)) {
      if (!field.description) missing.push(`${type.name}.${field.name}`);
      for (const arg of field.args ?? []) if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
    }
  }
  if (isEnumType(type))
    for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
  if (isUnionType(type) && !type.description) missing.push(type.name);
  return missing;
}

describe("the committed contract (schema.graphql)", () => {
  it("is exactly what the code prints: run `pnpm --filter @ankkuri/gateway schema:print` after a change", () => {
    expect(printSchemaWithDirectives()).toBe(committed);
  });

  it("is the SDL @ankkuri/client ships: run `pnpm --filter @ankkuri/gateway codegen` after a change", () => {
    const shipped = readFileSync(join(root, "../../packages/client/schema.graphql"), "utf8");
    expect(shipped).toBe(readFileSync(join(root, "schema.graphql"), "utf8"));
  });

  it("describes every type, field, argument and enum value", () => {
    expect(Object.values(contract.getTypeMap()).flatMap(undescribed)).toEqual([]);
  });

  it("gives each client-data type its Finnish term", () => {
    for (const name of ["Case", "Consent", "Meeting", "Organisation"])
      expect(contract.getType(name)?.description).toMatch(/\([a-zäö ]+\)/);
  });

  it("validates every example operation in docs/operations", () => {
    const documents = graphqlFiles(join(root, "../../docs/operations")).map((file) =>
      parse(readFileSync(file, "utf8")),
    );
    expect(documents.length).toBeGreaterThanOrEqual(8);
    const errors = validate(contract, { kind: Kind.DOCUMENT, definitions: documents.flatMap((d) => d.definitions) });
    expect(errors.map((e) => e.message)).toEqual([]);
  });

  it("registers each example operation in the persisted-operations manifest, keyed by its SHA-256", () => {
    const manifest = JSON.parse(readFileSync(join(root, "persisted-operations/ankkuri.json"), "utf8")) as Record<
      string,
      string
    >;
    const registered = new Set<string>();
    for (const [hash, text] of Object.entries(manifest)) {
      expect(createHash("sha256").update(text).digest("hex")).toBe(hash);
      const document = parse(text);
      expect(validate(contract, document)).toEqual([]);
      for (const d of document.definitions)
        if (d.kind === Kind.OPERATION_DEFINITION && d.name) registered.add(d.name.value);
    }
    const examples = graphqlFiles(join(root, "../../docs/operations")).flatMap((file) =>
      parse(readFileSync(file, "utf8")).definitions.flatMap((d) =>
        d.kind === Kind.OPERATION_DEFINITION && d.name ? [d.name.value] : [],
      ),
    );
    expect([...registered].sort()).toEqual([...examples].sort());
  });
});
