import { describe, expect, it } from "vitest";
import { isReportLanguage, reportLanguageSchema, reportLanguagesSchema } from "./report-languages.js";

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
});
