import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { openRuntime, parseDatabaseConfig } from "@ankkuri/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadReportFixture } from "../src/fixtures/report-dataset.fixture.js";
import { reportDocumentSchema } from "../src/report-document.js";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

// `pnpm report <type> --period <P> --out <dir>` against the embedded database, as a user runs it
// from the workspace root: relative paths are taken from INIT_CWD (set by pnpm).
describe("the report command", () => {
  let dataDir: string;
  let userDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "ankkuri-report-cli-data-"));
    userDir = mkdtempSync(join(tmpdir(), "ankkuri-report-cli-user-"));
    const runtime = await openRuntime(parseDatabaseConfig({ DATA_DIR: dataDir }), { warn: () => undefined });
    await loadReportFixture(runtime.handle.db, runtime.keys);
    await runtime.handle.close();
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(userDir, { recursive: true, force: true });
  });

  const report = (...args: string[]) =>
    spawnSync(
      process.execPath,
      ["--import", "tsx", "--conditions=@ankkuri/source", "src/cli/report.ts", "--", ...args],
      {
        cwd: appDir,
        env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, INIT_CWD: userDir },
        encoding: "utf8",
        timeout: 60_000,
      },
    );

  it("writes the JSON, CSV and PDF of one report with a progress bar", () => {
    const result = report("annual", "--period", "2025-05-01..2026-04-30", "--out", "reports");
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toContain("100%");
    const files = readdirSync(join(userDir, "reports")).sort();
    expect(files).toEqual([
      "annual-2025-05-01..2026-04-30.csv",
      "annual-2025-05-01..2026-04-30.json",
      "annual-2025-05-01..2026-04-30.pdf",
    ]);
    expect(result.stdout.trim().split("\n")).toHaveLength(3);
    expect(result.stdout).toMatch(/sha256 [0-9a-f]{64}/);
    const document = reportDocumentSchema.parse(
      JSON.parse(readFileSync(join(userDir, "reports", "annual-2025-05-01..2026-04-30.json"), "utf8")),
    );
    expect(document.headline).toMatchObject({ newCases: 9, meetingsHeld: 12 });
  }, 90_000);

  it("names a party report after its party, and refuses a bad period with a clear message", () => {
    const party = report(
      "party",
      "--period",
      "2025-05-01..2026-04-30",
      "--party",
      "org-hel-kuva",
      "--out",
      join(userDir, "party"),
    );
    expect(party.status, party.stderr).toBe(0);
    expect(readdirSync(join(userDir, "party"))).toContain("party-2025-05-01..2026-04-30-org-hel-kuva.pdf");

    const bad = report("annual", "--period", "2025-13", "--out", "reports");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("REPORT.PERIOD_INVALID");
    expect(bad.stderr).toContain("2025-05-01..2026-04-30");
    expect(report("weekly", "--period", "2025", "--out", "x").status).toBe(2);
  }, 90_000);
});
