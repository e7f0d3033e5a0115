import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const workspaceRoot = join(packageDir, "../..");
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const pnpm = (JSON.parse(readFileSync(join(workspaceRoot, "package.json"), "utf8")) as { packageManager: string })
  .packageManager;
// A project outside the workspace, as a frontend team's would be.
const scratch = mkdtempSync(join(tmpdir(), "ankkuri-client-scratch-"));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const main = `import { createClient, isRuleViolation, violationsOf, type IsoDate } from "@ankkuri/client";
import { PlanMeetingDocument, ViewerDocument } from "@ankkuri/client/operations";

const answers = [{ data: { viewer: { login: "maria.jarvinen", name: "Maria", roles: [], organisation: { id: "o", name: "O" }, team: { id: "t", name: "T" } } } }];
const client = createClient({
  url: "http://ankkuri.invalid/graphql",
  token: () => "token",
  fetch: async () => new Response(JSON.stringify(answers.shift())),
});

const me = await client.request(ViewerDocument);
const login: string = me.viewer.login;
// @ts-expect-error: a login is a string, not a number
const wrong: number = me.viewer.login;

export async function plan(caseId: string, plannedOn: string): Promise<string[]> {
  const result = (await client.request(PlanMeetingDocument, { input: { caseId, plannedOn, expectedVersion: 1, composition: [] } })).planMeeting;
  if (isRuleViolation(result)) return violationsOf(result).map((v) => v.message);
  return result.__typename === "CasePayload" ? result.case.meetings.map((m) => m.plannedOn satisfies IsoDate) : [result.message];
}
console.log(login, typeof wrong);
`;

describe("the packed @ankkuri/client", () => {
  it("installs into a project outside the workspace, typechecks a call and runs it", async () => {
    await run(process.execPath, [tsc, "-p", join(packageDir, "tsconfig.build.json")]);
    await run("npx", ["-y", pnpm, "pack", "--pack-destination", scratch], { cwd: packageDir });
    const tarball = readdirSync(scratch).find((name) => name.endsWith(".tgz"));
    expect(tarball).toBeDefined();

    writeFileSync(
      join(scratch, "package.json"),
      JSON.stringify({
        name: "scratch-frontend",
        private: true,
        type: "module",
        dependencies: { "@ankkuri/client": `file:./${String(tarball)}`, "graphql": "^16.8.1" },
      }),
    );
    await run("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", "--prefer-offline"], { cwd: scratch });
    const installed = JSON.parse(
      readFileSync(join(scratch, "node_modules/@ankkuri/client/package.json"), "utf8"),
    ) as Record<string, Record<string, string> | string[]>;
    expect(installed.peerDependencies).toEqual({ graphql: "^16.8.1" });
    expect(JSON.stringify(installed)).not.toMatch(/catalog:|workspace:/);
    const shipped = readdirSync(join(scratch, "node_modules/@ankkuri/client/dist"));
    expect(shipped).toEqual(expect.arrayContaining(["index.js", "index.d.ts", "operations.js", "operations.d.ts"]));
    expect(shipped.filter((name) => name.includes(".test."))).toEqual([]);

    writeFileSync(join(scratch, "main.ts"), main);
    writeFileSync(
      join(scratch, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          target: "ES2022",
          module: "NodeNext",
          moduleResolution: "NodeNext",
          lib: ["ES2023", "DOM"],
          types: [],
          skipLibCheck: false,
          verbatimModuleSyntax: true,
        },
        files: ["main.ts"],
      }),
    );
    const checked = await run(process.execPath, [tsc, "-p", scratch]).catch((e: unknown) => e as { stdout: string });
    expect(checked.stdout).toBe("");
    const ran = await run(process.execPath, ["main.ts"], { cwd: scratch });
    expect(ran.stdout).toBe("maria.jarvinen string\n");
  });
});
