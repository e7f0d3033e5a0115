import { randomUUID } from "node:crypto";
import { sql } from "@ankkuri/db";
import { testEngines } from "@ankkuri/db/testing";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { gatewayLogger } from "../src/request-log.js";
import { type Harness, startHarness } from "./harness.js";
import { clock, login, refer } from "./steps.js";

// What an operator scrapes and reads: metrics on their own port, labelled only by documented
// operations, with the figures an operator alerts on; and a log line per request that says which.

/** The values of label `name` in the exposition text. */
function labelValues(metrics: string, name: string): Set<string> {
  return new Set([...metrics.matchAll(new RegExp(`${name}="([^"]*)"`, "g"))].map((m) => m[1] ?? ""));
}

const viewerQuery = "query Viewer { viewer { login name roles organisation { id name } team { id name } } }";

describe.each(testEngines)("metrics on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(engine, { gateway: { clock } });
  });
  afterAll(async () => {
    await h.close();
  });

  it("are not served on the API's port", async () => {
    expect((await h.fetch("/metrics")).status).not.toBe(200);
    expect(await h.metrics()).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it("add no series for names unauthenticated callers choose", async () => {
    const before = await h.metrics();
    const names = Array.from({ length: 30 }, (_, i) => `Probe_${String(i)}_${randomUUID().replaceAll("-", "")}`);
    await Promise.all(names.map((name) => h.gql(null, `query ${name} { viewer { login } }`)));
    // A documented operation's name, but nobody signed in: not counted by name either.
    await h.gql(null, viewerQuery);
    const after = await h.metrics();
    const labels = labelValues(after, "operationName");
    for (const name of names) expect(labels.has(name), name).toBe(false);
    expect(labels.has("Viewer")).toBe(labelValues(before, "operationName").has("Viewer"));
    expect(labels.has("other")).toBe(true);
    // The runtime's own series (a kind of garbage collection seen for the first time, say) come and
    // go with the machine's load; the gateway's may grow by the new requests' few, not by 30 names.
    const gatewaySeries = (metrics: string) =>
      metrics.split("\n").filter((line) => line !== "" && !/^(#|nodejs_|process_)/.test(line)).length;
    expect(gatewaySeries(after) - gatewaySeries(before)).toBeLessThan(20);
  });

  it("name documented operations of signed-in people, and nothing else, never a path of aliases", async () => {
    expect((await h.gql(login.police, viewerQuery)).status).toBe(200);
    await h.gql(login.police, "query Maria_Meikalainen_131052 { viewer { login } }");
    await h.gql(login.police, 'query Secret { maria_meikalainen: case(caseId: "x") { caseId } }');
    const metrics = await h.metrics();
    expect(metrics).toMatch(/^graphql_envelop_request_duration_count\{.*operationName="Viewer".*\} \d+$/m);
    expect(metrics).not.toContain("Meikalainen");
    expect(metrics).not.toContain("Secret");
    expect(metrics).not.toMatch(/path="/);
  });

  it("count responses by status class", async () => {
    await h.gql(null, "{ viewer { login } }");
    await h.gql(login.police, "{ viewer { login } }");
    const metrics = await h.metrics();
    expect(metrics).toMatch(/^ankkuri_http_responses_total\{class="2xx"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^ankkuri_http_responses_total\{class="4xx"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^ankkuri_http_responses_total\{class="5xx"\} \d+$/m);
  });

  it("show the report queue and the runs that failed", async () => {
    const teamId = helsinkiAnkkuri.team.id;
    for (const [i, status] of (["queued", "queued", "failed"] as const).entries()) {
      await h.database.db.execute(
        sql`insert into report_runs (team_id, id, type, period_from, period_to, scope, status, requested_by)
            values (${teamId}, ${randomUUID()}, 'annual', ${`${String(2000 + i)}-01-01`}, ${`${String(2000 + i)}-12-31`}, '', ${status}, 'test')`,
      );
    }
    const metrics = await h.metrics();
    expect(metrics).toMatch(/^ankkuri_report_runs\{status="queued"\} 2$/m);
    expect(metrics).toMatch(/^ankkuri_report_runs\{status="failed"\} 1$/m);
  });

  it.runIf(engine === "postgres")("show the database pool and how often a call waited for it", async () => {
    const metrics = await h.metrics();
    expect(metrics).toMatch(/^ankkuri_db_pool_connections\{state="max"\} [1-9]\d*$/m);
    expect(metrics).toMatch(/^ankkuri_db_pool_waits_total \d+$/m);
  });
});

describe("the request log", () => {
  const lines: Record<string, unknown>[] = [];
  let h: Harness;
  beforeAll(async () => {
    const logger = gatewayLogger("info", {
      write: (line: string) => {
        lines.push(JSON.parse(line) as Record<string, unknown>);
      },
    });
    h = await startHarness("pglite", { gateway: { clock }, logger });
  });
  afterAll(async () => {
    await h.close();
  });

  it("names the server's request id, the caller's correlation id and the operation on each request's line", async () => {
    const answer = await h.fetch("/graphql", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-request-id": "caller-correlation-01",
        "authorization": `Bearer ${await h.token(login.police)}`,
      },
      body: JSON.stringify({ query: viewerQuery }),
    });
    const requestId = answer.headers.get("x-request-id");
    await h.gql(null, "query Maija_Meikalainen { viewer { login } }");
    await new Promise((r) => setTimeout(r, 100));
    const requests = lines.filter((l) => l.msg === "request");
    expect(requests.length).toBeGreaterThanOrEqual(2);
    for (const line of requests) {
      expect(line.requestId, JSON.stringify(line)).toMatch(/^[0-9a-f-]{36}$/);
      expect(line.operation, JSON.stringify(line)).toMatch(/^(Viewer|other)$/);
    }
    expect(requests.find((l) => l.requestId === requestId)).toMatchObject({
      correlationId: "caller-correlation-01",
      operation: "Viewer",
      status: 200,
    });
    expect(JSON.stringify(lines)).not.toContain("Meikalainen");
  });

  it("names them on every line logged while a request is handled, not only the last", async () => {
    await refer(h);
    const audit = h.gateway.services.audit;
    const write = audit.write.bind(audit);
    audit.write = () => Promise.reject(new Error("the audit table is away (test)"));
    try {
      const answer = await h.fetch("/graphql", {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-request-id": "caller-correlation-02",
          "authorization": `Bearer ${await h.token(login.police)}`,
        },
        body: JSON.stringify({ query: "query CaseList { cases(first: 5) { nodes { caseId } } }" }),
      });
      expect(answer.status).toBe(503);
      const requestId = answer.headers.get("x-request-id");
      await new Promise((r) => setTimeout(r, 100));
      const failure = lines.find(
        (l) => l.msg === "audit log write failed; response withheld" && l.requestId === requestId,
      );
      expect(failure).toMatchObject({ correlationId: "caller-correlation-02", operation: "CaseList" });
    } finally {
      audit.write = write;
    }
  });
});
