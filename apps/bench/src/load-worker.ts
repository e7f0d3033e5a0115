import { readFileSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";

// The load generator, run in its own process (never in a server's): fixed concurrency against one
// server over loopback, cycling through the given requests. Warm-up first, unmeasured; then the
// measured run, whose raw autocannon result is written to `output`. Answers that carry GraphQL
// `errors` are counted, since they come with status 200.
// Usage: load-worker.ts <spec.json>

/** What one load run sends. */
export interface LoadSpec {
  url: string;
  method: "GET" | "POST";
  headers: Record<string, string>;
  /** Paths (GET) or bodies (POST) to cycle through, one per request. */
  paths: string[];
  bodies: string[];
  connections: number;
  duration: number;
  warmup: number;
  output: string;
}

/** What the worker prints (one JSON line). */
export interface LoadSummary {
  requests: number;
  throughput: number;
  p50: number;
  p90: number;
  p99: number;
  mean: number;
  max: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  errorAnswers: number;
  duration: number;
}

const specFile = process.argv[2];
if (specFile === undefined) throw new Error("usage: load-worker.ts <spec.json>");
const spec = JSON.parse(readFileSync(specFile, "utf8")) as LoadSpec;
// The bearer token comes through the environment so that no file holds it.
const authorization = process.env.LOAD_AUTHORIZATION;
const headers = authorization ? { ...spec.headers, authorization } : spec.headers;

let next = 0;
let errorAnswers = 0;
const request: autocannon.Request = {
  method: spec.method,
  setupRequest: (req) => {
    const i = next++;
    if (spec.bodies.length > 0) return { ...req, body: spec.bodies[i % spec.bodies.length] ?? "" };
    return { ...req, path: spec.paths[i % spec.paths.length] ?? "/" };
  },
  onResponse: (status, body) => {
    if (status === 200 && body.includes('"errors":')) errorAnswers += 1;
  },
};

async function run(duration: number) {
  return autocannon({ url: spec.url, connections: spec.connections, duration, headers, requests: [request], timeout: 30 });
}

if (spec.warmup > 0) await run(spec.warmup);
errorAnswers = 0;
const result = await run(spec.duration);
writeFileSync(spec.output, `${JSON.stringify({ ...result, errorAnswers }, null, 2)}\n`);
const summary: LoadSummary = {
  requests: result.requests.total,
  throughput: result.requests.average,
  p50: result.latency.p50,
  p90: result.latency.p90,
  p99: result.latency.p99,
  mean: result.latency.average,
  max: result.latency.max,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  errorAnswers,
  duration: result.duration,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
