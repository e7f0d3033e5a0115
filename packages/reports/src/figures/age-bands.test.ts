import { queryRows, sql } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase, testEngines } from "@ankkuri/db/testing";
import { addDays, ageBand } from "@ankkuri/domain";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ageAtReferral, ageBandSql } from "./age-bands.js";

// The report computes ages in SQL; the rule is the domain's. They must agree on every pair of days,
// 29 February birthdays included.
describe.each(testEngines)("age bands in SQL on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("agrees with the domain's ageBand", async () => {
    const day = fc.integer({ min: 0, max: 365 * 40 }).map((n) => addDays("1988-01-01", n));
    const pairs = fc
      .sample(fc.tuple(day, day), { numRuns: 400, seed: 11 })
      .map(([a, b]): [string, string] => (a <= b ? [a, b] : [b, a]));
    pairs.push(
      ["2008-02-29", "2025-02-28"],
      ["2008-02-29", "2025-03-01"],
      ["2008-02-29", "2024-02-29"],
      ["2011-04-05", "2026-04-04"],
      ["2011-04-05", "2026-04-05"],
    );
    const births = sql.join(
      pairs.map(([b]) => sql`${b}::date`),
      sql`, `,
    );
    const referrals = sql.join(
      pairs.map(([, r]) => sql`${r}::date`),
      sql`, `,
    );
    const rows = await queryRows<{ i: number; band: string }>(
      database.db,
      sql`select c.i::int as i, ${ageBandSql(ageAtReferral)}::text as band
        from unnest(array[${referrals}]) with ordinality as c(referred_on, i)
        join unnest(array[${births}]) with ordinality as cl(birth_date, i) using (i) order by 1`,
    );
    expect(rows.map((r) => r.band)).toEqual(pairs.map(([birth, on]) => ageBand(birth, on).code));
  });
});
