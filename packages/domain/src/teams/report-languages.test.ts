import { describe, expect, it } from "vitest";
import {
  checkReportLanguages,
  isReportLanguage,
  reportLanguageSchema,
  reportLanguagesSchema,
} from "./report-languages.js";

const messages = (value: unknown) => reportLanguagesSchema.safeParse(value).error?.issues.map((i) => i.message) ?? [];

describe("report languages", () => {
  it("are Finnish and Swedish; English is every report's subtitle, not a language of its own", () => {
    expect(["fi", "sv", "en", "", "FI"].map(isReportLanguage)).toEqual([true, true, false, false, false]);
    expect(reportLanguageSchema.safeParse("en").error?.issues[0]?.message).toBe(
      "A report is in Finnish (fi) or Swedish (sv)",
    );
  });

  it("of a team's scheduled reports: one or both, in the order given", () => {
    expect(reportLanguagesSchema.parse(["fi"])).toEqual(["fi"]);
    expect(reportLanguagesSchema.parse(["sv"])).toEqual(["sv"]);
    expect(reportLanguagesSchema.parse(["fi", "sv"])).toEqual(["fi", "sv"]);
    expect(reportLanguagesSchema.parse(["sv", "fi"])).toEqual(["sv", "fi"]);
  });

  it("refuses none, a language twice, and anything but fi or sv", () => {
    expect(messages([])).toEqual(["Scheduled reports need at least one language"]);
    expect(messages(["fi", "fi"])).toEqual(["A report language is listed twice"]);
    expect(messages(["fi", "sv", "sv"])).toEqual(["A report language is listed twice"]);
    expect(messages(["fi", "en"])).toEqual(["A report is in Finnish (fi) or Swedish (sv)"]);
    expect(messages("fi")).toHaveLength(1);
    expect(messages(null)).toHaveLength(1);
  });

  it("checked for a team's setting: the same rule, each problem with its place and its words in fi/sv/en", () => {
    expect(checkReportLanguages(["sv", "fi"])).toEqual({ ok: true, languages: ["sv", "fi"] });
    const refused = (languages: string[]) => {
      const outcome = checkReportLanguages(languages);
      return outcome.ok ? [] : outcome.error.map((v) => [v.code, v.path]);
    };
    expect(refused([])).toEqual([["REPORT.LANGUAGES_MISSING", ["languages"]]]);
    expect(refused(["fi", "en", "fi"])).toEqual([
      ["REPORT.LANGUAGE_UNSUPPORTED", ["languages", 1]],
      ["REPORT.LANGUAGE_REPEATED", ["languages", 2]],
    ]);
    // The schema and the check agree on every list of these three.
    for (const list of [[], ["fi"], ["en"], ["fi", "fi"], ["sv", "en"], ["sv", "fi"], ["fi", "sv", "fi"]])
      expect(checkReportLanguages(list).ok).toBe(reportLanguagesSchema.safeParse(list).success);
    const outcome = checkReportLanguages(["en"]);
    if (outcome.ok) throw new Error("English was accepted");
    for (const text of Object.values(outcome.error[0]?.message ?? {})) expect(text).toMatch(/FI.*SV/);
  });
});
