import type { z } from "zod";
import { err, ok, type Result, type Violation, violation } from "./violation.js";

/** Code of every violation produced by schema validation of an input. */
export const inputInvalid = "INPUT.INVALID" as const;

/**
 * Validates `input` with `schema` and returns either the parsed value or one violation per zod issue,
 * each with its path, so that boundaries (GraphQL, CLI, seed loader) report every problem at once.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
): Result<z.output<S>, Violation<typeof inputInvalid>[]> {
  const parsed = schema.safeParse(input);
  return parsed.success ? ok(parsed.data) : err(inputViolations(parsed.error.issues));
}

/**
 * One violation per schema issue, with its path under `prefix` (e.g. `["input"]` for a GraphQL
 * argument); the message names the field and says what is wrong in each language.
 */
export function inputViolations(
  issues: readonly { message: string; path: readonly PropertyKey[] }[],
  prefix: readonly string[] = [],
): Violation<typeof inputInvalid>[] {
  return issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    const where = path.length > 0 ? path.join(".") : "(input)";
    return violation(
      inputInvalid,
      [],
      {
        fi: `Virheellinen arvo kentässä ${where}: ${issue.message}`,
        sv: `Ogiltigt värde i fältet ${where}: ${issue.message}`,
        en: `Invalid value at ${where}: ${issue.message}`,
      },
      { path: [...prefix, ...path] },
    );
  });
}
