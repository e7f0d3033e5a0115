import { parseArgs } from "node:util";
import { legalHoldReasons, localDateSchema } from "@ankkuri/domain";
import { z } from "zod";
import { placeLegalHold, releaseLegalHold } from "../retention/legal-holds.js";
import { readRetentionPolicyFile } from "../retention/retention-policy-file.js";
import { runRetention } from "../retention/run-retention.js";
import { teams } from "../schema/teams.js";
import { withRuntime } from "./cli.js";

// `pnpm retention [--dry-run] [--today D] [--team T]`: removes what the retention policy says is due
//   (RETENTION_POLICY_FILE, JSON; the documented defaults otherwise), idempotent and resumable.
// `pnpm retention hold (--client ID | --case ID) --reason R --reference TEXT --by LOGIN`
// `pnpm retention release --hold ID --by LOGIN`
const env = z.object({ RETENTION_POLICY_FILE: z.string().min(1).optional() });
const helsinkiToday = () => new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Helsinki" }).format(new Date());

const holdOptions = z
  .object({
    client: z.uuid().optional(),
    case: z.uuid().optional(),
    reason: z.enum(legalHoldReasons),
    reference: z.string().min(1).max(200),
    by: z.string().min(2).max(64),
    team: z.string().min(1).optional(),
  })
  .refine((o) => (o.client === undefined) !== (o.case === undefined), "give exactly one of --client and --case");
const releaseOptions = z.object({ hold: z.uuid(), by: z.string().min(2).max(64), team: z.string().min(1).optional() });
const runOptions = z.object({
  dryRun: z.boolean(),
  today: localDateSchema.optional(),
  team: z.string().min(1).optional(),
});

await withRuntime("retention", async ({ handle, keys }, argv) => {
  const { values, positionals } = parseArgs({
    args: argv.filter((a) => a !== "--"),
    allowPositionals: true,
    options: {
      "dry-run": { type: "boolean", default: false },
      "today": { type: "string" },
      "team": { type: "string" },
      "client": { type: "string" },
      "case": { type: "string" },
      "reason": { type: "string" },
      "reference": { type: "string" },
      "by": { type: "string" },
      "hold": { type: "string" },
    },
  });
  const parse = <T>(schema: z.ZodType<T>, input: unknown): T => {
    const result = schema.safeParse(input);
    if (!result.success) throw new Error(z.prettifyError(result.error));
    return result.data;
  };
  const allTeams = (await handle.db.select({ id: teams.id }).from(teams)).map((t) => t.id);
  const oneTeam = (given: string | undefined) => {
    const team = given ?? (allTeams.length === 1 ? allTeams[0] : undefined);
    if (team === undefined) throw new Error(`choose the team with --team: ${allTeams.join(", ")}`);
    return team;
  };
  const now = new Date();
  const on = helsinkiToday();
  if (positionals[0] === "hold") {
    const o = parse(holdOptions, values);
    const target = o.client !== undefined ? { clientId: o.client } : { caseId: o.case ?? "" };
    const id = await placeLegalHold(handle.db, keys.auditKey, oneTeam(o.team), target, o, { login: o.by, on, now });
    process.stdout.write(`legal hold ${id} placed\n`);
    return;
  }
  if (positionals[0] === "release") {
    const o = parse(releaseOptions, values);
    const released = await releaseLegalHold(handle.db, keys.auditKey, oneTeam(o.team), o.hold, {
      login: o.by,
      on,
      now,
    });
    process.stdout.write(released ? `legal hold ${o.hold} released\n` : `no legal hold ${o.hold} in force\n`);
    if (!released) process.exitCode = 2;
    return;
  }
  const o = parse(runOptions, { dryRun: values["dry-run"], today: values.today, team: values.team });
  const policy = readRetentionPolicyFile(parse(env, process.env).RETENTION_POLICY_FILE);
  for (const teamId of o.team ? [o.team] : allTeams) {
    const report = await runRetention(handle.db, keys.auditKey, {
      teamId,
      today: o.today ?? on,
      policy,
      dryRun: o.dryRun,
      now,
      actor: "system:retention-cli",
    });
    for (const d of report.decisions) {
      for (const s of d.steps)
        process.stdout.write(
          `${teamId}\t${d.caseId}\t${o.dryRun ? "would remove" : "removed"} ${s.kind === "case" ? `case (${s.action})` : `${s.kind} of ${s.controllerId}`}\tdue ${s.dueOn}\t${s.reason}\n`,
        );
      for (const s of d.heldBack)
        process.stdout.write(`${teamId}\t${d.caseId}\theld back by a legal hold: ${s.kind}\tdue ${s.dueOn}\n`);
    }
    process.stdout.write(
      `${teamId}: ${String(report.decisions.length)} cases listed, ${String(report.applied)} steps applied\n`,
    );
  }
});
