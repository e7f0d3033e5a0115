import { z } from "zod";
import type { Language } from "../core/localised-text.js";

/**
 * The languages a report can be set in: Finnish or Swedish, each with English subtitles. English is
 * not one of them: it is every report's subtitle.
 */
export const reportLanguages = ["fi", "sv"] as const satisfies readonly Language[];
/** A language a report can be set in (see {@link reportLanguages}). */
export type ReportLanguage = (typeof reportLanguages)[number];

/** Whether a report can be set in `language`. */
export const isReportLanguage = (language: string): language is ReportLanguage =>
  (reportLanguages as readonly string[]).includes(language);

/** zod schema of one {@link ReportLanguage}. */
export const reportLanguageSchema = z.enum(reportLanguages, { error: "A report is in Finnish (fi) or Swedish (sv)" });

/** The language of a report nobody chose one for: Finnish, the team's working language. */
export const defaultReportLanguage: ReportLanguage = "fi";

/** The languages of a team's scheduled reports when nothing else is set: Finnish only. */
export const defaultReportLanguages: readonly ReportLanguage[] = [defaultReportLanguage];

/**
 * zod schema of the languages a team's scheduled reports are produced in: at least one, each a report
 * language, none twice. A bilingual municipality (Helsinki) has both, and gets each report in each.
 */
export const reportLanguagesSchema = z
  .array(reportLanguageSchema)
  .min(1, { error: "Scheduled reports need at least one language" })
  .refine((languages) => new Set(languages).size === languages.length, {
    error: "A report language is listed twice",
  });
