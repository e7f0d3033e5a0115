import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { outputOf, workspacePath } from "@ankkuri/processes";
import { BenchError } from "./errors.js";
import type { LoadSpec, LoadSummary } from "./load-worker.js";

const worker = workspacePath("apps/bench/src/load-worker.ts");

/** Where the run whose raw result is `output` keeps its response times (ms, ascending). */
export function latenciesFile(output: string): string {
  return `${output.replace(/\.json$/, "")}.latencies.json`;
}

/** Runs the load generator in its own process; the raw result goes to `<resultsDir>/<name>.json`. */
async function runLoad(
  name: string,
  resultsDir: string,
  spec: Omit<LoadSpec, "output">,
  token?: string,
): Promise<LoadSummary> {
  const specFile = join(resultsDir, `${name}.spec.json`);
  writeFileSync(specFile, JSON.stringify({ ...spec, output: join(resultsDir, `${name}.json`) }));
  const out = await outputOf(worker, {
    args: [specFile],
    env: { NODE_ENV: "development", ...(token ? { LOAD_AUTHORIZATION: `Bearer ${token}` } : {}) },
    name: `load ${name}`,
  });
  const summary = JSON.parse(out.trim().split("\n").at(-1) ?? "null") as LoadSummary | null;
  if (!summary) throw new BenchError("load", `load ${name} printed no summary`);
  return summary;
}

/** A load run with every response's time (ms, ascending), for combining runs. */
export interface TimedRun {
  summary: LoadSummary;
  latencies: number[];
}

/** `runLoad`, also returning the response times the worker recorded. */
export async function runTimedLoad(
  name: string,
  resultsDir: string,
  spec: Omit<LoadSpec, "output">,
  token?: string,
): Promise<TimedRun> {
  const summary = await runLoad(name, resultsDir, spec, token);
  const latencies = JSON.parse(readFileSync(latenciesFile(join(resultsDir, `${name}.json`)), "utf8")) as number[];
  return { summary, latencies };
}
