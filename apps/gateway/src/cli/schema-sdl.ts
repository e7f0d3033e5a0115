import { lexicographicSortSchema, printSchema } from "graphql";
import { schema } from "../schema/index.js";

/** The schema's SDL as committed: sorted, so the file changes only when the contract does. */
export function printSchemaWithDirectives(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
