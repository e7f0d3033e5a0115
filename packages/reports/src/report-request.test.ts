import { describe, expect, it } from "vitest";
import { ReportError } from "./errors.js";
import { isReportLanguage, parseReportRequest, type ReportRequest, reportRequestSchema } from "./report-request.js";

const annual: ReportRequest = {
  teamId: "team-helsinki",
  type: "annual",
  period: { from: "2025-05-01", to: "2026-04-30" },
  scope: null,
  requestedBy: "kari.nurmi",
};

describe("a report request's language", () => {
  it("is Finnish unless told", () => {
    expect(parseReportRequest(annual).language).toBe("fi");
    expect(reportRequestSchema.parse({ ...annual, language: undefined }).language).toBe("fi");
  });

  it("may be Swedish", () => {
    expect(parseReportRequest({ ...annual, language: "sv" })).toEqual({ ...annual, language: "sv" });
  });

  it("is refused in English or anything else, in Finnish, Swedish and English", () => {
    for (const language of ["en", "FI", "", "se"]) {
      const refused = (() => {
        try {
          parseReportRequest({ ...annual, language: language as "fi" });
          return null;
        } catch (error) {
          return error;
        }
      })();
      expect(refused, language).toBeInstanceOf(ReportError);
      const { code, messages } = refused as ReportError;
      expect(code).toBe("REPORT.REQUEST_INVALID");
      expect(messages.fi).toMatch(/^Raporttipyyntö ei kelpaa \(language\): A report is in Finnish \(fi\) or Swedish/);
      expect(messages.sv).toMatch(/^Rapportbegäran duger inte \(language\)/);
      expect(messages.en).toMatch(/^The report request is not valid \(language\)/);
    }
  });
});

describe("isReportLanguage", () => {
  it("takes Finnish and Swedish, not English", () => {
    expect(["fi", "sv", "en", ""].map(isReportLanguage)).toEqual([true, true, false, false]);
  });
});
