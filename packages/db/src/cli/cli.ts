import { parseDatabaseConfig } from "../config.js";
import { openRuntime, type Runtime } from "../runtime.js";

/** Command-line helpers: each db command opens the configured database, runs, and closes it. */
export async function withRuntime(
  name: string,
  run: (runtime: Runtime, args: string[]) => Promise<void>,
  options: { migrate?: boolean } = {},
): Promise<void> {
  const config = parseDatabaseConfig(process.env);
  const started = performance.now();
  let runtime: Runtime | undefined;
  try {
    runtime = await openRuntime(config, {
      warn: (m) => process.stderr.write(`warning: ${m}\n`),
      migrate: options.migrate ?? true,
      applicationName: `ankkuri-${name}`,
    });
    const where =
      runtime.handle.engine === "postgres" ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${config.dataDir}`;
    process.stderr.write(`${name}: ${where}\n`);
    await run(runtime, process.argv.slice(2));
    process.stderr.write(`${name}: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  } catch (error) {
    process.stderr.write(`${name} failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  } finally {
    await runtime?.handle.close();
  }
}
