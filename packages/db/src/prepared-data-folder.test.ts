import {
  chmodSync,
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
import {
  type DataFolderTemplate,
  openEmbeddedDatabase,
  seededTemplate,
  templateFolder,
} from "./prepared-data-folder.js";
import { queryRows } from "./query-rows.js";
import { openRuntime } from "./runtime.js";

/** Every file under `dir`, recursively. */
const filesUnder = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: "utf8" })
    .map((f) => join(dir, f))
    .filter((f) => statSync(f).isFile());

const count = async (handle: DatabaseHandle, table: string) =>
  (await queryRows<{ n: number }>(handle.db, sql.raw(`select count(*)::int as n from ${table}`)))[0]?.n;

describe("a new embedded database from its prepared folder", () => {
  const root = mkdtempSync(join(tmpdir(), "ankkuri-prepared-"));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  const helsinki = seededTemplate("helsinki", helsinkiAnkkuri);

  it("is created, seeded and prepared on first start, copied from the prepared folder after, and holds no key", async () => {
    const templateDir = join(root, "prepared");
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
    const folder = templateFolder(templateDir, helsinki);
    expect(readdirSync(templateDir)).toEqual([folder.split("/").pop()]);
    // Only this user may read it: it holds the seed's fictional people.
    expect(statSync(folder).mode & 0o077).toBe(0);
    // The keys live in the data folder, never in the prepared one (which every new folder of this install shares).
    const keys = [...first.keys.identityKeys.map((k) => k.key), first.keys.identityHmacKey, first.keys.auditKey];
    const files = filesUnder(folder);
    expect(files.length).toBeGreaterThan(100);
    for (const file of files) {
      const bytes = readFileSync(file);
      for (const key of keys) {
        expect(bytes.includes(key)).toBe(false);
        expect(bytes.includes(key.toString("base64"))).toBe(false);
      }
    }

    const second = await openRuntime(config(join(root, "second")), {
      warn: (m) => warnings.push(m),
      template: helsinki,
    });
    try {
      expect(second.start).toBe("restored");
      // The database's files are readable by everyone as PGlite writes them: the folders keep others out.
      for (const dir of [join(root, "second"), join(root, "second", "pglite")])
        expect((statSync(dir).mode & 0o777).toString(8)).toBe("700");
      expect(await count(second.handle, "teams")).toBe(teams);
      expect(await count(second.handle, "users")).toBe(users);
      expect(await count(second.handle, "drizzle.__drizzle_migrations")).toBe(readdirSync(migrationsFolder).length);
      // Its own keys: a restored folder shares the seed, not the secrets.
      expect(second.keys.auditKey.equals(first.keys.auditKey)).toBe(false);
    } finally {
      await second.handle.close();
    }
    // A folder an earlier version left open to others is closed to them when it is opened.
    chmodSync(join(root, "second", "pglite"), 0o755);
    const again = await openRuntime(config(join(root, "second")), {
      warn: (m) => warnings.push(m),
      template: helsinki,
    });
    expect(again.start).toBe("existing");
    await again.handle.close();
    expect((statSync(join(root, "second", "pglite")).mode & 0o777).toString(8)).toBe("700");
    expect(warnings.filter((w) => !w.startsWith("Generated encryption keys"))).toEqual([]);
  }, 240_000);

  it("falls back to creating the database when the prepared folder is broken, and prepares it again for the next", async () => {
    const templateDir = join(root, "broken");
    const marker: DataFolderTemplate = {
      name: "marker",
      fingerprint: "one",
      prepare: async (db) => {
        await db.execute(sql`create table prepared_marker (n int)`);
      },
    };
    const folder = templateFolder(templateDir, marker);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "PG_VERSION"), "not a database");
    const warnings: string[] = [];
    const open = async (name: string) => {
      const { handle, start } = await openEmbeddedDatabase(join(root, name, "pglite"), {
        template: marker,
        templateDir,
        warn: (m) => warnings.push(m),
      });
      try {
        expect(await count(handle, "prepared_marker")).toBe(0);
      } finally {
        await handle.close();
      }
      return start;
    };
    expect(await open("after-broken")).toBe("created");
    expect(warnings).toEqual([expect.stringMatching(/could not be restored.*creating the database instead/)]);
    expect(existsSync(folder)).toBe(false);

    // The next new folder prepares it again, and the one after is copied from it.
    expect(await open("next")).toBe("created");
    expect(filesUnder(folder).length).toBeGreaterThan(100);
    expect(await open("after-next")).toBe("restored");

    // A folder that copies but is not a whole database is refused the same way.
    rmSync(join(folder, "global", "pg_control"));
    expect(await open("after-truncated")).toBe("created");
    expect(warnings).toHaveLength(2);
  }, 240_000);

  it("never restores a stale prepared folder: another seed or migration names another folder, and the old one is removed", async () => {
    const templateDir = join(root, "stale");
    const one: DataFolderTemplate = { name: "stale", fingerprint: "one", prepare: () => Promise.resolve() };
    const two: DataFolderTemplate = { ...one, fingerprint: "two" };
    expect(templateFolder(templateDir, one)).not.toBe(templateFolder(templateDir, two));
    expect(templateFolder(templateDir, one)).toBe(templateFolder(templateDir, { ...one }));
    expect(seededTemplate("h", helsinkiAnkkuri).fingerprint).not.toBe(
      seededTemplate("h", { ...helsinkiAnkkuri, team: { ...helsinkiAnkkuri.team, code: "OTHER" } }).fingerprint,
    );
    mkdirSync(templateFolder(templateDir, one), { recursive: true });
    writeFileSync(join(templateFolder(templateDir, one), "PG_VERSION"), "a folder of the old seed");
    // A dump of the earlier form (a tarball) goes too, and so does a folder a crashed process left
    // unfinished; one a live process is preparing stays.
    writeFileSync(`${templateFolder(templateDir, one)}.tar`, "a dump of an earlier version");
    const crashed = `${templateFolder(templateDir, two)}.999999999.partial`;
    const preparing = `${templateFolder(templateDir, two)}.${String(process.ppid)}.partial`;
    for (const dir of [crashed, preparing]) mkdirSync(dir);
    const { handle, start } = await openEmbeddedDatabase(join(root, "stale-data", "pglite"), {
      template: two,
      templateDir,
      warn: () => undefined,
    });
    await handle.close();
    expect(start).toBe("created");
    expect(readdirSync(templateDir).sort()).toEqual(
      [templateFolder(templateDir, two), preparing].map((f) => f.split("/").pop()).sort(),
    );
  }, 240_000);

  it("leaves the prepared folder and the data folder alone when another process has the data folder open", async () => {
    const templateDir = join(root, "locked");
    const template: DataFolderTemplate = { name: "locked", fingerprint: "one", prepare: () => Promise.resolve() };
    const folder = templateFolder(templateDir, template);
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, "PG_VERSION"), "a prepared folder");
    const dataDir = join(root, "locked-data", "pglite");
    mkdirSync(join(root, "locked-data"), { recursive: true });
    // A live process other than this one holds the folder (the parent of the test runner's worker).
    writeFileSync(`${dataDir}.lock`, `${String(process.ppid)}\n`);
    const warnings: string[] = [];
    await expect(
      openEmbeddedDatabase(dataDir, { template, templateDir, warn: (m) => warnings.push(m) }),
    ).rejects.toBeInstanceOf(DatabaseLockedError);
    expect(warnings).toEqual([]);
    expect(readFileSync(join(folder, "PG_VERSION"), "utf8")).toBe("a prepared folder");
    // Nothing was copied into the folder the other process has open.
    expect(existsSync(dataDir) ? readdirSync(dataDir) : []).toEqual([]);
  });
});
