import { describe, expect, it } from "vitest";
import { runDbCommand } from "../testing/db-command.js";
import { parsePruneAuditArgs } from "./prune-audit-args.js";

const today = "2026-11-22";
const problemsOf = (args: string[], env: Record<string, string> = {}) => {
  const parsed = parsePruneAuditArgs(args, env, today);
  return parsed.ok ? [] : parsed.problems;
};

describe("parsePruneAuditArgs", () => {
  it("takes the years from --years, else AUDIT_RETENTION_YEARS, else 12", () => {
    expect(parsePruneAuditArgs(["--", "--years", "10", "--today", "2026-01-01", "--team", "t"], {}, today)).toEqual({
      ok: true,
      command: { kind: "prune", years: 10, today: "2026-01-01", team: "t" },
    });
    expect(parsePruneAuditArgs([], { AUDIT_RETENTION_YEARS: "15" }, today)).toEqual({
      ok: true,
      command: { kind: "prune", years: 15 },
    });
    expect(parsePruneAuditArgs([], {}, today)).toEqual({ ok: true, command: { kind: "prune", years: 12 } });
    // --years overrides a bad setting.
    expect(parsePruneAuditArgs(["--years", "12"], { AUDIT_RETENTION_YEARS: "lots" }, today)).toMatchObject({
      ok: true,
    });
  });

  it("names every problem at once, each with what would be valid", () => {
    expect(problemsOf(["--yaers", "5", "--team"])).toEqual([
      "unknown option --yaers: the options are --years, --today, --team, --help",
      "--team needs a value",
      "unexpected argument: 5",
    ]);
    // Not the next option taken for the day.
    expect(problemsOf(["--today", "--team", "t"])).toEqual(["--today needs a value", "unexpected argument: t"]);
    for (const years of ["0", "101", "1.5", "twelve"])
      expect(problemsOf(["--years", years])).toEqual(["--years: a whole number of years, 1–100"]);
    expect(problemsOf([], { AUDIT_RETENTION_YEARS: "0" })).toEqual([
      "AUDIT_RETENTION_YEARS=0: a whole number of years, 1–100 (or give --years)",
    ]);
    expect(problemsOf(["--today", "2026-13-01"])).toEqual([
      "--today: Expected a calendar date YYYY-MM-DD (e.g. 2024-05-01)",
    ]);
  });

  it("refuses a day after today, from which entries still within retention would go", () => {
    expect(problemsOf(["--today", "2099-01-01"])).toEqual([
      "--today 2099-01-01 is after today (2026-11-22): entries still within retention would go",
    ]);
    expect(parsePruneAuditArgs(["--today", today], {}, today)).toMatchObject({ ok: true });
  });

  it("answers --help", () => {
    expect(parsePruneAuditArgs(["--help", "--years", "x"], {}, today)).toEqual({ ok: true, command: { kind: "help" } });
  });
});

describe("pnpm db:prune-audit with bad input", () => {
  it("exits 2 with the problems and the usage, before opening any database", async () => {
    const ran = await runDbCommand("prune-audit", ["--today", "2999-01-01", "--years", "0"]);
    expect({ code: ran.code, openedDatabase: ran.openedDatabase }).toEqual({ code: 2, openedDatabase: false });
    expect(ran.stderr).toContain("db:prune-audit: --years: a whole number of years, 1–100");
    expect(ran.stderr).toMatch(/db:prune-audit: --today 2999-01-01 is after today/);
    expect(ran.stderr).toContain("usage: pnpm db:prune-audit");
    expect(ran.stderr).not.toMatch(/\bat .+:\d+:\d+|ERR_PARSE_ARGS/);
    expect(ran.stdout).toBe("");
  }, 120_000);
});
