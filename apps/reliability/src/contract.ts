import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, type GraphQLSchema } from "graphql";
import { gatewayDir } from "./apps.js";

/** The gateway's published contract (apps/gateway/schema.graphql, kept in step with the code by `schema:check`). */
export function loadContract(): GraphQLSchema {
  return buildSchema(readFileSync(join(gatewayDir, "schema.graphql"), "utf8"));
}
