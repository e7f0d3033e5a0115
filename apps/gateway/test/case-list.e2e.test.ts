import { schema, sql } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import { CaseListDocument, type CaseFilter } from "@ankkuri/client/operations";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";
import { admit, clock, login, org, planCoreMeeting, refer } from "./steps.js";

// The case list's keyset pages and its capped count: every visible case once, in order, whatever the
// ties; a cursor is a position and never a key to another organisation's cases; each filter's count
// agrees with its rows.

interface Seeded {
  caseId: string;
  referredOn: string;
  birthDate: string;
  type: string;
  status: string;
  youthServicesSees: boolean;
}

const pageQuery = `query Page($first: Int, $after: String, $last: Int, $before: String, $filter: CaseFilter) {
  cases(first: $first, after: $after, last: $last, before: $before, filter: $filter) {
    totalCount
    totalCountIsCapped
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    nodes { caseId referredOn }
  }
}`;

interface Page {
  totalCount: number;
  totalCountIsCapped: boolean;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  nodes: { caseId: string; referredOn: string }[];
}

/** The list's order: newest referral first, then the id (descending) among equal days. */
const listOrder = (a: Seeded, b: Seeded) =>
  a.referredOn === b.referredOn ? (a.caseId < b.caseId ? 1 : -1) : a.referredOn < b.referredOn ? 1 : -1;

