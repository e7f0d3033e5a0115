import { describe, expect, it } from "vitest";
import type { OrganisationId } from "../core/ids.js";
import { indexOrganisations, type OrganisationInput, organisationSchema } from "../organisations/organisation.js";
import {
  checkBodies,
  type CooperationBody,
  type CooperationBodyInput,
  cooperationBodySchema,
} from "./cooperation-body.js";

type SeatInput = CooperationBodyInput["seats"][number];

const text = (en: string) => ({ fi: en, sv: en, en });
const body = (input: Partial<CooperationBodyInput> & { id: string }): CooperationBody =>
  cooperationBodySchema.parse({
    teamId: "team-test",
    kind: "ankkuri-steering-group",
    tier: "strategic",
    name: text(`Body ${input.id}`),
    seats: [],
    chairPolicy: { kind: "unspecified" },
    ...input,
  });
const seat = (organisationId: OrganisationId, role = "Esihenkilö", extra: Partial<SeatInput> = {}): SeatInput => ({
  id: `seat-${organisationId}-${role.normalize("NFD").replace(/[^A-Za-z0-9]+/g, "-")}`,
  organisationId,
  roleTitle: text(role),
  ...extra,
});
const rotating = (order: OrganisationId[], joiners: OrganisationId[] = []): CooperationBodyInput["chairPolicy"] => ({
  kind: "rotating",
  rotation: {
    anchor: "2024-05-01",
    order,
    events: joiners.map((partyId) => ({ kind: "join" as const, partyId, on: "2025-09-01" })),
  },
});

const organisation = (id: string, kind: OrganisationInput["kind"], parentId: string | null) =>
  organisationSchema.parse({ id, kind, parentId, name: text(id), businessId: null, sector: "city-administration" });
const organisations = indexOrganisations([
  organisation("city", "legal-entity", null),
  organisation("sotepe", "division", "city"),
  organisation("sotepe-youth-psychiatry", "unit", "sotepe"),
  organisation("kuva", "division", "city"),
  organisation("police", "legal-entity", null),
]);

describe("cooperationBodySchema", () => {
  it("fills in defaults", () => {
    const b = body({ id: "steering", seats: [seat("police")] });
    expect(b).toMatchObject({
      parentBodyId: null,
      region: null,
      tasks: [],
      legalBasis: [],
      ageScope: null,
      annualClock: [],
    });
    expect(b.seats[0]).toMatchObject({ attendance: "member", secretary: false });
    expect(body({ id: "x", ageScope: { min: 0, max: 17 } }).ageScope).toEqual({ min: 0, max: 17, note: null });
  });

  it("applies the rotation's defaults inside a rotating chair policy", () => {
    const b = body({
      id: "steering",
      chairPolicy: { kind: "rotating", rotation: { anchor: "2024-05-01", order: ["police", "sotepe"] } },
    });
    expect(b.chairPolicy).toEqual({
      kind: "rotating",
      rotation: { anchor: "2024-05-01", termMonths: 12, order: ["police", "sotepe"], events: [] },
    });
  });

  it("rejects unknown kinds and tiers, an annual clock month outside 1–12 and a blank region", () => {
    const base = {
      id: "b",
      teamId: "team-test",
      kind: "ankkuri-steering-group",
      tier: "strategic",
      name: text("B"),
      seats: [],
      chairPolicy: { kind: "unspecified" },
    };
    expect(cooperationBodySchema.safeParse(base).success).toBe(true);
    expect(cooperationBodySchema.safeParse({ ...base, kind: "committee" }).success).toBe(false);
    expect(cooperationBodySchema.safeParse({ ...base, tier: "national" }).success).toBe(false);
    expect(
      cooperationBodySchema.safeParse({ ...base, annualClock: [{ month: 13, activity: text("Evaluation") }] }).success,
    ).toBe(false);
    expect(cooperationBodySchema.safeParse({ ...base, region: " " }).success).toBe(false);
    expect(cooperationBodySchema.safeParse({ ...base, chairPolicy: { kind: "fixed" } }).success).toBe(false);
  });
});

