import { createRequire } from "node:module";
import { dirname } from "node:path";
import { generateKeySettings, parseKeyMaterial } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase } from "@ankkuri/db/testing";
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderArtifacts } from "../artifacts.js";
import { computeReport } from "../compute-report.js";
import { fixtureTeamId, loadReportFixture } from "../testing/report-dataset.js";
import { type ReportDocument, reportDocumentSchema } from "../report-document.js";
import { renderCsv } from "./csv.js";
import { renderJson } from "./json.js";
import { renderPdf } from "./pdf.js";

const standardFontDataUrl = `${dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"))}/standard_fonts/`;

/** RFC 4180 lines (quoted fields may hold commas and doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (quoted && ch === '"' && text.charAt(i + 1) === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (quoted || (ch !== "," && ch !== "\n" && ch !== "\r")) {
      field += ch;
    } else if (ch !== "\r") {
      row.push(field);
      field = "";
      if (ch === "\n") {
        rows.push(row);
        row = [];
      }
    }
  }
  if (field !== "" || row.length > 0) rows.push([...row, field]);
  return rows;
}

/** The text of each page of a PDF, as pdf.js extracts it. */
async function pdfText(bytes: Buffer): Promise<string[]> {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
    standardFontDataUrl,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str : "")).join(" "));
  }
  await pdf.destroy();
  return pages;
}

describe("the report's formats", () => {
  let database: TestDatabase;
  let annual: ReportDocument;
  let monthly: ReportDocument;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await loadReportFixture(database.db, parseKeyMaterial(generateKeySettings()));
    const base = { teamId: fixtureTeamId, scope: null, requestedBy: "kari.nurmi" };
    annual = await computeReport(database.db, {
      ...base,
      type: "annual",
      period: { from: "2025-05-01", to: "2026-04-30" },
    });
    monthly = await computeReport(database.db, {
      ...base,
      type: "monthly",
      period: { from: "2025-09-01", to: "2025-09-30" },
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("renders a PDF whose text carries the headline figures, the tables and the chart", async () => {
    const pages = await pdfText(await renderPdf(annual));
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const [title = "", chart = ""] = pages;
    expect(title).toContain("Ankkuri-toiminnan vuosiarviointi");
    expect(title).toContain("Annual evaluation of Ankkuri work");
    expect(title).toContain("2025-05-01 – 2026-04-30");
    // The key figures as published: 9 new and 9 active cases, 12 meetings; closed cases hidden.
    expect(title).toMatch(/Uudet asiakkuudet \/ New cases\s+9\b/);
    expect(title).toMatch(/Aktiiviset asiakkuudet \/ Active cases\s+9\b/);
    expect(title).toMatch(/Päättyneet asiakkuudet \/ Closed cases\s+x\b/);
    expect(title).toMatch(/Pidetyt tapaamiset \/ Meetings held\s+12\b/);
    expect(chart).toContain("Uudet asiakkuudet kuukausittain");
    expect(chart).toContain("New cases per month");
    const all = pages.join("\n");
    expect(all).toContain("<5");
    for (const heading of [
      "Asiakkuudet tyypeittäin",
      "Osallistuminen organisaatioittain",
      "Palveluohjaukset palveluittain ja tilan mukaan",
      "Henkilötyövuodet: tavoite ja toteuma",
      "Ohjausryhmän puheenjohtajuus",
    ])
      expect(all).toContain(heading);
    expect(all).toContain("Kulttuurin ja vapaa-ajan toimiala");
  });

  it("prints the monthly statistics' numbers unsuppressed, with a weekly chart", async () => {
    const [title = "", chart = ""] = await pdfText(await renderPdf(monthly));
    expect(title).toContain("Toimintatilasto");
    expect(title).toMatch(/Uudet asiakkuudet \/ New cases\s+2\b/);
    expect(title).toMatch(/Aktiiviset asiakkuudet \/ Active cases\s+5\b/);
    expect(title).toContain("Työryhmän sisäinen tilasto");
    expect(chart).toContain("Uudet asiakkuudet viikoittain");
  });

  it("writes the canonical JSON, valid against its schema", () => {
    const json = JSON.parse(renderJson(annual).toString("utf8")) as unknown;
    expect(reportDocumentSchema.parse(json)).toEqual(annual);
    expect(() => renderJson({ ...annual, schemaVersion: "2.0" } as unknown as ReportDocument)).toThrow();
  });

  it("writes CSV with one section per table and the hidden cells as published", () => {
    const text = renderCsv(annual).toString("utf8");
    expect(text.startsWith("\uFEFF")).toBe(true);
    const sections = text.slice(1).split("\n\n").map(parseCsv);
    expect(sections.map((s) => s[0]?.[1])).toEqual([
      "report",
      "casesByType",
      "ageBands",
      "referralSources",
      "casesOverTime",
      "meetings",
      "participation",
      "serviceReferrals",
      "consents",
      "goals",
      "caseViolations",
      "fteUnits",
      "fteParties",
      "chair",
      "leadershipDecisions",
      "consultations",
      "organisationViolations",
    ]);
    const meetings = sections[5] ?? [];
    expect(meetings[1]).toEqual(["key", "label_fi", "label_en", "recorded", "unrecorded", "total"]);
    expect(meetings[2]).toEqual([
      "youth-crime",
      "Nuorten rikollisuus ja häiriökäyttäytyminen",
      "Youth crime and disruptive behaviour",
      "x",
      "<5",
      "9",
    ]);
    expect(meetings.at(-1)).toEqual(["total", "Yhteensä", "Total", "x", "x", "12"]);
    const participation = sections[6] ?? [];
    expect(participation[1]).toEqual(["key", "label_fi", "label_en", "partyId", "meetings", "cases"]);
  });

  it("stores each format with its SHA-256 and size", async () => {
    const artifacts = await renderArtifacts(annual);
    expect(artifacts.map((a) => [a.format, a.contentType])).toEqual([
      ["json", "application/json; charset=utf-8"],
      ["csv", "text/csv; charset=utf-8"],
      ["pdf", "application/pdf"],
    ]);
    for (const a of artifacts) {
      expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(a.byteSize).toBe(a.content.byteLength);
    }
    expect(artifacts[2]?.content.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
