import { describe, expect, it } from "vitest";
import { runDbCommand } from "../testing/db-command.js";
import { parseRetentionArgs } from "./retention-args.js";

const caseId = "0190f5a4-7c2e-7000-8000-0000000ca5e1";
const holdId = "0190f5a4-7c2e-7000-8000-00000000401d";
const problemsOf = (args: string[]) => {
  const parsed = parseRetentionArgs(args);
  return parsed.ok ? [] : parsed.problems;
};

describe("parseRetentionArgs", () => {
  it("reads a run, a hold and a release, after pnpm's separator too", () => {
    expect(parseRetentionArgs(["--", "--dry-run", "--today", "2026-11-22"])).toEqual({
      ok: true,
      command: { kind: "run", dryRun: true, today: "2026-11-22" },
    });
    expect(parseRetentionArgs([])).toEqual({ ok: true, command: { kind: "run", dryRun: false } });
    expect(
      parseRetentionArgs([
        "hold",
        "--case",
        caseId,
        "--reason",
        "complaint",
        "--reference",
        " EOAK/1/2026 ",
        "--by",
        "outi.tarkka",
      ]),
    ).toEqual({
      ok: true,
      command: {
        kind: "hold",
        target: { caseId },
        reason: "complaint",
        reference: "EOAK/1/2026",
        by: "outi.tarkka",
      },
    });
    expect(parseRetentionArgs(["release", "--hold", holdId, "--by", "outi.tarkka", "--team", "t"])).toEqual({
      ok: true,
      command: { kind: "release", hold: holdId, by: "outi.tarkka", team: "t" },
    });
  });

  it("refuses a hold's options without `hold`, and a misspelt command, rather than running retention", () => {
    expect(
      problemsOf(["--case", caseId, "--reason", "complaint", "--reference", "X/1", "--by", "outi.tarkka"]),
    ).toEqual([
      expect.stringMatching(/^unknown option --case: the options are --dry-run, --today, --team, --help$/),
      expect.stringMatching(/^unknown option --reason:/),
      expect.stringMatching(/^unknown option --reference:/),
      expect.stringMatching(/^unknown option --by:/),
    ]);
    expect(problemsOf(["hodl", "--dry-run"])).toEqual([
      'unknown command "hodl": the commands are hold and release, or none to run retention',
    ]);
    // A flag with a value would otherwise be read as no dry run at all.
    expect(problemsOf(["--dry-run=yes"])).toEqual(["--dry-run takes no value"]);
  });

  it("names every problem of a hold at once, each with what would be valid", () => {
    expect(problemsOf(["hold", "--case", "12", "--reason", "curiosity", "--by", "--dry-run"])).toEqual([
      expect.stringMatching(/^unknown option --dry-run: the options are --client, --case, --reason, --reference, --by/),
      "--by needs a value",
      "--case: Invalid UUID",
      expect.stringMatching(/^--reason: .*"complaint"\|"criminal-investigation"\|"litigation"/),
      "--reference is missing",
    ]);
    expect(
      problemsOf([
        "hold",
        "--case",
        caseId,
        "--client",
        caseId,
        "--reason",
        "litigation",
        "--reference",
        "X",
        "--by",
        "ab",
      ]),
    ).toEqual(["give exactly one of --client and --case"]);
    expect(
      problemsOf(["hold", "--case", caseId, "--reason", "litigation", "--reference", "   ", "--by", "ab"]),
    ).toEqual([expect.stringMatching(/^--reference: /)]);
  });

  it("names a release's problems and a run's bad day, and any stray argument", () => {
    expect(problemsOf(["release", "--by", "outi.tarkka", "extra"])).toEqual([
      "unexpected argument: extra",
      "--hold is missing",
    ]);
    expect(problemsOf(["release", "--hold", "not-a-hold", "--by", "x"])).toEqual([
      "--hold: Invalid UUID",
      expect.stringMatching(/^--by: Too small/),
    ]);
    expect(problemsOf(["--today", "22.11.2026"])).toEqual([
      "--today: Expected a calendar date YYYY-MM-DD (e.g. 2024-05-01)",
    ]);
    expect(problemsOf(["--today", "--dry-run"])).toEqual(["--today needs a value"]);
  });

  it("answers --help without reading the rest", () => {
    expect(parseRetentionArgs(["hold", "--help", "--bogus"])).toEqual({ ok: true, command: { kind: "help" } });
  });
});

describe("pnpm retention with bad input", () => {
  it("exits 2 with the problems and the usage, before opening any database", async () => {
    // A hold's options without `hold` once started a deleting run.
    for (const [args, problem] of [
      [
        ["--case", caseId, "--reason", "complaint", "--reference", "X/1", "--by", "outi.tarkka"],
        "unknown option --case",
      ],
      [["hold", "--case", caseId, "--reason", "curiosity"], "--reference is missing"],
    ] as const) {
      const ran = await runDbCommand("retention", args);
      expect({ args, code: ran.code, openedDatabase: ran.openedDatabase }).toEqual({
        args,
        code: 2,
        openedDatabase: false,
      });
      expect(ran.stderr).toContain(`retention: ${problem}`);
      expect(ran.stderr).toContain("usage: pnpm retention");
      expect(ran.stderr).not.toMatch(/\bat .+:\d+:\d+|ERR_PARSE_ARGS/);
      expect(ran.stdout).toBe("");
    }
  }, 240_000);

  it("refuses a policy file that does not parse, before opening any database", async () => {
    const ran = await runDbCommand("retention", ["--dry-run"], { RETENTION_POLICY_FILE: "/nonexistent/policy.json" });
    expect([ran.code, ran.openedDatabase]).toEqual([2, false]);
    expect(ran.stderr).toMatch(/^retention: RETENTION_POLICY_FILE \/nonexistent\/policy\.json: .*ENOENT/);
  }, 120_000);

  it("opens the database for a run it accepts (so the checks above can fail)", async () => {
    const ran = await runDbCommand("retention", ["--dry-run"]);
    expect([ran.code, ran.openedDatabase], ran.stderr).toEqual([0, true]);
  }, 240_000);
});
