import { type Violation, violation } from "../core/violation.js";
import { indexOrganisations, lineage, type Organisation } from "./organisation.js";

export type OrganisationViolationCode =
  | "ORG.DUPLICATE_ID"
  | "ORG.PARENT_MISSING"
  | "ORG.CYCLE"
  | "ORG.KIND_ORDER"
  | "ORG.BUSINESS_ID_MISSING"
  | "ORG.BUSINESS_ID_NOT_OWN";

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
          fi: `Organisaation tunniste ${o.id} on käytössä kahdesti.`,
          en: `Organisation id ${o.id} is used twice.`,
        }),
      );
    }
    seen.add(o.id);
    const parent = o.parentId === null ? null : index.get(o.parentId);
    if (o.parentId !== null && parent === undefined) {
      found.push(
        violation("ORG.PARENT_MISSING", [o.id, o.parentId], {
          fi: `Organisaation ${o.id} yläorganisaatiota ${o.parentId} ei löydy.`,
          en: `Parent ${o.parentId} of organisation ${o.id} does not exist.`,
        }),
      );
    } else if (!allowedParents[o.kind].includes(parent?.kind ?? null)) {
      found.push(
        violation("ORG.KIND_ORDER", [o.id], {
          fi: `Organisaatio ${o.id} (${o.kind}) ei voi olla tason ${parent?.kind ?? "juuri"} alla.`,
          en: `Organisation ${o.id} (${o.kind}) cannot sit under ${parent?.kind ?? "the root"}.`,
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
            fi: `Organisaatiot muodostavat kehän: ${chain.map((c) => c.id).join(" → ")}.`,
            en: `Organisations form a cycle: ${chain.map((c) => c.id).join(" → ")}.`,
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
          { fi: `Oikeushenkilöltä ${o.id} puuttuu Y-tunnus.`, en: `Legal entity ${o.id} has no business ID.` },
          { severity: "warning" },
        ),
      );
    }
    if (o.kind !== "legal-entity" && o.businessId !== null) {
      found.push(
        violation("ORG.BUSINESS_ID_NOT_OWN", [o.id], {
          fi: `${o.id} käyttää oikeushenkilönsä Y-tunnusta; sille ei tallenneta omaa.`,
          en: `${o.id} shares its legal entity's business ID and must not carry its own.`,
        }),
      );
    }
  }
  return found;
}
