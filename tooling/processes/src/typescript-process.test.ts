import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ChildProcessError, inheritedEnv, outputOf, runTypeScript, startTypeScript } from "./typescript-process.js";
import { workspaceRoot } from "./workspace-paths.js";

const fixture = new URL("./fixtures/child.fixture.ts", import.meta.url).pathname;

describe("startTypeScript", () => {
  const logs = mkdtempSync(join(tmpdir(), "ankkuri-processes-"));
  afterAll(() => {
    rmSync(logs, { recursive: true, force: true });
  });

  it("runs the entry point on this Node.js, with the source condition and only the environment given", async () => {
    const out = await outputOf(fixture, { args: ["describe"], env: { ANKKURI_EXAMPLE: "1" } });
    const seen = JSON.parse(out) as { node: string; root: string; env: string[] };
    expect(seen.node).toBe(process.version);
    expect(seen.root).toBe(workspaceRoot);
    expect(seen.env).toContain("ANKKURI_EXAMPLE");
    const allowed = new Set<string>(["ANKKURI_EXAMPLE", ...inheritedEnv]);
    expect(seen.env.filter((name) => !allowed.has(name))).toEqual([]);
  });

  it("runs built JavaScript as it is, without the TypeScript loader", async () => {
    // Built JavaScript is the gateway's bundle; this one reports whether the loader was given.
    const plain = join(logs, "plain.mjs");
    writeFileSync(
      plain,
      'process.stdout.write(JSON.stringify({ loader: process.execArgv.some((a) => a.includes("tsx")) }));\n',
    );
    expect(JSON.parse(await outputOf(plain))).toEqual({ loader: false });
  });

  it("waits for a line of output and stops the process with SIGTERM, keeping its output", async () => {
    const logFile = join(logs, "serve.log");
    const child = startTypeScript(fixture, { args: ["serve"], logFile });
    await child.waitForOutput(/^ready$/m, 30_000);
    expect(child.running()).toBe(true);
    expect(await child.stop()).toBe(0);
    expect(child.running()).toBe(false);
    expect(child.output()).toBe("ready\nstopping\n");
    expect(readFileSync(logFile, "utf8")).toBe("ready\nstopping\n");
  });

  it("kills a process that ignores SIGTERM once the grace is over", async () => {
    const child = startTypeScript(fixture, { args: ["stubborn"] });
    await child.waitForOutput(/ignoring SIGTERM/, 30_000);
    expect(await child.stop(500)).toBe("SIGKILL");
    expect(child.stdout()).toContain("not stopping");
  });

  it("fails a wait for output, and a run, when the process ends first, with what it printed", async () => {
    const child = startTypeScript(fixture, { args: ["fail"], name: "failing child" });
    await expect(child.waitForOutput(/ready/, 30_000)).rejects.toThrow(/failing child ended before printing[^]*boom/);
    expect(await child.exited).toBe(3);
    expect(child.stderr()).toBe("boom\n");
    expect(child.stdout()).toBe("");
    await expect(outputOf(fixture, { args: ["fail"] })).rejects.toBeInstanceOf(ChildProcessError);
    expect(await runTypeScript(fixture, { args: ["fail"] })).toMatchObject({ exit: 3, stderr: "boom\n" });
  });

  it("gives up waiting after the time given", async () => {
    const child = startTypeScript(fixture, { args: ["serve"] });
    try {
      await expect(child.waitForOutput(/never/, 200)).rejects.toThrow(/did not print \/never\/ within 200 ms/);
    } finally {
      await child.stop();
    }
  });
});

describe("inheritedEnv", () => {
  // Turbo passes the same network settings to every task (turbo.json); a child of a task can only
  // inherit what its task was given, so the two lists name the same variables.
  it("names the network settings turbo passes to its tasks, and the paths every process needs", () => {
    const turbo = JSON.parse(readFileSync(join(workspaceRoot, "turbo.json"), "utf8")) as {
      globalPassThroughEnv?: string[];
    };
    expect([...inheritedEnv].sort()).toEqual(["HOME", "PATH", "TMPDIR", ...(turbo.globalPassThroughEnv ?? [])].sort());
  });
});
