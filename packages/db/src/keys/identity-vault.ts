import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import type { KeyMaterial } from "./key-material.js";
import { secretKey } from "./secret-key.js";

/** Encrypts, decrypts and hashes personal identity codes; the plain code never reaches the database. */
export interface IdentityVault {
  /** `v1.<keyId>.<iv>.<tag>.<ciphertext>` under the current key, bound to the team (AES-256-GCM, AAD). */
  encrypt(code: string, teamId: string): string;
  /** The plain code; throws when the ciphertext was altered, moved to another team or its key is unknown. */
  decrypt(ciphertext: string, teamId: string): string;
  /** HMAC-SHA-256 (hex) for exact-match lookup and duplicate detection. */
  hmac(code: string): string;
  /** True when `ciphertext` is under an older key and should be re-encrypted. */
  isStale(ciphertext: string): boolean;
  currentKeyId: string;
}

// The identity code's century sign is part of the identity: only case and surrounding space are normalised.
const normalise = (code: string) => code.trim().toUpperCase();

export function createIdentityVault(keys: KeyMaterial): IdentityVault {
  const current = keys.identityKeys[0];
  if (!current) throw new Error("the identity keyring is empty");
  const byId = new Map(keys.identityKeys.map((k) => [k.id, k.key]));
  return {
    currentKeyId: current.id,
    encrypt(code, teamId) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", secretKey(current.key), iv);
      cipher.setAAD(Buffer.from(`ankkuri:identity:${teamId}`));
      const ct = Buffer.concat([cipher.update(normalise(code), "utf8"), cipher.final()]);
      return [
        "v1",
        current.id,
        iv.toString("base64url"),
        cipher.getAuthTag().toString("base64url"),
        ct.toString("base64url"),
      ].join(".");
    },
    decrypt(ciphertext, teamId) {
      const [version, keyId = "", iv = "", tag = "", ct = ""] = ciphertext.split(".");
      const key = byId.get(keyId);
      if (version !== "v1" || !key) throw new Error("identity code ciphertext has an unknown format or key");
      const decipher = createDecipheriv("aes-256-gcm", secretKey(key), Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(`ankkuri:identity:${teamId}`));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
    },
    hmac(code) {
      return createHmac("sha256", secretKey(keys.identityHmacKey)).update(normalise(code)).digest("hex");
    },
    isStale(ciphertext) {
      return ciphertext.split(".")[1] !== current.id;
    },
  };
}
