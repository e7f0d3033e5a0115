import { helsinkiAnkkuri, helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Executor } from "../client.js";
import { referTestCase, seededTestDatabase, testEngines } from "../testing/index.js";
import { countVisibleCases } from "./case-count.js";

const teamId = helsinkiAnkkuri.team.id;
/** A domestic-violence case referred by `by`. */
const refer = (db: Executor, by: string) => referTestCase(db, "domestic-violence", by);
const day = "2025-06-01";

describe.each(testEngines)("the capped case count on %s", (engine) => {
  const database = seededTestDatabase(engine);

  it("is exact up to the cap, and says when it stopped there", async () => {
    const db = database.db;
    const scope = { teamId, organisations: [org.youthServices], day };
    const before = await countVisibleCases(db, scope, null, 1_000);
    for (let i = 0; i < 4; i++) await refer(db, org.youthServices);
    const exact = await countVisibleCases(db, scope, null, 1_000);
    expect(exact).toEqual({ count: before.count + 4, capped: false });
    expect(await countVisibleCases(db, scope, null, exact.count)).toEqual({ count: exact.count, capped: false });
    expect(await countVisibleCases(db, scope, null, exact.count - 1)).toEqual({
      count: exact.count - 1,
      capped: true,
    });
    expect(await countVisibleCases(db, scope, (c) => sql`${c.type} = 'domestic-violence'`, 2)).toEqual({
      count: 2,
      capped: true,
    });
    expect(await countVisibleCases(db, scope, () => sql`false`, 2)).toEqual({ count: 0, capped: false });
    // A status filter reads the memberships' copy of the status: the same count as the case's own.
    for (const statuses of [["referred"], ["closed"], ["closed", "referred"]]) {
      const onCase = await countVisibleCases(db, scope, (c) => sql`${c.status} in ${statuses}`, 1_000);
      expect(await countVisibleCases(db, scope, null, 1_000, statuses), statuses.join()).toEqual(onCase);
      if (statuses.includes("referred")) expect(onCase.count).toBeGreaterThanOrEqual(4);
    }
  });

  it("counts only what the scope may see: nothing for another team, a day before the case, or no organisation", async () => {
    const db = database.db;
    await refer(db, org.youthServices);
    const scope = { teamId, organisations: [org.youthServices], day };
    expect((await countVisibleCases(db, scope, null, 1_000)).count).toBeGreaterThan(0);
    expect(await countVisibleCases(db, { ...scope, teamId: "another-team" }, null, 1_000)).toEqual({
      count: 0,
      capped: false,
    });
    expect(await countVisibleCases(db, { ...scope, day: "2025-02-28" }, null, 1_000)).toEqual({
      count: 0,
      capped: false,
    });
    expect(await countVisibleCases(db, { ...scope, organisations: [] }, null, 1_000)).toEqual({
      count: 0,
      capped: false,
    });
  });
});
