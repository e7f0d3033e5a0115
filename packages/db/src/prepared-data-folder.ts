import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TeamDataset } from "@ankkuri/domain";
import { type Database, type DatabaseHandle, DatabaseLockedError, isProcessAlive, openDatabase } from "./client.js";
import { migrateDatabase } from "./migrate.js";
import { migrationsHash } from "./migrations-hash.js";
import { seedTeam, seedVersion } from "./seed/seed-team.js";

/**
 * What a new embedded database starts with besides the migrations (the seed), and a fingerprint of
 * it. `prepare` is given the database only, never keys: nothing it writes is encrypted or signed, so
 * a prepared folder holds no secret and is the same on every machine.
 */
export interface DataFolderTemplate {
  /** The prepared folder's name starts with it. */
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

/** Where prepared data folders are kept by default: this installation's cache, never the repository. */
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
 * The prepared data folder of `template` for the current migrations and PGlite: a new migration,
 * another seed or another PGlite gives another folder, so a stale one is never restored.
 */
export function templateFolder(templateDir: string, template: DataFolderTemplate): string {
  const key = createHash("sha256")
    .update(migrationsHash())
    .update(template.fingerprint)
    .update(pgliteVersion())
    .digest("hex")
    .slice(0, 16);
  return join(templateDir, `${template.name}-${key}`);
}

const isEmptyFolder = (dir: string) => !existsSync(dir) || readdirSync(dir).length === 0;

/**
 * Makes the prepared data folder of `template` in `templateDir` unless it is there, and returns it:
 * a database created, migrated and prepared in a folder of its own, closed cleanly, and renamed into
 * place whole. Older folders of the template (and dumps of earlier versions) are removed.
 */
export async function prepareTemplate(templateDir: string, template: DataFolderTemplate): Promise<string> {
  const folder = templateFolder(templateDir, template);
  if (existsSync(folder)) return folder;
  mkdirSync(templateDir, { recursive: true, mode: 0o700 });
  const partial = `${folder}.${String(process.pid)}.partial`;
  rmSync(partial, { recursive: true, force: true });
  try {
    const handle = await openDatabase({ engine: "pglite", dataDir: partial });
    try {
      await migrateDatabase(handle);
      await template.prepare(handle.db);
      // Everything in the data files, so a copy does not depend on replaying the WAL.
      await handle.pglite?.exec("checkpoint");
    } finally {
      await handle.close();
    }
    // Only this user may enter it (`openDatabase` made it so): it holds the seed's fictional people.
    renameSync(partial, folder);
  } catch (error) {
    rmSync(partial, { recursive: true, force: true });
    // Another process made it meanwhile.
    if (existsSync(folder)) return folder;
    throw error;
  }
  for (const other of readdirSync(templateDir))
    if (other.startsWith(`${template.name}-`) && join(templateDir, other) !== folder && !unfinishedByLiveProcess(other))
      rmSync(join(templateDir, other), { recursive: true, force: true });
  return folder;
}

/** Whether `name` is a folder another process is still preparing (`<folder>.<pid>.partial`): left to it. */
function unfinishedByLiveProcess(name: string): boolean {
  const pid = /\.(\d+)\.partial$/.exec(name)?.[1];
  return pid !== undefined && isProcessAlive(Number(pid));
}

/** How an embedded database was opened. */
export type EmbeddedStart = "existing" | "restored" | "created";

/**
 * Opens and migrates the embedded database in `dataDir`. A new one starts as a copy of the prepared
 * folder of `template`, made first when it is not there (no initdb, no migrations to run, no seeding
 * on a later new folder). A prepared folder that cannot be opened is removed and the database is
 * created in `dataDir` instead.
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
  const migrate = options.migrate !== false;
  if (fresh && template) {
    const prepared = await preparedFolder(options.templateDir, template, migrate, options.warn);
    const restored = prepared ? await restore(dataDir, prepared.folder, options.warn) : null;
    if (prepared && restored) {
      // Nothing to apply when the folder is current; kept so that a database is always migrated.
      if (migrate) await migrateDatabase(restored);
      return { handle: restored, start: prepared.made ? "created" : "restored" };
    }
  }
  const handle = await openDatabase({ engine: "pglite", dataDir });
  try {
    if (migrate) await migrateDatabase(handle);
    if (fresh && migrate && template) await template.prepare(handle.db);
  } catch (error) {
    await handle.close();
    throw error;
  }
  return { handle, start: fresh ? "created" : "existing" };
}

/**
 * The prepared folder of `template` (`made` when this call made it: the database was created now),
 * made when it is missing unless migrations are not to run; null when there is none.
 */
async function preparedFolder(
  templateDir: string,
  template: DataFolderTemplate,
  migrate: boolean,
  warn: (message: string) => void,
): Promise<{ folder: string; made: boolean } | null> {
  const folder = templateFolder(templateDir, template);
  if (existsSync(folder)) return { folder, made: false };
  if (!migrate) return null;
  try {
    return { folder: await prepareTemplate(templateDir, template), made: true };
  } catch (error) {
    warn(`could not keep the prepared database in ${folder}: ${messageOf(error)}`);
    return null;
  }
}

async function restore(
  dataDir: string,
  folder: string,
  warn: (message: string) => void,
): Promise<DatabaseHandle | null> {
  let handle: DatabaseHandle | undefined;
  try {
    handle = await openDatabase({ engine: "pglite", dataDir, copyOf: folder });
    // A folder that copied but is not a database fails here rather than on the first request.
    await handle.pglite?.query("select 1 from pg_namespace limit 1");
    return handle;
  } catch (error) {
    await handle?.close().catch(() => undefined);
    // Another process has this folder open: neither the folder nor the prepared one is at fault.
    if (error instanceof DatabaseLockedError) throw error;
    warn(`the prepared database ${folder} could not be restored (${messageOf(error)}): creating the database instead`);
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(folder, { recursive: true, force: true });
    return null;
  }
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message.split("\n")[0] : String(error));
