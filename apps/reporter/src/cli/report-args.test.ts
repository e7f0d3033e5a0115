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
      language: "fi",
    });
  });

  it("takes the PDF's language, Finnish or Swedish, and names any other with the two", () => {
    expect(parseReportArgs(["annual", "--period", "2025", "--out", "r", "--language", "sv"])).toMatchObject({
      ok: true,
      language: "sv",
    });
    expect(parseReportArgs(["annual", "--period", "2025", "--out", "r", "--language=fi"])).toMatchObject({
      ok: true,
      language: "fi",
    });
    for (const language of ["en", "SV"])
      expect(parseReportArgs(["annual", "--period", "2025", "--out", "r", "--language", language])).toEqual({
        ok: false,
        problems: [`unknown --language "${language}": a report's PDF is in fi or sv (with English subtitles)`],
      });
    expect(parseReportArgs(["annual", "--period", "2025", "--out", "r", "--language"])).toMatchObject({
      ok: false,
      problems: ["--language needs a value"],
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
