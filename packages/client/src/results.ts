/**
 * Helpers for the mutation result unions: every mutation answers its payload or one of the typed
 * errors (`RuleViolationError`, `ConflictError`, `NotFoundError`, `InputValidationError`,
 * `InvalidInputError`, …), each with a stable `code` and a message in the user's language.
 * Select `__typename` and spread the `ErrorFields` fragment (docs/operations/common/fragments.graphql).
 */
import { errorTypenames } from "./operations.js";

type Named = { readonly __typename?: string };

export type ErrorTypename = (typeof errorTypenames)[number];
type ErrorOf<T> = Extract<T, { readonly __typename?: ErrorTypename }>;

function typenameOf(result: unknown): string | undefined {
  return typeof result === "object" && result !== null ? (result as Named).__typename : undefined;
}

/** Whether a mutation's result is one of its typed errors. */
export function isError<T extends Named>(result: T | null | undefined): result is ErrorOf<T> & T {
  const name = typenameOf(result);
  return name !== undefined && (errorTypenames as readonly string[]).includes(name) && "code" in (result as object);
}

/** The error part of a mutation's result, or null when it succeeded. */
export function errorOf<T extends Named>(result: T | null | undefined): (ErrorOf<T> & T) | null {
  return isError(result) ? result : null;
}

/** The successful payload of a mutation's result, or null when it is an error. */
export function payloadOf<T extends Named>(result: T | null | undefined): Exclude<T, ErrorOf<T>> | null {
  return result != null && !isError(result) ? (result as Exclude<T, ErrorOf<T>>) : null;
}

/** Whether a mutation was refused by a domain rule; its `violations` say which, in the user's language. */
export function isRuleViolation<T extends Named>(
  result: T | null | undefined,
): result is Extract<T, { readonly __typename?: "RuleViolationError" }> {
  return typenameOf(result) === "RuleViolationError";
}

/** Whether the record changed since it was read (`expectedVersion` was stale): reload and try again. */
export function isConflict<T extends Named>(
  result: T | null | undefined,
): result is Extract<T, { readonly __typename?: "ConflictError" }> {
  return typenameOf(result) === "ConflictError";
}

/** Whether the record is not there, or not yours: the gateway does not say which. */
export function isNotFound<T extends Named>(
  result: T | null | undefined,
): result is Extract<T, { readonly __typename?: "NotFoundError" }> {
  return typenameOf(result) === "NotFoundError";
}

type ViolationsOf<T> = T extends { readonly violations?: infer V } ? NonNullable<V> : never;

/** The rule violations of a refused mutation (empty for anything else). */
export function violationsOf<T extends Named>(result: T | null | undefined): ViolationsOf<Extract<T, object>> | [] {
  if (!isRuleViolation(result)) return [];
  return ((result as { violations?: unknown }).violations ?? []) as ViolationsOf<Extract<T, object>>;
}
