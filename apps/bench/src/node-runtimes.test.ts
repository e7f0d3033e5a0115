import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { nodeMajor, systemNode20 } from "./node-runtimes.js";

describe("systemNode20", () => {
  const root = mkdtempSync(join(tmpdir(), "ankkuri-node-runtimes-"));
  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });
  /** A folder with a `node` that reports `version`. */
  const fakeNode = (folder: string, version: string) => {
    const dir = join(root, folder);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, "node"), `#!/bin/sh\necho ${version}\n`);
    chmodSync(join(dir, "node"), 0o755);
    return dir;
  };
  const workspace = fakeNode("ws/node_modules/.bin", "v20.0.0");
  const newer = fakeNode("usr/local/bin", "v24.21.0");
  const system = fakeNode("usr/bin", "v20.20.2");

  it("is the first Node.js 20 on PATH outside node_modules", async () => {
    expect(await systemNode20([workspace, newer, system].join(delimiter))).toBe(join(system, "node"));
    expect(await nodeMajor(join(system, "node"))).toBe(20);
  });

  it("fails when there is none", async () => {
    await expect(systemNode20([workspace, newer].join(delimiter))).rejects.toThrow(/no Node.js 20 on PATH/);
  });
});
