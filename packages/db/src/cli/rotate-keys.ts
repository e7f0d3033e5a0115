import { createIdentityVault } from "../keys/identity-vault.js";
import { rotateIdentityKeys } from "../keys/rotate-identity-keys.js";
import { withRuntime } from "./cli.js";

// `pnpm db:rotate-keys`: re-encrypts identity codes under the first key of ANKKURI_IDENTITY_KEYS and
// recomputes their hashes with the current ANKKURI_IDENTITY_HMAC_KEY (see docs/operations.md).
await withRuntime("db:rotate-keys", async ({ handle, keys }) => {
  const summary = await rotateIdentityKeys(handle.db, createIdentityVault(keys));
  process.stdout.write(
    `examined ${String(summary.examined)}, re-encrypted ${String(summary.reencrypted)}, re-hashed ${String(summary.rehashed)}\n`,
  );
});
