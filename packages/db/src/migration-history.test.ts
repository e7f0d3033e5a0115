import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { migrationsFolder } from "./migrate.js";

interface Snapshot {
  id: string;
  prevIds: string[];
}

const migrations = readdirSync(migrationsFolder, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();
const snapshotOf = (name: string) =>
  JSON.parse(readFileSync(join(migrationsFolder, name, "snapshot.json"), "utf8")) as Snapshot;

// Migrations generated on parallel branches and merged side by side leave a history with several
// heads, which drizzle-kit reports as non-commutative and diffs the next migration against only in
// part. After a merge, the later migration's snapshot is regenerated on top of the earlier one.
describe("the migration history", () => {
  it("is one chain: each migration's snapshot follows the one before it, in the order they run", () => {
    const snapshots = migrations.map(snapshotOf);
    expect(snapshots.length).toBeGreaterThan(1);
    snapshots.slice(1).forEach((snapshot, i) => {
      const previous = snapshots[i];
      expect({ migration: migrations[i + 1], prevIds: snapshot.prevIds }).toEqual({
        migration: migrations[i + 1],
        prevIds: [previous?.id],
      });
    });
  });

  it("has a migration.sql beside every snapshot", () => {
    for (const name of migrations)
      expect(readFileSync(join(migrationsFolder, name, "migration.sql"), "utf8")).not.toBe("");
  });
});
