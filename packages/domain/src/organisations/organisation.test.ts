import { describe, expect, it } from "vitest";
import {
  businessIdOf,
  indexOrganisations,
  isWithin,
  legalEntityOf,
  lineage,
  type Organisation,
  type OrganisationInput,
  organisationName,
  type OrganisationNode,
  organisationSchema,
  organisationTree,
  postalAddressSchema,
} from "./organisation.js";

/** An organisation built through the schema so defaults apply; the name is used in all three languages. */
function org(
  id: string,
  kind: Organisation["kind"],
  parentId: string | null,
  name: string,
  extra: Partial<OrganisationInput> = {},
): Organisation {
  return organisationSchema.parse({
    id,
    kind,
    parentId,
    name: { fi: name, sv: name, en: name },
    businessId: null,
    sector: "city-administration",
    ...extra,
  });
}

/** The agreement's parties (003): the police department, and the city with Sotepe and Kuva. */
const police = org("police", "legal-entity", null, "Helsingin poliisilaitos", {
  businessId: "0245432-1",
  sector: "police",
});
const policeTeam = org("police-ankkuri", "unit", "police", "Ankkuri-tiimi", { sector: "police" });
const city = org("city", "legal-entity", null, "Helsingin kaupunki", { businessId: "0201256-6" });
const sotepe = org("sotepe", "division", "city", "Sosiaali-, terveys- ja pelastustoimiala", {
  shortName: "Sotepe",
  sector: "social-services",
});
const crisis = org("crisis", "unit", "sotepe", "Sosiaali- ja kriisipäivystys", { sector: "social-services" });
const psychiatry = org("psychiatry", "unit", "sotepe", "Psykiatria", { sector: "health-care" });
const kuva = org("kuva", "division", "city", "Kulttuurin ja vapaa-ajan toimiala", {
  shortName: "Kuva",
  sector: "youth-services",
});
const youth = org("youth", "unit", "kuva", "Nuorisopalvelut", { sector: "youth-services" });

const parties = [police, policeTeam, city, sotepe, crisis, psychiatry, kuva, youth];
const index = indexOrganisations(parties);

/** Ids of a lineage or a tree, to compare shapes at a glance. */
const ids = (orgs: readonly Organisation[]) => orgs.map((o) => o.id);
type Shape = [string, Shape[]];
const shape = (nodes: readonly OrganisationNode[]): Shape[] => nodes.map((n) => [n.organisation.id, shape(n.children)]);

describe("organisationSchema", () => {
  it("defaults the short name and the address to null", () => {
    expect(crisis.shortName).toBeNull();
    expect(crisis.address).toBeNull();
    expect(sotepe.shortName).toBe("Sotepe");
  });

  it("stores a business ID in its canonical form", () => {
    expect(org("old", "legal-entity", null, "Vanha", { businessId: "245432-1" }).businessId).toBe("0245432-1");
  });

  it("rejects an invalid business ID, an invalid id and an unknown kind", () => {
    const valid = {
      id: "x",
      kind: "unit",
      parentId: null,
      name: { fi: "X", sv: "X", en: "X" },
      businessId: null,
      sector: "other",
    };
    expect(organisationSchema.safeParse(valid).success).toBe(true);
    expect(organisationSchema.safeParse({ ...valid, businessId: "0245432-2" }).success).toBe(false);
    expect(organisationSchema.safeParse({ ...valid, id: "<script>" }).success).toBe(false);
    expect(organisationSchema.safeParse({ ...valid, kind: "department" }).success).toBe(false);
    expect(organisationSchema.safeParse({ ...valid, sector: "military" }).success).toBe(false);
  });

  it("takes a postal address and defaults its country to Finland", () => {
    const o = org("x", "unit", null, "X", {
      address: { street: "Pasilanraitio 11", postalCode: "00240", postOffice: "Helsinki" },
    });
    expect(o.address).toEqual({
      street: "Pasilanraitio 11",
      postalCode: "00240",
      postOffice: "Helsinki",
      country: "Suomi",
    });
  });
});

describe("postalAddressSchema", () => {
  it("accepts a PO box address without a street", () => {
    expect(
      postalAddressSchema.parse({
        street: null,
        postalCode: "00099",
        postOffice: "Helsingin kaupunki",
        country: "Finland",
      }).country,
    ).toBe("Finland");
  });

  it("requires a five-digit postal code", () => {
    const result = postalAddressSchema.safeParse({ street: null, postalCode: "0024", postOffice: "Helsinki" });
    expect(result.error?.issues[0]?.message).toBe("Finnish postal codes have five digits");
    expect(postalAddressSchema.safeParse({ street: null, postalCode: "002400", postOffice: "Helsinki" }).success).toBe(
      false,
    );
  });
});

describe("indexOrganisations", () => {
  it("finds each organisation by id", () => {
    expect(index.size).toBe(parties.length);
    expect(index.get("sotepe")).toBe(sotepe);
    expect(index.get("nobody")).toBeUndefined();
  });
});

describe("organisationName", () => {
  it("names an organisation in each language from a list or an index, and an unknown one without its id", () => {
    expect(organisationName("sotepe", index)).toEqual(sotepe.name);
    expect(organisationName("sotepe", parties)).toEqual(sotepe.name);
    expect(organisationName("org-nobody", index)).toEqual({
      fi: "tuntematon organisaatio",
      sv: "okänd organisation",
      en: "an unknown organisation",
    });
    expect(organisationName("sotepe", undefined).en).toBe("an unknown organisation");
  });
});