describe.each(testEngines)("the case list's pages and counts on %s", (engine) => {
  let h: Harness;
  const seeded: Seeded[] = [];

  async function page(who: string, variables: Record<string, unknown>): Promise<Page> {
    const { body } = await h.gql(who, pageQuery, variables);
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    return (body.data as { cases: Page }).cases;
  }

  /** Every case `who` reaches by following `endCursor` from the first page, `size` at a time. */
  async function forward(who: string, size: number, filter?: CaseFilter): Promise<string[]> {
    const ids: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < 50; i++) {
      const p: Page = await page(who, { first: size, after, filter });
      ids.push(...p.nodes.map((n) => n.caseId));
      if (!p.pageInfo.hasNextPage) return ids;
      after = p.pageInfo.endCursor;
    }
    throw new Error("the pages did not end");
  }

  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
    // Three referred on one day (ties broken by id), two on the next, one earlier; every age band.
    const plan = [
      { referredOn: "2026-10-01", birthDate: "2011-04-05" },
      { referredOn: "2026-10-01", birthDate: "2013-01-01" },
      { referredOn: "2026-10-01", birthDate: "2013-02-02" },
      { referredOn: "2026-10-02", birthDate: "2010-06-01" },
      { referredOn: "2026-10-02", birthDate: "2012-12-01" },
      { referredOn: "2026-09-15", birthDate: "2008-01-01" },
    ];
    for (const p of plan) {
      const caseId = await refer(h, p);
      seeded.push({ caseId, ...p, type: "youth-crime", status: "referred", youthServicesSees: false });
    }
    // One admitted with a core meeting: youth services take part in it, and in no other.
    const admitted = seeded[3];
    const other = seeded[4];
    if (!admitted || !other) throw new Error("plan");
    await admit(h, admitted.caseId);
    await planCoreMeeting(h, admitted.caseId, "2026-12-01");
    admitted.status = "admitted";
    admitted.youthServicesSees = true;
    // Another type, set in the database: a referral of it needs more than this test is about.
    await h.database.db
      .update(schema.cases)
      .set({ type: "multi-professional" })
      .where(sql`${schema.cases.id} = ${other.caseId}`);
    other.type = "multi-professional";
  });
  afterAll(async () => {
    await h.close();
  });

  it("pages forward through every visible case exactly once, in the list's order, ties included", async () => {
    const expected = [...seeded].sort(listOrder).map((s) => s.caseId);
    for (const size of [1, 2, 4]) expect(await forward(login.police, size)).toEqual(expected);
    const first = await page(login.police, { first: 2 });
    expect(first).toMatchObject({ totalCount: seeded.length, totalCountIsCapped: false });
    // A later page starts its index scan at the keyset (a row comparison on the viewer's memberships
    // in the list's order), not at the top of the list.
    h.resetQueries();
    await page(login.police, { first: 2, after: first.pageInfo.endCursor });
    expect(h.queries.some((q) => q.includes(`("lm"."case_referred_on", "lm"."case_id") < (`))).toBe(true);
  });

  it("reads a status filter from the viewer's memberships, and lists nobody else's cases under it", async () => {
    h.resetQueries();
    const several = await page(login.police, { first: 100, filter: { statuses: ["ADMITTED", "REFERRED"] } });
    expect(several.nodes.map((n) => n.caseId)).toEqual([...seeded].sort(listOrder).map((s) => s.caseId));
    // The status is the membership's copy (one scan per status of the status index), and no case is
    // joined to test it.
    const listing = h.queries.filter((q) => q.includes(`"lm"."case_status" = `));
    expect(listing.length).toBeGreaterThan(0);
    expect(listing.some((q) => q.includes(`"cases" as "lc"`))).toBe(false);
    // Youth services take part in the admitted case only: a status filter widens nothing.
    const youth = await page(login.youthWorker, { first: 100, filter: { statuses: ["ADMITTED", "REFERRED"] } });
    expect(youth.nodes.map((n) => n.caseId)).toEqual(seeded.filter((s) => s.youthServicesSees).map((s) => s.caseId));
    expect(youth).toMatchObject({ totalCount: 1, totalCountIsCapped: false });
    expect((await page(login.youthWorker, { first: 100, filter: { statuses: ["REFERRED"] } })).nodes).toEqual([]);
  });

  it("pages backward to the same cases", async () => {
    const expected = [...seeded].sort(listOrder).map((s) => s.caseId);
    const ids: string[] = [];
    let before: string | null = null;
    for (let i = 0; i < 20; i++) {
      const p: Page = await page(login.police, { last: 2, before });
      ids.unshift(...p.nodes.map((n) => n.caseId));
      if (!p.pageInfo.hasPreviousPage) break;
      before = p.pageInfo.startCursor;
    }
    expect(ids).toEqual(expected);
  });

  it("never puts a case the viewer may not see on a page, whatever cursor they bring", async () => {
    const youth = seeded.filter((s) => s.youthServicesSees).map((s) => s.caseId);
    expect(await forward(login.youthWorker, 1)).toEqual(youth);
    // Cursors of the police's pages name cases youth services do not take part in: used by a youth
    // worker, each is only a position in the youth worker's own list.
    const policeOrder = [...seeded].sort(listOrder);
    let after: string | null = null;
    for (const [i, s] of policeOrder.entries()) {
      const police: Page = await page(login.police, { first: 1, after });
      expect(police.nodes[0]?.caseId).toBe(s.caseId);
      after = police.pageInfo.endCursor;
      const theirs = await page(login.youthWorker, { first: 10, after });
      const later = policeOrder.slice(i + 1).filter((x) => x.youthServicesSees);
      expect(theirs.nodes.map((n) => n.caseId)).toEqual(later.map((x) => x.caseId));
      // The count is of the viewer's own cases, never of the list behind the cursor.
      expect(theirs.totalCount).toBe(youth.length);
    }
  });

  it("refuses a cursor it did not write", async () => {
    for (const after of [
      "not-a-cursor",
      Buffer.from("DC:S:x").toString("base64"),
      Buffer.from("x").toString("base64"),
    ]) {
      const { body } = await h.gql(login.police, pageQuery, { first: 2, after });
      expect(body.errors?.length, after).toBeGreaterThan(0);
      expect(body.data?.cases ?? null).toBeNull();
    }
  });

  const today = "2026-11-22";
  const age = (birthDate: string) =>
    Number(today.slice(0, 4)) - Number(birthDate.slice(0, 4)) - (today.slice(5) < birthDate.slice(5) ? 1 : 0);
  const filters: [string, CaseFilter, (s: Seeded) => boolean][] = [
    ["statuses", { statuses: ["ADMITTED"] }, (s) => s.status === "admitted"],
    ["statuses (several)", { statuses: ["REFERRED", "ADMITTED"] }, () => true],
    ["types", { types: ["MULTI_PROFESSIONAL"] }, (s) => s.type === "multi-professional"],
    ["ageBand UNDER_15", { ageBand: "UNDER_15" }, (s) => age(s.birthDate) < 15],
    ["ageBand FROM_15_TO_17", { ageBand: "FROM_15_TO_17" }, (s) => age(s.birthDate) >= 15 && age(s.birthDate) <= 17],
    ["ageBand FROM_18", { ageBand: "FROM_18" }, (s) => age(s.birthDate) >= 18],
    ["organisationId", { organisationId: org.youthServices }, (s) => s.youthServicesSees],
    ["referredFrom", { referredFrom: "2026-10-02" }, (s) => s.referredOn >= "2026-10-02"],
    ["referredTo", { referredTo: "2026-09-30" }, (s) => s.referredOn <= "2026-09-30"],
    [
      "referredFrom and referredTo",
      { referredFrom: "2026-10-01", referredTo: "2026-10-01" },
      (s) => s.referredOn === "2026-10-01",
    ],
    [
      "several at once",
      { statuses: ["REFERRED"], ageBand: "UNDER_15", referredFrom: "2026-10-01" },
      (s) => s.status === "referred" && age(s.birthDate) < 15 && s.referredOn >= "2026-10-01",
    ],
  ];

  it("filters by the band a client's AgeBand.code reads, given back as the AgeBandCode enum", async () => {
    const { body } = await h.gql(
      login.police,
      "{ cases(first: 100) { nodes { caseId client { ageBand { code } } } } }",
    );
    expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    const nodes = (body.data as { cases: { nodes: { caseId: string; client: { ageBand: { code: string } } }[] } }).cases
      .nodes;
    const bands = new Map<string, string[]>();
    for (const n of nodes) bands.set(n.client.ageBand.code, [...(bands.get(n.client.ageBand.code) ?? []), n.caseId]);
    // The seeded clients are in every band, so each round trip below lists someone.
    expect([...bands.keys()].sort()).toEqual(["FROM_15_TO_17", "FROM_18", "UNDER_15"]);
    for (const [code, caseIds] of bands) {
      // An enum literal in the document, as a frontend writes a fixed filter.
      const listed = await h.gql(
        login.police,
        `{ cases(first: 100, filter: { ageBand: ${code} }) { nodes { caseId } } }`,
      );
      expect(listed.body.errors, JSON.stringify(listed.body.errors)).toBeUndefined();
      expect((listed.body.data as { cases: Page }).cases.nodes.map((n) => n.caseId)).toEqual(caseIds);
    }
  });

  it("refuses an age band the enum does not have as a GraphQL error, before any case is read", async () => {
    // A made-up band, and the domain's code as the string the filter took before it was an enum.
    for (const value of ["FROM_16", '"under-15"', '"UNDER_15"']) {
      h.resetQueries();
      const { body } = await h.gql(login.police, `{ cases(filter: { ageBand: ${value} }) { totalCount } }`);
      expect(body.errors?.[0]?.extensions?.code, value).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(body.errors?.[0]?.message, value).toMatch(/AgeBandCode/);
      expect(body.data, value).toBeUndefined();
      expect(h.queries.filter((q) => q.includes(`"cases"`))).toEqual([]);
    }
    // Sent as a variable, the old code is refused by the variable's coercion, with its own code.
    h.resetQueries();
    const { status, body } = await h.gql(login.police, pageQuery, { first: 1, filter: { ageBand: "under-15" } });
    expect(body.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
    expect(body.errors?.[0]?.message).toMatch(/Value "under-15" does not exist in "AgeBandCode" enum/);
    expect(body.data).toBeUndefined();
    expect(status).toBe(400);
    expect(h.queries.filter((q) => q.includes(`"cases"`))).toEqual([]);
    // A band the enum has is read from the cases table: the checks above see a refusal, not silence.
    h.resetQueries();
    const valid = await h.gql(login.police, "{ cases(filter: { ageBand: UNDER_15 }) { totalCount } }");
    expect(valid.body.errors).toBeUndefined();
    expect(h.queries.some((q) => q.includes(`"cases"`))).toBe(true);
  });

  it.each(filters)("counts what the %s filter lists, on every page", async (_name, filter, matches) => {
    const expected = seeded.filter(matches).sort(listOrder);
    expect(expected.length).toBeGreaterThan(0);
    const { data, errors } = await h.request(login.police, CaseListDocument, { first: 100, filter });
    expect(errors).toBeUndefined();
    expect(data?.cases.nodes.map((n) => n.caseId)).toEqual(expected.map((s) => s.caseId));
    expect(data?.cases.totalCount).toBe(expected.length);
    expect(data?.cases.totalCountIsCapped).toBe(false);
    // Paged one at a time, the same cases, and the same count on a later page.
    expect(await forward(login.police, 1, filter)).toEqual(expected.map((s) => s.caseId));
    const first = await page(login.police, { first: 1, filter });
    const second = await page(login.police, { first: 1, after: first.pageInfo.endCursor, filter });
    expect(second.totalCount).toBe(expected.length);
  });
});
