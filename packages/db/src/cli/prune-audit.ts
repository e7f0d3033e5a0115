import { parseArgs } from "node:util";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { defaultAuditRetentionYears, pruneAuditLog, retentionCutoff } from "../audit/prune-audit.js";
import { queryRows } from "../query-rows.js";
import { withRuntime } from "./cli.js";

// `pnpm db:prune-audit [--years N] [--today YYYY-MM-DD] [--team T]`: removes access-log entries past
// retention (AUDIT_RETENTION_YEARS, default 12), oldest first, after verifying each chain.
const retentionEnv = z.object({
  AUDIT_RETENTION_YEARS: z.coerce.number().int().min(1).max(100).default(defaultAuditRetentionYears),
});
const options = z.object({
  years: z.coerce.number().int().min(1).max(100),
  today: z.iso.date().optional(),
  team: z.string().min(1).optional(),
});

await withRuntime("db:prune-audit", async ({ handle, keys }, argv) => {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== "--"),
    options: { years: { type: "string" }, today: { type: "string" }, team: { type: "string" } },
  });
  const env = retentionEnv.safeParse(process.env);
  const result = options.safeParse({
    years: values.years ?? (env.success ? env.data.AUDIT_RETENTION_YEARS : Number.NaN),
    today: values.today,
    team: values.team,
  });
  if (!env.success) throw new Error(z.prettifyError(env.error));
  if (!result.success) throw new Error(z.prettifyError(result.error));
  const parsed = result.data;
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
