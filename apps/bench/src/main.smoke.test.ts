import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { testDatabaseUrl } from "@ankkuri/db/testing";
import { runTypeScript, workspacePath } from "@ankkuri/processes";
import postgres from "postgres";
import { afterAll, describe, expect, it } from "vitest";

// CI's smoke run of `pnpm bench`: every phase at a tiny scale, on databases of its own that are
// dropped afterwards. It checks that the benchmark works and reports every figure, not the figures:
// speed is judged from full runs (docs/benchmarks.md), never in a test.
// Needs a PostgreSQL server where it may create databases (TEST_DATABASE_URL, set in CI).
const serverUrl = testDatabaseUrl;
const prefix = `ankkuri_bench_smoke_${String(process.pid)}`;

interface Peer {
  throughput: number;
  non2xx: number;
  errorAnswers: number;
  duration: number;
}

interface Results {
  options: { rounds: number; duration: number };
  operations: {
    key: string;
    gateway: { throughput: number; non2xx: number; errorAnswers: number; p50: number; p99: number; duration: number };
    floor: { throughput: number; p50: number; duration: number };
    gatewayNode22: Peer | null;
    postgraphile: Peer | null;
    postgraphileRls: Peer | null;
    peerAnswer: string | null;
  }[];
  runtimes: { gateway: string; node22: string; postgraphile: string };
  reports: { reportMs: number; aggregatesMs: number; peakRssMb: number }[];
  start: { firstEverMs: number; coldMs: number; warmMs: number };
  audit: { on: { throughput: number }; off: { throughput: number } };
  derivedAnswers: { key: string; on: { throughput: number }; off: { throughput: number } }[];
  emptyRequest: {
    bare: { throughput: number; non2xx: number };
    gateway: { throughput: number; non2xx: number; errorAnswers: number };
  };
  caseFromMemory: {
    floor: { throughput: number };
    memory: { throughput: number; non2xx: number; errorAnswers: number };
    answerBytes: number;
  };
  targets: { name: string; met: boolean }[];
}

describe.skipIf(serverUrl === undefined)("pnpm bench --quick (smoke)", () => {
  const docs = mkdtempSync(join(tmpdir(), "ankkuri-bench-smoke-"));
  afterAll(async () => {
    rmSync(docs, { recursive: true, force: true });
    const sql = postgres(serverUrl ?? "", { max: 1, onnotice: () => undefined });
    try {
      const names = await sql<
        { datname: string }[]
      >`select datname from pg_database where datname like ${`${prefix}_%`}`;
      for (const { datname } of names) await sql.unsafe(`drop database if exists "${datname}" with (force)`);
    } finally {
      await sql.end();
    }
  });

  it("measures every phase and writes the summary and the raw figures", async () => {
    const args = [
      "--quick",
      "--scale",
      "300",
      "--small-scale",
      "100",
      "--duration",
      "2",
      "--rounds",
      "2",
      "--warmup",
      "1",
      "--connections",
      "4",
      "--database-url",
      serverUrl ?? "",
      "--database-prefix",
      prefix,
      "--docs",
      docs,
    ];
    const run = await runTypeScript(workspacePath("apps/bench/src/main.ts"), { args });
    expect(run.exit, run.output.slice(-3000)).toBe(0);

    const results = JSON.parse(readFileSync(join(docs, "benchmarks.json"), "utf8")) as Results;
    expect(results.operations.map((o) => o.key).sort()).toEqual([
      "case-detail",
      "case-list",
      "chair-calendar",
      "fte-dashboard",
    ]);
    // Two alternating rounds of a second each per server: both sides' rounds are in its figures.
    expect(results.options).toMatchObject({ rounds: 2, duration: 2 });
    for (const o of results.operations) {
      expect(o.gateway.throughput).toBeGreaterThan(0);
      expect(o.floor.throughput).toBeGreaterThan(0);
      expect(o.gateway.non2xx).toBe(0);
      expect(o.gateway.errorAnswers).toBe(0);
      expect(o.gateway.p50).toBeGreaterThan(0);
      expect(o.gateway.p99).toBeGreaterThanOrEqual(o.gateway.p50);
      expect(o.gateway.duration).toBeGreaterThan(1.5);
      expect(o.floor.duration).toBeGreaterThan(1.5);
    }
    // PostGraphile (as it comes and secured) on Node.js 22 answered the case list and the case screen
    // with the gateway's rows, and was loaded in the same rounds; the gateway ran on Node.js 22 too.
    expect(results.runtimes.node22).toMatch(/^v22\./);
    expect(results.runtimes.postgraphile).toBe("5.1.5");
    for (const o of results.operations) {
      const peers = ["case-list", "case-detail"].includes(o.key)
        ? [o.gatewayNode22, o.postgraphile, o.postgraphileRls]
        : [o.gatewayNode22];
      for (const peer of peers) {
        expect(peer?.throughput, o.key).toBeGreaterThan(0);
        expect((peer?.non2xx ?? 1) + (peer?.errorAnswers ?? 1), o.key).toBe(0);
        expect(peer?.duration, o.key).toBeGreaterThan(1.5);
      }
      if (!["case-list", "case-detail"].includes(o.key)) expect(o.postgraphile).toBeNull();
    }
    expect(results.operations.find((o) => o.key === "case-list")?.peerAnswer).toMatch(/next [0-9a-f]{8}-/);
    // Latencies are timed per response, not in autocannon's whole milliseconds (the JSON keeps three
    // decimals): a run of four operations on two servers where every p50 is whole is that histogram.
    const p50s = results.operations.flatMap((o) => [o.gateway.p50, o.floor.p50]);
    expect(
      p50s.some((p) => !Number.isInteger(p)),
      p50s.join(", "),
    ).toBe(true);
    expect(results.reports).toHaveLength(2);
    for (const r of results.reports) expect(r.reportMs * r.aggregatesMs * r.peakRssMb).toBeGreaterThan(0);
    expect(results.start.coldMs).toBeGreaterThan(0);
    expect(results.start.firstEverMs).toBeGreaterThan(0);
    expect(results.audit.on.throughput).toBeGreaterThan(0);
    expect(results.derivedAnswers.map((d) => d.key)).toEqual(["chair-calendar", "fte-dashboard"]);
    for (const d of results.derivedAnswers) expect(d.on.throughput * d.off.throughput).toBeGreaterThan(0);
    expect(results.emptyRequest.bare.throughput).toBeGreaterThan(0);
    expect(results.emptyRequest.gateway.throughput).toBeGreaterThan(0);
    expect(
      results.emptyRequest.bare.non2xx +
        results.emptyRequest.gateway.non2xx +
        results.emptyRequest.gateway.errorAnswers,
    ).toBe(0);
    expect(results.caseFromMemory.floor.throughput * results.caseFromMemory.memory.throughput).toBeGreaterThan(0);
    expect(results.caseFromMemory.memory.non2xx + results.caseFromMemory.memory.errorAnswers).toBe(0);
    expect(results.caseFromMemory.answerBytes).toBeGreaterThan(500);
    expect(results.targets.length).toBeGreaterThan(0);
    const markdown = readFileSync(join(docs, "benchmarks.md"), "utf8");
    expect(markdown).toMatch(/^# Benchmarks/);
    expect(markdown).toMatch(/### Empty request/);
    expect(markdown).toMatch(/### Derived answers/);
    expect(markdown).toMatch(/### Case screen from memory/);
    expect(markdown).toMatch(/### Gateway against PostGraphile/);
  });
});
