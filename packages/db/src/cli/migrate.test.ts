import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngines } from "../testing/index.js";

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/** `pnpm db:migrate` as a deployment runs it: only the database settings, no keys. */
async function migrate(env: Record<string, string>): Promise<{ code: number; stderr: string }> {
  const { ANKKURI_IDENTITY_KEYS: _a, ANKKURI_IDENTITY_HMAC_KEY: _b, ANKKURI_AUDIT_KEY: _c, ...rest } = process.env;
  try {
    const { stderr } = await run(
      join(packageDir, "node_modules/.bin/tsx"),
      ["--conditions=@ankkuri/source", "src/cli/migrate.ts"],
      { cwd: packageDir, env: { ...rest, ...env }, timeout: 240_000 },
    );
    return { code: 0, stderr };
  } catch (error) {
    const failed = error as { code?: number; stderr?: string };
    return { code: failed.code ?? 1, stderr: failed.stderr ?? "" };
  }
}

describe.each(testEngines)("db:migrate on %s", (engine) => {
  const dataDir = mkdtempSync(join(tmpdir(), "ankkuri-migrate-"));
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("needs no identity or audit keys", async () => {
    const database = engine === "postgres" ? await createTestDatabase("postgres") : undefined;
    try {
      const result = await migrate(
        database?.url ? { DATABASE_URL: database.url, DATA_DIR: dataDir } : { DATA_DIR: dataDir },
      );
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/db:migrate: done/);
      expect(result.stderr).not.toMatch(/KEY/);
    } finally {
      await database?.dispose();
    }
  }, 300_000);
});
