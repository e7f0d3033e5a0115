import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const appDir = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** A report worker (`src/main.ts`) in a process of its own, with its log kept for failure messages. */
export interface WorkerProcess {
  child: ChildProcess;
  log: () => string;
  /** Resolves with the exit code (or the signal) when the process ends. */
  exited: Promise<number | string>;
}

/**
 * Starts `src/main.ts` as `node --import tsx`: one process, so SIGKILL really kills the worker
 * (the `tsx` command would run it in a child process of its own).
 */
export function startWorkerProcess(env: Record<string, string>): WorkerProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@ankkuri/source", "src/main.ts"], {
    cwd: appDir,
    env: { PATH: process.env.PATH ?? "", NODE_ENV: "test", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
  const exited = once(child, "exit").then(([code, signal]) => (code === null ? String(signal) : Number(code)));
  return { child, log: () => output, exited };
}

/** Waits for a log line containing `text`. */
export async function waitForLog(worker: WorkerProcess, text: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!worker.log().includes(text)) {
    if (Date.now() > deadline)
      throw new Error(`worker did not log "${text}" in ${String(timeoutMs)} ms:\n${worker.log()}`);
    if (worker.child.exitCode !== null)
      throw new Error(`worker exited (${String(worker.child.exitCode)}):\n${worker.log()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
