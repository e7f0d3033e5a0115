import { readFileSync, writeFileSync } from "node:fs";
import autocannon from "autocannon";
import { loadWorkerEnv } from "./env.js";
import { latenciesFile } from "./load.js";
import { percentile } from "./stats.js";

// The load generator, run in its own process (never in a server's): fixed concurrency against one
// server over loopback, cycling through the given requests. Warm-up first, unmeasured; then the
// measured run, whose raw autocannon result is written to `output`. Answers that carry GraphQL
// `errors` are counted, since they come with status 200. Latencies are this worker's own record of
// every measured response's time (sub-millisecond): autocannon's histogram keeps whole milliseconds,
// which puts a 0.9 ms answer at 0 ms and makes a ratio of two millisecond-scale p50s a step function.
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

/** What the worker prints (one JSON line). Latencies in milliseconds, from every measured response. */
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
const authorization = loadWorkerEnv().LOAD_AUTHORIZATION;
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

/** One load run; `latencies` receives the time of every response (ms, fractional). */
function run(duration: number, latencies?: number[]): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url: spec.url, connections: spec.connections, duration, headers, requests: [request], timeout: 30 },
      (error: unknown, result) => {
        if (error) reject(error instanceof Error ? error : new Error("the load run failed", { cause: error }));
        else resolve(result);
      },
    );
    if (latencies) instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  });
}

if (spec.warmup > 0) await run(spec.warmup);
errorAnswers = 0;
const latencies: number[] = [];
const result = await run(spec.duration, latencies);
writeFileSync(spec.output, `${JSON.stringify({ ...result, errorAnswers }, null, 2)}\n`);
const sorted = latencies.sort((a, b) => a - b);
// Every response's time, for percentiles over several runs of the same server (`combineRuns`).
writeFileSync(latenciesFile(spec.output), JSON.stringify(sorted));
const summary: LoadSummary = {
  requests: result.requests.total,
  throughput: result.requests.average,
  p50: percentile(sorted, 50),
  p90: percentile(sorted, 90),
  p99: percentile(sorted, 99),
  mean: sorted.reduce((sum, t) => sum + t, 0) / sorted.length,
  max: sorted.at(-1) ?? Number.NaN,
  non2xx: result.non2xx,
  errors: result.errors,
  timeouts: result.timeouts,
  errorAnswers,
  duration: result.duration,
};
process.stdout.write(`${JSON.stringify(summary)}\n`);
