import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runTypeScript } from "@ankkuri/processes";
import { describe, expect, it } from "vitest";
import { parseAccessLogArgs } from "./access-log-args.js";

const client = "0190f5a4-7c2e-7000-8000-0000000c11e1";
const problemsOf = (args: string[]) => {
  const parsed = parseAccessLogArgs(args);
  return parsed.ok ? [] : parsed.problems;
};

describe("parseAccessLogArgs", () => {
  it("takes an extract's options, with Finnish and the whole log by default", () => {
    expect(parseAccessLogArgs(["--client", client, "--out", "x", "--requested-by", "outi.tarkka"])).toEqual({
      ok: true,
      help: false,
      options: { client, out: "x", requestedBy: "outi.tarkka", language: "fi", from: "2012-01-01" },
    });
    expect(
      parseAccessLogArgs([
        "--client",
        client,
        "--out",
        "x",
        "--requested-by",
        "a",
        "--language",
        "sv",
        "--to",
        "2026-01-01",
      ]),
    ).toMatchObject({ ok: true, options: { language: "sv", to: "2026-01-01" } });
  });

  it("names every problem at once, each with what would be valid", () => {
    expect(problemsOf(["--clinet", client, "--language", "de", "--out"])).toEqual([
      expect.stringMatching(/^unknown option --clinet: the options are --client, --out, --language, --from, --to/),
      "--out needs a value",
      `unexpected argument: ${client}`,
      "--client is missing",
      expect.stringMatching(/^--language: .*"fi"\|"sv"\|"en"/),
      "--requested-by is missing",
    ]);
    expect(problemsOf(["--client", "12", "--out", "x", "--requested-by", "a", "--from", "1.1.2026"])).toEqual([
      "--client: Invalid UUID",
      "--from: Expected a calendar date YYYY-MM-DD (e.g. 2024-05-01)",
    ]);
    expect(
      problemsOf([
        "--client",
        client,
        "--out",
        "x",
        "--requested-by",
        "a",
        "--from",
        "2026-02-01",
        "--to",
        "2026-01-01",
      ]),
    ).toEqual(["--from must not be after --to"]);
  });

  it("answers --help", () => {
    expect(parseAccessLogArgs(["--help", "--bogus"])).toEqual({ ok: true, help: true });
  });
});

describe("pnpm report access-log with bad input", () => {
  it("exits 2 with the problems and the usage, before opening any database", async () => {
    const scratch = mkdtempSync(join(tmpdir(), "ankkuri-access-log-cli-"));
    try {
      const dataDir = join(scratch, "data");
      const ran = await runTypeScript(fileURLToPath(new URL("report.ts", import.meta.url)), {
        args: ["--", "access-log", "--client", client, "--out", "x", "--bogus"],
        env: { DATA_DIR: dataDir, INIT_CWD: scratch },
        timeoutMs: 120_000,
      });
      expect({ exit: ran.exit, openedDatabase: existsSync(dataDir) }).toEqual({ exit: 2, openedDatabase: false });
      expect(ran.stderr).toMatch(/report access-log: unknown option --bogus: the options are --client/);
      expect(ran.stderr).toContain("report access-log: --requested-by is missing");
      expect(ran.stderr).toContain("usage: pnpm report access-log");
      expect(ran.stderr).not.toMatch(/\bat .+:\d+:\d+|ERR_PARSE_ARGS/);
      expect(existsSync(join(scratch, "x"))).toBe(false);
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  }, 120_000);
});