describe("lineage", () => {
  it("lists an organisation and its ancestors, nearest first", () => {
    expect(ids(lineage("crisis", index))).toEqual(["crisis", "sotepe", "city"]);
    expect(ids(lineage("police-ankkuri", index))).toEqual(["police-ankkuri", "police"]);
    expect(ids(lineage("city", index))).toEqual(["city"]);
  });

  it("is empty for an unknown id", () => {
    expect(lineage("nobody", index)).toEqual([]);
  });

  it("stops at a missing parent", () => {
    const orphan = org("orphan", "unit", "gone", "Orpo");
    expect(ids(lineage("orphan", indexOrganisations([orphan])))).toEqual(["orphan"]);
  });

  it("stops on a cycle instead of looping", () => {
    const cyclic = indexOrganisations([
      org("a", "unit", "b", "A"),
      org("b", "unit", "c", "B"),
      org("c", "unit", "a", "C"),
      org("x", "unit", "a", "X"),
    ]);
    expect(ids(lineage("a", cyclic))).toEqual(["a", "b", "c"]);
    expect(ids(lineage("x", cyclic))).toEqual(["x", "a", "b", "c"]);
    expect(ids(lineage("self", indexOrganisations([org("self", "unit", "self", "S")])))).toEqual(["self"]);
  });
});

describe("isWithin", () => {
  it("is true for the organisation itself and its ancestors", () => {
    expect(isWithin("crisis", "crisis", index)).toBe(true);
    expect(isWithin("crisis", "sotepe", index)).toBe(true);
    expect(isWithin("crisis", "city", index)).toBe(true);
  });

  it("is false for siblings, descendants and other trees", () => {
    expect(isWithin("crisis", "psychiatry", index)).toBe(false);
    expect(isWithin("crisis", "kuva", index)).toBe(false);
    expect(isWithin("city", "crisis", index)).toBe(false);
    expect(isWithin("police-ankkuri", "city", index)).toBe(false);
    expect(isWithin("nobody", "city", index)).toBe(false);
  });
});

describe("legalEntityOf and businessIdOf", () => {
  it("find the legal entity of a unit, a division and the entity itself", () => {
    expect(legalEntityOf("youth", index)).toBe(city);
    expect(legalEntityOf("kuva", index)).toBe(city);
    expect(legalEntityOf("city", index)).toBe(city);
    expect(legalEntityOf("police-ankkuri", index)).toBe(police);
  });

  it("give divisions and units their legal entity's business ID", () => {
    expect(businessIdOf("sotepe", index)).toBe("0201256-6");
    expect(businessIdOf("kuva", index)).toBe("0201256-6");
    expect(businessIdOf("crisis", index)).toBe("0201256-6");
    expect(businessIdOf("police-ankkuri", index)).toBe("0245432-1");
    expect(businessIdOf("police", index)).toBe("0245432-1");
  });

  it("find nothing outside a legal entity", () => {
    const loose = indexOrganisations([
      org("orphan", "unit", "gone", "Orpo"),
      org("entity", "legal-entity", null, "Ilman tunnusta"),
    ]);
    expect(legalEntityOf("orphan", loose)).toBeUndefined();
    expect(businessIdOf("orphan", loose)).toBeNull();
    expect(businessIdOf("nobody", loose)).toBeNull();
    // A legal entity still missing its ID (checkOrganisations reports it) has none to give.
    expect(businessIdOf("entity", loose)).toBeNull();
  });
});

describe("organisationTree", () => {
  it("builds the forest with children sorted by Finnish name", () => {
    expect(shape(organisationTree(parties))).toEqual([
      [
        "city",
        [
          ["kuva", [["youth", []]]],
          [
            "sotepe",
            [
              ["psychiatry", []],
              ["crisis", []],
            ],
          ],
        ],
      ],
      ["police", [["police-ankkuri", []]]],
    ]);
  });

  it("does not depend on input order", () => {
    expect(organisationTree([...parties].reverse())).toEqual(organisationTree(parties));
  });

  it("sorts å, ä and ö after z, as Finnish does", () => {
    const root = org("root", "legal-entity", null, "Juuri", { businessId: "0201256-6" });
    const names = ["Östersundom", "Zeta", "Äänekoski", "Aalto", "Åbo"];
    const children = names.map((name, i) => org(`c${String(i)}`, "unit", "root", name));
    const [tree] = organisationTree([root, ...children]);
    expect(tree?.children.map((c) => c.organisation.name.fi)).toEqual([
      "Aalto",
      "Zeta",
      "Åbo",
      "Äänekoski",
      "Östersundom",
    ]);
  });

  it("makes an organisation with an unknown parent a root", () => {
    const orphan = org("orphan", "unit", "gone", "Orpo");
    const child = org("orphan-child", "unit", "orphan", "Lapsi");
    expect(shape(organisationTree([city, orphan, child]))).toEqual([
      ["city", []],
      ["orphan", [["orphan-child", []]]],
    ]);
  });

  it("terminates on a cycle; its members reach no root and are left out", () => {
    const cycle = [org("a", "unit", "b", "A"), org("b", "unit", "a", "B"), org("self", "unit", "self", "S")];
    expect(shape(organisationTree([city, sotepe, ...cycle]))).toEqual([["city", [["sotepe", []]]]]);
  });

  it("does not recurse into an organisation that repeats an id on its own path", () => {
    const twin = org("city", "unit", "city", "Kaksonen");
    expect(shape(organisationTree([city, twin]))).toEqual([["city", []]]);
  });

  it("is empty without organisations", () => {
    expect(organisationTree([])).toEqual([]);
  });
});
