import { caseWorkerRoles } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import { check, foreignKey, index, primaryKey, snakeCase, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { caseRef } from "./cases.js";
import { day, oneOf, teamId, timestamps } from "./columns.js";
import { staff } from "./staffing.js";

/**
 * The team's staff assigned to a case (003 § 6.1: the operational supervisor coordinates the daily
 * work): a lead worker and pair workers, each from `assigned_on` until the day before `unassigned_on`.
 * Ending an assignment keeps it: the history of who worked on a case stays. The database holds one
 * open lead worker per case and one open assignment per person and case, whatever writes.
 */
export const caseWorkers = snakeCase.table(
  "case_workers",
  {
    teamId: teamId(),
    id: uuid().notNull(),
    caseId: uuid().notNull(),
    staffId: text().notNull(),
    role: text().notNull().$type<(typeof caseWorkerRoles)[number]>(),
    assignedOn: day().notNull(),
    assignedBy: text().notNull(),
    unassignedOn: day(),
    unassignedBy: text(),
    ...timestamps(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.id] }),
    caseRef(t),
    foreignKey({ columns: [t.teamId, t.staffId], foreignColumns: [staff.teamId, staff.id] }),
    index().on(t.teamId, t.caseId),
    index().on(t.teamId, t.staffId, t.assignedOn),
    uniqueIndex("case_workers_one_open_lead")
      .on(t.teamId, t.caseId)
      .where(sql`${t.role} = 'lead-worker' and ${t.unassignedOn} is null`),
    uniqueIndex("case_workers_one_open_per_person")
      .on(t.teamId, t.caseId, t.staffId)
      .where(sql`${t.unassignedOn} is null`),
    check("case_workers_role_check", oneOf(t.role, caseWorkerRoles)),
    check("case_workers_unassigned_check", sql`(${t.unassignedOn} is null) = (${t.unassignedBy} is null)`),
    check("case_workers_dates_check", sql`${t.unassignedOn} is null or ${t.unassignedOn} >= ${t.assignedOn}`),
  ],
);
