import { generateKeySettings, parseKeyMaterial } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase } from "@ankkuri/db/testing";
import readXlsxFile from "read-excel-file/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderArtifacts } from "../artifacts.js";
import { computeReport } from "../compute-report.js";
import type { ReportDocument } from "../report-document.js";
import { fixtureTeamId, loadReportFixture } from "../testing/report-dataset.js";
import { meetingsTableColumns } from "../testing/meetings-table.js";
import { csvTables } from "./csv.js";
import { renderXlsx } from "./xlsx.js";

describe("the report as an XLSX workbook", () => {
  let database: TestDatabase;
  let annual: ReportDocument;
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await loadReportFixture(database.db, parseKeyMaterial(generateKeySettings()));
    annual = await computeReport(database.db, {
      teamId: fixtureTeamId,
      scope: null,
      requestedBy: "kari.nurmi",
      type: "annual",
      period: { from: "2025-05-01", to: "2026-04-30" },
    });
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("opens with a spreadsheet library: one sheet per CSV file, numbers as numbers, hidden cells empty with their marks", async () => {
    const sheets = await readXlsxFile(await renderXlsx(annual));
    const files = csvTables(annual);
    expect(sheets.map((s) => s.sheet)).toEqual(files.map((f) => f.name.replace(/\.csv$/, "")));
    // Each sheet says what its CSV file says, cell by cell (an empty field is an empty cell).
    for (const [i, file] of files.entries()) {
      const sheet = sheets[i]?.data ?? [];
      expect(sheet.length, file.name).toBe(file.lines.length);
      file.lines.forEach((line, r) => {
        line.forEach((field, c) => {
          expect(sheet[r]?.[c] ?? null, `${file.name} ${String(r)}:${String(c)}`).toEqual(field);
        });
      });
    }
    const meetings = sheets.find((s) => s.sheet === "05-meetings")?.data ?? [];
    expect(meetings[0]).toEqual(meetingsTableColumns);
    // Hidden counts: no number, the mark beside; a published count a number, not text.
    const youthCrime = meetings.find((row) => row[0] === "youth-crime") ?? [];
    expect(youthCrime.slice(4, 10)).toEqual([null, "x", null, "<5", 9, null]);
    expect(typeof youthCrime[8]).toBe("number");
    // Decimals stay numbers (no decimal-comma text as in the CSV).
    const units = sheets.find((s) => s.sheet === "11-fteUnits")?.data ?? [];
    const target = units[0]?.indexOf("target") ?? -1;
    const targets = units.slice(1).map((row) => row[target]);
    expect(targets.every((t) => typeof t === "number")).toBe(true);
    expect(targets).toContain(2.5);
    // No published count anywhere is text: every value column holds numbers or nothing.
    for (const { sheet, data } of sheets) {
      const header = data[0] ?? [];
      header.forEach((key, c) => {
        if (typeof key !== "string" || !header.includes(`${key}_suppressed`)) return;
        for (const row of data.slice(1)) expect(["number", "object"], `${sheet} ${key}`).toContain(typeof row[c]);
      });
    }
  });

  it("is stored as the fourth artifact with its content type", async () => {
    const xlsx = (await renderArtifacts(annual)).find((a) => a.format === "xlsx");
    expect(xlsx?.contentType).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    // An XLSX file is a ZIP archive.
    expect(xlsx?.content.subarray(0, 2).toString("latin1")).toBe("PK");
  });
});
