import {
  createIdentityVault,
  type Database,
  generateKeySettings,
  parseKeyMaterial,
  sql,
  synthesize,
} from "@ankkuri/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@ankkuri/db/testing";
import { helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveScope } from "../compute-report.js";
import { fixtureTeamId, loadReportFixture } from "../testing/report-dataset.js";
import type { ReportRequest } from "../report-request.js";
import { caseRuleContext, caseRuleSeverities, countCaseRuleViolations } from "./case-rule-counts.js";
import { countCaseViolations, type ViolationCounts } from "./open-violations.js";

// The statement restates `checkCase` in SQL; the domain library stays the definition. These tests
// hold the two to the same counts, code by code, on data that breaks every rule.

const plain = (counts: ViolationCounts) =>
  Object.fromEntries(
    [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([code, v]) => [code, `${String(v.count)} ${v.severity}`]),
  );

async function bothWays(db: Database, request: ReportRequest) {
  const { dataset, scope } = await resolveScope(db, request);
  const fromDomain = await countCaseViolations(db, scope, dataset, { batchSize: 97 });
  const fromSql = await countCaseRuleViolations(db, scope, caseRuleContext(dataset, scope.period.to));
  return { fromDomain: plain(fromDomain), fromSql: plain(fromSql) };
}

/**
 * Breaks the synthetic cases in every way the rules look for, with the checks, foreign keys,
 * triggers and the one-open-case index that would refuse it out of the way: only a throwaway test database is ever changed so.
 * `setseed` makes the same rows break on every run of one engine.
 */
async function corrupt(db: Database): Promise<void> {
  await db.execute(sql`do $$ declare r record; begin
    for r in select conrelid::regclass as t, conname from pg_constraint where contype = 'c' and connamespace = 'public'::regnamespace loop
      execute format('alter table %s drop constraint %I', r.t, r.conname);
    end loop; end $$`);
  // A random status may open a second case of a returning client: the index that refuses it goes too.
  await db.execute(sql`drop index cases_one_open_case_per_client`);
  await db.transaction(async (tx) => {
    const run = (statement: ReturnType<typeof sql>) => tx.execute(statement);
    await run(sql`set local session_replication_role = replica`);
    await run(sql`select setseed(0.25)`);
    const orgs = sql`(array(select id from organisations order by id))`;
    const pick = (array: ReturnType<typeof sql>) => sql`(${array})[1 + floor(random() * cardinality(${array}))::int]`;
    // Cases: statuses that do not fit their dates, dates out of order, police referrals without a notification.
    await run(
      sql`update cases set status = ${pick(sql`array['referred', 'in-selection', 'admitted', 'declined', 'active', 'closed']`)} where random() < 0.06`,
    );
    await run(sql`update cases set decided_on = referred_on - 3 where decided_on is not null and random() < 0.04`);
    await run(sql`update cases set close_reason = null where close_reason is not null and random() < 0.1`);
    await run(
      sql`update cases set referral_source = 'police', child_welfare_notified_on = null, child_welfare_notified_by_id = null where random() < 0.1`,
    );
    // Selection: a missing profession, a dissenting vote.
    await run(sql`delete from selection_decisions where random() < 0.04`);
    await run(sql`update selection_decisions set decision = 'decline' where random() < 0.04`);
    // Guardians without custody; consents withdrawn before given, given late, or by another case's guardian.
    await run(sql`update guardians set has_custody = false where random() < 0.2`);
    await run(sql`update consents set withdrawn_on = given_on - 1 where random() < 0.05`);
    await run(sql`update consents set given_on = given_on + 120 where random() < 0.15`);
    await run(sql`delete from consents where random() < 0.1`);
    await run(
      sql`update consents k set guardian_id = (select g.id from guardians g where g.team_id = k.team_id and g.case_id <> k.case_id order by g.id limit 1) where k.giver_kind = 'guardian' and random() < 0.05`,
    );
    // Client relationships: no responsible worker named, one named since long ago, or ended (before,
    // between or after the meetings).
    await run(
      sql`update existing_clientships set responsible_worker_name = null, responsible_worker_organisation_id = null where random() < 0.2`,
    );
    await run(
      sql`update existing_clientships set since = case when random() < 0.5 then null else since - 300 end where random() < 0.4`,
    );
    await run(
      sql`update existing_clientships set ended_on = coalesce(recorded_on, since, '2025-01-01') + floor(random() * 400)::int where random() < 0.4`,
    );
    // Meetings: statuses without their dates, plans before the admission, nobody informed.
    await run(
      sql`update meetings set status = ${pick(sql`array['planned', 'held', 'cancelled']`)} where random() < 0.05`,
    );
    await run(sql`update meetings set held_on = null where held_on is not null and random() < 0.03`);
    await run(sql`update meetings set planned_on = planned_on - 900 where random() < 0.03`);
    await run(sql`update meetings set responsible_worker_informed_on = null where random() < 0.5`);
    // Compositions: absences, missing professions, organisations outside the core team (sub-units and
    // parents, so consent scopes are tested against the tree), responsible workers.
    await run(sql`update meeting_participants set attended = not attended where random() < 0.1`);
    await run(sql`update meeting_participants set profession = null where random() < 0.15`);
    await run(
      sql`update meeting_participants set organisation_id = ${pick(orgs)} where organisation_id is not null and random() < 0.08`,
    );
    await run(
      sql`update meeting_participants set role = 'responsible-worker' where role in ('invited', 'core') and random() < 0.1`,
    );
    // Records: missing, half made, before the meeting, or of a meeting not held.
    await run(sql`delete from meeting_records where random() < 0.1`);
    await run(sql`update meeting_records set in_statistics = false where random() < 0.1`);
    await run(sql`update meeting_records set recorded_on = recorded_on - 400 where random() < 0.03`);
    // Half-made records, some completed later by an amending entry, some of those twice.
    await run(sql`insert into meeting_record_amendments (team_id, meeting_id, id, recorded_on, recorded_by, in_client_record, in_statistics)
      select team_id, meeting_id, gen_random_uuid(), recorded_on, 'x', random() < 0.5, true from meeting_records
      where not (in_client_record and in_statistics) and random() < 0.5`);
    await run(sql`insert into meeting_record_amendments (team_id, meeting_id, id, recorded_on, recorded_by, in_client_record, in_statistics)
      select team_id, meeting_id, gen_random_uuid(), recorded_on, 'x', true, false from meeting_record_amendments where random() < 0.3`);
    await run(sql`insert into meeting_records (team_id, meeting_id, recorded_on, recorded_by, in_client_record, in_statistics)
      select team_id, id, planned_on, 'x', true, true from meetings where status <> 'held' and random() < 0.1 on conflict do nothing`);
  });
}

