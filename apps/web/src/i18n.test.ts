import { describe, expect, it } from "vitest";
import { languages, messages } from "./i18n.js";

describe("the case list's count", () => {
  it("says 'over' when the gateway capped the count, in every language", () => {
    expect(messages.fi.caseCount(1000, true)).toBe("yli 1\u00a0000 asiakkuutta");
    expect(messages.sv.caseCount(1000, true)).toBe("över 1\u00a0000 klientskap");
    expect(messages.en.caseCount(1000, true)).toBe("over 1,000 cases");
  });

  it("gives an exact count as it is", () => {
    for (const language of languages) expect(messages[language].caseCount(12)).toMatch(/^12 /);
  });
});
