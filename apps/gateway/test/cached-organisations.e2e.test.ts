import { testEngines } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";
import { admit, clock, consentAll, firstGuardianId, login, org, planCoreMeeting, refer } from "./steps.js";

// The chair calendar and the FTE dashboard return organisations the domain computed, by id, and the
// parts of a case name theirs by id. Their rows come from the team cache: selecting their columns
// costs no statement, and a selection that reaches into relations loads them with one statement for
// every row of the field.

const calendar = (selection: string) =>
  `{ chairCalendar(bodyId: "body-hel-ankkuri-steering", from: "2024-05-01", years: 3) { from ${selection} } }`;
const fte = (selection: string) =>
  `{ fteReport(period: { from: "2026-01-01", to: "2026-06-30" }) { units { profession ${selection} } } }`;
const columns = "id name shortName kind sector ownBusinessId address { postalCode }";
const withRelations = `id name parent { id name } children { id name }`;

type Json = Record<string, unknown>;

describe.each(testEngines)("organisations of computed fields on %s", (engine) => {
  let h: Harness;

  /** The answer's data and the statements it cost (the team cache already warm). */
  async function run(query: string): Promise<{ data: Json; statements: number }> {
    await h.gql(login.leadership, query);
    h.resetQueries();
    const { body } = await h.gql(login.leadership, query);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return { data: body.data as Json, statements: h.queries.length };
  }

  /** The same organisations asked for by id: what the computed fields must answer. */
  async function byId(ids: string[], selection: string): Promise<Json[]> {
    const answers = await Promise.all(
      ids.map((id) => h.gql(login.leadership, `{ organisation(id: "${id}") { ${selection} } }`)),
    );
    return answers.map(({ body }) => (body.data as { organisation: Json }).organisation);
  }

  beforeAll(async () => {
    // Repeated questions here must run again: the answers of derived operations are not kept.
    h = await startHarness(engine, { gateway: { clock }, env: { DERIVED_ANSWER_CACHE: "off" } });
  });
  afterAll(async () => {
    await h.close();
  });

  it("serves a chair's columns without a statement of its own", async () => {
    const bare = await run(calendar(""));
    const chairs = await run(calendar(`chair { ${columns} }`));
    const terms = (chairs.data.chairCalendar as { chair: Json }[]).map((t) => t.chair);
    expect(terms.map((c) => c.id)).toEqual(["org-hpl", "org-hel-sotepe", "org-hel-kuva"]);
    expect(terms).toEqual(await byId(["org-hpl", "org-hel-sotepe", "org-hel-kuva"], columns));
    expect(chairs.statements).toBe(bare.statements);
  });

  it("loads a chair's relations with one statement for all terms", async () => {
    const bare = await run(calendar(""));
    const chairs = await run(calendar(`chair { ${withRelations} }`));
    const terms = (chairs.data.chairCalendar as { chair: Json }[]).map((t) => t.chair);
    expect(terms).toEqual(await byId(["org-hpl", "org-hel-sotepe", "org-hel-kuva"], withRelations));
    expect(terms.some((c) => (c.children as unknown[]).length > 0)).toBe(true);
    expect(chairs.statements).toBe(bare.statements + 1);
  });

  it("answers the same under a body the planned query loaded, with at most one statement more", async () => {
    const nested = (selection: string) =>
      `{ cooperationBodies(kind: ANKKURI_STEERING_GROUP) { id chairCalendar(from: "2024-05-01", years: 3) { from ${selection} } } }`;
    const bare = await run(nested(""));
    const chairs = await run(nested(`chair { ${columns} }`));
    const terms = (chairs.data.cooperationBodies as { chairCalendar: { chair: Json }[] }[]).flatMap((b) =>
      b.chairCalendar.map((t) => t.chair),
    );
    expect(terms.map((c) => c.id)).toEqual(["org-hpl", "org-hel-sotepe", "org-hel-kuva"]);
    expect(terms).toEqual(await byId(["org-hpl", "org-hel-sotepe", "org-hel-kuva"], columns));
    // The selection is planned once per field path; beneath a planned parent the plugin reloads the
    // chairs of the later terms itself, all of them in one statement.
    expect(chairs.statements).toBeLessThanOrEqual(bare.statements + 1);
  });

  it("plans a selection a variable changes in every request", async () => {
    const query = `query($withParent: Boolean!) { chairCalendar(bodyId: "body-hel-ankkuri-steering", from: "2024-05-01", years: 3) { from chair { id parent @include(if: $withParent) { id name } } } }`;
    const ask = async (withParent: boolean) => {
      h.resetQueries();
      const { body } = await h.gql(login.leadership, query, { withParent });
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      return {
        chairs: (body.data as { chairCalendar: { chair: Json }[] }).chairCalendar.map((t) => t.chair),
        statements: h.queries.length,
      };
    };
    const bare = await run(calendar(""));
    await ask(false);
    const without = await ask(false);
    const withParents = await ask(true);
    const againWithout = await ask(false);
    expect(without.chairs.map((c) => Object.keys(c))).toEqual([["id"], ["id"], ["id"]]);
    expect(withParents.chairs).toEqual(
      await byId(["org-hpl", "org-hel-sotepe", "org-hel-kuva"], "id parent { id name }"),
    );
    expect(without.statements).toBe(bare.statements);
    expect(withParents.statements).toBe(bare.statements + 1);
    expect(againWithout.statements).toBe(bare.statements);
  });

  it("serves the FTE units' organisations likewise", async () => {
    const bare = await run(fte(""));
    const plain = await run(fte(`organisation { ${columns} }`));
    const nested = await run(fte(`organisation { ${withRelations} }`));
    const units = (answer: { data: Json }) =>
      (answer.data.fteReport as { units: { organisation: Json }[] }).units.map((u) => u.organisation);
    const ids = units(plain).map((o) => String(o.id));
    expect(ids.length).toBeGreaterThan(1);
    expect(units(plain)).toEqual(await byId(ids, columns));
    expect(units(nested)).toEqual(await byId(ids, withRelations));
    expect(plain.statements).toBe(bare.statements);
    expect(nested.statements).toBe(bare.statements + 1);
  });

  it("serves the organisations of a case's parts from the team cache", async () => {
    const caseId = await refer(h);
    await admit(h, caseId);
    await consentAll(h, caseId, await firstGuardianId(h, caseId), [org.education]);
    await planCoreMeeting(h, caseId);
    const screen = (selection: string) =>
      `{ case(caseId: "${caseId}") { organisations { since ${selection} } selection { admit ${selection} } consents { consentId ${selection.replace("organisation", "organisations")} } meetings { participants { role ${selection} } } } }`;
    type Part = { organisation?: Json | null; organisations?: Json[] };
    const ask = async (query: string) => {
      await h.gql(login.police, query);
      h.resetQueries();
      const { body } = await h.gql(login.police, query);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      const c = (
        body.data as {
          case: { organisations: Part[]; selection: Part[]; consents: Part[]; meetings: { participants: Part[] }[] };
        }
      ).case;
      const parts = {
        organisations: c.organisations,
        selection: c.selection,
        consents: c.consents,
        participants: c.meetings.flatMap((m) => m.participants),
      };
      const ids = Object.fromEntries(
        Object.entries(parts).map(([k, v]) => [
          k,
          v.flatMap((p) => p.organisations ?? [p.organisation ?? null]).map((o) => (o ? String(o.id) : null)),
        ]),
      );
      const named = Object.values(parts)
        .flatMap((v) => v.flatMap((p) => p.organisations ?? [p.organisation ?? null]))
        .filter((o): o is Json => o !== null);
      return {
        ids,
        named,
        statements: h.queries.length,
        readsOrganisations: h.queries.some((q) => q.includes('from "organisations"')),
      };
    };
    // What the rows name, read directly.
    const stored = await h.database.db.query.cases.findFirst({
      where: { id: caseId },
      with: {
        memberships: true,
        selection: { orderBy: { position: "asc", staffId: "asc" } },
        consents: { orderBy: { position: "asc", id: "asc" }, with: { scopes: { orderBy: { position: "asc" } } } },
        meetings: {
          orderBy: { position: "asc", id: "asc" },
          with: { participants: { orderBy: { position: "asc", id: "asc" } } },
        },
      },
    });
    if (!stored) throw new Error("case missing");
    const bare = await ask(screen(""));
    const plain = await ask(screen(`organisation { ${columns} }`));
    const nested = await ask(screen(`organisation { ${withRelations} }`));
    expect({ ...plain.ids, organisations: [...(plain.ids.organisations ?? [])].sort() }).toEqual({
      organisations: stored.memberships.map((o) => o.organisationId).sort(),
      selection: stored.selection.map((d) => d.organisationId),
      consents: stored.consents.flatMap((k) => k.scopes.map((x) => x.organisationId)),
      participants: stored.meetings.flatMap((m) => m.participants.map((p) => p.organisationId)),
    });
    expect(plain.ids.consents).toEqual([org.education, org.education]);
    expect(plain.ids.participants).toContain(null);
    expect(plain.named).toEqual(
      await byId(
        plain.named.map((o) => String(o.id)),
        columns,
      ),
    );
    expect(nested.named).toEqual(
      await byId(
        plain.named.map((o) => String(o.id)),
        withRelations,
      ),
    );
    expect(plain.statements).toBe(bare.statements);
    expect(plain.readsOrganisations).toBe(false);
    // Relations beneath cost statements per field, not per row: the field's rows in one, and the
    // drizzle plugin reloads the parents those rows carry in one more.
    expect(nested.statements).toBeLessThanOrEqual(bare.statements + 2 * 4);
  });
});
