import { getNamedType, isObjectType } from "graphql";
import { describe, expect, it } from "vitest";
import { schema } from "./index.js";

// The drizzle plugin checks a field's data per row (a lookup of the selection mapping on every
// resolution) when the field declares columns to select. A type that loads every column has them on
// all its rows, so its plain column fields must not pay for it; the patch in tooling/patches stops
// `t.expose*` from declaring them, and Organisation's names declare none. The Case type picks its
// columns, so its fields keep declaring theirs.

type Extensions = { pothosDrizzleModel?: string; pothosDrizzleSelect?: unknown } | null | undefined;

/** Names of the drizzle object types whose rows carry every column (no `select` of their own). */
function allColumnTypes(): string[] {
  return Object.entries(schema.getTypeMap()).flatMap(([name, type]) => {
    const extensions = type.extensions as Extensions;
    return isObjectType(type) && extensions?.pothosDrizzleModel !== undefined && extensions.pothosDrizzleSelect === true
      ? [name]
      : [];
  });
}

/** Fields of a type whose data the plugin checks on each row, as `Type.field`, with whether they lead to objects. */
function checkedFields(typeName: string): { name: string; object: boolean }[] {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
  return Object.values(type.getFields())
    .filter((f) => Boolean((f.extensions as Extensions)?.pothosDrizzleSelect))
    .map((f) => ({ name: `${typeName}.${f.name}`, object: isObjectType(getNamedType(f.type)) }));
}

const names = (fields: { name: string }[]) => fields.map((f) => f.name).sort();

describe("column fields of drizzle types", () => {
  it("are read straight from the row on types that load every column", () => {
    const types = allColumnTypes();
    expect(types).toEqual(expect.arrayContaining(["Meeting", "Participant", "Organisation", "Consent", "Referral"]));
    // Only fields that lead to other objects (relations) are checked; no scalar is.
    expect(names(types.flatMap(checkedFields).filter((f) => !f.object))).toEqual([]);
  });

  it("still plan and check the relations of those types", () => {
    expect(names(checkedFields("Meeting"))).toEqual(expect.arrayContaining(["Meeting.participants", "Meeting.record"]));
    expect(names(checkedFields("Organisation"))).toEqual(["Organisation.children", "Organisation.parent"]);
  });

  it("are planned and checked on the Case type, which picks its columns", () => {
    expect(names(checkedFields("Case"))).toEqual(
      expect.arrayContaining([
        "Case.caseId",
        "Case.status",
        "Case.referredOn",
        "Case.closeReason",
        "Case.version",
        "Case.meetings",
      ]),
    );
  });
});
