import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { printSchemaWithDirectives } from "./schema-sdl.js";

// `pnpm --filter @ankkuri/gateway schema:print`: writes the committed SDL (apps/gateway/schema.graphql).
const target = fileURLToPath(new URL("../../schema.graphql", import.meta.url));
writeFileSync(target, printSchemaWithDirectives());
process.stdout.write(`wrote ${target}\n`);
