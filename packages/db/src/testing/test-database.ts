import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { setTimeout as sleep } from "node:timers/promises";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import postgres from "postgres";
import { inject } from "vitest";
import "./provided-context.js";
import { type Database, type DatabaseHandle, type Engine, openDatabase } from "../client.js";
import { relations } from "../schema/relations.js";
import { pgliteTemplate, postgresTemplate } from "./templates.js";
import { testDatabaseUrl, testDatabaseUrlFor } from "./test-env.js";

/** A database for one test file: migrated, empty, and dropped by `dispose`. */
export interface TestDatabase extends DatabaseHandle {
  /** The database's name on the test server (PostgreSQL only). */
  name?: string;
  /** The connection URL (PostgreSQL only), for tests that start another process. */
  url?: string;
  dispose(): Promise<void>;
}

function provided<K extends "ankkuriPgliteTemplate" | "ankkuriPostgresTemplate">(key: K) {
  try {
    return inject(key);
  } catch {
    // Outside a vitest run with the global setup: build the template lazily instead.
    return undefined;
  }
}

/**
 * Creates database `name` as a copy of the template. A run of other migrations on the same server
 * (another branch's tests, with the code before templates were kept a day) may have dropped it: it is
 * made again; while it is being made, or copied by another test file, the copy waits its turn.
 */
async function createFromTemplate(admin: postgres.Sql, name: string, template: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await admin.unsafe(`create database "${name}" template "${template}"`);
      return;
    } catch (error) {
      const code = (error as { code?: string }).code;
      // 3D000: no such template; 55006: someone else is connected to it right now.
      if (attempt >= 20 || (code !== "3D000" && code !== "55006")) throw error;
      if (code === "3D000") await postgresTemplate();
      else await sleep(250 * attempt);
    }
  }
}

/**
 * A fresh database on `engine`, from the migrated template: PGlite in memory, or a new database on the
 * test server (dropped on dispose). `onQuery` sees every SQL statement (the gateway counts them).
 */
export async function createTestDatabase(
  engine: Engine,
  options: { onQuery?: (sql: string) => void; maxConnections?: number } = {},
): Promise<TestDatabase> {
  if (engine === "pglite") {
    const template = provided("ankkuriPgliteTemplate") ?? (await pgliteTemplate());
    const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(template)]), extensions: { btree_gist } });
    const logger = options.onQuery ? { logQuery: options.onQuery } : undefined;
    const db = drizzlePglite({ client: pglite, relations, logger }) as unknown as Database;
    let closed = false;
    const close = async () => {
      if (closed) return;
      closed = true;
      await pglite.close();
    };
    return { db, engine, pglite, close, dispose: close };
  }
  if (!testDatabaseUrl) throw new Error("TEST_DATABASE_URL is not set: PostgreSQL tests cannot run");
  const template = provided("ankkuriPostgresTemplate") ?? (await postgresTemplate());
  const name = `ankkuri_test_${randomBytes(6).toString("hex")}`;
  const admin = postgres(testDatabaseUrl, { max: 1, onnotice: () => undefined });
  await createFromTemplate(admin, name, String(template));
  const url = testDatabaseUrlFor(name);
  const handle = await openDatabase({
    engine: "postgres",
    url,
    maxConnections: options.maxConnections ?? 5,
    ...(options.onQuery ? { onQuery: options.onQuery } : {}),
  });
  return {
    ...handle,
    name,
    url,
    dispose: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}
