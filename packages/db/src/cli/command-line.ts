import { parseArgs } from "node:util";
import type { z } from "zod";

/** The options a command takes: each a string (`--name value`) or a flag (`--name`). */
export type CommandOptions = Readonly<Record<string, "string" | "boolean">>;

/**
 * A command line as read: its values (a string option's text, a flag's `true`; nothing for one given
 * wrongly, which is among the problems) and positionals, and every problem with its options.
 */
export interface CommandLine {
  values: Record<string, string | true | undefined>;
  positionals: string[];
  problems: string[];
}

/**
 * Reads `args` against `options` without throwing: an unknown option is named with the valid ones,
 * a string option given without its value and a flag given one are named too (strict parsing throws
 * at the first problem, with a stack). A bare `--` (pnpm passes its separator through) is dropped.
 */
export function readCommandLine(args: readonly string[], options: CommandOptions): CommandLine {
  const rest = args.filter((a) => a !== "--");
  const config = Object.fromEntries(Object.entries(options).map(([name, type]) => [name, { type }]));
  const parsed = parseArgs({ args: rest, options: config, allowPositionals: true, strict: false });
  const known = Object.keys(options);
  const problems: string[] = [];
  for (const token of rest) {
    const name = /^--?([^=]+)/.exec(token)?.[1];
    if (name !== undefined && !known.includes(name))
      problems.push(`unknown option ${token.split("=")[0] ?? token}: the options are --${known.join(", --")}`);
  }
  const values: CommandLine["values"] = {};
  for (const [name, value] of Object.entries(parsed.values)) {
    if (options[name] === "string") {
      // `--today --team x` would take `--team` for the day.
      if (typeof value === "string" && !value.startsWith("--")) values[name] = value;
      else problems.push(`--${name} needs a value`);
    } else if (options[name] === "boolean") {
      // `--dry-run=no` must not pass for a real run.
      if (value === true) values[name] = true;
      else problems.push(`--${name} takes no value`);
    }
  }
  return { values, positionals: parsed.positionals, problems };
}

/** The option a schema key stands for: `requestedBy` is `--requested-by`. */
const optionOf = (key: PropertyKey) => `--${String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** The option a problem names first (`--by` of "--by needs a value"). */
const optionNamed = (problem: string) => problem.split(/[: ]/)[0];

/**
 * What zod found wrong with a command's options, each problem naming its option: a missing one as
 * missing, any other with zod's message (which names the valid values of a choice). An option one of
 * `earlier` problems already names (given without its value, say) is not named again.
 */
export function optionProblems(
  error: z.ZodError,
  input: Readonly<Record<string, unknown>>,
  earlier: readonly string[] = [],
): string[] {
  const named = new Set(earlier.map(optionNamed));
  return error.issues
    .map((issue) => {
      const [key] = issue.path;
      if (key === undefined) return issue.message;
      return input[String(key)] === undefined ? `${optionOf(key)} is missing` : `${optionOf(key)}: ${issue.message}`;
    })
    .filter((problem) => !named.has(optionNamed(problem)));
}

/** The problem of arguments a command does not take, or none. */
export function unexpectedArguments(extra: readonly string[]): string[] {
  return extra.length === 0 ? [] : [`unexpected argument${extra.length > 1 ? "s" : ""}: ${extra.join(" ")}`];
}

/**
 * A command's options checked by `schema`: the options, or every problem with the command line —
 * `earlier` ones first, then zod's, each option named once (`optionProblems`).
 */
export function settleOptions<T extends z.ZodType>(
  schema: T,
  input: Readonly<Record<string, unknown>>,
  earlier: readonly string[],
): { ok: true; options: z.output<T> } | { ok: false; problems: string[] } {
  const parsed = schema.safeParse(input);
  const problems = parsed.success ? [...earlier] : [...earlier, ...optionProblems(parsed.error, input, earlier)];
  return parsed.success && problems.length === 0 ? { ok: true, options: parsed.data } : { ok: false, problems };
}
