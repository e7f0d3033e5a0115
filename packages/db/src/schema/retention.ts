import { legalHoldReasons } from "@ankkuri/domain";
import { check, index, primaryKey, snakeCase, text, uuid } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { caseRef } from "./cases.js";
import { day, oneOf, teamId, timestamps } from "./columns.js";
import { organisations } from "./organisations.js";
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

/**
 * A controller's part of a case that retention removed (its period ended while another controller's
 * had not), written in the same transaction as the deletion of its memberships and its audit entry.
 * The case keeps it (`Case.removedControllerParts`), so that deriving the case's memberships after
 * any later change leaves the controller out (`caseMemberships`): its access ended with its basis
 * and stays ended. It goes with the case when the whole case goes.
 */
export const removedControllerParts = snakeCase.table(
  "removed_controller_parts",
  {
    teamId: teamId(),
    caseId: uuid().notNull(),
    controllerId: text()
      .notNull()
      .references(() => organisations.id),
    removedOn: day().notNull(),
    /** The retention run that removed it (its audit entries' request id). */
    requestId: text().notNull(),
    createdAt: timestamps().createdAt,
  },
  (t) => [primaryKey({ columns: [t.teamId, t.caseId, t.controllerId] }), caseRef(t)],
);
