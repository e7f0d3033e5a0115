import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { BenchError } from "./errors.js";

/** The repository root (this file is apps/bench/src/processes.ts). */
export const repositoryRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const tsxCli = createRequire(import.meta.url).resolve("tsx/cli");

/** A TypeScript entry point run as the workspace runs it: tsx with the source export condition. */
export function tsxArgs(file: string, args: readonly string[] = []): string[] {
  return [tsxCli, "--conditions=@ankkuri/source", file, ...args];
}

/** A free loopback TCP port (free when asked; the child binds it shortly after). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const address = server.address();
  await new Promise<void>((done) =>
    server.close(() => {
      done();
    }),
  );
  if (address === null || typeof address === "string") throw new BenchError("process", "no free port");
  return address.port;
}

/** A child process with its output kept in a log file. */
export interface Child {
  name: string;
  process: ChildProcess;
  /** Resolves with the exit code when the child ends. */
  exited: Promise<number | null>;
  stop(): Promise<void>;
}

/**
 * Starts `node <args>` with exactly `env` (plus PATH and HOME): nothing of the caller's environment
 * leaks in, so a run does not depend on the shell it was started from. Output goes to `logFile`.
 */
export function startChild(name: string, args: readonly string[], env: Record<string, string>, logFile: string): Child {
  const child = spawn(process.execPath, args, {
    cwd: repositoryRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "development", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(logFile);
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  const exited = new Promise<number | null>((done) =>
    child.on("exit", (code) => {
      done(code);
    }),
  );
  return {
    name,
    process: child,
    exited,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/**
 * Polls `probe` until it answers true; fails when the child exits first or after `timeoutMs`.
 * Returns the milliseconds from `since` (a `performance.now()`) to the first true answer.
 */
export async function waitUntil(
  child: Child,
  probe: () => Promise<boolean>,
  options: { since: number; timeoutMs: number; intervalMs?: number },
): Promise<number> {
  let exitCode: number | null | undefined;
  void child.exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined)
      throw new BenchError(
        "process",
        `${child.name} exited with code ${String(exitCode)} before it answered (see its log in bench-results)`,
      );
    const ok = await probe().catch(() => false);
    const now = performance.now();
    if (ok) return now - options.since;
    if (now - options.since > options.timeoutMs)
      throw new BenchError("process", `${child.name} did not answer within ${String(options.timeoutMs / 1000)} s`);
    await new Promise((done) => setTimeout(done, options.intervalMs ?? 50));
  }
}

/** Runs `node <args>` to completion and returns its stdout; fails with its stderr on a non-zero exit. */
export function runToEnd(name: string, args: readonly string[], env: Record<string, string>): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, args, {
      cwd: repositoryRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", NODE_ENV: "development", ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.stderr.on("data", (c: Buffer) => (err += c.toString()));
    child.on("exit", (code) => {
      if (code === 0) done(out);
      else
        fail(
          new BenchError(
            "process",
            `${name} failed (exit ${String(code)}): ${err.trim().split("\n").slice(-5).join(" / ")}`,
          ),
        );
    });
  });
}
