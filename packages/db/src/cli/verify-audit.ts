import { existsSync, readFileSync } from "node:fs";
import { type AuditCheckpoint, latestCheckpoints, verifyAgainstCheckpoint } from "../audit/checkpoint.js";
import { auditedTeams, verifyAuditChain } from "../audit/verify-audit.js";
import { withRuntime } from "./cli.js";

// `pnpm db:verify-audit [--checkpoint <file>] [team]`: verifies the audit chain of every team in
// `teams` (and of any other team the audit tables name), every row including rows above the head,
// and, with a checkpoint file (or AUDIT_CHECKPOINT_FILE), that no chain was cut back since the last
// checkpoint. Exit 2 when anything does not verify.
await withRuntime(
  "db:verify-audit",
  async ({ handle, keys }, args) => {
    const at = args.indexOf("--checkpoint");
    const file = at === -1 ? process.env.AUDIT_CHECKPOINT_FILE : args[at + 1];
    const rest = at === -1 ? args : args.filter((_, i) => i !== at && i !== at + 1);
    if (at !== -1 && !file) throw new Error("--checkpoint needs a file: pnpm db:verify-audit --checkpoint <file>");
    const teams = rest[0] ? [rest[0]] : await auditedTeams(handle.db);
    const checkpoints =
      file && existsSync(file)
        ? latestCheckpoints(readFileSync(file, "utf8"))
        : { checkpoints: new Map<string, AuditCheckpoint>(), malformed: 0 };
    if (file && !existsSync(file))
      throw new Error(`no checkpoint file at ${file} (write one with pnpm db:audit-checkpoint)`);
    if (checkpoints.malformed > 0) {
      process.stdout.write(`${file ?? ""}: ${String(checkpoints.malformed)} lines are not checkpoints\n`);
      process.exitCode = 2;
    }
    for (const team of teams) {
      const result = await verifyAuditChain(handle.db, keys.auditKey, team);
      if (!result.ok) {
        process.stdout.write(`${team}: ${result.message}\n`);
        process.exitCode = 2;
        continue;
      }
      const checkpoint = checkpoints.checkpoints.get(team);
      if (checkpoint) {
        const against = await verifyAgainstCheckpoint(handle.db, keys.auditKey, checkpoint);
        if (!against.ok) {
          process.stdout.write(`${team}: ${against.message}\n`);
          process.exitCode = 2;
          continue;
        }
      }
      process.stdout.write(
        `${team}: intact, ${String(result.rows)} rows${checkpoint ? `, reaches the checkpoint of ${checkpoint.at}` : ""}\n`,
      );
    }
    // A team of the checkpoint file whose chain is gone altogether.
    for (const [team, checkpoint] of checkpoints.checkpoints) {
      if (teams.includes(team) || rest[0]) continue;
      const against = await verifyAgainstCheckpoint(handle.db, keys.auditKey, checkpoint);
      if (!against.ok) {
        process.stdout.write(`${team}: ${against.message}\n`);
        process.exitCode = 2;
      }
    }
  },
  { migrate: false },
);
