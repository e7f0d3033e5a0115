import {
  defaultReportLanguage,
  lengthInDays,
  localDateSchema,
  type ReportLanguage,
  reportLanguageSchema,
} from "@ankkuri/domain";
import { z } from "zod";
import { ReportError } from "./errors.js";
import { isCalendarMonth } from "./periods.js";

export { isReportLanguage, type ReportLanguage } from "@ankkuri/domain";

/** A report to produce: the same team, type, period, scope and language is produced once. */
export interface ReportRequest {
  teamId: string;
  type: "annual" | "party" | "monthly";
  period: { from: string; to: string };
  /** Party organisation id for "party"; null otherwise. */
  scope: string | null;
  requestedBy: string;
  /**
   * The language the PDF is set in (`fi` when not given). The JSON, CSV and XLSX carry every
   * language whatever it is; a Swedish request for the same period is still a run of its own.
   */
  language?: ReportLanguage | undefined;
}

/** A request as {@link parseReportRequest} returns it: its language settled. */
export type ValidReportRequest = ReportRequest & { language: ReportLanguage };

/** Longest period a report may cover: five years, so that the chart stays readable. */
export const maxPeriodDays = 5 * 366;

/** zod schema of a {@link ReportRequest}, with the rules that tie the type to its period and scope. */
export const reportRequestSchema = z
  .object({
    teamId: z.string().trim().min(1).max(100),
    type: z.enum(["annual", "party", "monthly"]),
    period: z.object({ from: localDateSchema, to: localDateSchema }),
    scope: z.string().trim().min(1).max(100).nullable(),
    requestedBy: z.string().trim().min(1).max(200),
    language: reportLanguageSchema.default(defaultReportLanguage),
  })
  .superRefine((r, ctx) => {
    if (r.period.to < r.period.from)
      ctx.addIssue({ code: "custom", path: ["period", "to"], message: "The period ends before it starts" });
    else if (lengthInDays(r.period) > maxPeriodDays)
      ctx.addIssue({ code: "custom", path: ["period"], message: "A report covers at most five years" });
    if (r.type === "monthly" && !isCalendarMonth(r.period))
      ctx.addIssue({
        code: "custom",
        path: ["period"],
        message: "Operational statistics cover one calendar month (e.g. 2025-03)",
      });
    if (r.type === "party" && r.scope === null)
      ctx.addIssue({ code: "custom", path: ["scope"], message: "A party report needs the party (scope)" });
    if (r.type !== "party" && r.scope !== null)
      ctx.addIssue({ code: "custom", path: ["scope"], message: "Only a party report has a scope" });
  });

/** Validates a request; throws `ReportError` `REPORT.REQUEST_INVALID` naming the first problem. */
export function parseReportRequest(request: ReportRequest): ValidReportRequest {
  const parsed = reportRequestSchema.safeParse(request);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.join(".") ?? "";
  const message = issue?.message ?? "invalid";
  throw new ReportError("REPORT.REQUEST_INVALID", {
    fi: `Raporttipyyntö ei kelpaa (${where}): ${message}`,
    sv: `Rapportbegäran duger inte (${where}): ${message}`,
    en: `The report request is not valid (${where}): ${message}`,
  });
}
