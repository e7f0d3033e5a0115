import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";

/** One encryption key of the identity-code keyring. */
export interface IdentityKey {
  id: string;
  key: Buffer;
}

/**
 * The secrets of the persistence layer. Identity codes are encrypted under the first key of the
 * ring (older keys still decrypt, for rotation) and hashed with the HMAC key for lookups; the audit
 * chain is keyed with the audit key so an attacker with database access cannot forge it.
 */
export interface KeyMaterial {
  identityKeys: IdentityKey[];
  identityHmacKey: Buffer;
  auditKey: Buffer;
}

/** The settings keys come from (environment variables in production). */
export interface KeySettings {
  /** `ANKKURI_IDENTITY_KEYS`: `id:base64,id:base64`, current key first; each key 32 bytes. */
  identityKeys?: string | undefined;
  /** `ANKKURI_IDENTITY_HMAC_KEY`: base64, 32 bytes. */
  identityHmacKey?: string | undefined;
  /** `ANKKURI_AUDIT_KEY`: base64, 32 bytes. */
  auditKey?: string | undefined;
}

/** Start-up refused: keys are missing or malformed. The message names the setting, never a key. */
export class KeyConfigurationError extends Error {
  override readonly name = "KeyConfigurationError";
  /** Every problem found, one line each (the message joins them). */
  readonly problems: readonly string[];
  constructor(problems: string | readonly string[]) {
    const list = typeof problems === "string" ? [problems] : problems;
    super(list.join("; "));
    this.problems = list;
  }
}

const key32 = z
  .string()
  .trim()
  .transform((s) => Buffer.from(s, "base64"))
  .refine((b) => b.length === 32, { message: "must be 32 bytes, base64-encoded" });

function decode(name: string, value: string | undefined): Buffer {
  if (value === undefined || value.trim() === "") throw new KeyConfigurationError(`${name} is not set`);
  const parsed = key32.safeParse(value);
  if (!parsed.success) throw new KeyConfigurationError(`${name} ${parsed.error.issues[0]?.message ?? "is invalid"}`);
  return parsed.data;
}

/** Parses configured keys; throws `KeyConfigurationError` naming the first missing or bad setting. */
export function parseKeyMaterial(settings: KeySettings): KeyMaterial {
  // Every setting is checked, so one start-up names every problem, not only the first.
  const problems: string[] = [];
  const attempt = <T>(read: () => T): T | undefined => {
    try {
      return read();
    } catch (error) {
      if (!(error instanceof KeyConfigurationError)) throw error;
      problems.push(...error.problems);
      return undefined;
    }
  };
  const identityKeys = attempt(() => identityKeyRing(settings.identityKeys));
  const identityHmacKey = attempt(() => decode("ANKKURI_IDENTITY_HMAC_KEY", settings.identityHmacKey));
  const auditKey = attempt(() => decode("ANKKURI_AUDIT_KEY", settings.auditKey));
  if (!identityKeys || !identityHmacKey || !auditKey) throw new KeyConfigurationError(problems);
  return { identityKeys, identityHmacKey, auditKey };
}

function identityKeyRing(setting: string | undefined): KeyMaterial["identityKeys"] {
  const ring = (setting ?? "").split(",").filter((s) => s.trim() !== "");
  if (ring.length === 0) throw new KeyConfigurationError("ANKKURI_IDENTITY_KEYS is not set");
  const identityKeys = ring.map((entry) => {
    const [id = "", value] = entry.trim().split(":");
    if (!/^[A-Za-z0-9_-]{1,32}$/.test(id))
      throw new KeyConfigurationError(
        "ANKKURI_IDENTITY_KEYS entries are id:base64 with an id of letters, digits, _ or -",
      );
    return { id, key: decode(`ANKKURI_IDENTITY_KEYS[${id}]`, value) };
  });
  if (new Set(identityKeys.map((k) => k.id)).size !== identityKeys.length)
    throw new KeyConfigurationError("ANKKURI_IDENTITY_KEYS has a repeated key id");
  return identityKeys;
}

/** Fresh random keys, in the settings' own format (for `keys.json` and for operators to copy). */
export function generateKeySettings(): Required<KeySettings> {
  const b64 = () => randomBytes(32).toString("base64");
  return { identityKeys: `k1:${b64()}`, identityHmacKey: b64(), auditKey: b64() };
}

/** Key settings as the environment variables every app reads them from (for child processes). */
export function keySettingsEnv(
  settings: Required<KeySettings>,
): Record<"ANKKURI_IDENTITY_KEYS" | "ANKKURI_IDENTITY_HMAC_KEY" | "ANKKURI_AUDIT_KEY", string> {
  return {
    ANKKURI_IDENTITY_KEYS: settings.identityKeys,
    ANKKURI_IDENTITY_HMAC_KEY: settings.identityHmacKey,
    ANKKURI_AUDIT_KEY: settings.auditKey,
  };
}

/**
 * Keys of the embedded database: read from `<dataDir>/keys.json`, or generated there (mode 0600) on
 * first start with a warning, since keys beside the data protect nothing if the folder leaks.
 */
export function loadOrCreateEmbeddedKeys(dataDir: string, warn: (message: string) => void): KeyMaterial {
  const file = join(dataDir, "keys.json");
  if (!existsSync(file)) {
    // Only this user may enter the folder: it holds the keys and the database.
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, `${JSON.stringify(generateKeySettings(), null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
    warn(
      `Generated encryption keys in ${file}. They protect identity codes only while kept apart from the data: configure ANKKURI_IDENTITY_KEYS, ANKKURI_IDENTITY_HMAC_KEY and ANKKURI_AUDIT_KEY for real use.`,
    );
  }
  const parsed = z
    .object({ identityKeys: z.string(), identityHmacKey: z.string(), auditKey: z.string() })
    .safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success) throw new KeyConfigurationError(`${file} is not a valid key file`);
  return parseKeyMaterial(parsed.data);
}
