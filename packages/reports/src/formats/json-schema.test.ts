import { readFileSync } from "node:fs";
import { generateKeySettings, parseKeyMaterial } from "@ankkuri/db";
import { createTestDatabase, type TestDatabase } from "@ankkuri/db/testing";
import { Ajv2020 } from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { computeReport } from "../compute-report.js";
import { type ReportDocument, tableIds } from "../report-document.js";
import { fixtureTeamId, loadReportFixture } from "../testing/report-dataset.js";
import { renderJson } from "./json.js";
import { reportJsonSchema } from "./json-schema.js";

const committed = new URL("../../../../docs/reports/report.schema.json", import.meta.url);

describe("the published JSON and its committed JSON Schema", () => {
  let database: TestDatabase;
  let reports: ReportDocument[];
  beforeAll(async () => {
    database = await createTestDatabase("pglite");
    await loadReportFixture(database.db, parseKeyMaterial(generateKeySettings()));
    const base = { teamId: fixtureTeamId, scope: null, requestedBy: "kari.nurmi" };
    reports = [
      await computeReport(database.db, { ...base, type: "annual", period: { from: "2025-05-01", to: "2026-04-30" } }),
      await computeReport(database.db, { ...base, type: "monthly", period: { from: "2025-09-01", to: "2025-09-30" } }),
    ];
  });
  afterAll(async () => {
    await database.dispose();
  });

  it("is committed as generated from the zod schema (update with vitest -u)", async () => {
    await expect(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(committed.pathname);
  });

  it("accepts the real reports, whose counts are numbers or hidden with a reason, never strings", () => {
    const schema = z.fromJSONSchema(
      JSON.parse(readFileSync(committed, "utf8")) as Parameters<typeof z.fromJSONSchema>[0],
    );
    const [annual] = reports;
    for (const report of reports) {
      const json = JSON.parse(renderJson(report).toString("utf8")) as Record<string, unknown>;
      expect(schema.safeParse(json).error).toBeUndefined();
      expect(json.schemaVersion).toBe("2.3");
    }
    const json = JSON.parse(renderJson(annual as ReportDocument).toString("utf8")) as {
      headline: Record<string, unknown>;
      tables: Record<string, { rows: { key: string; values: Record<string, unknown> }[] }>;
    };
    expect(json.headline.newCases).toEqual({ value: 9, suppressed: null });
    expect(json.headline.closedCases).toEqual({ value: null, suppressed: "complementary" });
    const meetings = json.tables.meetings?.rows.find((r) => r.key === "youth-crime");
    expect(meetings?.values).toEqual({
      recorded: { value: null, suppressed: "complementary" },
      unrecorded: { value: null, suppressed: "small" },
    });
    // No count anywhere is a string: the marks appear only in the legend.
    const { suppression, ...rest } = json as unknown as { suppression: unknown };
    expect(suppression).toMatchObject({ primaryLabel: "<5", secondaryLabel: "x" });
    expect(JSON.stringify(rest)).not.toMatch(/"(<\d+|x)"/);
    for (const id of tableIds) expect(json.tables[id]).toBeDefined();

    // The schema refuses what 1.0 published: a mark in a number's place, or a number with a reason.
    const old = structuredClone(json);
    old.headline.closedCases = "x";
    expect(schema.safeParse(old).success).toBe(false);
    const both = structuredClone(json);
    both.headline.newCases = { value: 9, suppressed: "small" };
    expect(schema.safeParse(both).success).toBe(false);
  });

  it("validates with a standard JSON Schema validator, as a consumer outside TypeScript reads it", () => {
    // Ajv in strict mode: an unknown keyword or a malformed schema is an error, not ignored. The one
    // format, `date-time`, comes with a `pattern` beside it that checks the same, so Ajv is told the
    // format exists rather than given a second package to check it again.
    const validate = new Ajv2020({ strict: true, allErrors: true, formats: { "date-time": true } }).compile(
      JSON.parse(readFileSync(committed, "utf8")) as object,
    );
    for (const report of reports) {
      const json = JSON.parse(renderJson(report).toString("utf8")) as Record<string, unknown>;
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    }
    const [annual] = reports;
    const json = JSON.parse(renderJson(annual as ReportDocument).toString("utf8")) as {
      headline: Record<string, unknown>;
      organisationViolations: { name?: unknown }[];
    };
    const marked = structuredClone(json);
    marked.headline.closedCases = "x";
    expect(validate(marked)).toBe(false);
    const unnamed = structuredClone(json);
    expect(unnamed.organisationViolations.length).toBeGreaterThan(0);
    delete unnamed.organisationViolations[0]?.name;
    expect(validate(unnamed)).toBe(false);
  });
});
