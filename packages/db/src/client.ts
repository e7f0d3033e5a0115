import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import type { PgAsyncDatabase, PgAsyncTransaction, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { relations } from "./schema/relations.js";

export type Relations = typeof relations;

/** The typed drizzle API, the same on both engines. */
export type Database = PgAsyncDatabase<PgQueryResultHKT, Relations>;
/** A transaction handle; accepted wherever a `Database` is, for work inside a transaction. */
export type Transaction = PgAsyncTransaction<PgQueryResultHKT, Relations>;
export type Executor = Database | Transaction;

export type Engine = "pglite" | "postgres";

/** Where to connect: a PostgreSQL URL, or the embedded engine with a data folder (or in memory). */
export type ConnectionOptions =
  | {
      engine: "postgres";
      url: string;
      maxConnections?: number;
      applicationName?: string;
      onQuery?: (sql: string) => void;
    }
  | { engine: "pglite"; dataDir?: string; onQuery?: (sql: string) => void };

/** An open database: the drizzle API, the engine it runs on, and a clean shutdown. */
export interface DatabaseHandle {
  db: Database;
  engine: Engine;
  /** Closes connections (PostgreSQL) or flushes and closes the embedded engine. Idempotent. */
  close(): Promise<void>;
  /** The embedded engine, for tools that need it (the job queue runs its SQL through it). */
  pglite?: PGlite;
  /** The postgres.js client, for tools that need it (streaming, COPY, LISTEN). */
  sql?: postgres.Sql;
  /** PostgreSQL: the pool's state, for metrics (the embedded engine has no pool). */
  poolStats?: () => PoolStats;
}

/** A connection pool's state: its size, connections in use, and calls waiting for one. */
export interface PoolStats {
  max: number;
  inUse: number;
  /** Calls queued now because every connection was busy. */
  waiting: number;
  /** Calls that had to wait for a connection, since the pool opened. */
  waitsTotal: number;
}

/** What the patched postgres.js (tooling/patches) tells about its pool. */
interface PostgresPoolState {
  max: number;
  open: number;
  busy: number;
  full: number;
  reserved: number;
  connecting: number;
  waiting: number;
  waits: number;
}

function logger(onQuery: ((sql: string) => void) | undefined) {
  return onQuery
    ? {
        logQuery: (query: string) => {
          onQuery(query);
        },
      }
    : undefined;
}

/**
 * Opens the database. Without a URL the embedded PGlite runs in-process, persisted to `dataDir`
 * (in memory when omitted); with one, postgres.js connects to PostgreSQL. Both return the same
 * typed drizzle API. Migrations are separate (`migrateDatabase`).
 */
export async function openDatabase(options: ConnectionOptions): Promise<DatabaseHandle> {
  if (options.engine === "postgres") {
    const sql = postgres(options.url, {
      // At least two: migrations hold an advisory lock on one connection while the migrator uses another.
      max: Math.max(2, options.maxConnections ?? 10),
      onnotice: () => undefined,
      // Reconnect quickly once the server is back (the default backoff grows to 20 s under load).
      backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 1),
      // JIT compiles each statement whose estimated cost passes a threshold: the nested reads of a
      // case page pass it and spend more time compiling (tens of ms) than running.
      connection: { application_name: options.applicationName ?? "ankkuri", jit: "off" },
    });
    const db = drizzlePostgres({ client: sql, relations, logger: logger(options.onQuery) }) as unknown as Database;
    let closed = false;
    return {
      db,
      engine: "postgres",
      sql,
      poolStats: () => {
        const state = (sql as unknown as { poolStats?: PostgresPoolState }).poolStats;
        if (!state) return { max: 0, inUse: 0, waiting: 0, waitsTotal: 0 };
        return {
          max: state.max,
          inUse: state.busy + state.full + state.reserved,
          waiting: state.waiting,
          waitsTotal: state.waits,
        };
      },
      close: async () => {
        if (closed) return;
        closed = true;
        await sql.end({ timeout: 5 });
      },
    };
  }
  if (options.dataDir !== undefined) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir ?? "memory://", { extensions: { btree_gist } });
  const db = drizzlePglite({ client: pglite, relations, logger: logger(options.onQuery) }) as unknown as Database;
  let closed = false;
  return {
    db,
    engine: "pglite",
    pglite,
    close: async () => {
      if (closed) return;
      closed = true;
      await pglite.close();
    },
  };
}
