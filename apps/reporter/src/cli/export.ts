import { parseArgs } from "node:util";
import { helsinkiDayOf } from "@ankkuri/domain";
import { createIdentityVault, openRuntime, type Runtime } from "@ankkuri/db";
import {
  buildClientExport,
  clientRightsRequester,
  renderClientExportJson,
  renderClientExportPdf,
  ReportError,
} from "@ankkuri/reports";
import { z } from "zod";
import { parseReporterEnv } from "../env.js";
import { chooseTeam, outputFolder, printReportError, writeOutputFiles } from "./cli-files.js";

const usage = `usage: pnpm export client --client <client id> --controller <organisation id> --out <dir> --requested-by <login> [--team <team id>]
  Writes everything the controller holds about the client (GDPR Art. 15) as JSON, with a PDF summary,
  for the auditor or registry office --requested-by names (a registry office: its own controller only).`;

const optionsSchema = z.object({
  client: z.uuid(),
  controller: z.string().min(1).max(64),
  out: z.string().min(1),
  team: z.string().min(1).optional(),
  requestedBy: z.string().min(1).max(64),
});

/**
 * `pnpm export client`: the data-subject export of one client by one controller. The identity code
 * is decrypted only into this export; the export and the decryption are logged.
 */
async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args[0] === "--") args.shift();
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      "client": { type: "string" },
      "controller": { type: "string" },
      "out": { type: "string" },
      "team": { type: "string" },
      "requested-by": { type: "string" },
      "help": { type: "boolean" },
    },
  });
  const parsed = optionsSchema.safeParse({ ...values, requestedBy: values["requested-by"] });
  if (values.help === true || positionals[0] !== "client" || !parsed.success) {
    if (!parsed.success && values.help !== true)
      process.stderr.write(`${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n")}\n`);
    process.stderr.write(`${usage}\n`);
    return values.help === true ? 0 : 2;
  }
  const o = parsed.data;
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
