import { describe, expect, it } from "vitest";
import { checkOrganisations } from "./organisation-rules.js";
import { type Organisation, type OrganisationInput, organisationSchema } from "./organisation.js";

/** An organisation built through the schema so defaults apply. */
function org(
  id: string,
  kind: Organisation["kind"],
  parentId: string | null,
  extra: Partial<OrganisationInput> = {},
): Organisation {
  return organisationSchema.parse({
    id,
    kind,
    parentId,
    name: { fi: id, sv: id, en: id },
    businessId: null,
    sector: "city-administration",
    ...extra,
  });
}

const police = org("police", "legal-entity", null, { businessId: "0245432-1", sector: "police" });
const policeTeam = org("police-ankkuri", "unit", "police", { sector: "police" });
const city = org("city", "legal-entity", null, { businessId: "0201256-6" });
const sotepe = org("sotepe", "division", "city");
const crisis = org("crisis", "unit", "sotepe");
const crisisNight = org("crisis-night", "unit", "crisis");
const kuva = org("kuva", "division", "city");
const youth = org("youth", "unit", "kuva");

const goodTree = [police, policeTeam, city, sotepe, crisis, crisisNight, kuva, youth];

const codes = (organisations: readonly Organisation[]) => checkOrganisations(organisations).map((v) => v.code);

describe("checkOrganisations", () => {
  it("accepts the parties' tree, including a unit under a unit and a unit directly under a legal entity", () => {
    expect(checkOrganisations(goodTree)).toEqual([]);
  });

  it("accepts no organisations", () => {
    expect(checkOrganisations([])).toEqual([]);
  });

  it("reports an id used twice", () => {
    const found = checkOrganisations([...goodTree, org("kuva", "division", "city")]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: "ORG.DUPLICATE_ID", severity: "error", ids: ["kuva"] });
    expect(found[0]?.message.en).toMatch(/^The id of organisation .+ is used twice\.$/);
  });

  it("reports a missing parent, and no kind-order finding for it", () => {
    const found = checkOrganisations([city, org("lost", "unit", "gone")]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: "ORG.PARENT_MISSING", ids: ["lost", "gone"] });
    const lost = org("lost", "unit", "gone").name;
    expect(found[0]?.message.en).toBe(`The parent of organisation ${lost.en} does not exist.`);
    expect(found[0]?.message.fi).toBe(`Organisaation ${lost.fi} yläorganisaatiota ei löydy.`);
  });

  it("reports a cycle with the organisations on it", () => {
    const found = checkOrganisations([org("a", "unit", "b"), org("b", "unit", "a")]);
    expect(found.map((v) => [v.code, v.ids])).toEqual([
      ["ORG.CYCLE", ["a", "b"]],
      ["ORG.CYCLE", ["b", "a"]],
    ]);
    expect(found[0]?.message.en).toBe("Organisations form a cycle: a → b.");
    expect(found[0]?.message.fi).toBe("Organisaatiot muodostavat kehän: a → b.");
  });

  it("reports an organisation that is its own parent", () => {
    const found = checkOrganisations([org("self", "unit", "self")]);
    expect(found.map((v) => [v.code, v.ids])).toEqual([["ORG.CYCLE", ["self"]]]);
  });

  it("does not mistake a missing parent for a cycle", () => {
    expect(codes([org("lost", "unit", "gone"), org("child", "unit", "lost")])).toEqual(["ORG.PARENT_MISSING"]);
  });

  const levelFi: Record<string, string> = {
    "division": "toimiala",
    "unit": "yksikkö",
    "legal entity": "oikeushenkilö",
  };
  it.each([
    ["a division at the root", [org("division", "division", null)], "division", "the root", "juuri"],
    [
      "a division under a division",
      [city, sotepe, org("sub", "division", "sotepe")],
      "division",
      "division",
      "toimiala",
    ],
    [
      "a division under a unit",
      [city, sotepe, crisis, org("sub", "division", "crisis")],
      "division",
      "unit",
      "yksikkö",
    ],
    ["a unit at the root", [org("unit", "unit", null)], "unit", "the root", "juuri"],
    [
      "a legal entity under a division",
      [city, sotepe, org("entity", "legal-entity", "sotepe", { businessId: "0245432-1" })],
      "legal entity",
      "division",
      "toimiala",
    ],
    [
      "a legal entity under a legal entity",
      [city, org("entity", "legal-entity", "city", { businessId: "0245432-1" })],
      "legal entity",
      "legal entity",
      "oikeushenkilö",
    ],
  ])("reports the kind order of %s", (_case, organisations, kind, parentEn, parentFi) => {
    const found = checkOrganisations(organisations);
    expect(found).toHaveLength(1);
    const [v] = found;
    const { id, name } = organisations[organisations.length - 1]!;
    expect(v).toMatchObject({ code: "ORG.KIND_ORDER", ids: [id] });
    expect(v?.message.en).toBe(`Organisation ${name.en} (${kind}) cannot sit under ${parentEn}.`);
    expect(v?.message.fi).toBe(`Organisaatio ${name.fi} (${levelFi[kind]}) ei voi olla tason ${parentFi} alla.`);
  });

  it("reports a legal entity without a business ID", () => {
    const found = checkOrganisations([org("entity", "legal-entity", null)]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: "ORG.BUSINESS_ID_MISSING", ids: ["entity"] });
    const { name } = org("entity", "legal-entity", null);
    expect(found[0]?.message).toEqual({
      fi: `Oikeushenkilöltä ${name.fi} puuttuu Y-tunnus.`,
      sv: `Den juridiska personen ${name.sv} saknar FO-nummer.`,
      en: `Legal entity ${name.en} has no business ID.`,
    });
  });

  it.each([
    ["division", org("kuva", "division", "city", { businessId: "0201256-6" })],
    ["unit", org("crisis", "unit", "city", { businessId: "0201256-6" })],
  ])("reports a %s that carries its own business ID", (_kind, carrier) => {
    const found = checkOrganisations([city, carrier]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ code: "ORG.BUSINESS_ID_NOT_OWN", ids: [carrier.id] });
    expect(found[0]?.message.en).toBe(
      `${carrier.id} shares its legal entity's business ID and must not carry its own.`,
    );
    expect(found[0]?.message.fi).toBe(`${carrier.id} käyttää oikeushenkilönsä Y-tunnusta; sille ei tallenneta omaa.`);
  });

  it("reports every problem of a broken tree at once, in input order", () => {
    const broken = [
      city,
      org("city", "legal-entity", null, { businessId: "0201256-6" }),
      org("sotepe", "division", "city", { businessId: "0201256-6" }),
      org("lost", "unit", "gone"),
      org("loose", "division", null),
      org("entity", "legal-entity", null),
    ];
    expect(codes(broken)).toEqual([
      "ORG.DUPLICATE_ID",
      "ORG.BUSINESS_ID_NOT_OWN",
      "ORG.PARENT_MISSING",
      "ORG.KIND_ORDER",
      "ORG.BUSINESS_ID_MISSING",
    ]);
  });
});
