import { legalHoldReasons } from "@ankkuri/domain";
import { check, index, primaryKey, snakeCase, text, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { day, oneOf, teamId, timestamps } from "./columns.js";
import { teams } from "./teams.js";

/**
 * A legal hold (a pending complaint, a criminal investigation, litigation) on a client or a case:
 * while it is in force (`released_on` null) retention removes nothing of it. No foreign key to the
 * case or client, so that the hold's record outlives both. Placed and released only through the
 * verbs of `retention/legal-holds.ts` (which check the target), each with its audit entry.
 */
export const legalHolds = snakeCase.table(
  "legal_holds",
  {
    teamId: teamId().references(() => teams.id),
    id: uuid().notNull(),
    clientId: uuid(),
    caseId: uuid(),
    reason: text().notNull().$type<(typeof legalHoldReasons)[number]>(),
    reference: text().notNull(),
    placedOn: day().notNull(),
    placedBy: text().notNull(),
    releasedOn: day(),
    releasedBy: text(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    index().on(t.teamId, t.clientId),
    index().on(t.teamId, t.caseId),
    check("legal_holds_target_check", sql`(${t.clientId} is null) <> (${t.caseId} is null)`),
    check("legal_holds_reason_check", oneOf(t.reason, legalHoldReasons)),
    check("legal_holds_release_check", sql`(${t.releasedOn} is null) = (${t.releasedBy} is null)`),
    check("legal_holds_dates_check", sql`${t.releasedOn} is null or ${t.releasedOn} >= ${t.placedOn}`),
  ],
);
