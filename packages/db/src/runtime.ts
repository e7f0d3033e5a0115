import { type DatabaseHandle, openDatabase } from "./client.js";
import type { DatabaseConfig } from "./config.js";
import { type KeyMaterial, loadOrCreateEmbeddedKeys, parseKeyMaterial } from "./keys/key-material.js";
import { migrateDatabase } from "./migrate.js";

/** An opened, migrated database with its keys. */
export interface Runtime {
  handle: DatabaseHandle;
  keys: KeyMaterial;
}

/**
 * Opens the configured database for an app. Keys are checked before anything is opened: with
 * PostgreSQL, start-up refuses to run without configured keys (`KeyConfigurationError`); the embedded
 * database generates them into its data folder on first start, with a warning. The embedded database
 * is migrated on start; PostgreSQL is migrated by `pnpm db:migrate` unless `migrate` is set.
 */
export async function openRuntime(config: DatabaseConfig, options: { warn: (message: string) => void; migrate?: boolean; applicationName?: string }): Promise<Runtime> {
  if (config.databaseUrl !== undefined) {
    const keys = parseKeyMaterial(config.keys);
    const handle = await openDatabase({ engine: "postgres", url: config.databaseUrl, maxConnections: config.poolSize, ...(options.applicationName ? { applicationName: options.applicationName } : {}) });
    if (options.migrate === true) await migrateDatabase(handle);
    return { handle, keys };
  }
  const keys = config.keys.identityKeys !== undefined ? parseKeyMaterial(config.keys) : loadOrCreateEmbeddedKeys(config.dataDir, options.warn);
  const handle = await openDatabase({ engine: "pglite", dataDir: `${config.dataDir}/pglite` });
  if (options.migrate !== false) await migrateDatabase(handle);
  return { handle, keys };
}