describe("checkBodies", () => {
  const collegium = body({
    id: "lasu-collegium",
    kind: "lasu-collegium",
    tier: "city",
    seats: [
      seat("sotepe"),
      seat("kuva"),
      seat("police", "Komisario"),
      seat("city", "Kehittämissuunnittelija", { secretary: true }),
    ],
    chairPolicy: { kind: "fixed", organisationId: "sotepe" },
  });
  const regional = body({
    id: "region-etela-keskinen",
    kind: "regional-coordination-group",
    tier: "regional",
    region: "Etelä-keskinen",
    parentBodyId: "lasu-collegium",
    seats: [seat("sotepe"), seat("kuva"), seat("police", "Komisario", { attendance: "invited-when-needed" })],
    chairPolicy: rotating(["sotepe"], ["kuva"]),
  });

  it("finds nothing wrong with a clean set", () => {
    expect(checkBodies([regional, collegium])).toEqual([]);
    expect(checkBodies([regional, collegium], organisations)).toEqual([]);
    expect(checkBodies([])).toEqual([]);
  });

  it("reports a party of the order or a joiner that may chair without a standing seat, once each", () => {
    const b = body({
      id: "steering",
      seats: [seat("police")],
      chairPolicy: rotating(["police", "sotepe", "sotepe"], ["kuva", "sotepe"]),
    });
    const found = checkBodies([b]);
    expect(found.map((v) => [v.code, v.ids])).toEqual([
      ["BODY.CHAIR_WITHOUT_SEAT", ["steering", "sotepe"]],
      ["BODY.CHAIR_WITHOUT_SEAT", ["steering", "kuva"]],
    ]);
    expect(found[0]).toMatchObject({
      severity: "error",
      message: { en: `An organisation may chair ${b.name.en} but holds no standing seat in it.` },
    });
  });

  it("does not count a seat of someone invited when needed", () => {
    const b = body({
      id: "steering",
      seats: [seat("sotepe"), seat("police", "Komisario", { attendance: "invited-when-needed" })],
      chairPolicy: rotating(["sotepe", "police"]),
    });
    expect(checkBodies([b]).map((v) => v.ids)).toEqual([["steering", "police"]]);
  });

  it("checks a fixed chair and nothing for an unspecified one", () => {
    expect(
      checkBodies([
        body({ id: "network", seats: [seat("kuva")], chairPolicy: { kind: "fixed", organisationId: "sotepe" } }),
      ]).map((v) => v.code),
    ).toEqual(["BODY.CHAIR_WITHOUT_SEAT"]);
    expect(checkBodies([body({ id: "network", seats: [], chairPolicy: { kind: "unspecified" } })])).toEqual([]);
  });

  it("counts a unit's seat for its parent party only when given the organisation tree", () => {
    const b = body({
      id: "steering",
      seats: [seat("police"), seat("sotepe-youth-psychiatry", "Osastonhoitaja")],
      chairPolicy: rotating(["police", "sotepe"]),
    });
    expect(checkBodies([b], organisations)).toEqual([]);
    expect(checkBodies([b]).map((v) => [v.code, v.ids])).toEqual([["BODY.CHAIR_WITHOUT_SEAT", ["steering", "sotepe"]]]);
    // A grandchild's seat counts for the legal entity too.
    const cityChair = body({
      id: "city-group",
      seats: [seat("sotepe-youth-psychiatry")],
      chairPolicy: { kind: "fixed", organisationId: "city" },
    });
    expect(checkBodies([cityChair], organisations)).toEqual([]);
  });

  it("does not count a parent's seat for its unit, nor a sibling's seat", () => {
    const b = body({
      id: "steering",
      seats: [seat("sotepe"), seat("kuva")],
      chairPolicy: rotating(["sotepe-youth-psychiatry"]),
    });
    expect(checkBodies([b], organisations).map((v) => v.ids)).toEqual([["steering", "sotepe-youth-psychiatry"]]);
    const sibling = body({
      id: "steering",
      seats: [seat("kuva")],
      chairPolicy: { kind: "fixed", organisationId: "sotepe" },
    });
    expect(checkBodies([sibling], organisations).map((v) => v.ids)).toEqual([["steering", "sotepe"]]);
  });

  it("reports a parent body that is not in the set", () => {
    const found = checkBodies([regional]);
    expect(found).toEqual([
      {
        code: "BODY.PARENT_MISSING",
        severity: "error",
        ids: ["region-etela-keskinen", "lasu-collegium"],
        message: {
          fi: `Toimielimen ${regional.name.fi} ylempää toimielintä ei löydy.`,
          sv: `Det överordnade organet för ${regional.name.sv} finns inte.`,
          en: `The parent body of ${regional.name.en} does not exist.`,
        },
      },
    ]);
  });

  it("reports an organisation holding the same role twice in one body", () => {
    const b = body({
      id: "network",
      seats: [
        seat("kuva", "Nuorisotyöntekijä", { id: "seat-1" }),
        seat("kuva", "Nuorisotyöohjaaja", { id: "seat-2" }),
        seat("sotepe", "Nuorisotyöntekijä", { id: "seat-3" }),
        seat("kuva", "Nuorisotyöntekijä", { id: "seat-4" }),
      ],
    });
    const found = checkBodies([b]);
    expect(found.map((v) => [v.code, v.ids, v.path])).toEqual([
      ["BODY.DUPLICATE_SEAT", ["network", "seat-4"], ["seats", 3]],
    ]);
    expect(found[0]!.message.en).toBe("Body network lists the same seat twice.");
  });

  it("reports every problem of every body, body by body", () => {
    const broken = body({
      id: "broken",
      parentBodyId: "missing",
      seats: [seat("kuva", "Ohjaaja", { id: "a" }), seat("kuva", "Ohjaaja", { id: "b" })],
      chairPolicy: { kind: "fixed", organisationId: "police" },
    });
    const found = checkBodies([collegium, broken, regional]);
    expect(found.map((v) => [v.code, v.ids[0]])).toEqual([
      ["BODY.CHAIR_WITHOUT_SEAT", "broken"],
      ["BODY.PARENT_MISSING", "broken"],
      ["BODY.DUPLICATE_SEAT", "broken"],
    ]);
  });
});
