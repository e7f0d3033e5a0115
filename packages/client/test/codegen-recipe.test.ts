import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { generate } from "@graphql-codegen/cli";
import { afterAll, describe, expect, it } from "vitest";
import recipe from "../recipe/codegen.js";

const run = promisify(execFile);
const packageDir = fileURLToPath(new URL("..", import.meta.url));
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
// Inside the package, so that the scratch project resolves @ankkuri/client (the package's own name)
// and the generated code's imports from the package's dependencies.
const scratch = join(packageDir, ".cache", `recipe-${String(process.pid)}`);
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const use = `import { isRuleViolation, violationsOf } from "@ankkuri/client";
import type { ScratchCaseQuery, ScratchConsentMutation } from "./gql/graphql.js";

// A Date is a string, not unknown.
export function referred(data: ScratchCaseQuery): string | null {
  return data.case?.referredOn ?? null;
}

// Without fragment masking, each error of the union shows its code, and a refusal its violations.
export function outcome(result: ScratchConsentMutation["recordConsent"]): string[] {
  if (isRuleViolation(result)) return violationsOf(result).map((v) => v.code + ": " + v.message);
  if (result.__typename === "CasePayload") return [String(result.case.version)];
  return [result.code];
}

// @ts-expect-error: the status is a typed enum, not a number
export const wrong: number = ({} as ScratchCaseQuery).case!.status;
`;

describe("the codegen recipe for a team's own operations", () => {
  it("generates types for a scratch operation that typecheck, and hashes the gateway registers", async () => {
    const out = join(scratch, "src/gql/");
    mkdirSync(join(scratch, "src"), { recursive: true });
    const [target] = Object.values(recipe.generates);
    await generate(
      {
        ...recipe,
        schema: join(packageDir, "schema.graphql"),
        documents: [join(packageDir, "recipe/scratch.graphql")],
        generates: { [out]: target as never },
        silent: true,
      },
      true,
    );
    writeFileSync(join(scratch, "src/use.ts"), use);
    writeFileSync(
      join(scratch, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          module: "NodeNext",
          moduleResolution: "NodeNext",
          customConditions: ["@ankkuri/source"],
          lib: ["ES2023", "DOM"],
          types: [],
          skipLibCheck: true,
          verbatimModuleSyntax: true,
        },
        include: ["src"],
      }),
    );
    const checked = await run(process.execPath, [tsc, "-p", scratch]).catch((e: unknown) => e as { stdout: string });
    expect(checked.stdout).toBe("");

    const persisted = JSON.parse(readFileSync(join(out, "persisted-documents.json"), "utf8")) as Record<string, string>;
    expect(Object.keys(persisted)).toHaveLength(2);
    for (const [hash, text] of Object.entries(persisted))
      expect(createHash("sha256").update(text).digest("hex")).toBe(hash);
  });
});
