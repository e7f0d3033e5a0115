import { z } from "zod";
import { publishedReportSchema, reportSchemaVersion } from "../report-document.js";

/**
 * The JSON Schema (draft 2020-12) of the published report, generated from its zod schema and
 * committed as docs/reports/report.schema.json (a test keeps the two the same).
 */
export function reportJsonSchema(): Record<string, unknown> {
  return {
    ...z.toJSONSchema(publishedReportSchema, { io: "output" }),
    $id: `https://ankkuri.example/schemas/report-${reportSchemaVersion}.schema.json`,
  };
}
