import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StartFigures } from "../results.js";
import { startGateway } from "../servers.js";

/**
 * `pnpm start` on the embedded database: spawn to the first answered `{ __typename }`, first in a
 * fresh data folder (creates the database, migrates, seeds Helsinki, generates keys) and then again
 * on the same folder. The folder is a temporary one, deleted afterwards.
 */
export async function coldAndWarmStart(resultsDir: string, log: (line: string) => void): Promise<StartFigures> {
  const dataDir = mkdtempSync(join(tmpdir(), "ankkuri-bench-start-"));
  // As `pnpm start` runs, except for quiet logs: embedded database, report worker and GraphiQL on.
  const env = { DATA_DIR: dataDir, GRAPHIQL: "on" };
  try {
    const cold = await startGateway("start-cold", env, resultsDir, 300_000);
    await cold.child.stop();
    const warm = await startGateway("start-warm", env, resultsDir, 300_000);
    await warm.child.stop();
    log(`start: cold ${(cold.readyMs / 1000).toFixed(1)} s, warm ${(warm.readyMs / 1000).toFixed(1)} s`);
    return { coldMs: cold.readyMs, warmMs: warm.readyMs };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
