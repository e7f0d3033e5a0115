import { chmodSync, closeSync, cpSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from "node:fs";
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
  | {
      engine: "pglite";
      dataDir?: string;
      /**
       * A prepared data folder (closed cleanly) to start the new, empty `dataDir` as a copy of, instead of
       * running initdb; copied once the folder's lock is held.
       */
      copyOf?: string;
      onQuery?: (sql: string) => void;
    };

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
  if (options.dataDir !== undefined) {
    // PGlite writes its files readable and writable by everyone (0666): the folder alone keeps other
    // users of the machine out, as PostgreSQL requires of its data directory.
    mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
    chmodSync(options.dataDir, 0o700);
  }
  const lock = options.dataDir === undefined ? null : lockDataDir(options.dataDir);
  let pglite: PGlite;
  try {
    // A native copy: PGlite's own restore (`loadDataDir`) unpacks a tarball file by file through its
    // WebAssembly file system, most of a new folder's start.
    if (options.copyOf !== undefined && options.dataDir !== undefined)
      cpSync(options.copyOf, options.dataDir, { recursive: true });
    pglite = await PGlite.create(options.dataDir ?? "memory://", { extensions: { btree_gist } });
  } catch (error) {
    lock?.release();
    throw error;
  }
  const db = drizzlePglite({ client: pglite, relations, logger: logger(options.onQuery) }) as unknown as Database;
  let closed = false;
  return {
    db,
    engine: "pglite",
    pglite,
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        await pglite.close();
      } finally {
        lock?.release();
      }
    },
  };
}

/** A second process (or a second open in this one) on an embedded database's folder. */
export class DatabaseLockedError extends Error {
  override readonly name = "DatabaseLockedError";
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `the embedded database in ${dataDir} is in use by process ${String(pid)}${pid === process.pid ? " (this one)" : ""}: stop it first, or use PostgreSQL (DATABASE_URL) to run several processes`,
    );
  }
}

/** Whether process `pid` runs (one of another user counts). */
export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === "EPERM";
  }
}

/** The embedded databases this process holds open (by lock file). */
const heldLocks = new Set<string>();

/**
 * PGlite is one process's: two on the same folder corrupt it. A lock file beside the data folder
 * (`<folder>.lock`) holds the owner's pid; a lock whose process is gone is taken over, and so is
 * one with this process's own pid that this process does not hold (a container restarted after a
 * crash gets the same pid again).
 */
function lockDataDir(dataDir: string): { release(): void } {
  const file = `${dataDir.replace(/[/\\]+$/, "")}.lock`;
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(file, "wx", 0o600);
      writeSync(fd, `${String(process.pid)}\n`);
      closeSync(fd);
      heldLocks.add(file);
      return {
        release: () => {
          heldLocks.delete(file);
          try {
            if (readFileSync(file, "utf8").trim() === String(process.pid)) unlinkSync(file);
          } catch {
            // Already gone.
          }
        },
      };
    } catch (error) {
      if ((error as { code?: string }).code !== "EEXIST") throw error;
      const owner = Number.parseInt(readFileSync(file, "utf8"), 10);
      const stale =
        !Number.isInteger(owner) ||
        owner <= 0 ||
        (owner === process.pid ? !heldLocks.has(file) : !isProcessAlive(owner));
      if (!stale) throw new DatabaseLockedError(dataDir, owner);
      unlinkSync(file);
    }
  }
  throw new DatabaseLockedError(dataDir, Number.parseInt(readFileSync(file, "utf8"), 10));
}
