import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { ChildProcessError } from "./errors.js";
import { waitFor } from "./wait.js";

/** Output kept per process: enough for a failure message, bounded under a long load. */
const keptOutputChars = 256_000;

/** A TypeScript entry point running in a child process, with its output captured. */
export interface ManagedProcess {
  child: ChildProcess;
  output(): string;
  /** Resolves with the exit code, or the signal's name, when the process ends. */
  exited: Promise<number | string>;
  running(): boolean;
  /** Waits until the output matches `pattern`; fails early if the process ends first. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM, then SIGKILL after `graceMs`; resolves when the process has ended. */
  stop(graceMs?: number): Promise<number | string>;
  /** SIGKILL: the process gets no chance to clean up. */
  kill(): Promise<number | string>;
}

/**
 * Starts `entry` (relative to `cwd`) as `node --import tsx`: one process, so a signal reaches the
 * program itself (the `tsx` command would run it in a child of its own). The environment is only
 * `env` plus PATH, so nothing from the caller's shell (a DATABASE_URL, say) leaks in.
 */
export function startTypeScriptProcess(
  cwd: string,
  entry: string,
  args: readonly string[],
  env: Record<string, string>,
): ManagedProcess {
  const child = spawn(process.execPath, ["--import", "tsx", "--conditions=@ankkuri/source", entry, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? "", ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const append = (chunk: Buffer) => {
    output += chunk.toString("utf8");
    if (output.length > keptOutputChars * 2) output = output.slice(-keptOutputChars);
  };
  child.stdout.on("data", append);
  child.stderr.on("data", append);
  const exited = once(child, "exit").then(([code, signal]) => (code === null ? String(signal) : Number(code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  const signal = async (name: NodeJS.Signals) => {
    if (running()) child.kill(name);
    return exited;
  };
  return {
    child,
    output: () => output,
    exited,
    running,
    waitForOutput: (pattern, timeoutMs) =>
      waitFor(
        `${entry} to print ${String(pattern)}`,
        () => {
          const match = pattern.exec(output);
          if (match) return Promise.resolve(match);
          if (!running())
            return Promise.reject(new ChildProcessError(`${entry} exited before printing ${String(pattern)}`, output));
          return Promise.resolve(undefined);
        },
        { timeoutMs, intervalMs: 50 },
      ).catch((error: unknown) => {
        throw error instanceof ChildProcessError
          ? error
          : new ChildProcessError(error instanceof Error ? error.message : String(error), output);
      }),
    async stop(graceMs = 10_000) {
      if (!running()) return exited;
      child.kill("SIGTERM");
      const timer = setTimeout(() => {
        if (running()) child.kill("SIGKILL");
      }, graceMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
    kill: () => signal("SIGKILL"),
  };
}
