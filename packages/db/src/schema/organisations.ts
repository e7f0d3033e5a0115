import { organisationKinds, sectors } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import { check, foreignKey, index, jsonb, snakeCase, text } from "drizzle-orm/pg-core";
import { oneOf, rowVersion, timestamps } from "./columns.js";

/**
 * Organisations are shared by every team (a reference table when distributed): legal entity →
 * division → unit.
 */
export const organisations = snakeCase.table(
  "organisations",
  {
    id: text().primaryKey(),
    kind: text().notNull().$type<(typeof organisationKinds)[number]>(),
    parentId: text(),
    nameFi: text().notNull(),
    nameSv: text().notNull(),
    nameEn: text().notNull(),
    shortName: text(),
    businessId: text(),
    sector: text().notNull().$type<(typeof sectors)[number]>(),
    address: jsonb().$type<{ street: string | null; postalCode: string; postOffice: string; country: string }>(),
    version: rowVersion(),
    ...timestamps(),
  },
  (t) => [
    foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }),
    index().on(t.parentId),
    check("organisations_kind_check", oneOf(t.kind, organisationKinds)),
    check("organisations_sector_check", oneOf(t.sector, sectors)),
    check(
      "organisations_business_id_check",
      sql`${t.businessId} is null or (${t.kind} = 'legal-entity' and ${t.businessId} ~ '^[0-9]{7}-[0-9]$')`,
    ),
    check("organisations_root_check", sql`(${t.kind} = 'legal-entity') = (${t.parentId} is null)`),
  ],
);
