import { existsSync, renameSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import { openDatabase } from "../client.js";
import { migrateDatabase } from "../migrate.js";
import { migrationsHash } from "../migrations-hash.js";
import { testDatabaseUrl, testDatabaseUrlFor } from "./test-env.js";

/**
 * A migrated, empty PGlite data directory as a tarball in the temp folder, built once per set of
 * migrations. Loading it is several times faster than migrating a fresh instance.
 */
export async function pgliteTemplate(): Promise<string> {
  const file = join(tmpdir(), `ankkuri-pglite-${migrationsHash()}.tar`);
  if (existsSync(file)) return file;
  const handle = await openDatabase({ engine: "pglite" });
  await migrateDatabase(handle);
  const dump = await handle.pglite?.dumpDataDir("none");
  await handle.close();
  if (!dump) throw new Error("PGlite dump failed");
  const partial = `${file}.${String(process.pid)}`;
  writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
  renameSync(partial, file);
  return file;
}

/** A template of other migrations is dropped once it is this old (its comment says when it was made). */
const templateLifetimeMs = 24 * 3600 * 1000;

/**
 * A migrated template database on the test server, named after the migrations; per-test databases are
 * created from it with `CREATE DATABASE … TEMPLATE`. Templates of other migrations are dropped a day
 * after they were made, not at once: other branches may be testing on the same server meanwhile.
 */
export async function postgresTemplate(): Promise<string | undefined> {
  if (!testDatabaseUrl) return undefined;
  const name = `ankkuri_tpl_${migrationsHash()}`;
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => undefined });
  try {
    await admin`select pg_advisory_lock(${0x616e6b74})`;
    const existing = await admin<
      { datname: string; made: string | null }[]
    >`select datname, shobj_description(oid, 'pg_database') as made from pg_database where datname like 'ankkuri_tpl_%'`;
    // A template that does not say when it was made is left alone.
    const stale = (made: string | null) => made !== null && Date.now() - Date.parse(made) > templateLifetimeMs;
    for (const { datname } of existing.filter((d) => !d.datname.startsWith(name) && stale(d.made)))
      await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    if (!existing.some((d) => d.datname === name)) {
      // Made under another name and renamed when complete, so no test copies a half-migrated template.
      const building = `${name}_building`;
      await admin.unsafe(`drop database if exists "${building}" with (force)`);
      await admin.unsafe(`create database "${building}"`);
      const handle = await openDatabase({ engine: "postgres", url: testDatabaseUrlFor(building), maxConnections: 2 });
      try {
        await migrateDatabase(handle);
      } catch (error) {
        await handle.close();
        await admin.unsafe(`drop database if exists "${building}" with (force)`);
        throw error;
      }
      await handle.close();
      await admin.unsafe(`comment on database "${building}" is '${new Date().toISOString()}'`);
      await admin.unsafe(`alter database "${building}" rename to "${name}"`);
    }
    return name;
  } finally {
    await admin`select pg_advisory_unlock(${0x616e6b74})`;
    await admin.end();
  }
}
