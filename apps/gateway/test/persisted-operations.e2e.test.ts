import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";
import { clock, login } from "./steps.js";

// Production can switch on PERSISTED_OPERATIONS=required: only the registered operations run.

const manifestFile = fileURLToPath(new URL("../persisted-operations.json", import.meta.url));
const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, string>;
const hashOf = (operationName: string) =>
  Object.entries(manifest).find(([, text]) =>
    new RegExp(`^(query|mutation) ${operationName}\\b`, "m").test(text),
  )?.[0] ?? "";

describe.each(["required", "allowed"] as const)("persisted operations %s", (mode) => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness("pglite", {
      env: { PERSISTED_OPERATIONS: mode, PERSISTED_OPERATIONS_FILE: manifestFile },
      gateway: { clock },
    });
  });
  afterAll(async () => {
    await h.close();
  });

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

  it("runs a registered operation by its hash", async () => {
    const hash = hashOf("Viewer");
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    const { status, body } = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: hash } } });
    expect(status).toBe(200);
    expect(body.data?.viewer).toMatchObject({ login: login.police });
  });

  it("refuses an unknown hash", async () => {
    const { body } = await send({ extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } });
    expect(body.data ?? null).toBeNull();
    expect(body.errors?.[0]?.message).toBe("PersistedQueryNotFound");
  });

  it(mode === "required" ? "refuses an operation sent as text" : "still runs an operation sent as text", async () => {
    const { body } = await send({ query: "{ viewer { login } }" });
    if (mode === "required") {
      expect(body.data ?? null).toBeNull();
      expect(body.errors?.[0]?.message).toBe("PersistedQueryOnly");
    } else {
      expect(body.data?.viewer).toEqual({ login: login.police });
    }
  });
});
