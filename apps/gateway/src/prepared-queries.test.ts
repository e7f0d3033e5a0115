import { sql } from "@ankkuri/db";
import { seededTestDatabase, testEngines } from "@ankkuri/db/testing";
import { helsinkiOrganisationIds as org } from "@ankkuri/domain";
import { describe, expect, it } from "vitest";
import { PreparedQueries, shapedRaw, shapeKey } from "./prepared-queries.js";

describe("shapeKey", () => {
  it("keeps values and placeholder names, and the order of keys", () => {
    expect(shapeKey({ where: { id: sql.placeholder("id") }, limit: 1 })).toBe('{"where":{"id":$id},"limit":1}');
    expect(shapeKey({ where: { id: "x" } })).not.toBe(shapeKey({ where: { id: "y" } }));
    expect(shapeKey({ orderBy: { a: "asc", b: "asc" } })).not.toBe(shapeKey({ orderBy: { b: "asc", a: "asc" } }));
    expect(shapeKey({ with: { children: true, parent: { columns: { id: true } } } })).toBe(
      '{"with":{"children":true,"parent":{"columns":{"id":true}}}}',
    );
  });

  it("gives up on what it cannot compare: SQL fragments, functions, dates", () => {
    expect(shapeKey({ extras: { n: sql`1` } })).toBeNull();
    expect(shapeKey({ where: { RAW: () => sql`true` } })).toBeNull();
    expect(shapeKey([new Date(0)])).toBeNull();
  });

  it("keys a shaped RAW condition by its shape, so its text is built once per shape", () => {
    const a = shapedRaw("status:active", () => sql`true`);
    const b = shapedRaw("status:closed", () => sql`true`);
    expect(shapeKey({ where: { RAW: a } })).toBe(
      shapeKey({ where: { RAW: shapedRaw("status:active", () => sql`1`) } }),
    );
    expect(shapeKey({ where: { RAW: a } })).not.toBe(shapeKey({ where: { RAW: b } }));
    expect(shapeKey({ where: { RAW: a } })).not.toBeNull();
  });
});

describe.each(testEngines)("prepared relational queries on %s", (engine) => {
  const database = seededTestDatabase(engine);

  const withParent = {
    columns: { id: true },
    with: { parent: { columns: { id: true } } },
    where: { id: sql.placeholder("id") },
  };

  it("answers each request with its own values from one prepared shape", async () => {
    const queries = new PreparedQueries(database.db);
    const direct = async (id: string) =>
      database.db.query.organisations.findFirst({
        columns: { id: true },
        with: { parent: { columns: { id: true } } },
        where: { id },
      });
    for (const id of [org.youthServices, org.kuva, org.police, "org-that-does-not-exist"]) {
      expect(await queries.findFirst("organisations", withParent, { id })).toEqual(await direct(id));
    }
    expect(await queries.findFirst("organisations", withParent, { id: org.youthServices })).toEqual({
      id: org.youthServices,
      parent: { id: org.kuva },
    });
    expect(queries.size).toBe(1);
  });

  it("keeps concurrent requests on one prepared shape apart", async () => {
    const queries = new PreparedQueries(database.db);
    const ids = Object.values(org);
    const expected = await Promise.all(
      ids.map((id) =>
        database.db.query.organisations.findFirst({
          columns: { id: true },
          with: { parent: { columns: { id: true } } },
          where: { id },
        }),
      ),
    );
    const answers = await Promise.all(
      [...ids, ...ids].map((id) => queries.findFirst("organisations", withParent, { id })),
    );
    expect(answers).toEqual([...expected, ...expected]);
    expect(queries.size).toBe(1);
  });

  it("keeps one entry per shape, evicts the least recently used, and runs what it cannot key unprepared", async () => {
    const queries = new PreparedQueries(database.db, 2);
    const many = async (orderBy: object) =>
      (await queries.findMany(
        "organisations",
        { columns: { id: true }, where: { parentId: sql.placeholder("parent") }, orderBy },
        { parent: org.sotepe },
      )) as { id: string }[];
    const ascending = await many({ id: "asc" });
    const descending = await many({ id: "desc" });
    expect(ascending.length).toBeGreaterThan(1);
    expect(descending).toEqual(ascending.slice().reverse());
    expect(queries.size).toBe(2);
    await queries.findFirst("organisations", withParent, { id: org.kuva });
    expect(queries.size).toBe(2);
    const raw = await queries.findMany(
      "organisations",
      {
        columns: { id: true },
        where: { RAW: (t: { parentId: unknown }) => sql`${t.parentId} = ${org.sotepe}` },
        orderBy: { id: "asc" },
      },
      {},
    );
    expect(raw).toEqual(ascending);
    expect(queries.size).toBe(2);
  });
});
