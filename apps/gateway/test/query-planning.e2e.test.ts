import { testEngines } from "@ankkuri/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CaseDetailDocument, CaseListDocument } from "@ankkuri/client/operations";
import { type Harness, startHarness } from "./harness.js";
import { admit, clock, login, planCoreMeeting, refer } from "./steps.js";

// No N+1: the number of SQL statements a request costs must not grow with the rows it returns.
// Each query is measured on a small team, then again after the team has ten times the cases.

/** A depth-5 query over every list of a case. */
const deepCaseQuery = `{
  cases(first: 100) {
    nodes {
      caseId
      client { ageBand { code } }
      guardians { guardianId }
      organisations { organisation { name } }
      meetings { plannedOn participants { role organisation { name } } referrals { service organisation { name } } record { recordedOn } }
      consents { giverKind organisations { name } guardian { givenName } }
      referrals { service status organisation { name } }
      violations { code }
    }
  }
}`;

describe.each(testEngines)("statements per request on %s", (engine) => {
  let h: Harness;
  const cases: string[] = [];

  /** Adds `count` cases, every other one admitted with a planned meeting. */
  async function addCases(count: number) {
    for (let i = 0; i < count; i++) {
      const caseId = await refer(h);
      cases.push(caseId);
      if (i % 2 === 0) {
        await admit(h, caseId);
        await planCoreMeeting(h, caseId);
      }
    }
  }

  /** Statements the gateway ran for one request, with the rows it returned. */
  async function measure(run: () => Promise<unknown>): Promise<number> {
    h.resetQueries();
    await run();
    return h.queries.length;
  }

  async function statementsOf(): Promise<{ list: number; detail: number; deep: number; rows: number }> {
    let rows = 0;
    const list = await measure(async () => {
      const { data } = await h.request(login.police, CaseListDocument, { first: 50 });
      rows = data?.cases.nodes.length ?? 0;
    });
    const detail = await measure(() => h.request(login.police, CaseDetailDocument, { caseId: cases[0] ?? "" }));
    const deep = await measure(async () => {
      const { body } = await h.gql(login.police, deepCaseQuery);
      expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
    });
    return { list, detail, deep, rows };
  }

  beforeAll(async () => {
    // The deep query selects every nested list of 100 cases: over the default cost limit on purpose
    // (it measures the planner, not the limit).
    h = await startHarness(engine, { env: { MAX_COST: "200000" }, gateway: { clock } });
  });
  afterAll(async () => {
    await h.close();
  });

  it("stay the same whether the team has 3 cases or 30", async () => {
    await addCases(3);
    const small = await statementsOf();
    await addCases(27);
    const large = await statementsOf();
    expect(small.rows).toBe(3);
    expect(large.rows).toBe(30);
    expect(large).toEqual({ ...small, rows: 30 });
    // Bounded, not only constant: a handful of reads plus the one audit insert.
    expect(large.list).toBeLessThanOrEqual(8);
    expect(large.detail).toBeLessThanOrEqual(8);
    expect(large.deep).toBeLessThanOrEqual(10);
  });

  it("answers a case's organisations from the memberships read for its access check", async () => {
    if (cases.length === 0) await addCases(3);
    const page = (selection: string) =>
      measure(async () => {
        const { body } = await h.gql(login.police, `{ cases(first: 50) { nodes { caseId ${selection} } } }`);
        expect(body.errors, JSON.stringify(body.errors)).toBeUndefined();
      });
    expect(await page("organisations { basis since until }")).toBe(await page(""));
  });

  it("reads a client's identity code ciphertext only for hasIdentityCode", async () => {
    if (cases.length === 0) await addCases(3);
    const readsIdentityCodes = () =>
      h.queries.some((q) => /^\s*select/i.test(q) && /identity_code_(ciphertext|hmac)/.test(q));
    h.resetQueries();
    const { data } = await h.request(login.police, CaseListDocument, { first: 50 });
    expect(data?.cases.nodes.every((n) => n.client.familyName.length > 0)).toBe(true);
    expect(readsIdentityCodes()).toBe(false);
    h.resetQueries();
    const { body } = await h.gql(login.police, "{ cases(first: 5) { nodes { client { clientId hasIdentityCode } } } }");
    const clients = (
      body.data as { cases: { nodes: { client: { clientId: string; hasIdentityCode: boolean } }[] } }
    ).cases.nodes.map((n) => n.client);
    expect(clients.length).toBeGreaterThan(0);
    expect(clients.every((c) => c.hasIdentityCode && c.clientId.length > 0)).toBe(true);
    expect(readsIdentityCodes()).toBe(true);
  });
});
