import { openRuntime, type Runtime } from "@ankkuri/db";
import { helsinkiDayOf } from "@ankkuri/domain";
import { clientRightsRequester, produceAccessLogExtract, ReportError } from "@ankkuri/reports";
import type { ReporterEnv } from "../env.js";
import { accessLogUsage, parseAccessLogArgs } from "./access-log-args.js";
import { chooseTeam, outputFolder, printReportError, writeOutputFiles } from "./cli-files.js";

/**
 * `pnpm report access-log`: a client's access-log extract for the operator to hand to the client
 * (client-data act 703/2023), as a readable PDF in Finnish, Swedish or English and as JSON. The
 * request is logged in the team's audit log with the basis `data-subject-request`.
 */
export async function accessLogCommand(args: string[], env: ReporterEnv): Promise<number> {
  const parsed = parseAccessLogArgs(args);
  if (!parsed.ok) {
    for (const problem of parsed.problems) process.stderr.write(`report access-log: ${problem}\n`);
    process.stderr.write(`${accessLogUsage}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stderr.write(`${accessLogUsage}\n`);
    return 0;
  }
  const o = parsed.options;
  const now = new Date();
  const outDir = outputFolder(o.out, env.workingDirectory);
  let runtime: Runtime | undefined;
  try {
    runtime = await openRuntime(env.database, {
      warn: (m) => process.stderr.write(`warning: ${m}\n`),
      applicationName: "ankkuri-access-log-cli",
    });
    const { db } = runtime.handle;
    const teamId = await chooseTeam(db, o.team);
    // Logged as the person asking, as the database knows them today; the scope is theirs.
    const { requester, scope } = await clientRightsRequester(
      db,
      teamId,
      o.requestedBy,
      helsinkiDayOf(now),
      o.controller,
    );
    const produced = await produceAccessLogExtract(db, runtime.keys.auditKey, {
      teamId,
      clientId: o.client,
      from: o.from,
      to: o.to ?? helsinkiDayOf(now),
      language: o.language,
      scope,
      policies: env.namedControllers.map((controllerId) => ({ controllerId, namesPersons: true })),
      now,
      requestedBy: requester,
      via: "access-log-cli",
    });
    if (!produced) {
      process.stderr.write(`No client ${o.client} in team ${teamId}.\n`);
      return 2;
    }
    const base = `access-log-${o.client}-${o.language}`;
    const written = writeOutputFiles(
      outDir,
      [
        { name: `${base}.pdf`, content: produced.pdf },
        { name: `${base}.json`, content: produced.json },
      ],
      { private: true },
    );
    for (const w of written) process.stdout.write(`${w.file}\t${String(w.content.byteLength)} bytes\n`);
    process.stdout.write(`${String(produced.extract.events.length)} events\n`);
    return 0;
  } catch (error) {
    if (error instanceof ReportError) return printReportError(error);
    throw error;
  } finally {
    await runtime?.handle.close();
  }
}
