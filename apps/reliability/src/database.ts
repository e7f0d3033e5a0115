import { migrateDatabase, openDatabase, seedTeam } from "@ankkuri/db";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import postgres from "postgres";

/**
 * Migrates a PostgreSQL database and seeds the Helsinki team, as `pnpm db:migrate` and `pnpm db:seed`
 * do before a deployment's first start (the gateway migrates only its embedded database itself).
 */
export async function prepareDatabase(url: string): Promise<void> {
  const handle = await openDatabase({ engine: "postgres", url, maxConnections: 2 });
  try {
    await migrateDatabase(handle);
    await seedTeam(handle.db, helsinkiAnkkuri);
  } finally {
    await handle.close();
  }
}

/** How many files the database holds for a report run. */
export async function artifactCount(url: string, runId: string): Promise<number> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const [row] = await sql<
      { n: number }[]
    >`select count(*)::int as n from report_artifacts where run_id = ${runId}::uuid`;
    return row?.n ?? 0;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

/** Which of `ids` are rows of `table`: the lost-write check reads the database itself, not the gateway. */
export async function existingIds(
  url: string,
  table: "cases" | "case_notes" | "report_runs",
  ids: readonly string[],
): Promise<Set<string>> {
  const sql = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    const found = new Set<string>();
    for (let start = 0; start < ids.length; start += 1_000) {
      const rows = await sql<
        { id: string }[]
      >`select id::text as id from ${sql(table)} where id = any(${ids.slice(start, start + 1_000)}::uuid[])`;
      for (const row of rows) found.add(row.id);
    }
    return found;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
