import { createIdentityVault, type DatabaseConfig, type keySettingsEnv, openRuntime, synthesize } from "@ankkuri/db";
import postgres from "postgres";
import { BenchError } from "./errors.js";

/** A PostgreSQL database holding the synthetic data set at one scale. */
export interface BenchDatabase {
  name: string;
  url: string;
  scale: number;
  /** The `--today` the data was generated with (its history ends that day). */
  today: string;
  /** Cases and meetings actually in it. */
  cases: number;
  meetings: number;
  /** True when this run generated it (false: reused from an earlier run). */
  created: boolean;
  synthSeconds: number | null;
}

/** Key settings as environment variables (the synthetic identity codes are encrypted under them). */
export type KeyEnv = ReturnType<typeof keySettingsEnv>;

// Written last, after the data: a database without it (an interrupted run) is rebuilt.
const markerTable = "bench_dataset";

/**
 * The synthetic data's generation: raised when `synthesize` changes what it generates, so that a
 * bench database made by an older one is rebuilt rather than measured. 2: open cases have their next
 * meeting booked (2026-12-07).
 */
export const datasetVersion = 2;

/** A connection URL for another database of the same server. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

function runtimeConfig(url: string, keys: KeyEnv): DatabaseConfig {
  return {
    databaseUrl: url,
    dataDir: ".",
    poolSize: 4,
    keys: {
      identityKeys: keys.ANKKURI_IDENTITY_KEYS,
      identityHmacKey: keys.ANKKURI_IDENTITY_HMAC_KEY,
      auditKey: keys.ANKKURI_AUDIT_KEY,
    },
  };
}

async function markerOf(url: string): Promise<{ scale: number; today: string; version: number } | null> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const [exists] = await sql<{ found: boolean }[]>`select to_regclass(${markerTable}) is not null as found`;
    if (exists?.found !== true) return null;
    // Markers before the version column count as generation 1.
    const [row] = await sql<
      { scale: number; today: string; version: number }[]
    >`select scale, today::text as today, coalesce((to_jsonb(b) ->> 'version')::int, 1) as version from bench_dataset b limit 1`;
    return row ?? null;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

async function sizeOf(url: string): Promise<{ cases: number; meetings: number }> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const [row] = await sql<
      { cases: number; meetings: number }[]
    >`select (select count(*)::int from cases) as cases, (select count(*)::int from meetings) as meetings`;
    return row ?? { cases: 0, meetings: 0 };
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/**
 * The bench database of a scale (`<prefix>_<scale>` on the server): reused when an earlier run
 * finished generating it, otherwise created, migrated and filled with `synthesize` (Helsinki, seed 1,
 * history up to `today`). Reuse is what keeps a re-run from spending minutes on data.
 */
export async function ensureBenchDatabase(options: {
  serverUrl: string;
  prefix: string;
  scale: number;
  today: string;
  keys: KeyEnv;
  log: (line: string) => void;
}): Promise<BenchDatabase> {
  const name = `${options.prefix}_${String(options.scale)}`;
  const url = databaseUrl(options.serverUrl, name);
  const admin = postgres(databaseUrl(options.serverUrl, "postgres"), { max: 1, onnotice: () => undefined });
  let exists: boolean;
  try {
    const rows = await admin<{ n: number }[]>`select count(*)::int as n from pg_database where datname = ${name}`;
    exists = (rows[0]?.n ?? 0) > 0;
  } catch (error) {
    await admin.end({ timeout: 5 });
    throw new BenchError(
      "database",
      `cannot reach PostgreSQL at ${new URL(options.serverUrl).host}: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  try {
    if (exists) {
      const marker = await markerOf(url);
      if (marker?.scale === options.scale && marker.version === datasetVersion) {
        options.log(`database ${name}: reusing ${String(options.scale)} cases generated up to ${marker.today}`);
        // Migrations added since it was generated are applied (a no-op when there are none).
        const runtime = await openRuntime(runtimeConfig(url, options.keys), {
          warn: options.log,
          migrate: true,
          applicationName: "ankkuri-bench",
        });
        await runtime.handle.close();
        return {
          name,
          url,
          scale: options.scale,
          today: marker.today,
          ...(await sizeOf(url)),
          created: false,
          synthSeconds: null,
        };
      }
      options.log(`database ${name}: incomplete, of another scale or of older synthetic data, rebuilding`);
      await admin.unsafe(`drop database "${name}" with (force)`);
    }
    await admin.unsafe(`create database "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }

  options.log(
    `database ${name}: migrating and generating ${String(options.scale)} cases (history up to ${options.today})`,
  );
  const started = performance.now();
  const runtime = await openRuntime(runtimeConfig(url, options.keys), {
    warn: options.log,
    migrate: true,
    applicationName: "ankkuri-bench",
  });
  let lastShown = 0;
  try {
    await synthesize(
      runtime.handle.db,
      createIdentityVault(runtime.keys),
      { scale: options.scale, teams: 1, seed: 1, today: options.today, batchSize: 1000 },
      (p) => {
        if (p.cases - lastShown >= Math.max(1000, options.scale / 10) || p.cases === options.scale) {
          lastShown = p.cases;
          options.log(`  ${String(p.cases)}/${String(options.scale)} cases`);
        }
      },
    );
  } finally {
    await runtime.handle.close();
  }
  const synthSeconds = (performance.now() - started) / 1000;
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await sql`vacuum analyze`;
    await sql.unsafe(
      `create table ${markerTable} (scale integer not null, today date not null, version integer not null, created_at timestamptz not null default now())`,
    );
    await sql`insert into bench_dataset (scale, today, version) values (${options.scale}, ${options.today}, ${datasetVersion})`;
  } finally {
    await sql.end({ timeout: 5 });
  }
  options.log(`database ${name}: ready in ${synthSeconds.toFixed(0)} s`);
  return { name, url, scale: options.scale, today: options.today, ...(await sizeOf(url)), created: true, synthSeconds };
}
