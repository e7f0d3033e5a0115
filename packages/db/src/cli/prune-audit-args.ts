import { type LocalDate, localDateSchema } from "@ankkuri/domain";
import { z } from "zod";
import { defaultAuditRetentionYears } from "../audit/prune-audit.js";
import { optionProblems, readCommandLine, unexpectedArguments } from "./command-line.js";

export const pruneAuditUsage = `usage: pnpm db:prune-audit [--years N] [--today YYYY-MM-DD] [--team T]
  --years  the access log's retention in years, 1–100 (default AUDIT_RETENTION_YEARS, or ${String(defaultAuditRetentionYears)})
  --today  the day retention is counted back from, not after today (default today)
  --team   one team (default every team with an access log)`;

const wholeYears = "a whole number of years, 1–100";
const years = z.coerce
  .number({ error: wholeYears })
  .int({ error: wholeYears })
  .min(1, { error: wholeYears })
  .max(100, { error: wholeYears });
const retentionEnv = z.object({ AUDIT_RETENTION_YEARS: years.default(defaultAuditRetentionYears) });
const optionsSchema = z.object({ years, today: localDateSchema.optional(), team: z.string().min(1).optional() });

/** What `pnpm db:prune-audit` was asked to do. */
export type PruneAuditCommand = { kind: "help" } | { kind: "prune"; years: number; today?: LocalDate; team?: string };

/**
 * The command line of `pnpm db:prune-audit` with the retention setting of `env`, or every usage
 * problem with them. A day after `today` is refused: counted from the future, entries still within
 * retention would go. Read before anything is opened, so a mistyped command removes nothing.
 */
export function parsePruneAuditArgs(
  args: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  today: LocalDate,
): { ok: true; command: PruneAuditCommand } | { ok: false; problems: string[] } {
  const { values, positionals, problems } = readCommandLine(args, {
    years: "string",
    today: "string",
    team: "string",
    help: "boolean",
  });
  if (values.help === true) return { ok: true, command: { kind: "help" } };
  problems.push(...unexpectedArguments(positionals));
  const setting = retentionEnv.safeParse({ AUDIT_RETENTION_YEARS: env.AUDIT_RETENTION_YEARS });
  // The setting matters only when --years does not override it.
  if (!setting.success && values.years === undefined)
    problems.push(`AUDIT_RETENTION_YEARS=${env.AUDIT_RETENTION_YEARS ?? ""}: ${wholeYears} (or give --years)`);
  const input = {
    years: values.years ?? (setting.success ? setting.data.AUDIT_RETENTION_YEARS : defaultAuditRetentionYears),
    today: values.today,
    team: values.team,
  };
  const parsed = optionsSchema.safeParse(input);
  if (!parsed.success) problems.push(...optionProblems(parsed.error, input, problems));
  const day = localDateSchema.safeParse(input.today);
  if (day.success && day.data > today)
    problems.push(`--today ${day.data} is after today (${today}): entries still within retention would go`);
  if (problems.length > 0 || !parsed.success) return { ok: false, problems };
  return { ok: true, command: { kind: "prune", ...parsed.data } };
}
