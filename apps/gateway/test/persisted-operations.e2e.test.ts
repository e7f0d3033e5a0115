import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createClient, type PersistedMode } from "@ankkuri/client";
import { OrganisationTreeDocument, ViewerDocument, persistedOperations } from "@ankkuri/client/operations";
import { outputOf, runTypeScript } from "@ankkuri/processes";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { persistedHash } from "../src/persisted-hash.js";
import { type Harness, startHarness } from "./harness.js";
import { clock, login } from "./steps.js";

// Production can switch on PERSISTED_OPERATIONS=required: only registered operations run. A frontend
// team registers its own with `operations:register`, into a reviewed manifest of its own.

const documented = fileURLToPath(new URL("../persisted-operations/ankkuri.json", import.meta.url));
const register = fileURLToPath(new URL("../src/cli/register-operations.ts", import.meta.url));
const registry = mkdtempSync(join(tmpdir(), "ankkuri-registry-"));
copyFileSync(documented, join(registry, "ankkuri.json"));
const teamOperation = "query KuvaFrontPage {\n  viewer {\n    name\n  }\n}";
afterAll(() => {
  rmSync(registry, { recursive: true, force: true });
});

describe("operations:register", () => {
  it("registers a team's persisted documents after checking them, and refuses one the schema does not have", async () => {
    const good = join(registry, "..", `${String(process.pid)}-good.json`);
    writeFileSync(good, JSON.stringify({ [persistedHash(teamOperation)]: teamOperation }));
    const out = await outputOf(register, { args: ["--team", "kuva-web", "--dir", registry, good] });
    expect(out).toMatch(/Registered 1 operation\(s\) of kuva-web .*\(1 new, 0 removed\)/);

    const bad = join(registry, "..", `${String(process.pid)}-bad.json`);
    const wrong = "query Snoop { viewer { password } }";
    writeFileSync(bad, JSON.stringify({ [persistedHash(wrong)]: wrong }));
    const refused = await runTypeScript(register, { args: ["--team", "kuva-web", "--dir", registry, bad] });
    expect(refused.exit).toBe(1);
    expect(refused.stderr).toMatch(/Snoop: .*password/);
    rmSync(good);
    rmSync(bad);
  }, 180_000);
});

describe.each(["required", "allowed"] as const)("persisted operations %s", (mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness("pglite", {
      env: { PERSISTED_OPERATIONS: mode, PERSISTED_OPERATIONS_FILE: registry },
      gateway: { clock },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  const clientOf = (persisted: PersistedMode) =>
    createClient({ url: `${h.url}/graphql`, token: () => h.token(login.police), persisted });

  async function send(body: unknown) {
    const response = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "authorization": `Bearer ${await h.token(login.police)}` },
      body: JSON.stringify(body),
    });
    return {
      status: response.status,
      body: (await response.json()) as {
        data?: Record<string, unknown>;
        errors?: { message: string; extensions?: { code?: string } }[];
      },
    };
  }

  it("runs a documented operation by its hash, as @ankkuri/client sends it", async () => {
    const data = await clientOf("hash").request(ViewerDocument);
    expect(data.viewer.login).toBe(login.police);
    const tree = await clientOf("hash").request(OrganisationTreeDocument, { language: "SV" });
    expect(tree.organisations.length).toBeGreaterThan(0);
  });

  it("runs a team's registered operation by its hash", async () => {
    const { status, body } = await send({
      extensions: { persistedQuery: { version: 1, sha256Hash: persistedHash(teamOperation) } },
    });
    expect(status).toBe(200);
    expect(body.data?.viewer).toEqual({ name: expect.any(String) as string });
  });

  it("refuses an unknown hash with its own code", async () => {
    const { body } = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.extensions?.code).toBe("PERSISTED_OPERATION_NOT_FOUND");
  });

  it(mode === "required" ? "refuses an operation sent as text" : "still runs an operation sent as text", async () => {
    const { status, body } = await send({ query: "{ viewer { login } }" });
    if (mode === "required") {
      expect(status).toBe(400);
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.extensions?.code).toBe("PERSISTED_OPERATION_REQUIRED");
      await expect(clientOf("text").request(ViewerDocument)).rejects.toMatchObject({
        code: "PERSISTED_OPERATION_REQUIRED",
      });
    } else {
      expect(body.data?.viewer).toEqual({ login: login.police });
      expect((await clientOf("text").request(ViewerDocument)).viewer.login).toBe(login.police);
    }
  });

  it("keeps the documented operations' hashes in the client and the manifest the same", () => {
    expect(persistedOperations.Viewer?.hash).toBe(persistedHash(persistedOperations.Viewer?.text ?? ""));
  });
});

describe("persisted operations off", () => {
  it("still answers @ankkuri/client's default mode: the hash first, then the text", async () => {
    const h = await startHarness("pglite", { gateway: { clock } });
    try {
      const client = createClient({ url: `${h.url}/graphql`, token: () => h.token(login.police) });
      expect((await client.request(ViewerDocument)).viewer.login).toBe(login.police);
      await expect(
        createClient({ url: `${h.url}/graphql`, token: () => h.token(login.police), persisted: "hash" }).request(
          ViewerDocument,
        ),
      ).rejects.toMatchObject({ name: "AnkkuriRequestError" });
    } finally {
      await h.close();
    }
  });
});
