import { openDatabase } from "../client.js";
import { parseDatabaseConfig } from "../config.js";
import { migrateDatabase } from "../migrate.js";

// `pnpm db:migrate`: applies pending migrations (idempotent; safe to run twice or concurrently). It
// needs no keys: migrations change the schema, never encrypted or audited data.
const config = parseDatabaseConfig(process.env);
const started = performance.now();
try {
  const handle =
    config.databaseUrl === undefined
      ? await openDatabase({ engine: "pglite", dataDir: `${config.dataDir}/pglite` })
      : await openDatabase({
          engine: "postgres",
          url: config.databaseUrl,
          maxConnections: 2,
          applicationName: "ankkuri-db:migrate",
        });
  try {
    process.stderr.write(
      `db:migrate: ${handle.engine === "postgres" ? "PostgreSQL (DATABASE_URL)" : `the embedded database in ${config.dataDir}`}\n`,
    );
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  process.stderr.write(`db:migrate: done in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
} catch (error) {
  process.stderr.write(
    `db:migrate failed: ${error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}\n`,
  );
  process.exitCode = 1;
}
