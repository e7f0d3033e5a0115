import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { helsinkiAnkkuri } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { type DatabaseHandle, DatabaseLockedError } from "./client.js";
import { parseDatabaseConfig } from "./config.js";
import { migrationsFolder } from "./migrate.js";
import { type DataFolderTemplate, openEmbeddedDatabase, seededTemplate, templateFile } from "./prepared-data-folder.js";
import { queryRows } from "./query-rows.js";
import { openRuntime } from "./runtime.js";

const count = async (handle: DatabaseHandle, table: string) =>
  (await queryRows<{ n: number }>(handle.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n;

describe("a new embedded database from its prepared dump", () => {
  const root = mkdtempSync(join(tmpdir(), "ankkuri-prepared-"));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  const helsinki = seededTemplate("helsinki", helsinkiAnkkuri);

  it("is created, seeded and dumped on first start, restored from the dump after, and holds no key", async () => {
    const templateDir = join(root, "dumps");
    const config = (dataDir: string) => ({ ...parseDatabaseConfig({ DATA_DIR: dataDir }), templateDir });
    const warnings: string[] = [];
    const first = await openRuntime(config(join(root, "first")), {
      warn: (m) => warnings.push(m),
      template: helsinki,
    });
    let teams: number | undefined;
    let users: number | undefined;
    try {
      expect(first.start).toBe("created");
      teams = await count(first.handle, "teams");
      users = await count(first.handle, "users");
      expect(teams).toBeGreaterThan(0);
    } finally {
      await first.handle.close();
    }
    const file = templateFile(templateDir, helsinki);
    expect(readdirSync(templateDir)).toEqual([file.split("/").pop()]);
    // Only this user may read it: it holds the seed's fictional people.
    expect(statSync(file).mode & 0o077).toBe(0);
    // The keys live in the data folder, never in the dump (which every new folder of this install shares).
    const dump = readFileSync(file);
    for (const key of [...first.keys.identityKeys.map((k) => k.key), first.keys.identityHmacKey, first.keys.auditKey]) {
      expect(dump.includes(key)).toBe(false);
      expect(dump.includes(key.toString("base64"))).toBe(false);
    }

    const second = await openRuntime(config(join(root, "second")), {
      warn: (m) => warnings.push(m),
      template: helsinki,
    });
    try {
      expect(second.start).toBe("restored");
      expect(await count(second.handle, "teams")).toBe(teams);
      expect(await count(second.handle, "users")).toBe(users);
      expect(await count(second.handle, "drizzle.__drizzle_migrations")).toBe(readdirSync(migrationsFolder).length);
      // Its own keys: a restored folder shares the seed, not the secrets.
      expect(second.keys.auditKey.equals(first.keys.auditKey)).toBe(false);
    } finally {
      await second.handle.close();
    }
    const again = await openRuntime(config(join(root, "second")), {
      warn: (m) => warnings.push(m),
      template: helsinki,
    });
    expect(again.start).toBe("existing");
    await again.handle.close();
    expect(warnings.filter((w) => !w.startsWith("Generated encryption keys"))).toEqual([]);
  }, 240_000);

  it("falls back to creating the database when the dump is corrupt, and replaces the dump", async () => {
    const templateDir = join(root, "corrupt");
    const marker: DataFolderTemplate = {
      name: "marker",
      fingerprint: "one",
      prepare: async (db) => {
        await db.execute(sql`create table prepared_marker (n int)`);
      },
    };
    const file = templateFile(templateDir, marker);
    mkdirSync(templateDir, { recursive: true });
    writeFileSync(file, "not a tarball of a database");
    const warnings: string[] = [];
    const dataDir = join(root, "after-corrupt", "pglite");
    const { handle, start } = await openEmbeddedDatabase(dataDir, {
      template: marker,
      templateDir,
      warn: (m) => warnings.push(m),
    });
    try {
      expect(start).toBe("created");
      expect(await count(handle, "prepared_marker")).toBe(0);
    } finally {
      await handle.close();
    }
    expect(warnings).toEqual([expect.stringMatching(/could not be restored.*creating the database instead/)]);
    expect(readFileSync(file).length).toBeGreaterThan(1_000_000);

    // A dump that unpacks into something that is not a database is refused the same way.
    writeFileSync(file, readFileSync(file).subarray(0, 200_000));
    const truncated = await openEmbeddedDatabase(join(root, "after-truncated", "pglite"), {
      template: marker,
      templateDir,
      warn: (m) => warnings.push(m),
    });
    try {
      expect(truncated.start).toBe("created");
      expect(await count(truncated.handle, "prepared_marker")).toBe(0);
    } finally {
      await truncated.handle.close();
    }
    expect(warnings).toHaveLength(2);
  }, 240_000);

  it("never restores a stale dump: another seed or migration names another file, and the old one is removed", async () => {
    const templateDir = join(root, "stale");
    const one: DataFolderTemplate = { name: "stale", fingerprint: "one", prepare: () => Promise.resolve() };
    const two: DataFolderTemplate = { ...one, fingerprint: "two" };
    expect(templateFile(templateDir, one)).not.toBe(templateFile(templateDir, two));
    expect(templateFile(templateDir, one)).toBe(templateFile(templateDir, { ...one }));
    expect(seededTemplate("h", helsinkiAnkkuri).fingerprint).not.toBe(
      seededTemplate("h", { ...helsinkiAnkkuri, team: { ...helsinkiAnkkuri.team, code: "OTHER" } }).fingerprint,
    );
    mkdirSync(templateDir, { recursive: true });
    writeFileSync(templateFile(templateDir, one), "a dump of the old seed");
    const { handle, start } = await openEmbeddedDatabase(join(root, "stale-data", "pglite"), {
      template: two,
      templateDir,
      warn: () => undefined,
    });
    await handle.close();
    expect(start).toBe("created");
    expect(existsSync(templateFile(templateDir, one))).toBe(false);
    expect(existsSync(templateFile(templateDir, two))).toBe(true);
  }, 240_000);

  it("leaves the dump and the folder alone when another process has the folder open", async () => {
    const templateDir = join(root, "locked");
    const template: DataFolderTemplate = { name: "locked", fingerprint: "one", prepare: () => Promise.resolve() };
    mkdirSync(templateDir, { recursive: true });
    writeFileSync(templateFile(templateDir, template), "a dump");
    const dataDir = join(root, "locked-data", "pglite");
    mkdirSync(join(root, "locked-data"), { recursive: true });
    // A live process other than this one holds the folder (the parent of the test runner's worker).
    writeFileSync(`${dataDir}.lock`, `${String(process.ppid)}\n`);
    const warnings: string[] = [];
    await expect(
      openEmbeddedDatabase(dataDir, { template, templateDir, warn: (m) => warnings.push(m) }),
    ).rejects.toBeInstanceOf(DatabaseLockedError);
    expect(warnings).toEqual([]);
    expect(existsSync(templateFile(templateDir, template))).toBe(true);
  });
});
