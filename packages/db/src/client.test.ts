import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseReady, migrateDatabase } from "./migrate.js";
import { queryRows } from "./query-rows.js";
import { organisations } from "./schema/tables.js";
import { createTestDatabase, type TestDatabase, testEngines } from "./testing/index.js";

describe.each(testEngines)("the database client on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("is migrated and ready", async () => {
    expect(await isDatabaseReady(database)).toBe(true);
    const tables = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from information_schema.tables where table_schema = 'public'`,
    );
    expect(tables[0]?.n).toBeGreaterThanOrEqual(36);
  });

  it("runs migrations again without changing anything", async () => {
    const before = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    await migrateDatabase(database);
    await migrateDatabase(database);
    const after = await queryRows<{ n: number }>(
      database.db,
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    expect(after).toEqual(before);
    expect(before[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it("gives the same typed API on both engines: insert, relational query, raw rows", async () => {
    await database.db.insert(organisations).values({
      id: "org-x",
      kind: "legal-entity",
      parentId: null,
      nameFi: "X",
      nameSv: "X",
      nameEn: "X",
      businessId: "0245432-1",
      sector: "police",
    });
    const found = await database.db.query.organisations.findFirst({ where: { id: "org-x" }, with: { children: true } });
    expect(found).toMatchObject({ id: "org-x", businessId: "0245432-1", children: [] });
    const rows = await queryRows<{ id: string }>(database.db, sql`select id from organisations where id = ${"org-x"}`);
    expect(rows).toEqual([{ id: "org-x" }]);
  });

  it("closes cleanly and more than once", async () => {
    const other = await createTestDatabase(engine);
    await other.close();
    await other.close();
    expect(await isDatabaseReady(other)).toBe(false);
    await other.dispose();
  });
});
