import { businessIdOf, organisationKinds, sectors } from "@ankkuri/domain";
import { builder } from "../builder.js";
import { localisedColumns, LocalisedTextRef } from "./common.js";
import "./localised-field.js";
import { enumOf } from "./enums.js";

export const OrganisationKindEnum = enumOf(
  "OrganisationKind",
  "Level of the organisation tree (organisaatiotaso).",
  organisationKinds,
  {
    "legal-entity": "A legal entity with a business ID (oikeushenkilö).",
    "division": "A division of a city (toimiala).",
    "unit": "A unit (yksikkö).",
  },
);

export const SectorEnum = enumOf("Sector", "The field an organisation works in (toimiala-alue).", sectors, {
  "police": "The police (poliisi).",
  "social-services": "Social services, including child welfare (sosiaalipalvelut).",
  "health-care": "Health care (terveydenhuolto).",
  "youth-services": "Youth services (nuorisopalvelut).",
  "education": "Basic and upper-secondary education (opetus).",
  "early-education": "Early childhood education (varhaiskasvatus).",
  "sports": "Sports services (liikuntapalvelut).",
  "culture": "Cultural services (kulttuuripalvelut).",
  "parish": "A parish (seurakunta).",
  "third-sector": "An association or foundation (kolmas sektori).",
  "hospital-district": "A hospital district or wellbeing services county (sairaanhoitopiiri).",
  "city-administration": "The city's central administration (kaupunginkanslia).",
  "other": "Another field (muu).",
});

const PostalAddressRef = builder
  .objectRef<{ street: string | null; postalCode: string; postOffice: string; country: string }>("PostalAddress")
  .implement({
    description: "A postal address (postiosoite) as printed in the agreement.",
    fields: (t) => ({
      street: t.exposeString("street", { nullable: true, description: "Street address or PO box." }),
      postalCode: t.exposeString("postalCode", { description: "Five-digit postal code." }),
      postOffice: t.exposeString("postOffice", { description: "Post office." }),
      country: t.exposeString("country", { description: "Country." }),
    }),
  });

// No `select`: organisation rows are loaded with every column (and the team cache holds them so),
// so fields read their columns directly and the drizzle plugin need not plan or check them per row.
export const Organisation = builder.drizzleObject("organisations", {
  name: "Organisation",
  description:
    "An organisation (organisaatio): a legal entity with a business ID, a division of it (toimiala), or a unit (yksikkö). Shared by all teams.",
  authScopes: { authenticated: true },
  fields: (t) => ({
    id: t.exposeID("id", { description: "Stable id, e.g. org-hel-sotepe." }),
    kind: t.field({ type: OrganisationKindEnum, resolve: (o) => o.kind, description: "Level in the tree." }),
    name: t.localised((o) => localisedColumns(o, "name"), { description: "Name (nimi) in the requested language." }),
    names: t.field({
      type: LocalisedTextRef,
      resolve: (o) => localisedColumns(o, "name"),
      description: "Name in Finnish, Swedish and English.",
    }),
    shortName: t.exposeString("shortName", { nullable: true, description: "Common abbreviation, e.g. Sotepe, Kuva." }),
    sector: t.field({ type: SectorEnum, resolve: (o) => o.sector, description: "Field of work." }),
    ownBusinessId: t.exposeString("businessId", {
      nullable: true,
      description: "Business ID (Y-tunnus) of a legal entity; null for divisions and units.",
    }),
    businessId: t.string({
      nullable: true,
      description: "The business ID that applies: the organisation's own, or its legal entity's (divisions share it).",
      resolve: async (o, _args, ctx) => businessIdOf(o.id, (await ctx.team()).organisations),
    }),
    address: t.field({
      type: PostalAddressRef,
      nullable: true,
      resolve: (o) => o.address,
      description: "Postal address, when recorded.",
    }),
    parent: t.relation("parent", { nullable: true, description: "The organisation this one belongs to." }),
    children: t.relation("children", {
      query: { orderBy: { nameFi: "asc" } },
      description: "Divisions or units under this one.",
    }),
  }),
});

builder.queryFields((t) => ({
  organisations: t.drizzleField({
    type: ["organisations"],
    description:
      "Every organisation, or the roots of the tree (legal entities) with `rootsOnly`; follow `children` for the tree (organisaatiopuu).",
    authScopes: { authenticated: true },
    args: { rootsOnly: t.arg.boolean({ required: false, description: "Only legal entities (tree roots)." }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.organisations.findMany(
        query({ where: args.rootsOnly ? { parentId: { isNull: true } } : {}, orderBy: { nameFi: "asc" } }),
      ),
  }),
  organisation: t.drizzleField({
    type: "organisations",
    nullable: true,
    description: "One organisation by id.",
    authScopes: { authenticated: true },
    args: { id: t.arg.id({ required: true, description: "Organisation id." }) },
    resolve: (query, _root, args, ctx) => ctx.db.query.organisations.findFirst(query({ where: { id: args.id } })),
  }),
}));
