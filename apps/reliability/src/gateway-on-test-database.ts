import { type Database, generateKeySettings, type KeySettings, seedTeam } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase } from "@ankkuri/db/testing";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import type { FictionalLogin } from "@ankkuri/processes";
import { type GatewayProcess, startGatewayProcess } from "./gateway-process.js";

/** A gateway process on a fresh database of the test server, and the cleanup of both. */
export interface GatewayOnTestDatabase {
  database: TestDatabase;
  databaseUrl: string;
  keys: Required<KeySettings>;
  gateway: GatewayProcess;
  /** Stops the gateway, then drops the database; safe to call after a failed start. */
  dispose(): Promise<void>;
}

/**
 * Creates a database on the test server (TEST_DATABASE_URL) from the migrated template, fills it
 * (the Helsinki seed by default), and starts a gateway process on it with fresh keys.
 */
export async function startGatewayOnTestDatabase(options: {
  logins: readonly FictionalLogin[];
  reportWorker?: boolean;
  fill?: (db: Database, keys: Required<KeySettings>) => Promise<void>;
}): Promise<GatewayOnTestDatabase> {
  const database = await createTestDatabase("postgres", { maxConnections: 2 });
  const keys = generateKeySettings();
  try {
    if (database.url === undefined) throw new Error("the test database has no URL");
    await (options.fill ?? ((db) => seedTeam(db, helsinkiAnkkuri)))(database.db, keys);
    const gateway = await startGatewayProcess({
      databaseUrl: database.url,
      keys,
      reportWorker: options.reportWorker ?? false,
      logins: options.logins,
    });
    return {
      database,
      databaseUrl: database.url,
      keys,
      gateway,
      dispose: async () => {
        try {
          await gateway.stop();
        } finally {
          await database.dispose();
        }
      },
    };
  } catch (error) {
    await database.dispose();
    throw error;
  }
}
