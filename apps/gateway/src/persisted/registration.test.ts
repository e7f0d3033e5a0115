import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { loadGatewayConfig } from "../env.js";
import { persistedHash } from "../persisted-hash.js";
import { type Manifest, manifestSchema } from "./manifests.js";
import { checkTeamDocuments } from "./registration.js";

const config = loadGatewayConfig({ NODE_ENV: "test" });
const documented = manifestSchema.parse(
  JSON.parse(readFileSync(new URL("../../persisted-operations/ankkuri.json", import.meta.url), "utf8")),
);
const manifestOf = (...texts: string[]): Manifest => Object.fromEntries(texts.map((t) => [persistedHash(t), t]));

describe("checkTeamDocuments", () => {
  it("accepts every documented operation", async () => {
    expect(await checkTeamDocuments(documented, config)).toEqual([]);
  });

  it("refuses a hash that is not the text's, and a document of two operations or none named", async () => {
    const text = "query Mine { viewer { login } }";
    const problems = await checkTeamDocuments(
      {
        ["0".repeat(64)]: text,
        ...manifestOf("query A { viewer { login } } query B { viewer { name } }", "{ viewer { login } }"),
      },
      config,
    );
    expect(problems.map((p) => p.problem)).toEqual([
      "the hash is not the SHA-256 of the text",
      "a document holds exactly one named operation",
      "a document holds exactly one named operation",
    ]);
  });

  it("refuses what the schema does not have, and what breaks the query limits", async () => {
    const deep = "query Deep { viewer { organisation { id } } }";
    const problems = await checkTeamDocuments(manifestOf("query Wrong { viewer { password } }", deep), {
      ...config,
      limits: { ...config.limits, maxDepth: 2 },
    });
    expect(problems).toEqual([
      expect.objectContaining({ operation: "Wrong", problem: expect.stringContaining("password") as string }),
      expect.objectContaining({ operation: "Deep", problem: expect.stringMatching(/depth/i) as string }),
    ]);
  });
});
