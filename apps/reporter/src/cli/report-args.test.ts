import { describe, expect, it } from "vitest";
import { parseReportArgs } from "./report-args.js";

describe("parseReportArgs", () => {
  it("takes a report's arguments, after pnpm's separator too", () => {
    expect(parseReportArgs(["--", "party", "--period", "2025", "--party", "org-hel-kuva", "--out", "r"])).toEqual({
      ok: true,
      help: false,
      type: "party",
      period: "2025",
      out: "r",
      party: "org-hel-kuva",
      requestedBy: "cli",
    });
  });

  it("names every problem at once, each with what would be valid", () => {
    const parsed = parseReportArgs(["weekly", "extra", "--bogus", "--out"]);
    expect(parsed.ok).toBe(false);
    const problems = parsed.ok ? [] : parsed.problems;
    expect(problems).toEqual([
      expect.stringMatching(/^unknown option --bogus: the options are --period, --out, --party, --team/),
      "--out needs a value",
      'unknown report type "weekly": the types are annual, party, monthly',
      "unexpected argument: extra",
      expect.stringMatching(/^--period is missing: a year/),
      expect.stringMatching(/^--out is missing/),
    ]);
    expect(parseReportArgs([])).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/^name the report type/), expect.anything(), expect.anything()],
    });
    expect(parseReportArgs(["party", "--period", "2025", "--out", "x"])).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/party report needs --party/)],
    });
  });
});
