import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createRequire } from "node:module";
import { basename } from "node:path";
import { pathToFileURL } from "node:url";
import { workspaceRoot } from "./workspace-paths.js";

// Resolved here, so a child started in any folder finds the loader.
const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/** A TypeScript entry point runs through the loader; built JavaScript (the gateway's bundle) as it is. */
const loaderFlags = (entry: string): string[] =>
  /\.m?js$/.test(entry) ? [] : ["--import", tsxLoader, "--conditions=@ankkuri/source"];

/** Output kept per stream: enough for a failure message, bounded under a long load. */
const keptChars = 256_000;

/** How a process ended: its exit code, or the signal that ended it. */
export type ExitStatus = number | NodeJS.Signals;

/** How to start a TypeScript entry point. */
export interface ProcessOptions {
  /** Arguments after the entry point. */
  args?: readonly string[];
  /** Working directory (default: the workspace root). */
  cwd?: string;
  /**
   * The child's environment. Only `inheritedEnv` (PATH, HOME, TMPDIR and the machine's network
   * settings) is taken from the caller, so nothing else of the caller's shell (a DATABASE_URL, say) leaks in.
   */
  env?: Record<string, string>;
  /** Also write the output to this file. */
  logFile?: string;
  /** What error messages call the process (default: the entry point's file name). */
  name?: string;
  /**
   * The Node.js binary to run it on (default: this process's, the one the workspace brings); the
   * benchmark runs servers on other versions side by side.
   */
  node?: string;
}

/** A TypeScript entry point running in a child process, with its output captured. */
export interface ManagedProcess {
  readonly name: string;
  readonly child: ChildProcess;
  /** stdout and stderr as they arrived (the last 256 000 characters). */
  output(): string;
  stdout(): string;
  stderr(): string;
  /** Resolves once the process has ended and its output is read. */
  readonly exited: Promise<ExitStatus>;
  running(): boolean;
  /** Waits until the output matches `pattern`; fails early if the process ends first. */
  waitForOutput(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>;
  /** SIGTERM, then SIGKILL after `graceMs` (default 10 s); resolves when the process has ended. */
  stop(graceMs?: number): Promise<ExitStatus>;
  /** SIGKILL: the process gets no chance to clean up. */
  kill(): Promise<ExitStatus>;
}

/** A process ended (or never printed what it was expected to) before its caller was done with it. */
export class ChildProcessError extends Error {
  override readonly name = "ChildProcessError";
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(`${message}\n--- process output ---\n${output.slice(-8_000)}`);
  }
}

const bounded = (text: string) => (text.length > keptChars * 2 ? text.slice(-keptChars) : text);

/**
 * What a child takes from the caller: where programs and files are, and how this machine reaches the
 * network (its extra certificate authorities and proxies: the bench installs a Node.js from the registry).
 */
export const inheritedEnv = [
  "PATH",
  "HOME",
  "TMPDIR",
  "NODE_EXTRA_CA_CERTS",
  "SSL_CERT_FILE",
  "SSL_CERT_DIR",
  "HTTP_PROXY",
  "HTTPS_PROXY",
  "NO_PROXY",
  "http_proxy",
  "https_proxy",
  "no_proxy",
] as const;

const inherited = (): Record<string, string> =>
  Object.fromEntries(
    inheritedEnv.flatMap((name) => {
      const value = process.env[name];
      return value === undefined ? [] : [[name, value]];
    }),
  );

/**
 * Starts `entry` as `node --import tsx --conditions=@ankkuri/source`, as the workspace runs its
 * TypeScript: on this process's Node.js (`process.execPath`, the one the workspace brings) unless `node` names another, and as one
 * process, so a signal reaches the program itself (the `tsx` command would run it in a child of its own).
 */
export function startTypeScript(entry: string, options: ProcessOptions = {}): ManagedProcess {
  const name = options.name ?? basename(entry);
  const child = spawn(options.node ?? process.execPath, [...loaderFlags(entry), entry, ...(options.args ?? [])], {
    cwd: options.cwd ?? workspaceRoot,
    env: { ...inherited(), ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const kept = { output: "", stdout: "", stderr: "" };
  const log = options.logFile === undefined ? undefined : createWriteStream(options.logFile);
  const listeners = new Set<() => void>();
  const tell = () => {
    for (const listener of listeners) listener();
  };
  const take = (stream: "stdout" | "stderr") => (chunk: Buffer) => {
    const text = chunk.toString("utf8");
    kept[stream] = bounded(kept[stream] + text);
    kept.output = bounded(kept.output + text);
    log?.write(chunk);
    tell();
  };
  child.stdout.on("data", take("stdout"));
  child.stderr.on("data", take("stderr"));
  let closed = false;
  // `close` comes after `exit` once the output is read, so nothing printed is missed.
  const exited = new Promise<ExitStatus>((resolve) => {
    child.once("close", (code: number | null, signal: NodeJS.Signals | null) => {
      const settle = () => {
        closed = true;
        resolve((code ?? signal) as ExitStatus);
        tell();
      };
      if (log) log.end(settle);
      else settle();
    });
  });
  const running = () => !closed && child.exitCode === null && child.signalCode === null;
  return {
    name,
    child,
    output: () => kept.output,
    stdout: () => kept.stdout,
    stderr: () => kept.stderr,
    exited,
    running,
    waitForOutput: (pattern, timeoutMs) =>
      new Promise((resolve, reject) => {
        const done = () => {
          clearTimeout(timer);
          listeners.delete(check);
        };
        const check = () => {
          const match = pattern.exec(kept.output);
          if (match) {
            done();
            resolve(match);
          } else if (closed) {
            done();
            reject(new ChildProcessError(`${name} ended before printing ${String(pattern)}`, kept.output));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(
            new ChildProcessError(
              `${name} did not print ${String(pattern)} within ${String(timeoutMs)} ms`,
              kept.output,
            ),
          );
        }, timeoutMs);
        listeners.add(check);
        check();
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
    kill() {
      if (running()) child.kill("SIGKILL");
      return exited;
    },
  };
}

/** A process run to its end. */
export interface FinishedProcess {
  exit: ExitStatus;
  stdout: string;
  stderr: string;
  output: string;
}

/** Runs `entry` to its end (stopped after `timeoutMs`, if given), whatever its exit status. */
export async function runTypeScript(
  entry: string,
  options: ProcessOptions & { timeoutMs?: number } = {},
): Promise<FinishedProcess> {
  const started = startTypeScript(entry, options);
  const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => void started.stop(), options.timeoutMs);
  const exit = await started.exited;
  clearTimeout(timer);
  return { exit, stdout: started.stdout(), stderr: started.stderr(), output: started.output() };
}

/** Runs `entry` to its end and returns its stdout; fails with its output unless it exits with 0. */
export async function outputOf(entry: string, options: ProcessOptions & { timeoutMs?: number } = {}): Promise<string> {
  const done = await runTypeScript(entry, options);
  if (done.exit !== 0)
    throw new ChildProcessError(`${options.name ?? basename(entry)} failed (${String(done.exit)})`, done.output);
  return done.stdout;
}
