import { errorOf, isConflict, isRuleViolation, violationsOf } from "@ankkuri/client";
import type { Problem } from "../common.js";
import type { Messages } from "../i18n.js";

/** A mutation's answer as far as the forms need it: its type and, for an error, its message. */
export type Payload = { __typename: string; message?: string };

/** What a mutation's payload says went wrong, as problems for the error summary. */
export function problemsOf(
  payload: Payload,
  t: Messages,
): { problems: Problem[]; conflict: boolean; consent: boolean } {
  const error = errorOf(payload) as (Payload & { code?: string; issues?: { message: string }[] }) | null;
  if (!error) return { problems: [], conflict: false, consent: false };
  if (isConflict(payload)) return { problems: [{ message: t.conflict }], conflict: true, consent: false };
  if (isRuleViolation(payload as never)) {
    const violations = violationsOf(payload as never) as { code: string; message: string }[];
    return {
      problems: violations.map((v) => ({ message: v.message })),
      conflict: false,
      consent: violations.some((v) => v.code.startsWith("CONSENT.")),
    };
  }
  const issues = error.issues ?? [];
  return {
    problems:
      issues.length > 0
        ? issues.map((i) => ({ message: i.message }))
        : [{ message: error.message ?? error.__typename }],
    conflict: false,
    consent: false,
  };
}
