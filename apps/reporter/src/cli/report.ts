import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { appendAudit, type Database, openRuntime, type Runtime, schema } from "@ankkuri/db";
import {
  computeReport,
  parsePeriod,
  periodText,
  artifactExtensions,
  renderArtifacts,
  ReportError,
  type ReportRequest,
} from "@ankkuri/reports";
import { parseReporterEnv } from "../env.js";
import { accessLogCommand } from "./access-log.js";
import { progressDisplay } from "./progress-display.js";
import { parseReportArgs } from "./report-args.js";

const usage = `usage: pnpm report <annual|party|monthly> --period <P> --out <dir> [--party <organisation id>] [--team <team id>] [--requested-by <login>]
  <P>: a year (2025), a month (2025-03) or an interval (2025-05-01..2026-04-30)
       pnpm report access-log --client <client id> --out <dir> [--language fi|sv|en] (--help for more)`;

/** The team to report on: the one given, or the only team in the database. */
async function chooseTeam(db: Database, given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const teams = await db.select({ id: schema.teams.id }).from(schema.teams);
  const [only] = teams;
  if (teams.length === 1 && only) return only.id;
  throw new ReportError("REPORT.UNKNOWN_TEAM", {
    fi:
      teams.length === 0
        ? "Tietokannassa ei ole työryhmiä (aja pnpm db:seed)."
        : `Valitse työryhmä --team: ${teams.map((t) => t.id).join(", ")}`,
    sv:
      teams.length === 0
        ? "Databasen har inga team (kör pnpm db:seed)."
        : `Välj team med --team: ${teams.map((t) => t.id).join(", ")}`,
    en:
      teams.length === 0
        ? "The database has no teams (run pnpm db:seed)."
        : `Choose the team with --team: ${teams.map((t) => t.id).join(", ")}`,
  });
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  // `pnpm report -- access-log …` from the workspace root passes the separator through.
  const command = args[0] === "--" ? args.slice(1) : args;
  if (command[0] === "access-log") return accessLogCommand(command.slice(1), parseReporterEnv(process.env));
  const parsed = parseReportArgs(command);
  if (!parsed.ok) {
    for (const problem of parsed.problems) process.stderr.write(`report: ${problem}\n`);
    process.stderr.write(`${usage}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stderr.write(`${usage}\n`);
    return 0;
  }
  const values = {
    "period": parsed.period,
    "out": parsed.out,
    "party": parsed.party,
    "team": parsed.team,
    "requested-by": parsed.requestedBy,
  };
  const type = { data: parsed.type };
  const env = parseReporterEnv(process.env);
  const outDir = isAbsolute(values.out) ? values.out : resolve(env.workingDirectory, values.out);
  let runtime: Runtime | undefined;
  const bar = progressDisplay();
  try {
    const period = parsePeriod(values.period);
    runtime = await openRuntime(env.database, {
      warn: (m) => process.stderr.write(`warning: ${m}\n`),
      applicationName: "ankkuri-report-cli",
    });
    const { db } = runtime.handle;
    const request: ReportRequest = {
      teamId: await chooseTeam(db, values.team),
      type: type.data,
      period,
      scope: values.party ?? null,
      requestedBy: values["requested-by"],
    };
    process.stderr.write(
      `${request.type} ${period.from}..${period.to} (${runtime.handle.engine === "postgres" ? "PostgreSQL" : `embedded database in ${env.database.dataDir}`})\n`,
    );
    const document = await computeReport(db, request, ({ percent, stage }) => {
      bar.update(percent, stage);
    });
    bar.update(85, "rendering");
    const artifacts = await renderArtifacts(document);
    bar.update(95, "writing files");
    mkdirSync(outDir, { recursive: true });
    const base = `${request.type}-${periodText(period)}${request.scope === null ? "" : `-${request.scope}`}`;
    const written = artifacts.map((a) => {
      const file = join(outDir, `${base}.${artifactExtensions[a.format]}`);
      writeFileSync(file, a.content);
      return { file, sha256: a.sha256, bytes: a.byteSize };
    });
    await appendAudit(db, runtime.keys.auditKey, [
      {
        teamId: request.teamId,
        occurredAt: new Date(),
        requestId: `report-cli:${randomUUID()}`,
        actorId: request.requestedBy,
        actorOrganisationId: "system",
        actorRole: "system",
        operation: "read",
        resource: "report",
        purpose: "evaluation-report",
        basis: "administration",
        details: { type: request.type, periodFrom: period.from, periodTo: period.to, scope: request.scope, via: "cli" },
      },
    ]);
    bar.update(100, "done");
    bar.stop();
    for (const w of written) process.stdout.write(`${w.file}\t${String(w.bytes)} bytes\tsha256 ${w.sha256}\n`);
    return 0;
  } catch (error) {
    bar.stop();
    if (error instanceof ReportError) {
      process.stderr.write(`${error.code}: ${error.messages.fi}\n${error.messages.en}\n`);
      return 2;
    }
    throw error;
  } finally {
    await runtime?.handle.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  // No stack: the message says what failed.
  process.stderr.write(
    `report failed: ${error instanceof ReportError ? `${error.code}: ${error.message}` : error instanceof Error ? (error.message.split("\n")[0] ?? "") : String(error)}\n`,
  );
  process.exitCode = 1;
}
