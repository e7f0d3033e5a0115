import type { LocalisedText } from "../core/localised-text.js";
import { type Violation, violation } from "../core/violation.js";
import { indexOrganisations, lineage, type Organisation } from "./organisation.js";

export type OrganisationViolationCode =
  | "ORG.DUPLICATE_ID"
  | "ORG.PARENT_MISSING"
  | "ORG.CYCLE"
  | "ORG.KIND_ORDER"
  | "ORG.BUSINESS_ID_MISSING"
  | "ORG.BUSINESS_ID_NOT_OWN";

/** Levels of the tree by name, for messages. */
const levelNames: Record<Organisation["kind"], LocalisedText> = {
  "legal-entity": { fi: "oikeushenkilö", sv: "juridisk person", en: "legal entity" },
  "division": { fi: "toimiala", sv: "sektor", en: "division" },
  "unit": { fi: "yksikkö", sv: "enhet", en: "unit" },
};

const allowedParents: Record<Organisation["kind"], readonly (Organisation["kind"] | null)[]> = {
  "legal-entity": [null],
  "division": ["legal-entity"],
  // A unit may sit directly under a legal entity: the police department has no divisions here.
  "unit": ["division", "legal-entity", "unit"],
};

/**
 * Checks the organisation tree: unique ids, known parents, no cycles, legal entity → division → unit
 * order, and business IDs only (and always) on legal entities.
 */
export function checkOrganisations(organisations: readonly Organisation[]): Violation<OrganisationViolationCode>[] {
  const found: Violation<OrganisationViolationCode>[] = [];
  const index = indexOrganisations(organisations);
  const seen = new Set<string>();
  for (const o of organisations) {
    if (seen.has(o.id)) {
      found.push(
        violation("ORG.DUPLICATE_ID", [o.id], {
          fi: `Organisaation ${o.name.fi} tunniste on käytössä kahdesti.`,
          sv: `Identifieraren för organisationen ${o.name.sv} används två gånger.`,
          en: `The id of organisation ${o.name.en} is used twice.`,
        }),
      );
    }
    seen.add(o.id);
    const parent = o.parentId === null ? null : index.get(o.parentId);
    if (o.parentId !== null && parent === undefined) {
      found.push(
        violation("ORG.PARENT_MISSING", [o.id, o.parentId], {
          fi: `Organisaation ${o.name.fi} yläorganisaatiota ei löydy.`,
          sv: `Den överordnade organisationen till ${o.name.sv} finns inte.`,
          en: `The parent of organisation ${o.name.en} does not exist.`,
        }),
      );
    } else if (!allowedParents[o.kind].includes(parent?.kind ?? null)) {
      found.push(
        violation("ORG.KIND_ORDER", [o.id], {
          fi: `Organisaatio ${o.name.fi} (${levelNames[o.kind].fi}) ei voi olla tason ${parent ? levelNames[parent.kind].fi : "juuri"} alla.`,
          sv: `Organisationen ${o.name.sv} (${levelNames[o.kind].sv}) kan inte ligga under nivån ${parent ? levelNames[parent.kind].sv : "roten"}.`,
          en: `Organisation ${o.name.en} (${levelNames[o.kind].en}) cannot sit under ${parent ? levelNames[parent.kind].en : "the root"}.`,
        }),
      );
    }
    const chain = lineage(o.id, index);
    const last = chain[chain.length - 1];
    const dangling = last?.parentId ?? null;
    if (dangling !== null && index.has(dangling)) {
      found.push(
        violation(
          "ORG.CYCLE",
          chain.map((c) => c.id),
          {
            fi: `Organisaatiot muodostavat kehän: ${chain.map((c) => c.name.fi).join(" → ")}.`,
            sv: `Organisationerna bildar en cirkel: ${chain.map((c) => c.name.sv).join(" → ")}.`,
            en: `Organisations form a cycle: ${chain.map((c) => c.name.en).join(" → ")}.`,
          },
        ),
      );
    }
    if (o.kind === "legal-entity" && o.businessId === null) {
      // A warning: collective parties (the third sector, contract schools) are recorded without one.
      found.push(
        violation(
          "ORG.BUSINESS_ID_MISSING",
          [o.id],
          {
            fi: `Oikeushenkilöltä ${o.name.fi} puuttuu Y-tunnus.`,
            sv: `Den juridiska personen ${o.name.sv} saknar FO-nummer.`,
            en: `Legal entity ${o.name.en} has no business ID.`,
          },
          { severity: "warning" },
        ),
      );
    }
    if (o.kind !== "legal-entity" && o.businessId !== null) {
      found.push(
        violation("ORG.BUSINESS_ID_NOT_OWN", [o.id], {
          fi: `${o.name.fi} käyttää oikeushenkilönsä Y-tunnusta; sille ei tallenneta omaa.`,
          sv: `${o.name.sv} använder sin juridiska persons FO-nummer; något eget registreras inte.`,
          en: `${o.name.en} shares its legal entity's business ID and must not carry its own.`,
        }),
      );
    }
  }
  return found;
}