describe.each(testEngines)("case rule counts on %s", (engine) => {
  describe("the report fixture", () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
      await loadReportFixture(database.db, parseKeyMaterial(generateKeySettings()));
    });
    afterAll(async () => {
      await database.dispose();
    });

    it("counts what checkCase finds, team-wide and for a party", async () => {
      const request = (type: "annual" | "party", scope: string | null): ReportRequest => ({
        teamId: fixtureTeamId,
        type,
        period: { from: "2025-05-01", to: "2026-04-30" },
        scope,
        requestedBy: "kari.nurmi",
      });
      const team = await bothWays(database.db, request("annual", null));
      expect(team.fromSql).toEqual(team.fromDomain);
      // The counts compute-report.test.ts derives by hand from the fixture.
      expect(Object.keys(team.fromSql)).toEqual([
        "CASE.CHILD_WELFARE_NOTIFICATION_MISSING",
        "CASE.COMPOSITION_SINGLE_PROFESSION",
        "CASE.MEETING_UNRECORDED",
        "CASE.PLANNED_MEETING_OVERDUE",
        "CASE.RECORD_INCOMPLETE",
      ]);
      const party = await bothWays(database.db, request("party", org.kuva));
      expect(party.fromSql).toEqual(party.fromDomain);
    });
  });

  describe("synthetic cases that break every rule", () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase(engine);
      const keys = parseKeyMaterial(generateKeySettings());
      await synthesize(database.db, createIdentityVault(keys), {
        scale: 400,
        teams: 1,
        seed: 11,
        today: "2026-06-30",
        batchSize: 200,
      });
      await corrupt(database.db);
    }, 120_000);
    afterAll(async () => {
      await database.dispose();
    });

    it("finds every code of caseRuleSeverities, each as often as checkCase", async () => {
      const { fromDomain, fromSql } = await bothWays(database.db, {
        teamId: "team-helsinki",
        type: "annual",
        period: { from: "2025-05-01", to: "2026-04-30" },
        scope: null,
        requestedBy: "kari.nurmi",
      });
      expect(fromSql).toEqual(fromDomain);
      // Otherwise a rule the corruption never reaches would pass unchecked.
      expect(Object.keys(fromSql).sort()).toEqual(Object.keys(caseRuleSeverities).sort());
    });

    it("agrees on an earlier day and for one party's cases", async () => {
      for (const request of [
        { type: "monthly", period: { from: "2025-01-01", to: "2025-01-31" }, scope: null },
        { type: "party", period: { from: "2025-05-01", to: "2026-04-30" }, scope: org.police },
      ] as const) {
        const { fromDomain, fromSql } = await bothWays(database.db, {
          teamId: "team-helsinki",
          ...request,
          requestedBy: "kari.nurmi",
        });
        expect(fromSql).toEqual(fromDomain);
      }
    });
  });
});
