import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintDevToken } from "./dev-token.js";
import { fictionalLogins } from "./fictional-logins.js";
import { outputOf, runTypeScript } from "./typescript-process.js";
import { workspacePath } from "./workspace-paths.js";

describe("mintDevToken", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "ankkuri-dev-token-"));
  // dev-token signs only people of the data folder's database: make one, seeded with Helsinki.
  beforeAll(async () => {
    await outputOf(workspacePath("packages/db/src/cli/seed.ts"), { env: { DATA_DIR: dataDir } });
  }, 180_000);
  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("mints a token of the development issuer for a fictional user", async () => {
    const token = await mintDevToken(fictionalLogins.police, dataDir);
    const [, payload = ""] = token.split(".");
    const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
    expect(claims.sub).toBe(fictionalLogins.police);
  });

  it("refuses a login the database does not have", async () => {
    await expect(mintDevToken("nobody.here", dataDir)).rejects.toThrow(/dev-token nobody.here failed \(1\)/);
  });

  it("knows only logins the development issuer signs", async () => {
    const listed = await outputOf(workspacePath("apps/gateway/src/cli/dev-token.ts"), { env: { DATA_DIR: dataDir } });
    const logins = listed.split("\n").flatMap((line) => /^ {2}(\S+)/.exec(line)?.[1] ?? []);
    expect(logins).toEqual(expect.arrayContaining(Object.values(fictionalLogins)));
  });

  // Each run opens the data folder's database (seconds each, many under a loaded CI): one test per run.
  const devToken = (...args: string[]) =>
    runTypeScript(workspacePath("apps/gateway/src/cli/dev-token.ts"), { args, env: { DATA_DIR: dataDir } });

  it("lists a team's users by its code", async () => {
    const listed = await devToken("--team", "helsinki");
    expect(listed.exit, listed.stderr).toBe(0);
    expect(listed.stdout).toMatch(/^Fictional users of team helsinki/);
    expect(listed.stdout).toContain(fictionalLogins.police);
  });

  it("names the teams there are when asked for one that is not", async () => {
    const unknown = await devToken("--team", "no-such-team");
    expect(unknown.exit).toBe(2);
    expect(unknown.stderr).toMatch(/^No team no-such-team\. Teams: helsinki \(team-helsinki\)/);
    expect(unknown.stdout).toBe("");
  });

  it("mints no token for a team that is not", async () => {
    const elsewhere = await devToken(fictionalLogins.police, "--team", "no-such-team");
    expect(elsewhere.exit).toBe(2);
    expect(elsewhere.stdout).toBe("");
  });
});
