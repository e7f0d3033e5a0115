import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { isAbsolute, join, resolve } from "node:path";
import { type Database, schema } from "@ankkuri/db";
import { ReportError } from "@ankkuri/reports";

/** `--out` as given, or relative to the folder the user ran the command in. */
export const outputFolder = (out: string, workingDirectory: string) =>
  isAbsolute(out) ? out : resolve(workingDirectory, out);

/** The team to work on: the one given, or the only team in the database. */
export async function chooseTeam(db: Database, given: string | undefined): Promise<string> {
  if (given !== undefined) return given;
  const { teams } = schema;
  const rows = await db
    .select({ id: teams.id, fi: teams.nameFi, sv: teams.nameSv, en: teams.nameEn })
    .from(teams)
    .orderBy(teams.id);
  const [only] = rows;
  if (rows.length === 1 && only) return only.id;
  // Each team by its name, with the value --team takes.
  const choices = (language: "fi" | "sv" | "en") => rows.map((t) => `${t[language]} (${t.id})`).join(", ");
  throw new ReportError("REPORT.UNKNOWN_TEAM", {
    fi:
      rows.length === 0
        ? "Tietokannassa ei ole työryhmiä (aja pnpm db:seed)."
        : `Valitse työryhmä --team: ${choices("fi")}`,
    sv: rows.length === 0 ? "Databasen har inga team (kör pnpm db:seed)." : `Välj team med --team: ${choices("sv")}`,
    en:
      rows.length === 0
        ? "The database has no teams (run pnpm db:seed)."
        : `Choose the team with --team: ${choices("en")}`,
  });
}

/** A file the command writes to its output folder. */
export interface OutputFile {
  readonly name: string;
  readonly content: Uint8Array;
}

/**
 * Writes each file to `folder`. A client's files are readable by their owner alone (0600): a file
 * left from an earlier run is removed first, since a mode applies only when a file is created.
 */
export function writeOutputFiles<F extends OutputFile>(
  folder: string,
  files: readonly F[],
  { private: holdsClientData }: { private: boolean },
): (F & { readonly file: string })[] {
  mkdirSync(folder, { recursive: true });
  return files.map((output) => {
    const { name, content } = output;
    const file = join(folder, name);
    if (holdsClientData) {
      rmSync(file, { force: true });
      writeFileSync(file, content, { mode: 0o600, flag: "wx" });
    } else writeFileSync(file, content);
    return { ...output, file };
  });
}

/** The command's answer to a failure it expects: the code and the message in fi, sv and en, no stack. */
export function printReportError(error: ReportError): number {
  const { fi, sv, en } = error.messages;
  process.stderr.write(`${error.code}: ${fi}\n${sv}\n${en}\n`);
  return 2;
}
