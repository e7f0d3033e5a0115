import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigurationError, loadGatewayConfig } from "../env.js";
import { persistedHash } from "../persisted-hash.js";
import { loadPersistedOperations } from "./manifests.js";

const dir = mkdtempSync(join(tmpdir(), "ankkuri-manifests-"));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});
const entry = (text: string) => ({ [persistedHash(text)]: text });

describe("loadPersistedOperations", () => {
  it("reads one manifest, or every manifest of a folder", () => {
    const folder = mkdtempSync(join(dir, "teams-"));
    writeFileSync(join(folder, "ankkuri.json"), JSON.stringify(entry("query A { viewer { login } }")));
    writeFileSync(join(folder, "kuva-web.json"), JSON.stringify(entry("query B { viewer { name } }")));
    writeFileSync(join(folder, "notes.txt"), "not a manifest");
    expect(loadPersistedOperations({ mode: "required", file: folder }).size).toBe(2);
    expect(loadPersistedOperations({ mode: "allowed", file: join(folder, "kuva-web.json") }).size).toBe(1);
    expect(loadPersistedOperations({ mode: "off", file: folder }).size).toBe(0);
  });

  it("stops the start on a tampered, malformed, missing or empty manifest", () => {
    const tampered = join(dir, "tampered.json");
    writeFileSync(tampered, JSON.stringify({ [persistedHash("query A { a }")]: "mutation Evil { a }" }));
    const malformed = join(dir, "malformed.json");
    writeFileSync(malformed, JSON.stringify({ abc: "query A { a }" }));
    const empty = join(dir, "empty.json");
    writeFileSync(empty, "{}");
    for (const file of [tampered, malformed, join(dir, "missing.json")]) {
      expect(() => loadPersistedOperations({ mode: "allowed", file })).toThrow(ConfigurationError);
    }
    expect(() => loadPersistedOperations({ mode: "required", file: empty })).toThrow(/registers no operation/);
    expect(loadPersistedOperations({ mode: "allowed", file: empty }).size).toBe(0);
  });

  it("is refused by the configuration when required or allowed without a manifest", () => {
    expect(() => loadGatewayConfig({ NODE_ENV: "test", PERSISTED_OPERATIONS: "required" })).toThrow(
      /needs PERSISTED_OPERATIONS_FILE/,
    );
    expect(loadGatewayConfig({ NODE_ENV: "test" }).persistedOperations).toEqual({ mode: "off", file: undefined });
  });
});
