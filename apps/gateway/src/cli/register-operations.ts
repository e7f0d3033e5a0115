import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { loadGatewayConfig } from "../env.js";
import { manifestSchema, readManifest } from "../persisted/manifests.js";
import { checkTeamDocuments } from "../persisted/registration.js";

// `pnpm --filter @ankkuri/gateway operations:register --team <team> <persisted-documents.json>`:
// checks a frontend team's persisted documents against the schema and the query limits, and writes
// them as the team's manifest in persisted-operations/ (a reviewed file: the change goes through
// review like code). The team's manifest is replaced: it lists what the team's frontend sends now.
const usage =
  "Usage: pnpm --filter @ankkuri/gateway operations:register --team <team> [--dir <folder>] <persisted-documents.json>";
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { team: { type: "string" }, dir: { type: "string" } },
});
const team = values.team;
const input = positionals[0];
if (team === undefined || !/^[a-z][a-z0-9-]{1,40}$/.test(team) || team === "ankkuri" || input === undefined) {
  process.stderr.write(
    `${usage}\nThe team is a lower-case name (letters, digits, hyphens); "ankkuri" is the documented operations' own.\n`,
  );
  process.exit(2);
}
const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(resolve(process.env.INIT_CWD ?? ".", input), "utf8")));
if (!parsed.success) {
  process.stderr.write(`${input} is not a persisted-documents file ({ "<sha256>": "<operation text>" }).\n`);
  process.exit(1);
}
const problems = await checkTeamDocuments(parsed.data, loadGatewayConfig());
if (problems.length > 0) {
  process.stderr.write(`Not registered: ${String(problems.length)} problem(s)\n`);
  for (const p of problems) process.stderr.write(`  ${p.operation ?? p.hash.slice(0, 12)}: ${p.problem}\n`);
  process.exit(1);
}
const dir = values.dir ?? fileURLToPath(new URL("../../persisted-operations", import.meta.url));
mkdirSync(dir, { recursive: true });
const file = join(dir, `${team}.json`);
const before = existsSync(file) ? readManifest(file) : {};
const sorted = Object.fromEntries(Object.entries(parsed.data).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(file, `${JSON.stringify(sorted, null, 2)}\n`);
const added = Object.keys(sorted).filter((h) => !(h in before)).length;
const removed = Object.keys(before).filter((h) => !(h in sorted)).length;
process.stdout.write(
  `Registered ${String(Object.keys(sorted).length)} operation(s) of ${team} in ${file} (${String(added)} new, ${String(removed)} removed). Commit it for review.\n`,
);
