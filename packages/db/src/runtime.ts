import { type DatabaseHandle, openDatabase } from "./client.js";
import {
  type DataFolderTemplate,
  defaultTemplateDir,
  type EmbeddedStart,
  openEmbeddedDatabase,
} from "./prepared-data-folder.js";
import type { DatabaseConfig } from "./config.js";
import { type KeyMaterial, loadOrCreateEmbeddedKeys, parseKeyMaterial } from "./keys/key-material.js";
import { migrateDatabase } from "./migrate.js";

/** An opened, migrated database with its keys. */
export interface Runtime {
  handle: DatabaseHandle;
  keys: KeyMaterial;
  /** The embedded database: found, copied from its prepared folder, or created. */
  start?: EmbeddedStart;
}

/**
 * Opens the configured database for an app. Keys are checked before anything is opened: with
 * PostgreSQL, start-up refuses to run without configured keys (`KeyConfigurationError`); the embedded
 * database generates them into its data folder on first start, with a warning. The embedded database
 * is migrated on start; PostgreSQL is migrated by `pnpm db:migrate` unless `migrate` is set. A new
 * embedded database starts from `template` (a copy of its prepared folder, made first when missing).
 */
export async function openRuntime(
  config: DatabaseConfig,
  options: {
    warn: (message: string) => void;
    migrate?: boolean;
    applicationName?: string;
    template?: DataFolderTemplate;
  },
): Promise<Runtime> {
  if (config.databaseUrl !== undefined) {
    const keys = parseKeyMaterial(config.keys);
    const handle = await openDatabase({
      engine: "postgres",
      url: config.databaseUrl,
      maxConnections: config.poolSize,
      ...(options.applicationName ? { applicationName: options.applicationName } : {}),
    });
    if (options.migrate === true) await migrateDatabase(handle);
    return { handle, keys };
  }
  const keys =
    config.keys.identityKeys !== undefined
      ? parseKeyMaterial(config.keys)
      : loadOrCreateEmbeddedKeys(config.dataDir, options.warn);
  const { handle, start } = await openEmbeddedDatabase(`${config.dataDir}/pglite`, {
    template: options.template,
    templateDir: config.templateDir ?? defaultTemplateDir,
    warn: options.warn,
    ...(options.migrate === undefined ? {} : { migrate: options.migrate }),
  });
  return { handle, keys, start };
}

/** The Node.js major version the project brings and supports (the `node` package in the catalog). */
export const supportedNodeMajor = 24;

/**
 * The runtime an app runs on, for its start-up log, and a warning when it is not the supported
 * major version: Node.js 20 reached its end of life, and the project's scripts bring Node.js 24.
 */
export function nodeRuntime(version: string = process.versions.node): { node: string; supported: boolean } {
  return { node: version, supported: Number(version.split(".")[0]) === supportedNodeMajor };
}

/** Logs the runtime at start-up: `info` on the supported major version, `warn` on any other. */
export function logNodeRuntime(logger: {
  info(fields: object, message: string): void;
  warn(fields: object, message: string): void;
}): string {
  const runtime = nodeRuntime();
  if (runtime.supported) logger.info(runtime, "runtime");
  else
    logger.warn(
      runtime,
      `unsupported Node.js ${runtime.node}: run through the project's scripts, which bring Node.js ${String(supportedNodeMajor)}`,
    );
  return runtime.node;
}
