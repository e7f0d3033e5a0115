import { randomUUID } from "node:crypto";
import { appendAudit, openRuntime, type Runtime } from "@ankkuri/db";
import {
  artifactFileName,
  computeReport,
  parsePeriod,
  renderArtifacts,
  ReportError,
  type ValidReportRequest,
} from "@ankkuri/reports";
import { parseReporterEnv } from "../env.js";
import { accessLogCommand } from "./access-log.js";
import { chooseTeam, outputFolder, printReportError, writeOutputFiles } from "./cli-files.js";
import { progressDisplay } from "./progress-display.js";
import { parseReportArgs } from "./report-args.js";

const usage = `usage: pnpm report <annual|party|monthly> --period <P> --out <dir> [--party <organisation id>] [--team <team id>] [--requested-by <login>] [--language fi|sv]
  <P>: a year (2025), a month (2025-03) or an interval (2025-05-01..2026-04-30)
  --language: the PDF's language, with English subtitles (default fi); a Swedish run's files end in -sv
       pnpm report access-log --client <client id> --out <dir> [--language fi|sv|en] (--help for more)`;

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
  const outDir = outputFolder(values.out, env.workingDirectory);
  let runtime: Runtime | undefined;
  const bar = progressDisplay();
  try {
    const period = parsePeriod(values.period);
    runtime = await openRuntime(env.database, {
      warn: (m) => process.stderr.write(`warning: ${m}\n`),
      applicationName: "ankkuri-report-cli",
    });
    const { db } = runtime.handle;
    const request: ValidReportRequest = {
      teamId: await chooseTeam(db, values.team),
      type: type.data,
      period,
      scope: values.party ?? null,
      requestedBy: values["requested-by"],
      language: parsed.language,
    };
    process.stderr.write(
      `${request.type} ${period.from}..${period.to}${request.language === "fi" ? "" : ` ${request.language}`} (${runtime.handle.engine === "postgres" ? "PostgreSQL" : `embedded database in ${env.database.dataDir}`})\n`,
    );
    const document = await computeReport(db, request, ({ percent, stage }) => {
      bar.update(percent, stage);
    });
    bar.update(85, "rendering");
    const artifacts = await renderArtifacts(document, { language: request.language });
    bar.update(95, "writing files");
    // Aggregates with small counts suppressed: no client's data, so the usual file mode.
    const written = writeOutputFiles(
      outDir,
      artifacts.map((a) => ({ name: artifactFileName(request, a.format), content: a.content, sha256: a.sha256 })),
      { private: false },
    );
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
        details: {
          type: request.type,
          periodFrom: period.from,
          periodTo: period.to,
          scope: request.scope,
          language: request.language,
          via: "cli",
        },
      },
    ]);
    bar.update(100, "done");
    bar.stop();
    for (const w of written)
      process.stdout.write(`${w.file}\t${String(w.content.byteLength)} bytes\tsha256 ${w.sha256}\n`);
    return 0;
  } catch (error) {
    bar.stop();
    if (error instanceof ReportError) return printReportError(error);
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
