import { describe, expect, it } from "vitest";
import { helsinkiDay, preferredLanguage } from "./context.js";

describe("helsinkiDay", () => {
  it("turns at midnight in Helsinki, in winter and in summer time, whatever was asked before", () => {
    expect(helsinkiDay(new Date("2026-12-01T21:59:59.999Z"))).toBe("2026-12-01");
    expect(helsinkiDay(new Date("2026-12-01T22:00:00.000Z"))).toBe("2026-12-02");
    expect(helsinkiDay(new Date("2026-12-01T21:59:30.000Z"))).toBe("2026-12-01");
    expect(helsinkiDay(new Date("2026-06-30T20:59:59.000Z"))).toBe("2026-06-30");
    expect(helsinkiDay(new Date("2026-06-30T21:00:00.000Z"))).toBe("2026-07-01");
    expect(helsinkiDay(new Date("2026-06-30T21:00:59.000Z"))).toBe("2026-07-01");
  });
});

describe("preferredLanguage", () => {
  it("takes the best ranked of fi, sv and en, Finnish by default", () => {
    expect(preferredLanguage("sv-FI;q=0.9, en;q=0.8")).toBe("sv");
    expect(preferredLanguage("de, en;q=0.5")).toBe("en");
    expect(preferredLanguage(null)).toBe("fi");
  });
});
