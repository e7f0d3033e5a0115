import { helsinkiDayOf, indexOrganisations, resolveActor } from "@ankkuri/domain";
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
import { parseRetentionArgs, retentionUsage } from "./retention-args.js";

// `pnpm retention [--dry-run] [--today D] [--team T]`: removes what the retention policy says is due
//   (RETENTION_POLICY_FILE, JSON; the documented defaults otherwise), idempotent and resumable.
// `pnpm retention hold (--client ID | --case ID) --reason R --reference TEXT --by LOGIN`
// `pnpm retention release --hold ID --by LOGIN`
// A hold is placed and released by the same verbs as in the gateway, as the person `--by` names, with
// the roles the database gives them today: an auditor, or a registry office within its controller.
// The command line and the policy file are read before the database is opened: a usage error (exit 2)
// changes nothing.
const env = z.object({ RETENTION_POLICY_FILE: z.string().min(1).optional() });
const helsinkiToday = () => helsinkiDayOf(new Date());

/** The command, and for a run the policy, or null after the usage problems were printed. */
function commandLine() {
  const parsed = parseRetentionArgs(process.argv.slice(2));
  if (!parsed.ok) {
    for (const problem of parsed.problems) process.stderr.write(`retention: ${problem}\n`);
    process.stderr.write(`${retentionUsage}\n`);
    process.exitCode = 2;
    return null;
  }
  if (parsed.command.kind !== "run") return { command: parsed.command, policy: undefined };
  const settings = env.safeParse(process.env);
  if (!settings.success) {
    process.stderr.write(`retention: ${z.prettifyError(settings.error)}\n`);
    process.exitCode = 2;
    return null;
  }
  try {
    return { command: parsed.command, policy: readRetentionPolicyFile(settings.data.RETENTION_POLICY_FILE) };
  } catch (error) {
    const problem =
      error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error);
    process.stderr.write(`retention: RETENTION_POLICY_FILE ${settings.data.RETENTION_POLICY_FILE ?? ""}: ${problem}\n`);
    process.exitCode = 2;
    return null;
  }
}

const given = commandLine();
if (given?.command.kind === "help") process.stdout.write(`${retentionUsage}\n`);
else if (given)
  await withRuntime("retention", async ({ handle, keys }) => {
    const { command, policy } = given;
    const allTeams = (await handle.db.select({ id: teams.id }).from(teams)).map((t) => t.id);
    const oneTeam = (named: string | undefined) => {
      const team = named ?? (allTeams.length === 1 ? allTeams[0] : undefined);
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
    if (command.kind === "hold") {
      const request = await holdRequest(command.by, oneTeam(command.team));
      report(await placeLegalHold(handle.db, keys.auditKey, request, command.target, command), "placed");
      return;
    }
    if (command.kind === "release") {
      const request = await holdRequest(command.by, oneTeam(command.team));
      report(await releaseLegalHold(handle.db, keys.auditKey, request, command.hold), "released");
      return;
    }
    if (command.kind !== "run") return;
    for (const teamId of command.team ? [command.team] : allTeams) {
      const report = await runRetention(handle.db, keys.auditKey, {
        teamId,
        today: command.today ?? on,
        policy,
        dryRun: command.dryRun,
        now,
        actor: "system:retention-cli",
      });
      for (const d of report.decisions) {
        for (const s of d.steps)
          process.stdout.write(
            `${teamId}\t${d.caseId}\t${command.dryRun ? "would remove" : "removed"} ${s.kind === "case" ? `case (${s.action})` : `${s.kind} of ${s.controllerId}`}\tdue ${s.dueOn}\t${s.reason}\n`,
          );
        for (const s of d.heldBack)
          process.stdout.write(`${teamId}\t${d.caseId}\theld back by a legal hold: ${s.kind}\tdue ${s.dueOn}\n`);
      }
      process.stdout.write(
        `${teamId}: ${String(report.decisions.length)} cases listed, ${String(report.applied)} steps applied\n`,
      );
    }
  });
