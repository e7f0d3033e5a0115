import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runTypeScript, workspacePath } from "@ankkuri/processes";
import { BenchError } from "../errors.js";
import type { StartFigures } from "../results.js";
import { type Server, startGateway } from "../servers.js";

/** The three starts, in the order they run. */
export type StartKind = "first ever" | "cold" | "warm";

/**
 * `pnpm start` on the embedded database: spawn to the first answered `{ __typename }`, in three
 * situations. First ever: a fresh data folder and no prepared database (creates, migrates and seeds
 * it, and keeps it prepared). Cold: another fresh data folder with the prepared database present, as
 * after `pnpm install` (copies it; keys are generated). Warm: the cold folder again. Every folder is a
 * temporary one, deleted afterwards; the installation's own prepared database is not touched. Each start runs the bundle `pnpm start`
 * builds (apps/gateway/dist/start), built once first; how long that takes is reported beside.
 */
export async function coldAndWarmStart(
  resultsDir: string,
  log: (line: string) => void,
  onReady: (kind: StartKind, server: Server) => void = () => undefined,
): Promise<StartFigures> {
  const root = mkdtempSync(join(tmpdir(), "ankkuri-bench-start-"));
  // As `pnpm start` runs, except for quiet logs: embedded database, report worker and GraphiQL on.
  const env = (folder: string) => ({
    DATA_DIR: join(root, folder),
    DATA_TEMPLATE_DIR: join(root, "prepared"),
    GRAPHIQL: "on",
  });
  try {
    const bundling = performance.now();
    const bundled = await runTypeScript(workspacePath("apps/gateway/src/cli/bundle.ts"));
    if (bundled.exit !== 0)
      throw new BenchError("process", `the gateway's bundle failed: ${bundled.output.slice(-2000)}`);
    const bundleMs = performance.now() - bundling;
    const entry = workspacePath("apps/gateway/dist/start/main.mjs");
    const start = async (kind: StartKind, folder: string) => {
      const server = await startGateway(`start-${kind.replace(" ", "-")}`, env(folder), resultsDir, {
        timeoutMs: 300_000,
        entry,
      });
      onReady(kind, server);
      await server.child.stop();
      return server;
    };
    const firstEver = await start("first ever", "first");
    const cold = await start("cold", "data");
    const warm = await start("warm", "data");
    log(
      `start: bundle built in ${(bundleMs / 1000).toFixed(1)} s; first ever ${(firstEver.readyMs / 1000).toFixed(1)} s, cold ${(cold.readyMs / 1000).toFixed(1)} s, warm ${(warm.readyMs / 1000).toFixed(1)} s`,
    );
    return { firstEverMs: firstEver.readyMs, coldMs: cold.readyMs, warmMs: warm.readyMs, bundleMs };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
