import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { parseDatabaseConfig } from "../config.js";
import {
  generateKeySettings,
  KeyConfigurationError,
  keySettingsEnv,
  loadOrCreateEmbeddedKeys,
  parseKeyMaterial,
} from "./key-material.js";

const b64 = (n: number) => Buffer.alloc(n, 7).toString("base64");

describe("parseKeyMaterial", () => {
  it("reads a keyring with the current key first", () => {
    const keys = parseKeyMaterial({
      identityKeys: `k2:${b64(32)}, k1:${b64(32)}`,
      identityHmacKey: b64(32),
      auditKey: b64(32),
    });
    expect(keys.identityKeys.map((k) => k.id)).toEqual(["k2", "k1"]);
    expect(keys.auditKey).toHaveLength(32);
  });

  it.each([
    [{ identityHmacKey: b64(32), auditKey: b64(32) }, "ANKKURI_IDENTITY_KEYS is not set"],
    [
      { identityKeys: `k1:${b64(16)}`, identityHmacKey: b64(32), auditKey: b64(32) },
      "ANKKURI_IDENTITY_KEYS[k1] must be 32 bytes",
    ],
    [{ identityKeys: `bad id:${b64(32)}`, identityHmacKey: b64(32), auditKey: b64(32) }, "entries are id:base64"],
    [{ identityKeys: `k1:${b64(32)},k1:${b64(32)}`, identityHmacKey: b64(32), auditKey: b64(32) }, "repeated key id"],
    [{ identityKeys: `k1:${b64(32)}`, auditKey: b64(32) }, "ANKKURI_IDENTITY_HMAC_KEY is not set"],
    [{ identityKeys: `k1:${b64(32)}`, identityHmacKey: b64(32) }, "ANKKURI_AUDIT_KEY is not set"],
  ])("refuses %j, naming the setting but never a key", (settings, message) => {
    expect(() => parseKeyMaterial(settings)).toThrow(KeyConfigurationError);
    expect(() => parseKeyMaterial(settings)).toThrow(message);
  });

  it("names every missing or malformed setting at once, not only the first", () => {
    const refused = (() => {
      try {
        parseKeyMaterial({ identityHmacKey: b64(16) });
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refused).toBeInstanceOf(KeyConfigurationError);
    expect((refused as KeyConfigurationError).problems).toEqual([
      "ANKKURI_IDENTITY_KEYS is not set",
      "ANKKURI_IDENTITY_HMAC_KEY must be 32 bytes, base64-encoded",
      "ANKKURI_AUDIT_KEY is not set",
    ]);
  });

  it("accepts generated settings", () => {
    expect(parseKeyMaterial(generateKeySettings()).identityKeys).toHaveLength(1);
  });
});

describe("loadOrCreateEmbeddedKeys", () => {
  it("generates keys once, private to the owner, with a warning, and reads them back later", () => {
    const dir = join(mkdtempSync(join(tmpdir(), "ankkuri-keys-")), "data");
    const warn = vi.fn();
    const first = loadOrCreateEmbeddedKeys(dir, warn);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(statSync(join(dir, "keys.json")).mode & 0o777).toBe(0o600);
    const second = loadOrCreateEmbeddedKeys(dir, warn);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(second.auditKey.equals(first.auditKey)).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, "keys.json"), "utf8"))).toHaveProperty("identityKeys");
  });
});

describe("keySettingsEnv", () => {
  it("names the settings as the configuration reads them back", () => {
    const settings = generateKeySettings();
    expect(parseDatabaseConfig(keySettingsEnv(settings)).keys).toEqual(settings);
  });
});
