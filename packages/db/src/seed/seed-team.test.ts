import { helsinkiAnkkuri } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Database } from "../client.js";
import { queryRows } from "../query-rows.js";
import { loadTeamDataset } from "../repositories/team-dataset.js";
import { seededTestDatabase, testEngines } from "../testing/index.js";
import { seedTeam } from "./seed-team.js";

const counts = (database: { db: Database }) =>
  queryRows<{ name: string; n: number }>(
    database.db,
    sql`select 'organisations' as name, count(*)::int as n from organisations
        union all select 'staff', count(*)::int from staff
        union all select 'assignments', count(*)::int from assignments
        union all select 'bodies', count(*)::int from cooperation_bodies
        union all select 'seats', count(*)::int from seats
        union all select 'users', count(*)::int from users
        union all select 'role_assignments', count(*)::int from role_assignments
        order by 1`,
  );

describe.each(testEngines)("seeding the Helsinki dataset on %s", (engine) => {
  const database = seededTestDatabase(engine);

  it("stores every record of the dataset", async () => {
    const n = Object.fromEntries((await counts(database)).map((r) => [r.name, r.n]));
    expect(n).toEqual({
      assignments: helsinkiAnkkuri.assignments.length,
      bodies: helsinkiAnkkuri.bodies.length,
      organisations: helsinkiAnkkuri.organisations.length,
      seats: helsinkiAnkkuri.bodies.reduce((sum, b) => sum + b.seats.length, 0),
      staff: helsinkiAnkkuri.staff.length,
      users: helsinkiAnkkuri.users.length,
      role_assignments: helsinkiAnkkuri.roleAssignments.length,
    });
  });

  it("is idempotent: a second run changes nothing", async () => {
    const before = await counts(database);
    await seedTeam(database.db, helsinkiAnkkuri);
    expect(await counts(database)).toEqual(before);
  });

  it("reads back exactly the dataset the domain library defines", async () => {
    const loaded = await loadTeamDataset(database.db, helsinkiAnkkuri.team.id);
    const sortById = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
    expect(loaded).not.toBeNull();
    if (!loaded) return;
    expect(loaded.team).toEqual(helsinkiAnkkuri.team);
    // Timestamps come back in UTC: the same instants, written differently.
    const instants = (a: typeof loaded.agreement) => ({
      ...a,
      signatures: a.signatures.map((s) => ({ ...s, signedAt: new Date(s.signedAt).getTime() })),
    });
    expect(instants(loaded.agreement)).toEqual(instants(helsinkiAnkkuri.agreement));
    expect(sortById(loaded.organisations)).toEqual(sortById(helsinkiAnkkuri.organisations));
    expect(sortById(loaded.staff)).toEqual(sortById(helsinkiAnkkuri.staff));
    expect(sortById(loaded.assignments)).toEqual(sortById(helsinkiAnkkuri.assignments));
    expect(sortById(loaded.clearances)).toEqual(sortById(helsinkiAnkkuri.clearances));
    expect(sortById(loaded.premisesAccess)).toEqual(sortById(helsinkiAnkkuri.premisesAccess));
    expect(sortById(loaded.bodies)).toEqual(sortById(helsinkiAnkkuri.bodies));
  });

  it("gives Helsinki, officially bilingual, scheduled reports in Finnish and Swedish", async () => {
    const rows = await queryRows<{ report_languages: string[] }>(
      database.db,
      sql`select report_languages from teams where id = ${helsinkiAnkkuri.team.id}`,
    );
    expect(rows).toEqual([{ report_languages: ["fi", "sv"] }]);
  });

  it("returns null for a team that does not exist", async () => {
    expect(await loadTeamDataset(database.db, "team-nowhere")).toBeNull();
  });
});
