import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { BenchError } from "./errors.js";
import type { LoadSpec, LoadSummary } from "./load-worker.js";
import { repositoryRoot, runToEnd, tsxArgs } from "./processes.js";

const worker = join(repositoryRoot, "apps/bench/src/load-worker.ts");

/** Runs the load generator in its own process; the raw result goes to `<resultsDir>/<name>.json`. */
export async function runLoad(name: string, resultsDir: string, spec: Omit<LoadSpec, "output">, token?: string): Promise<LoadSummary> {
  const specFile = join(resultsDir, `${name}.spec.json`);
  writeFileSync(specFile, JSON.stringify({ ...spec, output: join(resultsDir, `${name}.json`) }));
  const out = await runToEnd(`load ${name}`, tsxArgs(worker, [specFile]), token ? { LOAD_AUTHORIZATION: `Bearer ${token}` } : {});
  const summary = JSON.parse(out.trim().split("\n").at(-1) ?? "null") as LoadSummary | null;
  if (!summary) throw new BenchError("load", `load ${name} printed no summary`);
  return summary;
}
