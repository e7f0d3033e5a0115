import { checkCase, coreOrganisationIds, helsinkiAnkkuri, helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { describe, expect, it } from "vitest";
import type { Executor } from "../client.js";
import { constraintViolation } from "../errors.js";
import { caseWorkers, cases, meetingParticipants, meetingRecords, meetings } from "../schema/tables.js";
import { referTestCase, seededTestDatabase, testEngines } from "../testing/index.js";
import { and, eq, sql } from "drizzle-orm";
import { loadCases, newId } from "./case-repository.js";
import {
  assignableCase,
  assignedToSql,
  caseloadCounts,
  caseWorkersOf,
  endCaseWorker,
  insertCaseWorker,
} from "./case-worker-repository.js";

const teamId = helsinkiAnkkuri.team.id;
/** A youth-crime case the police referred. */
const refer = (db: Executor) => referTestCase(db, "youth-crime", org.policePrevention);
const officer = "st-hpl-jarvinen";
const socialWorker = "st-sotepe-mattila";

const refusal = (attempt: () => Promise<unknown>) =>
  attempt().then(
    () => null,
    (error: unknown) => constraintViolation(error)?.constraint ?? String(error),
  );

describe.each(testEngines)("the case worker repository on %s", (engine) => {
  const database = seededTestDatabase(engine);

  it("writes assignments, reads them back with ended ones, and ends one only once", async () => {
    const caseId = await refer(database.db);
    const lead = { id: newId(), caseId, staffId: officer, role: "lead-worker" as const, assignedOn: "2025-03-02" };
    const pair = { id: newId(), caseId, staffId: socialWorker, role: "pair-worker" as const, assignedOn: "2025-03-03" };
    await insertCaseWorker(database.db, teamId, lead, "tuomas.lehtinen");
    await insertCaseWorker(database.db, teamId, pair, "tuomas.lehtinen");
    expect(await endCaseWorker(database.db, teamId, lead.id, "2025-03-10", "tuomas.lehtinen")).toBe(true);
    expect(await endCaseWorker(database.db, teamId, lead.id, "2025-03-11", "tuomas.lehtinen")).toBe(false);
    expect(await caseWorkersOf(database.db, teamId, caseId)).toEqual([
      { ...lead, unassignedOn: "2025-03-10" },
      { ...pair, unassignedOn: null },
    ]);
    expect(await caseWorkersOf(database.db, "team-other", caseId)).toEqual([]);
    const found = await assignableCase(database.db, teamId, caseId);
    expect(found).toMatchObject({ id: caseId, status: "referred", referredOn: "2025-03-01" });
    expect(found?.memberships.map((m) => m.organisationId)).toContain(org.policePrevention);
    expect(await assignableCase(database.db, teamId, newId())).toBeNull();
    expect(await assignableCase(database.db, teamId, "nonsense")).toBeNull();
    expect(await assignableCase(database.db, "team-other", caseId)).toBeNull();
  });

  it("never holds two open lead workers of a case, nor one person twice, whatever writes", async () => {
    const caseId = await refer(database.db);
    const row = (staffId: string, role: "lead-worker" | "pair-worker") => ({
      teamId,
      id: newId(),
      caseId,
      staffId,
      role,
      assignedOn: "2025-03-02",
      assignedBy: "x",
    });
    await database.db.insert(caseWorkers).values(row(officer, "lead-worker"));
    expect(await refusal(() => database.db.insert(caseWorkers).values(row(socialWorker, "lead-worker")))).toBe(
      "case_workers_one_open_lead",
    );
    expect(await refusal(() => database.db.insert(caseWorkers).values(row(officer, "pair-worker")))).toBe(
      "case_workers_one_open_per_person",
    );
    // An ended lead leaves room for the next one, and stays.
    await database.db
      .update(caseWorkers)
      .set({ unassignedOn: "2025-03-05", unassignedBy: "x" })
      .where(and(eq(caseWorkers.caseId, caseId), eq(caseWorkers.staffId, officer)));
    await database.db.insert(caseWorkers).values(row(socialWorker, "lead-worker"));
    expect((await caseWorkersOf(database.db, teamId, caseId)).length).toBe(2);
  });

  it("refuses an unknown role, an end before the start or without who ended it, and staff or cases of no team", async () => {
    const caseId = await refer(database.db);
    const base = {
      teamId,
      caseId,
      staffId: officer,
      role: "pair-worker" as const,
      assignedOn: "2025-03-02",
      assignedBy: "x",
    };
    const attempts = [
      () => database.db.insert(caseWorkers).values({ ...base, id: newId(), role: "boss" as "lead-worker" }),
      () =>
        database.db.insert(caseWorkers).values({ ...base, id: newId(), unassignedOn: "2025-03-01", unassignedBy: "x" }),
      () => database.db.insert(caseWorkers).values({ ...base, id: newId(), unassignedOn: "2025-03-04" }),
      () => database.db.insert(caseWorkers).values({ ...base, id: newId(), staffId: "st-nobody" }),
      () => database.db.insert(caseWorkers).values({ ...base, id: newId(), caseId: newId() }),
    ];
    const refused = await Promise.all(attempts.map(async (a) => refusal(a)));
    expect(refused).toEqual([
      "case_workers_role_check",
      "case_workers_dates_check",
      "case_workers_unassigned_check",
      expect.stringContaining("staff"),
      expect.stringContaining("cases"),
    ]);
  });

  it("counts each worker's cases, meetings ahead and overdue records in one statement, and filters the list", async () => {
    // People of their own: the database is shared by this file's tests.
    const officer = "st-hpl-koskinen";
    const socialWorker = "st-sotepe-saarinen";
    const [a, b, closed] = [await refer(database.db), await refer(database.db), await refer(database.db)];
    await database.db
      .update(cases)
      .set({
        status: "closed",
        selectionStartedOn: "2025-03-02",
        decidedOn: "2025-03-02",
        activatedOn: "2025-03-03",
        closedOn: "2025-03-14",
        closeReason: "goals-met",
      })
      .where(eq(cases.id, closed));
    const assign = (caseId: string, staffId: string, role: "lead-worker" | "pair-worker", unassignedOn?: string) =>
      database.db.insert(caseWorkers).values({
        teamId,
        id: newId(),
        caseId,
        staffId,
        role,
        assignedOn: "2025-03-02",
        assignedBy: "x",
        ...(unassignedOn ? { unassignedOn, unassignedBy: "x" } : {}),
      });
    await assign(a, officer, "lead-worker");
    await assign(b, officer, "pair-worker");
    await assign(closed, officer, "lead-worker");
    await assign(b, socialWorker, "lead-worker", "2025-03-10");
    const meeting = async (caseId: string, m: { plannedOn: string; heldOn?: string; recorded?: boolean }) => {
      const id = newId();
      await database.db.insert(meetings).values({
        teamId,
        id,
        caseId,
        plannedOn: m.plannedOn,
        status: m.heldOn ? "held" : "planned",
        heldOn: m.heldOn ?? null,
      });
      for (const [n, staffId] of [officer, socialWorker].entries())
        await database.db.insert(meetingParticipants).values({
          teamId,
          meetingId: id,
          id: `p${String(n + 1)}`,
          role: "core",
          organisationId: n === 0 ? org.policePrevention : org.socialEmergency,
          staffId,
          profession: n === 0 ? "police-officer" : "social-worker",
        });
      if (m.recorded)
        await database.db.insert(meetingRecords).values({
          teamId,
          meetingId: id,
          recordedOn: m.heldOn ?? m.plannedOn,
          recordedBy: "x",
          inClientRecord: true,
          inStatistics: true,
        });
    };
    await meeting(a, { plannedOn: "2025-03-15" }); // the first day of the window
    await meeting(a, { plannedOn: "2025-03-28" }); // its last day
    await meeting(b, { plannedOn: "2025-03-29" }); // beyond it
    await meeting(b, { plannedOn: "2025-03-05", heldOn: "2025-03-07" }); // unrecorded for more than seven days
    await meeting(b, { plannedOn: "2025-03-07", heldOn: "2025-03-08" }); // unrecorded, still within the grace
    await meeting(a, { plannedOn: "2025-03-05", heldOn: "2025-03-05", recorded: true });
    const counts = await caseloadCounts(database.db, teamId, {
      on: "2025-03-15",
      meetingsUntil: "2025-03-28",
      heldBefore: "2025-03-08",
    });
    const mine = (staffId: string) => counts.find((c) => c.staffId === staffId);
    // The closed case no longer counts, the ended assignment neither.
    expect(mine(officer)).toEqual({ staffId: officer, activeCases: 2, upcomingMeetings: 2, overdueRecords: 1 });
    expect(mine(socialWorker)).toEqual({
      staffId: socialWorker,
      activeCases: 0,
      upcomingMeetings: 2,
      overdueRecords: 1,
    });
    // The overdue records are the domain's rule (`checkCase`: CASE.MEETING_UNRECORDED) restated in SQL:
    // both must find the same meetings for each worker.
    const stored = await loadCases(database.db, teamId, [a, b, closed]);
    const unrecorded = stored.flatMap(({ case: c }) =>
      checkCase(c, {
        asOf: "2025-03-15",
        coreOrganisationIds: coreOrganisationIds(helsinkiAnkkuri.agreement, "2025-03-15"),
      })
        .filter((v) => v.code === "CASE.MEETING_UNRECORDED")
        .flatMap((v) => c.meetings.filter((m) => v.ids.includes(m.id))),
    );
    for (const staffId of [officer, socialWorker])
      expect(unrecorded.filter((m) => m.composition.some((p) => p.staffId === staffId)).length).toBe(
        mine(staffId)?.overdueRecords,
      );
    const listed = (staffId: string, day: string) =>
      database.db.$count(
        cases,
        sql`${cases.teamId} = ${teamId} and ${assignedToSql(cases, sql`${staffId}`, sql`${day}`)}`,
      );
    expect(await listed(officer, "2025-03-15")).toBe(3);
    expect(await listed(socialWorker, "2025-03-09")).toBe(1);
    expect(await listed(socialWorker, "2025-03-10")).toBe(0);
  });
});
