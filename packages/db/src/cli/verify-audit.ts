import { sql } from "drizzle-orm";
import { verifyAuditChain } from "../audit/verify-audit.js";
import { queryRows } from "../query-rows.js";
import { withRuntime } from "./cli.js";

// `pnpm db:verify-audit [team]`: verifies every team's audit chain (or one) and names the first bad row.
await withRuntime(
  "db:verify-audit",
  async ({ handle, keys }, args) => {
    const teams = args[0]
      ? [args[0]]
      : (await queryRows<{ team_id: string }>(handle.db, sql`select team_id from audit_heads order by team_id`)).map(
          (r) => r.team_id,
        );
    for (const team of teams) {
      const result = await verifyAuditChain(handle.db, keys.auditKey, team);
      if (result.ok) process.stdout.write(`${team}: intact, ${String(result.rows)} rows\n`);
      else {
        process.stdout.write(`${team}: ${result.message}\n`);
        process.exitCode = 2;
      }
    }
  },
  { migrate: false },
);
