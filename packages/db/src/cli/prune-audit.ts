import { helsinkiDayOf } from "@ankkuri/domain";
import { sql } from "drizzle-orm";
import { pruneAuditLog, retentionCutoff } from "../audit/prune-audit.js";
import { queryRows } from "../query-rows.js";
import { withRuntime } from "./cli.js";
import { parsePruneAuditArgs, pruneAuditUsage } from "./prune-audit-args.js";

// `pnpm db:prune-audit [--years N] [--today YYYY-MM-DD] [--team T]`: removes access-log entries past
// retention (AUDIT_RETENTION_YEARS, default 12), oldest first, after verifying each chain. The command
// line is read before the database is opened: a usage error (exit 2) removes nothing.
const given = parsePruneAuditArgs(process.argv.slice(2), process.env, helsinkiDayOf(new Date()));
if (!given.ok) {
  for (const problem of given.problems) process.stderr.write(`db:prune-audit: ${problem}\n`);
  process.stderr.write(`${pruneAuditUsage}\n`);
  process.exitCode = 2;
} else if (given.command.kind === "help") process.stdout.write(`${pruneAuditUsage}\n`);
else {
  const parsed = given.command;
  await withRuntime("db:prune-audit", async ({ handle, keys }) => {
    const cutoff = retentionCutoff(parsed.today ? new Date(`${parsed.today}T00:00:00Z`) : new Date(), parsed.years);
    const teams = parsed.team
      ? [parsed.team]
      : (await queryRows<{ team_id: string }>(handle.db, sql`select team_id from audit_heads order by team_id`)).map(
          (r) => r.team_id,
        );
    process.stdout.write(`retention ${String(parsed.years)} years: removing entries before ${cutoff.toISOString()}\n`);
    for (const team of teams) {
      const outcome = await pruneAuditLog(handle.db, keys.auditKey, team, cutoff);
      if (outcome.ok)
        process.stdout.write(
          `${team}: removed ${String(outcome.pruned)} entries; the chain now starts after ${String(outcome.prunedSeq)}${
            outcome.heldFrom === undefined
              ? ""
              : `; a legal hold keeps entry ${String(outcome.heldFrom)} and every entry after it`
          }\n`,
        );
      else {
        process.stdout.write(`${team}: ${outcome.message}\n`);
        process.exitCode = 2;
      }
    }
  });
}
