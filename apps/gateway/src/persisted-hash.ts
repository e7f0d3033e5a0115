import { createHash } from "node:crypto";

/**
 * The key of a persisted operation: the SHA-256 (hex) of its exact text, as clients send it in
 * `extensions.persistedQuery.sha256Hash`. The documented operations are normalised before hashing
 * (graphql-js `print` of the operation, then each fragment it uses, by name, joined by a blank line);
 * a team's registered documents are hashed as they were sent, as the client preset does.
 */
export function persistedHash(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}
