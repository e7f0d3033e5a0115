import type { Message } from "./localised-text.js";

/**
 * How serious a finding is. `error`: a rule of the agreement or the law is broken. `warning`: a target
 * is missed or something needs attention, but nothing forbidden has happened (e.g. FTE below target).
 */
export const severities = ["error", "warning"] as const;
export type Severity = (typeof severities)[number];

/**
 * One broken rule. Rule checks return lists of these instead of throwing, so callers can show every
 * problem at once and map them to their own error shapes (GraphQL unions, report rows).
 */
export interface Violation<Code extends string = string> {
  /** Stable machine-readable code, `AREA.RULE` (e.g. `CASE.CONSENT_MISSING`). Never reworded. */
  code: Code;
  severity: Severity;
  /** Ids of the records at fault (case, meeting, staff member, ...), most specific first. */
  ids: string[];
  message: Message;
  /** Where in the input the problem is, when the check concerned an input document. */
  path?: (string | number)[];
}

/** Builds a violation; `severity` defaults to `error`. */
export function violation<Code extends string>(
  code: Code,
  ids: string[],
  message: Message,
  options: { severity?: Severity; path?: (string | number)[] } = {},
): Violation<Code> {
  return {
    code,
    severity: options.severity ?? "error",
    ids,
    message,
    ...(options.path ? { path: options.path } : {}),
  };
}

/** Outcome of an operation that can fail for an expected, business reason. */
export type Result<T, E = Violation[]> = { ok: true; value: T } | { ok: false; error: E };

/** A successful {@link Result}. */
export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

/** A failed {@link Result}. */
export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}
