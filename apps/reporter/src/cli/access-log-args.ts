import { readCommandLine, settleOptions, unexpectedArguments } from "@ankkuri/db";
import { languages, localDateSchema } from "@ankkuri/domain";
import { z } from "zod";

export const accessLogUsage = `usage: pnpm report access-log --client <client id> --out <dir> [--language fi|sv|en] [--from <day>] [--to <day>]
                          --requested-by <login> [--controller <organisation id>] [--team <team id>]
  Writes the client's access-log extract as PDF and JSON for the auditor or registry office --requested-by
  names: an auditor's covers every controller unless --controller names one; a registry office's its own.`;

const optionsSchema = z
  .object({
    client: z.uuid(),
    out: z.string().min(1),
    language: z.enum(languages).default("fi"),
    from: localDateSchema.default("2012-01-01"),
    to: localDateSchema.optional(),
    controller: z.string().min(1).optional(),
    team: z.string().min(1).optional(),
    requestedBy: z.string().min(1).max(64),
  })
  .refine((o) => o.to === undefined || o.from <= o.to, { message: "--from must not be after --to" });

/** What `pnpm report access-log` was asked for. */
export type AccessLogOptions = z.infer<typeof optionsSchema>;

/**
 * The command line of `pnpm report access-log` (after `access-log`), or every usage problem with it,
 * each naming the option and what would be valid. Read before anything is opened.
 */
export function parseAccessLogArgs(
  args: readonly string[],
): { ok: true; help: true } | { ok: true; help: false; options: AccessLogOptions } | { ok: false; problems: string[] } {
  const { values, positionals, problems } = readCommandLine(args, {
    "client": "string",
    "out": "string",
    "language": "string",
    "from": "string",
    "to": "string",
    "controller": "string",
    "team": "string",
    "requested-by": "string",
    "help": "boolean",
  });
  if (values.help === true) return { ok: true, help: true };
  problems.push(...unexpectedArguments(positionals));
  const input = {
    client: values.client,
    out: values.out,
    language: values.language,
    from: values.from,
    to: values.to,
    controller: values.controller,
    team: values.team,
    requestedBy: values["requested-by"],
  };
  const settled = settleOptions(optionsSchema, input, problems);
  return settled.ok ? { ok: true, help: false, options: settled.options } : settled;
}
