import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatabaseLockedError, openDatabase } from "./client.js";

describe("the embedded database's folder lock", () => {
  const root = mkdtempSync(join(tmpdir(), "ankkuri-lock-"));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it("refuses a second opening of the same folder, naming the owner, until the first closes", async () => {
    const dataDir = join(root, "one", "pglite");
    const first = await openDatabase({ engine: "pglite", dataDir });
    try {
      const second = openDatabase({ engine: "pglite", dataDir });
      await expect(second).rejects.toBeInstanceOf(DatabaseLockedError);
      await expect(second).rejects.toThrow(new RegExp(`in use by process ${String(process.pid)}`));
    } finally {
      await first.close();
    }
    const again = await openDatabase({ engine: "pglite", dataDir });
    await again.close();
  }, 120_000);

  it("takes over a lock whose process is gone, or one left by an earlier life of this pid", async () => {
    const dataDir = join(root, "two", "pglite");
    const opened = await openDatabase({ engine: "pglite", dataDir });
    await opened.close();
    for (const owner of ["999999999", String(process.pid), "not a pid"]) {
      writeFileSync(`${dataDir}.lock`, `${owner}\n`);
      const handle = await openDatabase({ engine: "pglite", dataDir });
      await handle.close();
    }
  }, 120_000);
});
