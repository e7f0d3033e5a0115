import { describe, expect, it } from "vitest";
import { artifactFileName } from "./artifacts.js";

const annual = { type: "annual", period: { from: "2025-05-01", to: "2026-04-30" }, scope: null } as const;

describe("a report file's name", () => {
  it("names the type and the period, a party report's party, and a Swedish run's language", () => {
    expect(artifactFileName(annual, "pdf")).toBe("annual-2025-05-01..2026-04-30.pdf");
    expect(artifactFileName({ ...annual, language: "fi" }, "csv")).toBe("annual-2025-05-01..2026-04-30.csv.zip");
    expect(artifactFileName({ ...annual, language: "sv" }, "pdf")).toBe("annual-2025-05-01..2026-04-30-sv.pdf");
    expect(
      artifactFileName(
        { type: "party", period: { from: "2025-01-01", to: "2025-12-31" }, scope: "org-hel-kuva", language: "sv" },
        "xlsx",
      ),
    ).toBe("party-2025-org-hel-kuva-sv.xlsx");
    expect(
      artifactFileName({ type: "monthly", period: { from: "2025-03-01", to: "2025-03-31" }, scope: null }, "json"),
    ).toBe("monthly-2025-03.json");
  });
});
