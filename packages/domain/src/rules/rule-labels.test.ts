import { describe, expect, it } from "vitest";
import { caseRuleCodes } from "../cases/check-case.js";
import { languages } from "../core/localised-text.js";
import { agreementRuleLabels, caseRuleLabels, ruleLabel, staffingRuleLabels } from "./rule-labels.js";

describe("rule labels", () => {
  it("name every case rule in Finnish, Swedish and English, never by its code", () => {
    for (const code of caseRuleCodes) {
      const label = caseRuleLabels[code];
      for (const language of languages) {
        expect(label[language].length).toBeGreaterThan(3);
        expect(label[language]).not.toMatch(/[A-Z]+\.[A-Z_]+/);
      }
    }
  });

  it("give different rules different names", () => {
    const all = [caseRuleLabels, staffingRuleLabels, agreementRuleLabels].flatMap((m) => Object.values(m));
    for (const language of languages) expect(new Set(all.map((l) => l[language])).size).toBe(all.length);
  });

  it("look a code up and answer null for an unknown one", () => {
    expect(ruleLabel("CASE.CHILD_WELFARE_NOTIFICATION_MISSING")?.fi).toBe("Lastensuojeluilmoitus puuttuu");
    expect(ruleLabel("STAFFING.TARGET_SHORTFALL")?.sv).toBe("Enhetens årsverken understiger målet");
    expect(ruleLabel("toString")).toBeNull();
    expect(ruleLabel("CASE.NO_SUCH_RULE")).toBeNull();
  });
});
