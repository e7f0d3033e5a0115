import type { Violation } from "@ankkuri/domain";

// A mutation whose payload is the written row itself (`endAssignment` returns its `Assignment`) has no
// payload object to carry what the caller accepted. The row it returns carries it instead, held
// beside the object so that the row's type stays the table's and no other read of the row shows it.
const accepted = new WeakMap<object, readonly Violation[]>();

/** Marks a written row, returned as a mutation's payload, with the warnings its write was accepted with. */
export function withAcceptedWarnings<T extends object>(row: T, warnings: readonly Violation[]): T {
  if (warnings.length > 0) accepted.set(row, warnings);
  return row;
}

/** The warnings a row's write was accepted with; empty for a row read any other way. */
export function acceptedWarningsOf(row: object): readonly Violation[] {
  return accepted.get(row) ?? [];
}
