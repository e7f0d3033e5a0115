import { helsinkiDayOf } from "@ankkuri/domain";
import { createIdentityVault, openRuntime, type Runtime } from "@ankkuri/db";
import {
  buildClientExport,
  clientRightsRequester,
  renderClientExportJson,
  renderClientExportPdf,
  ReportError,
} from "@ankkuri/reports";
import { parseReporterEnv } from "../env.js";
import { chooseTeam, outputFolder, printReportError, writeOutputFiles } from "./cli-files.js";
import { exportUsage, parseExportArgs } from "./export-args.js";

/**
 * `pnpm export client`: the data-subject export of one client by one controller. The identity code
 * is decrypted only into this export; the export and the decryption are logged.
 */
async function main(): Promise<number> {
  const parsed = parseExportArgs(process.argv.slice(2));
  if (!parsed.ok) {
    for (const problem of parsed.problems) process.stderr.write(`export: ${problem}\n`);
    process.stderr.write(`${exportUsage}\n`);
    return 2;
  }
  if (parsed.help) {
    process.stderr.write(`${exportUsage}\n`);
    return 0;
  }
  const o = parsed.options;
  const env = parseReporterEnv(process.env);
  const outDir = outputFolder(o.out, env.workingDirectory);
  let runtime: Runtime | undefined;
  try {
    runtime = await openRuntime(env.database, {
      warn: (m) => process.stderr.write(`warning: ${m}\n`),
      applicationName: "ankkuri-export-cli",
    });
    const { db } = runtime.handle;
    const teamId = await chooseTeam(db, o.team);
    const now = new Date();
    // Logged as the person asking, as the database knows them today, within their reach.
    const { requester } = await clientRightsRequester(db, teamId, o.requestedBy, helsinkiDayOf(now), o.controller);
    const exported = await buildClientExport(
      db,
      { auditKey: runtime.keys.auditKey, vault: createIdentityVault(runtime.keys) },
      {
        teamId,
        clientId: o.client,
        controllerId: o.controller,
        now,
        requestedBy: requester,
        via: "export-cli",
      },
    );
    if (!exported) {
      process.stderr.write(`Controller ${o.controller} holds nothing of client ${o.client} in team ${teamId}.\n`);
      return 2;
    }
    const base = `client-${o.client}-${o.controller}`;
    const written = writeOutputFiles(
      outDir,
      [
        { name: `${base}.json`, content: renderClientExportJson(exported) },
        { name: `${base}.pdf`, content: await renderClientExportPdf(exported) },
      ],
      { private: true },
    );
    for (const w of written) process.stdout.write(`${w.file}\t${String(w.content.byteLength)} bytes\n`);
    return 0;
  } catch (error) {
    if (error instanceof ReportError) return printReportError(error);
    throw error;
  } finally {
    await runtime?.handle.close();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  process.stderr.write(`export failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
