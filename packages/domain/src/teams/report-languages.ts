import { z } from "zod";
import type { Language, Message } from "../core/localised-text.js";
import { type Violation, violation } from "../core/violation.js";

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

/** Why a language cannot be a report's, in words (the same answer for a report asked for and for a team's setting). */
export const reportLanguageUnsupported: Message = {
  fi: "Raportin kieli on suomi tai ruotsi (FI tai SV). Kummassakin on englanninkieliset alaotsikot.",
  sv: "En rapport är på finska eller svenska (FI eller SV). Båda har underrubriker på engelska.",
  en: "A report is in Finnish or Swedish (FI or SV). Both carry English subtitles.",
};

/**
 * Checks the languages a team's scheduled reports are to be produced in (`reportLanguagesSchema`'s
 * rule, with messages in fi/sv/en for the people who set them): at least one, each Finnish or
 * Swedish, none twice. On success, the languages in the order given.
 */
export function checkReportLanguages(
  languages: readonly string[],
): { ok: true; languages: ReportLanguage[] } | { ok: false; error: Violation[] } {
  const found: Violation[] = [];
  if (languages.length === 0)
    found.push(
      violation(
        "REPORT.LANGUAGES_MISSING",
        [],
        {
          fi: "Valitse vähintään yksi kieli, jolla tiimin säännölliset raportit laaditaan.",
          sv: "Välj minst ett språk som teamets regelbundna rapporter görs på.",
          en: "Choose at least one language for the team's scheduled reports.",
        },
        { path: ["languages"] },
      ),
    );
  languages.forEach((language, index) => {
    if (!isReportLanguage(language))
      found.push(
        violation("REPORT.LANGUAGE_UNSUPPORTED", [], reportLanguageUnsupported, { path: ["languages", index] }),
      );
    else if (languages.indexOf(language) !== index)
      found.push(
        violation(
          "REPORT.LANGUAGE_REPEATED",
          [],
          {
            fi: "Sama kieli on valittu kahdesti; kukin raportti laaditaan kullakin kielellä kerran.",
            sv: "Samma språk har valts två gånger; varje rapport görs en gång på varje språk.",
            en: "The same language is chosen twice; each report is produced once in each language.",
          },
          { path: ["languages", index] },
        ),
      );
  });
  return found.length === 0 ? { ok: true, languages: languages.filter(isReportLanguage) } : { ok: false, error: found };
}
