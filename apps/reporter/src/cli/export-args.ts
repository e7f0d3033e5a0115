import { readCommandLine, settleOptions, unexpectedArguments } from "@ankkuri/db";
import { z } from "zod";

export const exportUsage = `usage: pnpm export client --client <client id> --controller <organisation id> --out <dir> --requested-by <login> [--team <team id>]
  Writes everything the controller holds about the client (GDPR Art. 15) as JSON, with a PDF summary,
  for the auditor or registry office --requested-by names (a registry office: its own controller only).`;

const optionsSchema = z.object({
  client: z.uuid(),
  controller: z.string().min(1).max(64),
  out: z.string().min(1),
  team: z.string().min(1).optional(),
  requestedBy: z.string().min(1).max(64),
});

/** What `pnpm export client` was asked for. */
export type ExportOptions = z.infer<typeof optionsSchema>;

/**
 * The command line of `pnpm export`, or every usage problem with it, each naming the option and what
 * would be valid. Read before anything is opened: the export decrypts identity codes.
 */
export function parseExportArgs(
  args: readonly string[],
): { ok: true; help: true } | { ok: true; help: false; options: ExportOptions } | { ok: false; problems: string[] } {
  const { values, positionals, problems } = readCommandLine(args, {
    "client": "string",
    "controller": "string",
    "out": "string",
    "team": "string",
    "requested-by": "string",
    "help": "boolean",
  });
  if (values.help === true) return { ok: true, help: true };
  const [what, ...extra] = positionals;
  if (what === undefined) problems.push('name what to export: "client"');
  else if (what !== "client") problems.push(`unknown export "${what}": the exports are client`);
  problems.push(...unexpectedArguments(extra));
  const input = {
    client: values.client,
    controller: values.controller,
    out: values.out,
    team: values.team,
    requestedBy: values["requested-by"],
  };
  const settled = settleOptions(optionsSchema, input, problems);
  return settled.ok ? { ok: true, help: false, options: settled.options } : settled;
}
