import { testIdentityCode } from "@ankkuri/domain";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createIdentityVault } from "./identity-vault.js";
import { generateKeySettings, parseKeyMaterial } from "./key-material.js";

const settings = generateKeySettings();
const vault = createIdentityVault(parseKeyMaterial(settings));
const code = testIdentityCode("2010-05-02", 931);

describe("the identity vault", () => {
  it("never stores the code in plain text and decrypts it back", () => {
    const ciphertext = vault.encrypt(code, "team-a");
    expect(ciphertext).not.toContain(code);
    expect(ciphertext.startsWith("v1.k1.")).toBe(true);
    expect(vault.decrypt(ciphertext, "team-a")).toBe(code);
  });

  it("encrypts the same code differently each time (random IV) but hashes it the same way", () => {
    expect(vault.encrypt(code, "team-a")).not.toBe(vault.encrypt(code, "team-a"));
    expect(vault.hmac(code)).toBe(vault.hmac(` ${code.toLowerCase()} `));
    expect(vault.hmac(code)).toMatch(/^[0-9a-f]{64}$/);
  });

  it("keeps the century sign: codes differing only in it hash differently", () => {
    const dash = "010594-9032";
    expect(vault.hmac("010594Y9032")).not.toBe(vault.hmac(dash));
  });

  it("refuses a ciphertext moved to another team, altered, or under an unknown key", () => {
    const ciphertext = vault.encrypt(code, "team-a");
    expect(() => vault.decrypt(ciphertext, "team-b")).toThrow();
    const parts = ciphertext.split(".");
    const tampered = [...parts.slice(0, 4), Buffer.from("0000000000", "utf8").toString("base64url")].join(".");
    expect(() => vault.decrypt(tampered, "team-a")).toThrow();
    expect(() => vault.decrypt(ciphertext.replace("v1.k1.", "v1.k9."), "team-a")).toThrow("unknown format or key");
  });

  it("rotates: a new current key encrypts, the old one still decrypts, and old ciphertexts are stale", () => {
    const old = vault.encrypt(code, "team-a");
    const next = generateKeySettings().identityKeys.replace("k1:", "k2:");
    const rotated = createIdentityVault(
      parseKeyMaterial({ ...settings, identityKeys: `${next},${settings.identityKeys}` }),
    );
    expect(rotated.currentKeyId).toBe("k2");
    expect(rotated.decrypt(old, "team-a")).toBe(code);
    expect(rotated.isStale(old)).toBe(true);
    expect(rotated.isStale(rotated.encrypt(code, "team-a"))).toBe(false);
    expect(rotated.hmac(code)).toBe(vault.hmac(code));
  });

  it("round-trips any test identity code", () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date("1950-01-01"), max: new Date("2024-12-31"), noInvalidDate: true }),
        fc.integer({ min: 900, max: 999 }),
        (date, n) => {
          const c = testIdentityCode(date.toISOString().slice(0, 10), n);
          expect(vault.decrypt(vault.encrypt(c, "t"), "t")).toBe(c);
        },
      ),
      { numRuns: 100 },
    );
  });
});
