import { appendFileSync, chmodSync } from "node:fs";
import { auditCheckpoints } from "../audit/checkpoint.js";
import { withRuntime } from "./cli.js";

// `pnpm db:audit-checkpoint [file]`: appends each team's signed audit head (HMAC under the audit
// key) to `file` (or AUDIT_CHECKPOINT_FILE), one JSON line per team. Keep the file where the
// database's owner cannot rewrite it; `pnpm db:verify-audit --checkpoint <file>` then detects a
// chain cut back and its head moved back since the last checkpoint.
await withRuntime(
  "db:audit-checkpoint",
  async ({ handle, keys }, args) => {
    const file = args[0] ?? process.env.AUDIT_CHECKPOINT_FILE;
    if (!file)
      throw new Error("name the checkpoint file: pnpm db:audit-checkpoint <file> (or set AUDIT_CHECKPOINT_FILE)");
    const checkpoints = await auditCheckpoints(handle.db, keys.auditKey, new Date());
    appendFileSync(file, checkpoints.map((c) => `${JSON.stringify(c)}\n`).join(""), { mode: 0o600 });
    chmodSync(file, 0o600);
    for (const c of checkpoints) process.stdout.write(`${c.teamId}: head ${String(c.seq)} checkpointed\n`);
  },
  { migrate: false },
);
