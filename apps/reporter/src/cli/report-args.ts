import { readCommandLine, unexpectedArguments } from "@ankkuri/db";
import { isReportLanguage, type ReportLanguage, type ReportRequest, reportRequestSchema } from "@ankkuri/reports";

const reportTypes = reportRequestSchema.shape.type.options;

/** The command's arguments, or every usage problem with them (each naming the argument and its valid values). */
export function parseReportArgs(args: string[]):
  | {
      ok: true;
      help: boolean;
      type: ReportRequest["type"];
      period: string;
      out: string;
      party?: string;
      team?: string;
      requestedBy: string;
      /** The PDF's language (`--language`, fi unless given). */
      language: ReportLanguage;
    }
  | { ok: false; problems: string[] } {
  // `pnpm report -- …` from the workspace root passes the separator through (dropped here).
  const { values, positionals, problems } = readCommandLine(args, {
    "period": "string",
    "out": "string",
    "party": "string",
    "team": "string",
    "requested-by": "string",
    "language": "string",
    "help": "boolean",
  });
  if (values.help === true)
    return { ok: true, help: true, type: "annual", period: "", out: "", requestedBy: "cli", language: "fi" };
  const [typeName, ...extra] = positionals;
  const type = reportRequestSchema.shape.type.safeParse(typeName);
  if (typeName === undefined) problems.push(`name the report type: ${reportTypes.join(", ")}`);
  else if (!type.success) problems.push(`unknown report type "${typeName}": the types are ${reportTypes.join(", ")}`);
  problems.push(...unexpectedArguments(extra));
  if (typeof values.period !== "string")
    problems.push("--period is missing: a year (2025), a month (2025-03) or an interval (2025-05-01..2026-04-30)");
  if (typeof values.out !== "string") problems.push("--out is missing: the folder to write the files to");
  const language = typeof values.language === "string" ? values.language : "fi";
  if (typeof values.language === "string" && !isReportLanguage(language))
    problems.push(`unknown --language "${language}": a report's PDF is in fi or sv (with English subtitles)`);
  if (type.success && type.data === "party" && typeof values.party !== "string")
    problems.push("a party report needs --party <organisation id> (an unknown one is answered with the parties)");
  if (
    problems.length > 0 ||
    !type.success ||
    typeof values.period !== "string" ||
    typeof values.out !== "string" ||
    !isReportLanguage(language)
  )
    return { ok: false, problems };
  return {
    ok: true,
    help: false,
    type: type.data,
    period: values.period,
    out: values.out,
    ...(typeof values.party === "string" ? { party: values.party } : {}),
    ...(typeof values.team === "string" ? { team: values.team } : {}),
    requestedBy: typeof values["requested-by"] === "string" ? values["requested-by"] : "cli",
    language,
  };
}
