import { type LegalHoldInput, legalHoldInputSchema, type LocalDate, localDateSchema } from "@ankkuri/domain";
import { z } from "zod";
import type { LegalHoldTarget } from "../retention/legal-holds.js";
import { type CommandOptions, optionProblems, readCommandLine, unexpectedArguments } from "./command-line.js";

export const retentionUsage = `usage: pnpm retention [--dry-run] [--today YYYY-MM-DD] [--team T]
       pnpm retention hold (--client ID | --case ID) --reason complaint|criminal-investigation|litigation
                           --reference TEXT --by LOGIN [--team T]
       pnpm retention release --hold ID --by LOGIN [--team T]`;

/** What `pnpm retention` was asked to do. */
export type RetentionCommand =
  | { kind: "help" }
  | { kind: "run"; dryRun: boolean; today?: LocalDate; team?: string }
  | ({ kind: "hold"; target: LegalHoldTarget; by: string; team?: string } & LegalHoldInput)
  | { kind: "release"; hold: string; by: string; team?: string };

// Each subcommand takes only its own options: `--case` without `hold` must not start a deleting run.
const optionsOf = {
  run: { "dry-run": "boolean", "today": "string", "team": "string", "help": "boolean" },
  hold: {
    client: "string",
    case: "string",
    reason: "string",
    reference: "string",
    by: "string",
    team: "string",
    help: "boolean",
  },
  release: { hold: "string", by: "string", team: "string", help: "boolean" },
} as const satisfies Record<string, CommandOptions>;

const login = z.string().min(2).max(64);
const team = z.string().min(1).optional();
const runSchema = z.object({ dryRun: z.boolean(), today: localDateSchema.optional(), team });
const holdSchema = z
  .object({
    client: z.uuid().optional(),
    case: z.uuid().optional(),
    reason: legalHoldInputSchema.shape.reason,
    reference: legalHoldInputSchema.shape.reference,
    by: login,
    team,
  })
  .refine((o) => (o.client === undefined) !== (o.case === undefined), "give exactly one of --client and --case");
const releaseSchema = z.object({ hold: z.uuid(), by: login, team });

/**
 * The command line of `pnpm retention`, or every usage problem with it, each naming the option and
 * what would be valid. Read before anything is opened, so a mistyped command changes nothing.
 */
export function parseRetentionArgs(
  args: readonly string[],
): { ok: true; command: RetentionCommand } | { ok: false; problems: string[] } {
  // Read with every subcommand's options first, so that the value of another subcommand's option
  // (`--case ID` without `hold`) is not taken for an argument.
  const [first, ...extra] = readCommandLine(args, {
    ...optionsOf.run,
    ...optionsOf.hold,
    ...optionsOf.release,
  }).positionals;
  const kind = first === "hold" || first === "release" ? first : "run";
  const { values, problems } = readCommandLine(args, optionsOf[kind]);
  if (values.help === true) return { ok: true, command: { kind: "help" } };
  if (kind === "run" && first !== undefined)
    problems.push(`unknown command "${first}": the commands are hold and release, or none to run retention`);
  problems.push(...unexpectedArguments(extra));
  const fail = (error: z.ZodError, input: Record<string, unknown>) => ({
    ok: false as const,
    problems: [...problems, ...optionProblems(error, input, problems)],
  });

  if (kind === "run") {
    const input = { dryRun: values["dry-run"] === true, today: values.today, team: values.team };
    const parsed = runSchema.safeParse(input);
    if (!parsed.success) return fail(parsed.error, input);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, command: { kind, ...parsed.data } };
  }
  const input: Record<string, unknown> = values;
  if (kind === "release") {
    const parsed = releaseSchema.safeParse(input);
    if (!parsed.success) return fail(parsed.error, input);
    return problems.length > 0 ? { ok: false, problems } : { ok: true, command: { kind, ...parsed.data } };
  }
  const parsed = holdSchema.safeParse(input);
  if (!parsed.success) return fail(parsed.error, input);
  if (problems.length > 0) return { ok: false, problems };
  const { client, case: caseId, ...hold } = parsed.data;
  const target = client !== undefined ? { clientId: client } : { caseId: caseId ?? "" };
  return { ok: true, command: { kind, target, ...hold } };
}
