import {
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLSchema,
  getNamedType,
  isAbstractType,
  isCompositeType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
} from "graphql";

/** Ids of real records, so hostile values reach the resolvers instead of failing on a missing case. */
export interface KnownIds {
  caseId: string;
  /** The case's global id (for `node`). */
  caseNodeId: string;
  guardianId: string;
  organisationId: string;
  staffId: string;
  bodyId: string;
  identityCode: () => string;
}

/** A path to one value inside an operation's variables, e.g. ["input", "client", "givenName"]. */
export type ValuePath = readonly (string | number)[];

/** One root field as an operation: its document, well-formed variables, and where its values are. */
export interface SchemaOperation {
  name: string;
  kind: "query" | "mutation";
  document: string;
  variables: Record<string, unknown>;
  /** Every String or ID position in the variables: where injection strings go. */
  textPaths: ValuePath[];
  /** Every value position (any type): where values of the wrong type go. */
  valuePaths: ValuePath[];
  /** The root field's String/ID arguments, which can also be written inline in the document. */
  inlineTextArgs: string[];
  /** The document with argument `inline` written as the literal `literal` instead of a variable. */
  withInline(inline: string, literal: string): { document: string; variables: Record<string, unknown> };
  /** The root field's selection (for building documents of many copies). */
  selection: string;
}

function valueFor(name: string, type: GraphQLNamedType, known: KnownIds): unknown {
  if (/^caseId$/.test(name)) return known.caseId;
  if (/^guardianId$/.test(name)) return known.guardianId;
  if (/organisationId$|^partyId$/i.test(name)) return known.organisationId;
  if (/staffId$/i.test(name)) return known.staffId;
  if (/^bodyId$/.test(name)) return known.bodyId;
  if (/^ids?$/.test(name)) return known.caseNodeId;
  if (/identityCode/i.test(name)) return known.identityCode();
  if (isEnumType(type)) return type.getValues()[0]?.name;
  switch (type.name) {
    case "Date":
      return "2026-10-01";
    case "DateTime":
      return "2026-10-01T09:00:00Z";
    case "Int":
      return 1;
    case "Float":
      return 0.5;
    case "Boolean":
      return true;
    case "ID":
    case "String":
      return /On$|Date$/.test(name) ? "2026-10-01" : "Testi";
    default:
      return "Testi";
  }
}

interface Walk {
  textPaths: ValuePath[];
  valuePaths: ValuePath[];
}

/** A well-formed value of `type`, with every optional field filled in too, recording value positions. */
function build(
  name: string,
  type: GraphQLInputType,
  path: ValuePath,
  known: KnownIds,
  walk: Walk,
  depth: number,
): unknown {
  if (isNonNullType(type)) return build(name, type.ofType, path, known, walk, depth);
  walk.valuePaths.push(path);
  if (isListType(type)) return [build(name, type.ofType, [...path, 0], known, walk, depth)];
  if (isInputObjectType(type)) {
    // Self-referencing inputs stop after a few levels.
    if (depth > 4) return {};
    return Object.fromEntries(
      Object.values(type.getFields()).map((f) => [
        f.name,
        build(f.name, f.type, [...path, f.name], known, walk, depth + 1),
      ]),
    );
  }
  if (isScalarType(type) && (type.name === "String" || type.name === "ID")) walk.textPaths.push(path);
  return valueFor(name, type as GraphQLNamedType, known);
}

function typeString(type: GraphQLInputType): string {
  return String(type);
}

/** What to select of a result: its type name, and the code and message of a typed error. */
function selectionFor(field: GraphQLField<unknown, unknown>, schema: GraphQLSchema): string {
  const named = getNamedType(field.type);
  if (!isCompositeType(named)) return "";
  const errorInterface = schema.getType("Error");
  const members = isAbstractType(named) ? schema.getPossibleTypes(named) : isObjectType(named) ? [named] : [];
  const hasErrors = isInterfaceType(errorInterface) && members.some((m) => m.getInterfaces().includes(errorInterface));
  return `{ __typename${hasErrors ? " ... on Error { code message }" : ""} }`;
}

/** Every root query and mutation field of `schema` as an operation. */
export function schemaOperations(schema: GraphQLSchema, known: KnownIds): SchemaOperation[] {
  const operations: SchemaOperation[] = [];
  for (const [kind, root] of [
    ["query", schema.getQueryType()],
    ["mutation", schema.getMutationType()],
  ] as const) {
    if (!root) continue;
    for (const field of Object.values(root.getFields())) {
      const walk: Walk = { textPaths: [], valuePaths: [] };
      const args: readonly GraphQLArgument[] = field.args;
      const variables = Object.fromEntries(args.map((a) => [a.name, build(a.name, a.type, [a.name], known, walk, 0)]));
      const name = `${field.name.charAt(0).toUpperCase()}${field.name.slice(1)}`;
      const selection = selectionFor(field, schema);
      const documentWith = (inline?: string, literal?: string) => {
        const asVariables = args.filter((a) => a.name !== inline);
        const definitions =
          asVariables.length > 0 ? `(${asVariables.map((a) => `$${a.name}: ${typeString(a.type)}`).join(", ")})` : "";
        const passed = args.map((a) => (a.name === inline ? `${a.name}: ${String(literal)}` : `${a.name}: $${a.name}`));
        return `${kind} ${name}${definitions} { ${field.name}${passed.length > 0 ? `(${passed.join(", ")})` : ""} ${selection} }`;
      };
      operations.push({
        name: field.name,
        kind,
        document: documentWith(),
        selection,
        withInline: (inline, literal) => ({
          document: documentWith(inline, literal),
          variables: Object.fromEntries(Object.entries(variables).filter(([k]) => k !== inline)),
        }),
        variables,
        textPaths: walk.textPaths,
        valuePaths: walk.valuePaths,
        inlineTextArgs: args
          .filter((a) => {
            const t = getNamedType(a.type);
            return (
              isScalarType(t) &&
              (t.name === "String" || t.name === "ID") &&
              !isListType(isNonNullType(a.type) ? a.type.ofType : a.type)
            );
          })
          .map((a) => a.name),
      });
    }
  }
  return operations;
}

/** A deep copy of `value` with the value at `path` replaced. */
export function replaceAt(value: unknown, path: ValuePath, replacement: unknown): unknown {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(value) && typeof head === "number")
    return (value as unknown[]).map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  if (typeof value === "object" && value !== null && typeof head === "string")
    return {
      ...(value as Record<string, unknown>),
      [head]: replaceAt((value as Record<string, unknown>)[head], rest, replacement),
    };
  return value;
}
