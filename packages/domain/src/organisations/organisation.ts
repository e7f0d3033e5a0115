import { z } from "zod";
import { idSchema, type OrganisationId } from "../core/ids.js";
import { type LocalisedText, localisedTextSchema } from "../core/localised-text.js";
import { businessIdSchema } from "./business-id.js";

/** Levels of the organisation tree: legal entity → division (toimiala) → unit. */
export const organisationKinds = ["legal-entity", "division", "unit"] as const;
export type OrganisationKind = (typeof organisationKinds)[number];

/**
 * The field an organisation works in. Rules use it: client selection needs the police, social work
 * and psychiatric nursing; confidential details stay inside their sector's organisation.
 */
export const sectors = [
  "police",
  "social-services",
  "health-care",
  "youth-services",
  "education",
  "early-education",
  "sports",
  "culture",
  "parish",
  "third-sector",
  "hospital-district",
  "city-administration",
  "other",
] as const;
export type Sector = (typeof sectors)[number];

/** Postal address as printed in the agreement (street or PO box, postal code, post office). */
export const postalAddressSchema = z.object({
  street: z.string().trim().min(1).max(200).nullable(),
  postalCode: z.string().regex(/^\d{5}$/, { message: "Finnish postal codes have five digits" }),
  postOffice: z.string().trim().min(1).max(100),
  country: z.string().trim().min(1).max(100).default("Suomi"),
});
export type PostalAddress = z.output<typeof postalAddressSchema>;

/** zod schema of an {@link Organisation}. Tree-level rules are in `checkOrganisations`. */
export const organisationSchema = z.object({
  id: idSchema,
  kind: z.enum(organisationKinds),
  parentId: idSchema.nullable(),
  name: localisedTextSchema,
  /** Common abbreviation, e.g. `Sotepe`, `Kuva`. */
  shortName: z.string().trim().min(1).max(40).nullable().default(null),
  /** Only legal entities carry a business ID; divisions and units share their entity's. */
  businessId: businessIdSchema.nullable(),
  sector: z.enum(sectors),
  address: postalAddressSchema.nullable().default(null),
});

/**
 * A legal entity (with a business ID), a division of it, or a unit. Divisions and units point to
 * their parent; Sotepe and Kuva are divisions of the City of Helsinki.
 */
export type Organisation = z.output<typeof organisationSchema>;
export type OrganisationInput = z.input<typeof organisationSchema>;

/** A node of the organisation tree with its children, as returned by {@link organisationTree}. */
export interface OrganisationNode {
  organisation: Organisation;
  children: OrganisationNode[];
}

/** Organisations by id, built once and passed to the tree queries below. */
export type OrganisationIndex = ReadonlyMap<OrganisationId, Organisation>;

/** What the tree is made of: an organisation's id and its parent's (enough for {@link isWithin}). */
export type OrganisationLink = Pick<Organisation, "id" | "parentId">;

/** Indexes organisations by id. */
/**
 * An organisation's name in each language, for messages: people read names, not ids. An id the
 * records do not hold (a mistyped or another team's organisation in a request) is named as unknown;
 * the error's path says which input it was.
 */
export function organisationName(
  id: OrganisationId,
  organisations:
    ReadonlyMap<OrganisationId, Pick<Organisation, "name">> | readonly Pick<Organisation, "id" | "name">[] | undefined,
): LocalisedText {
  const found =
    organisations === undefined
      ? undefined
      : "get" in organisations
        ? organisations.get(id)
        : organisations.find((o) => o.id === id);
  if (found) return { fi: found.name.fi, sv: found.name.sv, en: found.name.en };
  return { fi: "tuntematon organisaatio", sv: "okänd organisation", en: "an unknown organisation" };
}

export function indexOrganisations(organisations: readonly Organisation[]): OrganisationIndex {
  return new Map(organisations.map((o) => [o.id, o]));
}

/**
 * The organisation and its ancestors, nearest first, ending at the root. Stops at a missing parent
 * or a cycle (which `checkOrganisations` reports) instead of looping.
 */
export function lineage<O extends OrganisationLink>(id: OrganisationId, index: ReadonlyMap<OrganisationId, O>): O[] {
  const chain: O[] = [];
  const seen = new Set<OrganisationId>();
  let current = index.get(id);
  while (current && !seen.has(current.id)) {
    chain.push(current);
    seen.add(current.id);
    current = current.parentId === null ? undefined : index.get(current.parentId);
  }
  return chain;
}

/** True when `ancestorId` is `id` itself or one of its ancestors. */
export function isWithin(
  id: OrganisationId,
  ancestorId: OrganisationId,
  index: ReadonlyMap<OrganisationId, OrganisationLink>,
): boolean {
  return lineage(id, index).some((o) => o.id === ancestorId);
}

/** The legal entity an organisation belongs to (itself, for a legal entity). */
export function legalEntityOf(id: OrganisationId, index: OrganisationIndex): Organisation | undefined {
  return lineage(id, index).find((o) => o.kind === "legal-entity");
}

/** The business ID that applies to an organisation: its own or its legal entity's. */
export function businessIdOf(id: OrganisationId, index: OrganisationIndex): string | null {
  return legalEntityOf(id, index)?.businessId ?? null;
}

/** Forest of organisations: roots (no parent) with their descendants, children sorted by Finnish name. */
export function organisationTree(organisations: readonly Organisation[]): OrganisationNode[] {
  const ids = new Set(organisations.map((o) => o.id));
  const byParent = new Map<OrganisationId | null, Organisation[]>();
  for (const o of organisations) {
    // An unknown parent makes the organisation a root here; checkOrganisations reports it.
    const key = o.parentId !== null && ids.has(o.parentId) ? o.parentId : null;
    byParent.set(key, [...(byParent.get(key) ?? []), o]);
  }
  const build = (parent: OrganisationId | null, path: Set<OrganisationId>): OrganisationNode[] =>
    (byParent.get(parent) ?? [])
      .filter((o) => !path.has(o.id))
      .sort((a, b) => a.name.fi.localeCompare(b.name.fi, "fi"))
      .map((o) => ({ organisation: o, children: build(o.id, new Set(path).add(o.id)) }));
  return build(null, new Set());
}
