import { mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { openRuntime, parseDatabaseConfig } from "@ankkuri/db";
import { runTypeScript } from "@ankkuri/processes";
import { publishedReportSchema } from "@ankkuri/reports";
import { loadReportFixture } from "@ankkuri/reports/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const appDir = fileURLToPath(new URL("..", import.meta.url));

// `pnpm report <type> --period <P> --out <dir>` against the embedded database, as a user runs it
// from the workspace root: relative paths are taken from INIT_CWD (set by pnpm).
describe("the report command", () => {
  let dataDir: string;
  let userDir: string;
  let clientId: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), "ankkuri-report-cli-data-"));
    userDir = mkdtempSync(join(tmpdir(), "ankkuri-report-cli-user-"));
    const runtime = await openRuntime(parseDatabaseConfig({ DATA_DIR: dataDir }), { warn: () => undefined });
    const cases = await loadReportFixture(runtime.handle.db, runtime.keys);
    const found = await runtime.handle.db.query.cases.findFirst({ where: { id: cases.C1 ?? "" } });
    clientId = found?.clientId ?? "";
    await runtime.handle.close();
  });
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(userDir, { recursive: true, force: true });
  });

  const command = (file: "report" | "export", ...args: string[]) =>
    runTypeScript(`${appDir}src/cli/${file}.ts`, {
      args: ["--", ...args],
      cwd: appDir,
      env: { DATA_DIR: dataDir, INIT_CWD: userDir },
      // Seconds alone; minutes while the other packages test beside it.
      timeoutMs: 120_000,
    });
  const report = (...args: string[]) => command("report", ...args);

  it("writes the JSON, the CSV files (zipped), the PDF and the XLSX workbook of one report with a progress bar", async () => {
    const result = await report("annual", "--period", "2025-05-01..2026-04-30", "--out", "reports");
    expect(result.exit, result.stderr).toBe(0);
    expect(result.stderr).toContain("100%");
    const files = readdirSync(join(userDir, "reports")).sort();
    expect(files).toEqual([
      "annual-2025-05-01..2026-04-30.csv.zip",
      "annual-2025-05-01..2026-04-30.json",
      "annual-2025-05-01..2026-04-30.pdf",
      "annual-2025-05-01..2026-04-30.xlsx",
    ]);
    expect(result.stdout.trim().split("\n")).toHaveLength(4);
    expect(result.stdout).toMatch(/sha256 [0-9a-f]{64}/);
    const document = publishedReportSchema.parse(
      JSON.parse(readFileSync(join(userDir, "reports", "annual-2025-05-01..2026-04-30.json"), "utf8")),
    );
    expect(document.headline).toMatchObject({
      newCases: { value: 9, suppressed: null },
      meetingsHeld: { value: 12, suppressed: null },
    });
  }, 480_000);

  it("sets the PDF in Swedish with --language sv, its files named -sv so they sit beside the Finnish", async () => {
    const result = await report(
      "annual",
      "--period",
      "2025-05-01..2026-04-30",
      "--language",
      "sv",
      "--out",
      join(userDir, "swedish"),
    );
    expect(result.exit, result.stderr).toBe(0);
    expect(readdirSync(join(userDir, "swedish")).sort()).toEqual([
      "annual-2025-05-01..2026-04-30-sv.csv.zip",
      "annual-2025-05-01..2026-04-30-sv.json",
      "annual-2025-05-01..2026-04-30-sv.pdf",
      "annual-2025-05-01..2026-04-30-sv.xlsx",
    ]);
    const pdf = readFileSync(join(userDir, "swedish", "annual-2025-05-01..2026-04-30-sv.pdf")).toString("latin1");
    expect(pdf).toMatch(/\/Lang \(sv-FI\)/);
    const refused = await report("annual", "--period", "2025", "--language", "en", "--out", "x");
    expect(refused.exit).toBe(2);
    expect(refused.stderr).toContain('unknown --language "en": a report\'s PDF is in fi or sv');
  }, 480_000);

  it("names a party report after its party, and refuses a bad period with a clear message", async () => {
    const party = await report(
      "party",
      "--period",
      "2025-05-01..2026-04-30",
      "--party",
      "org-hel-kuva",
      "--out",
      join(userDir, "party"),
    );
    expect(party.exit, party.stderr).toBe(0);
    expect(readdirSync(join(userDir, "party"))).toContain("party-2025-05-01..2026-04-30-org-hel-kuva.pdf");

    const bad = await report("annual", "--period", "2025-13", "--out", "reports");
    expect(bad.exit).toBe(2);
    expect(bad.stderr).toContain("REPORT.PERIOD_INVALID");
    expect(bad.stderr).toContain("2025-05-01..2026-04-30");
    expect((await report("weekly", "--period", "2025", "--out", "x")).exit).toBe(2);
  }, 480_000);

  it("names a missing or unknown argument with the valid values, exits 2 and prints no stack", async () => {
    const bogus = await report("annual", "--bogus", "--period", "2025", "--out", "x");
    expect(bogus.exit).toBe(2);
    expect(bogus.stderr).toMatch(/unknown option --bogus: the options are --period/);
    expect(bogus.stderr).not.toMatch(/\bat .+:\d+:\d+|TypeError|ERR_PARSE_ARGS/);
    const missing = await report("weekly");
    expect(missing.exit).toBe(2);
    expect(missing.stderr).toMatch(/unknown report type "weekly": the types are annual, party, monthly/);
    expect(missing.stderr).toMatch(/--period is missing/);
    expect(missing.stderr).toMatch(/--out is missing/);
    const party = await report("party", "--period", "2025-05-01..2026-04-30", "--party", "org-nobody", "--out", "x");
    expect(party.exit).toBe(2);
    expect(party.stderr).toMatch(
      /The organisation is not a party of the agreement\. The parties: .*Culture and Leisure Division/,
    );
  }, 480_000);

  it("runs a client's access-log extract and export as the auditor or registry office --requested-by names", async () => {
    const extract = await report(
      "access-log",
      "--client",
      clientId,
      "--out",
      "extract",
      "--requested-by",
      "outi.tarkka",
    );
    expect(extract.exit, extract.stderr).toBe(0);
    expect(readdirSync(join(userDir, "extract")).sort()).toEqual([
      `access-log-${clientId}-fi.json`,
      `access-log-${clientId}-fi.pdf`,
    ]);
    const exported = await command(
      "export",
      "client",
      "--client",
      clientId,
      "--controller",
      "org-hel-sotepe",
      "--out",
      "export",
      "--requested-by",
      "liisa.kirjava",
    );
    expect(exported.exit, exported.stderr).toBe(0);
    expect(readdirSync(join(userDir, "export"))).toContain(`client-${clientId}-org-hel-sotepe.json`);

    const runtime = await openRuntime(parseDatabaseConfig({ DATA_DIR: dataDir }), { warn: () => undefined });
    try {
      const logged = await runtime.handle.db.query.auditLog.findMany({
        where: { clientId, resource: { in: ["access-log-extract", "client-export"] } },
        orderBy: { seq: "asc" },
      });
      expect(logged.map((r) => [r.resource, r.actorId, r.actorOrganisationId, r.actorRole])).toEqual([
        ["access-log-extract", "outi.tarkka", "org-hel-kanslia", "auditor"],
        ["client-export", "liisa.kirjava", "org-hel-sotepe", "registry-office"],
      ]);
    } finally {
      await runtime.handle.close();
    }
  }, 480_000);

  it("refuses a client's data to a login that may not ask for it, or beyond its reach, before anything is logged", async () => {
    const missing = await report("access-log", "--client", clientId, "--out", "x");
    expect(missing.exit).toBe(2);
    expect(missing.stderr).toMatch(/report access-log: --requested-by is missing/);
    for (const [who, controller] of [
      ["maria.jarvinen", "org-hpl"],
      ["keksitty.kayttaja", "org-hpl"],
      ["liisa.kirjava", "org-hpl"],
    ] as const) {
      const refused = await command(
        "export",
        "client",
        "--client",
        clientId,
        "--controller",
        controller,
        "--out",
        "refused",
        "--requested-by",
        who,
      );
      expect(refused.exit).toBe(2);
      expect(refused.stderr).toContain("REPORT.REQUESTER_NOT_ALLOWED");
      expect(refused.stderr).toContain(who);
      expect(refused.stderr).not.toMatch(/\bat .+:\d+:\d+/);
    }
    expect(readdirSync(userDir)).not.toContain("refused");
    const runtime = await openRuntime(parseDatabaseConfig({ DATA_DIR: dataDir }), { warn: () => undefined });
    try {
      const logged = await runtime.handle.db.query.auditLog.findMany({
        where: { actorId: { in: ["maria.jarvinen", "keksitty.kayttaja"] }, resource: "client-export" },
      });
      expect(logged).toEqual([]);
    } finally {
      await runtime.handle.close();
    }
  }, 480_000);
});
