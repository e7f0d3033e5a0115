import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { migrationsFolder } from "./migrate.js";

/** A short hash of every committed migration: templates built from other migrations are never reused. */
export function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const dir of readdirSync(migrationsFolder).sort())
    hash.update(dir).update(readFileSync(join(migrationsFolder, dir, "migration.sql")));
  return hash.digest("hex").slice(0, 12);
}
