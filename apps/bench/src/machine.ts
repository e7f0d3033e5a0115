import { execFileSync } from "node:child_process";
import { cpus, totalmem } from "node:os";
import { workspaceRoot } from "@ankkuri/processes";
import postgres from "postgres";

/** Where and on what a run was measured. */
export interface Machine {
  cpu: string;
  cores: number;
  ramGiB: number;
  node: string;
  postgres: string;
  os: string;
  commit: string;
  /** Uncommitted changes in the working tree when measured. */
  dirty: boolean;
}

function git(args: string[]): string {
  try {
    return execFileSync("git", args, {
      cwd: workspaceRoot,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
  } catch {
    return "";
  }
}

/** The machine, Node and PostgreSQL versions and the commit measured. */
export async function describeMachine(databaseUrl: string): Promise<Machine> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  let version = "unknown";
  try {
    const [row] = await sql<{ v: string }[]>`select current_setting('server_version') as v`;
    version = row?.v ?? version;
  } finally {
    await sql.end({ timeout: 5 });
  }
  return {
    cpu: cpus()[0]?.model.trim() ?? "unknown",
    cores: cpus().length,
    ramGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    postgres: `PostgreSQL ${version}`,
    os: `${process.platform} ${process.arch}`,
    commit: git(["rev-parse", "--short=12", "HEAD"]) || "unknown",
    dirty: git(["status", "--porcelain"]) !== "",
  };
}
