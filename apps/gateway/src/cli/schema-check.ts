import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CriticalityLevel, diff } from "@graphql-inspector/core";
import { buildSchema } from "graphql";
import { z } from "zod";

// `pnpm --filter @ankkuri/gateway schema:check`: compares the committed schema.graphql with its previous
// committed version and fails on breaking changes that are not acknowledged in schema-changes.json.
const root = fileURLToPath(new URL("../../", import.meta.url));
const file = `${root}schema.graphql`;
const acknowledgedFile = `${root}schema-changes.json`;

function previousVersion(): string | null {
  try {
    const commits = execFileSync("git", ["log", "--format=%H", "-n", "2", "--", "schema.graphql"], {
      cwd: root,
      encoding: "utf8",
    })
      .trim()
      .split("\n")
      .filter(Boolean);
    const head = execFileSync("git", ["show", "HEAD:apps/gateway/schema.graphql"], {
      cwd: root,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    });
    const current = readFileSync(file, "utf8");
    // The baseline: HEAD's version if the working copy differs from it, otherwise the commit before.
    if (head !== current) return head;
    const previous = commits[1];
    return previous
      ? execFileSync("git", ["show", `${previous}:apps/gateway/schema.graphql`], { cwd: root, encoding: "utf8" })
      : null;
  } catch {
    return null;
  }
}

const acknowledged = new Set(
  existsSync(acknowledgedFile)
    ? z
        .object({
          // Each entry names the exact change and why the frontends agreed to it.
          acknowledgedBreakingChanges: z.array(z.object({ change: z.string(), reason: z.string().trim().min(10) })),
        })
        .parse(JSON.parse(readFileSync(acknowledgedFile, "utf8")))
        .acknowledgedBreakingChanges.map((a) => a.change)
    : [],
);
const baseline = previousVersion();
if (baseline === null) {
  process.stdout.write(
    "schema check: no earlier committed schema to compare with (first version or shallow history)\n",
  );
} else {
  const changes = await diff(buildSchema(baseline), buildSchema(readFileSync(file, "utf8")));
  const breaking = changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking);
  const unacknowledged = breaking.filter((c) => !acknowledged.has(c.message));
  for (const c of changes) process.stdout.write(`${c.criticality.level.padEnd(12)} ${c.message}\n`);
  if (unacknowledged.length > 0) {
    process.stderr.write(
      `\nschema check: ${String(unacknowledged.length)} breaking change(s). Frontends depend on this contract: make the change additive, or list the exact message with its reason in apps/gateway/schema-changes.json after agreeing it with the frontend teams.\n`,
    );
    process.exit(1);
  }
  process.stdout.write(
    `schema check: ${String(changes.length)} change(s), none breaking${breaking.length > 0 ? " unacknowledged" : ""}\n`,
  );
}
