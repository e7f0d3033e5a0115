import { parseArgs } from "node:util";
import { helsinkiDayOf, indexOrganisations, legalHoldReasons, localDateSchema, resolveActor } from "@ankkuri/domain";
import { randomUUID } from "node:crypto";
import { z } from "zod";
import {
  type LegalHoldOutcome,
  type LegalHoldRequest,
  placeLegalHold,
  releaseLegalHold,
} from "../retention/legal-holds.js";
import { loadTeamDataset } from "../repositories/team-dataset.js";
import { readRetentionPolicyFile } from "../retention/retention-policy-file.js";
import { runRetention } from "../retention/run-retention.js";
import { teams } from "../schema/teams.js";
import { withRuntime } from "./cli.js";

// `pnpm retention [--dry-run] [--today D] [--team T]`: removes what the retention policy says is due
//   (RETENTION_POLICY_FILE, JSON; the documented defaults otherwise), idempotent and resumable.
// `pnpm retention hold (--client ID | --case ID) --reason R --reference TEXT --by LOGIN`
// `pnpm retention release --hold ID --by LOGIN`
// A hold is placed and released by the same verbs as in the gateway, as the person `--by` names, with
// the roles the database gives them today: an auditor, or a registry office within its controller.
const env = z.object({ RETENTION_POLICY_FILE: z.string().min(1).optional() });
const helsinkiToday = () => helsinkiDayOf(new Date());

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
  // The person `--by` names, as the gateway would see them today.
  const holdRequest = async (by: string, team: string): Promise<LegalHoldRequest> => {
    const dataset = await loadTeamDataset(handle.db, team);
    if (!dataset) throw new Error(`no team ${team}`);
    const actor = resolveActor(dataset, by, on);
    if (!actor.ok) throw new Error(`${by} has no role in team ${team} today (${actor.error})`);
    return {
      actor: actor.value,
      today: on,
      now,
      requestId: `retention-cli:${randomUUID()}`,
      team: { agreement: dataset.agreement, organisations: indexOrganisations(dataset.organisations) },
    };
  };
  const report = (outcome: LegalHoldOutcome<{ id: string }>, done: string) => {
    if (outcome.ok) process.stdout.write(`legal hold ${outcome.value.id} ${done}\n`);
    else {
      process.stderr.write(
        outcome.code === "FORBIDDEN"
          ? "only an auditor or a registry office may place or release a legal hold\n"
          : `no ${outcome.what} with that id ${outcome.what === "legal hold" ? "in force " : ""}within your reach\n`,
      );
      process.exitCode = 2;
    }
  };
  if (positionals[0] === "hold") {
    const o = parse(holdOptions, values);
    const target = o.client !== undefined ? { clientId: o.client } : { caseId: o.case ?? "" };
    const request = await holdRequest(o.by, oneTeam(o.team));
    report(await placeLegalHold(handle.db, keys.auditKey, request, target, o), "placed");
    return;
  }
  if (positionals[0] === "release") {
    const o = parse(releaseOptions, values);
    const request = await holdRequest(o.by, oneTeam(o.team));
    report(await releaseLegalHold(handle.db, keys.auditKey, request, o.hold), "released");
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
