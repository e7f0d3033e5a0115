import { execFile } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

// For the CLI tests: a db command run as a deployment runs it, against a data folder that does not
// exist yet, so a test can tell whether the command opened (and so created) a database.

const packageDir = fileURLToPath(new URL("../..", import.meta.url));
const run = promisify(execFile);

/** How a command ended, and whether it created its data folder. */
export interface CommandRun {
  code: number;
  stdout: string;
  stderr: string;
  openedDatabase: boolean;
}

/** Runs `src/cli/<file>.ts` with `args` on the embedded engine, in a data folder of its own. */
export async function runDbCommand(
  file: string,
  args: readonly string[],
  env: Record<string, string> = {},
): Promise<CommandRun> {
  const { DATABASE_URL: _url, ...rest } = process.env;
  const scratch = mkdtempSync(join(tmpdir(), "ankkuri-cli-"));
  const dataDir = join(scratch, "data");
  try {
    const ended = await run(
      join(packageDir, "node_modules/.bin/tsx"),
      ["--conditions=@ankkuri/source", `src/cli/${file}.ts`, ...args],
      { cwd: packageDir, env: { ...rest, DATA_DIR: dataDir, ...env }, timeout: 120_000 },
    ).then(
      ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
      (error: unknown) => {
        const failed = error as { code?: number; stdout?: string; stderr?: string };
        return { code: failed.code ?? 1, stdout: failed.stdout ?? "", stderr: failed.stderr ?? "" };
      },
    );
    return { ...ended, openedDatabase: existsSync(dataDir) };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
