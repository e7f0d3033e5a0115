import type { AssignableCase, CaseWorkerAssignment, LocalDate } from "@ankkuri/domain";
import { and, eq, isNull, sql, type SQL } from "drizzle-orm";
import type { Executor } from "../client.js";
import { queryRows } from "../query-rows.js";
import { caseWorkers } from "../schema/case-workers.js";
import { cases, meetingParticipants, meetingRecords, meetings } from "../schema/tables.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A case as an assignment to it is checked (`caseWorkerRefusals`), with its client for the audit entry. */
export interface AssignableCaseRow extends AssignableCase {
  clientId: string;
}

/** One case of the team with what assigning a worker is decided on; null when the team has no such case. */
export async function assignableCase(db: Executor, teamId: string, caseId: string): Promise<AssignableCaseRow | null> {
  if (!uuidPattern.test(caseId)) return null;
  const row = await db.query.cases.findFirst({
    where: { teamId, id: caseId },
    columns: { id: true, clientId: true, status: true, referredOn: true },
    with: { memberships: { columns: { organisationId: true, basis: true, validFrom: true, validTo: true } } },
  });
  if (!row) return null;
  return {
    id: row.id,
    clientId: row.clientId,
    status: row.status,
    referredOn: row.referredOn,
    memberships: row.memberships.map((m) => ({
      organisationId: m.organisationId,
      basis: m.basis,
      from: m.validFrom,
      to: m.validTo,
    })),
  };
}

/** Every assignment of a case, ended ones included, oldest first. */
export async function caseWorkersOf(db: Executor, teamId: string, caseId: string): Promise<CaseWorkerAssignment[]> {
  const rows = await db
    .select({
      id: caseWorkers.id,
      caseId: caseWorkers.caseId,
      staffId: caseWorkers.staffId,
      role: caseWorkers.role,
      assignedOn: caseWorkers.assignedOn,
      unassignedOn: caseWorkers.unassignedOn,
    })
    .from(caseWorkers)
    .where(and(eq(caseWorkers.teamId, teamId), eq(caseWorkers.caseId, caseId)))
    .orderBy(caseWorkers.assignedOn, caseWorkers.createdAt, caseWorkers.id);
  return rows;
}

/** Writes a new assignment (in the caller's transaction). */
export async function insertCaseWorker(
  tx: Executor,
  teamId: string,
  assignment: Omit<CaseWorkerAssignment, "unassignedOn">,
  assignedBy: string,
): Promise<void> {
  await tx.insert(caseWorkers).values({ teamId, ...assignment, assignedBy });
}

/** Ends an assignment in force, keeping it; false when it had been ended already. */
export async function endCaseWorker(
  tx: Executor,
  teamId: string,
  id: string,
  on: LocalDate,
  by: string,
): Promise<boolean> {
  const ended = await tx
    .update(caseWorkers)
    .set({ unassignedOn: on, unassignedBy: by, updatedAt: new Date() })
    .where(and(eq(caseWorkers.teamId, teamId), eq(caseWorkers.id, id), isNull(caseWorkers.unassignedOn)))
    .returning({ id: caseWorkers.id });
  return ended.length > 0;
}

/**
 * Cases with an assignment of the staff member in force on the day (`caseWorkerInForce`), as an SQL
 * condition on a case row, with the staff id and the day as given: values or placeholders (the case
 * list's prepared statement).
 */
export function assignedToSql(table: { teamId: unknown; id: unknown }, staffId: SQL, day: SQL): SQL {
  return sql`exists (select 1 from ${caseWorkers} w where w.team_id = ${table.teamId} and w.case_id = ${table.id}
    and w.staff_id = ${staffId} and w.assigned_on <= ${day} and (w.unassigned_on is null or w.unassigned_on > ${day}))`;
}

/** One worker's caseload on a day. */
export interface CaseloadCounts {
  staffId: string;
  /** Open cases (referred, not declined, not closed by the day) the worker is assigned to that day. */
  activeCases: number;
  /** Planned meetings with a seat of the worker on the days `on` … `meetingsUntil`. */
  upcomingMeetings: number;
  /** Held meetings with a seat of the worker, unrecorded after the grace (`CASE.MEETING_UNRECORDED`). */
  overdueRecords: number;
}

/**
 * Every worker's caseload in a team on `on`, in one statement: the cases they are assigned to, the
 * planned meetings they sit in until `meetingsUntil`, and the held meetings they sat in that are still
 * unrecorded although held before `heldBefore` (the recording grace, `checkCase`'s rule). Workers
 * without any of these are absent.
 */
export async function caseloadCounts(
  db: Executor,
  teamId: string,
  window: { on: LocalDate; meetingsUntil: LocalDate; heldBefore: LocalDate },
): Promise<CaseloadCounts[]> {
  const { on, meetingsUntil, heldBefore } = window;
  const rows = await queryRows<{ staff_id: string; active: number; ahead: number; overdue: number }>(
    db,
    sql`select staff_id, sum(active)::int as active, sum(ahead)::int as ahead, sum(overdue)::int as overdue from (
      select w.staff_id, count(distinct w.case_id) as active, 0 as ahead, 0 as overdue
        from ${caseWorkers} w
        join ${cases} c on c.team_id = w.team_id and c.id = w.case_id
       where w.team_id = ${teamId} and w.assigned_on <= ${on} and (w.unassigned_on is null or w.unassigned_on > ${on})
         and c.referred_on <= ${on} and c.status <> 'declined' and (c.closed_on is null or c.closed_on > ${on})
       group by w.staff_id
      union all
      select p.staff_id, 0,
             count(distinct m.id) filter (where m.status = 'planned'),
             count(distinct m.id) filter (where m.status = 'held')
        from ${meetingParticipants} p
        join ${meetings} m on m.team_id = p.team_id and m.id = p.meeting_id
        left join ${meetingRecords} r on r.team_id = m.team_id and r.meeting_id = m.id
       where p.team_id = ${teamId} and p.staff_id is not null
         and ((m.status = 'planned' and m.planned_on between ${on} and ${meetingsUntil})
           or (m.status = 'held' and r.meeting_id is null and m.held_on < ${heldBefore}))
       group by p.staff_id
    ) counted group by staff_id order by staff_id`,
  );
  return rows.map((r) => ({
    staffId: r.staff_id,
    activeCases: r.active,
    upcomingMeetings: r.ahead,
    overdueRecords: r.overdue,
  }));
}
