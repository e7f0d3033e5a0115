import { createHash } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TeamDataset } from "@ankkuri/domain";
import { type Database, type DatabaseHandle, DatabaseLockedError, openDatabase } from "./client.js";
import { migrateDatabase } from "./migrate.js";
import { migrationsHash } from "./migrations-hash.js";
import { seedTeam, seedVersion } from "./seed/seed-team.js";

/**
 * What a new embedded database starts with besides the migrations (the seed), and a fingerprint of
 * it. `prepare` is given the database only, never keys: nothing it writes is encrypted or signed, so
 * a dump of it holds no secret and is the same on every machine.
 */
export interface DataFolderTemplate {
  /** The dump's file name starts with it. */
  name: string;
  /** Changes whenever `prepare` would write other rows. */
  fingerprint: string;
  prepare(db: Database): Promise<void>;
}

/** A template seeded with one team's dataset. */
export function seededTemplate(name: string, dataset: TeamDataset): DataFolderTemplate {
  const fingerprint = createHash("sha256")
    .update(`seed ${String(seedVersion)}\n`)
    .update(JSON.stringify(dataset))
    .digest("hex");
  return { name, fingerprint, prepare: (db) => seedTeam(db, dataset) };
}

/** Where prepared dumps are kept by default: this installation's cache, never the repository. */
export const defaultTemplateDir = fileURLToPath(
  new URL("../node_modules/.cache/prepared-data-folders", import.meta.url),
);

function pgliteVersion(): string {
  const entry = createRequire(import.meta.url).resolve("@electric-sql/pglite");
  for (let dir = dirname(entry); dir !== dirname(dir); dir = dirname(dir)) {
    const file = join(dir, "package.json");
    if (!existsSync(file)) continue;
    const pkg = JSON.parse(readFileSync(file, "utf8")) as { name?: string; version?: string };
    if (pkg.name === "@electric-sql/pglite") return pkg.version ?? "unknown";
  }
  return "unknown";
}

/**
 * The dump of `template` for the current migrations and PGlite: a new migration, another seed or
 * another PGlite gives another file, so a stale dump is never restored.
 */
export function templateFile(templateDir: string, template: DataFolderTemplate): string {
  const key = createHash("sha256")
    .update(migrationsHash())
    .update(template.fingerprint)
    .update(pgliteVersion())
    .digest("hex")
    .slice(0, 16);
  return join(templateDir, `${template.name}-${key}.tar`);
}

const isEmptyFolder = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/** Writes the database's data folder as `file` (whole or not at all), removing older dumps of the template. */
export async function writeTemplate(handle: DatabaseHandle, file: string, name: string): Promise<void> {
  const pglite = handle.pglite;
  if (!pglite) throw new Error("only an embedded database can be dumped");
  // Everything on disk in the data files, so the dump does not depend on replaying the WAL.
  await pglite.exec("checkpoint");
  const dump = await pglite.dumpDataDir("none");
  const dir = dirname(file);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const partial = `${file}.${String(process.pid)}.partial`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()), { mode: 0o600 });
  renameSync(partial, file);
  for (const other of readdirSync(dir))
    // Another process's unfinished dump (`.partial`) is left to it.
    if (other.startsWith(`${name}-`) && other.endsWith(".tar") && join(dir, other) !== file)
      rmSync(join(dir, other), { force: true });
}

/** Makes the dump of `template` in `templateDir` unless it is there; returns its file. */
export async function prepareTemplate(templateDir: string, template: DataFolderTemplate): Promise<string> {
  const file = templateFile(templateDir, template);
  if (existsSync(file)) return file;
  const handle = await openDatabase({ engine: "pglite" });
  try {
    await migrateDatabase(handle);
    await template.prepare(handle.db);
    await writeTemplate(handle, file, template.name);
  } finally {
    await handle.close();
  }
  return file;
}

/** How an embedded database was opened. */
export type EmbeddedStart = "existing" | "restored" | "created";

/**
 * Opens and migrates the embedded database in `dataDir`. A new one is restored from the prepared
 * dump of `template` when there is one (no initdb, no migrations to run, no seeding); otherwise it is
 * created, migrated and prepared, and the dump is written for the next new folder. A dump that
 * cannot be restored is removed and the database is created instead.
 */
export async function openEmbeddedDatabase(
  dataDir: string,
  options: {
    template?: DataFolderTemplate | undefined;
    templateDir: string;
    warn: (message: string) => void;
    migrate?: boolean;
  },
): Promise<{ handle: DatabaseHandle; start: EmbeddedStart }> {
  const { template } = options;
  const fresh = isEmptyFolder(dataDir);
  const file = template ? templateFile(options.templateDir, template) : undefined;
  if (fresh && file && existsSync(file)) {
    const restored = await restore(dataDir, file, options.warn);
    if (restored) {
      // Nothing to apply when the dump is current; kept so that a database is always migrated.
      if (options.migrate !== false) await migrateDatabase(restored);
      return { handle: restored, start: "restored" };
    }
  }
  const handle = await openDatabase({ engine: "pglite", dataDir });
  try {
    const migrate = options.migrate !== false;
    if (migrate) await migrateDatabase(handle);
    if (fresh && migrate && template && file) {
      await template.prepare(handle.db);
      await writeTemplate(handle, file, template.name).catch((error: unknown) => {
        options.warn(`could not keep the prepared database in ${file}: ${messageOf(error)}`);
      });
    }
  } catch (error) {
    await handle.close();
    throw error;
  }
  return { handle, start: fresh ? "created" : "existing" };
}

async function restore(dataDir: string, file: string, warn: (message: string) => void): Promise<DatabaseHandle | null> {
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase({ engine: "pglite", dataDir, loadDataDir: new Blob([readFileSync(file)]) });
    // A dump that unpacked but is not a database fails here rather than on the first request.
    await handle.pglite?.query("select 1 from pg_namespace limit 1");
    return handle;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    // Another process has this folder open: neither the folder nor the dump is at fault.
    if (error instanceof DatabaseLockedError) throw error;
    warn(`the prepared database ${file} could not be restored (${messageOf(error)}): creating the database instead`);
    rmSync(dataDir, { recursive: true, force: true });
    try {
      unlinkSync(file);
    } catch {
      // Removed by another process meanwhile.
    }
    return null;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message.split("\n")[0] : String(error));
