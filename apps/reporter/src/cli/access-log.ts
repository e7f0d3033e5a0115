import { parseArgs } from "node:util";
import { openRuntime, type Runtime } from "@ankkuri/db";
import { helsinkiDayOf, languages, localDateSchema } from "@ankkuri/domain";
import { clientRightsRequester, produceAccessLogExtract, ReportError } from "@ankkuri/reports";
import { z } from "zod";
import type { ReporterEnv } from "../env.js";
import { chooseTeam, outputFolder, printReportError, writeOutputFiles } from "./cli-files.js";

const usage = `usage: pnpm report access-log --client <client id> --out <dir> [--language fi|sv|en] [--from <day>] [--to <day>]
                          --requested-by <login> [--controller <organisation id>] [--team <team id>]
  Writes the client's access-log extract as PDF and JSON for the auditor or registry office --requested-by
  names: an auditor's covers every controller unless --controller names one; a registry office's its own.`;

const optionsSchema = z
  .object({
    client: z.uuid(),
    out: z.string().min(1),
    language: z.enum(languages).default("fi"),
    from: localDateSchema.default("2012-01-01"),
    to: localDateSchema.optional(),
    controller: z.string().min(1).optional(),
    team: z.string().min(1).optional(),
    requestedBy: z.string().min(1).max(64),
  })
  .refine((o) => o.to === undefined || o.from <= o.to, { message: "--from must not be after --to", path: ["to"] });

/**
 * `pnpm report access-log`: a client's access-log extract for the operator to hand to the client
 * (client-data act 703/2023), as a readable PDF in Finnish, Swedish or English and as JSON. The
 * request is logged in the team's audit log with the basis `data-subject-request`.
 */
export async function accessLogCommand(args: string[], env: ReporterEnv): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      "client": { type: "string" },
      "out": { type: "string" },
      "language": { type: "string" },
      "from": { type: "string" },
      "to": { type: "string" },
      "controller": { type: "string" },
      "team": { type: "string" },
      "requested-by": { type: "string" },
      "help": { type: "boolean" },
    },
  });
  const parsed = optionsSchema.safeParse({ ...values, requestedBy: values["requested-by"] });
  if (values.help === true || !parsed.success) {
    if (!parsed.success && values.help !== true)
      process.stderr.write(`${parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("\n")}\n`);
    process.stderr.write(`${usage}\n`);
    return values.help === true ? 0 : 2;
  }
  const o = parsed.data;
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
