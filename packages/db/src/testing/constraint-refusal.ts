import { expect } from "vitest";
import { constraintViolation } from "../errors.js";

/** Asserts the write is refused by the named constraint. */
export async function refusedBy(write: Promise<unknown>, constraint: string): Promise<void> {
  const error: unknown = await write.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `expected ${constraint} to refuse the write`).not.toBeNull();
  expect(constraintViolation(error)?.constraint).toBe(constraint);
}
