import { testEngines } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";
import { clock, login, org } from "./steps.js";

// The chair calendar and the FTE dashboard are served again from the answer computed on the same
// team dataset (src/plugins/use-derived-answers.ts): a repeated question costs only the dataset
// version's read, and a committed change is seen by the next request.

const steering = "body-hel-ankkuri-steering";
const calendar = `{ chairCalendar(bodyId: "${steering}", from: "2026-05-01", years: 3) { from chair { id name } overrideReference } }`;

type Json = Record<string, unknown>;

describe.each(testEngines)("derived answers on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
  });
  afterAll(async () => {
    await h.close();
  });

  async function ask(
    who: string,
    query: string,
    headers?: Record<string, string>,
  ): Promise<{ data: Json; statements: string[] }> {
    h.resetQueries();
    const { body } = await h.gql(who, query, undefined, headers);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return { data: body.data as Json, statements: [...h.queries] };
  }

  it("answers a repeated chair calendar with the version read alone, and sees a committed change", async () => {
    await ask(login.steering, calendar);
    const again = await ask(login.steering, calendar);
    expect(again.statements).toHaveLength(1);
    expect(again.statements[0]).toMatch(/dataset_version/);
    const chairs = (answer: { data: Json }) =>
      (answer.data.chairCalendar as { chair: { id: string } }[]).map((t) => t.chair.id);
    expect(chairs(again)).toEqual([org.kuva, org.police, org.sotepe]);
    const swedish = await ask(login.steering, calendar, { "accept-language": "sv" });
    expect((swedish.data.chairCalendar as { chair: { name: string } }[])[1]?.chair.name).not.toBe(
      (again.data.chairCalendar as { chair: { name: string } }[])[1]?.chair.name,
    );

    const { body } = await h.gql(
      login.admin,
      `mutation { overrideChairTerm(bodyId: "${steering}", termStart: "2027-05-01", partyId: "${org.sotepe}", decidedOn: "2027-01-15", reference: "Johtoryhmän päätös (kuvitteellinen)") { __typename } }`,
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const after = await ask(login.steering, calendar);
    expect(chairs(after)).toEqual([org.kuva, org.sotepe, org.police]);
    // The new dataset was loaded by the mutation itself (its payload is read after the commit) or by
    // this request; either way the answer kept for the old one was not served. The version is read
    // among this request's statements: the tail of the mutation's dataset reload (its organisations)
    // may still reach the shared query log first.
    expect(
      after.statements.some((statement) => statement.includes("dataset_version")),
      after.statements.join("\n"),
    ).toBe(true);
  });

  it("answers each reader as themselves: the same figures for two readers, FORBIDDEN for the auditor", async () => {
    const fte = `{ fteReport(period: { from: "2026-01-01", to: "2026-06-30" }) { units { organisation { id } target realised } } }`;
    const first = await ask(login.leadership, fte);
    const repeated = await ask(login.leadership, fte);
    expect(repeated.data).toEqual(first.data);
    expect(repeated.statements).toHaveLength(1);
    const other = await ask(login.steering, fte);
    expect(other.data).toEqual(first.data);
    // The auditor may not read aggregates: the answer kept for others is not theirs.
    for (let i = 0; i < 2; i++) {
      const { body } = await h.gql(login.auditor, fte);
      expect(body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(body.data?.fteReport ?? null).toBeNull();
    }
  });
});
