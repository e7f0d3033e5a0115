import { helsinkiAnkkuri } from "@ankkuri/domain";
import { afterAll, beforeAll } from "vitest";
import type { Database, Engine } from "../client.js";
import { seedTeam } from "../seed/seed-team.js";
import { createTestDatabase, type TestDatabase } from "./test-database.js";

/** The database of one `describe`, seeded with the Helsinki agreement and its users. */
export interface SeededTestDatabase {
  /** Throws until the `describe`'s `beforeAll` has opened it. */
  readonly db: Database;
  /** The connection URL (PostgreSQL only), for tests that open connections of their own. */
  readonly url: string | undefined;
}

/**
 * Opens a fresh database on `engine` before the enclosing `describe`'s tests, seeds Helsinki into
 * it, runs `fill` for what the tests need beyond that, and disposes of it afterwards. Call it in the
 * `describe`'s body.
 */
export function seededTestDatabase(engine: Engine, fill?: (db: Database) => Promise<void>): SeededTestDatabase {
  let database: TestDatabase | undefined;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
    await seedTeam(database.db, helsinkiAnkkuri);
    await fill?.(database.db);
  });
  afterAll(async () => {
    await database?.dispose();
  });
  const opened = () => {
    if (!database) throw new Error("the seeded test database is opened in the describe's beforeAll");
    return database;
  };
  return {
    get db() {
      return opened().db;
    },
    get url() {
      return opened().url;
    },
  };
}
