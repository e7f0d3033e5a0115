import { isAbsolute, resolve } from "node:path";
import { z } from "zod";
import { defaultTemplateDir } from "./prepared-data-folder.js";

/**
 * The persistence settings every app reads from its environment (through its own `env.ts`):
 * `DATABASE_URL` selects PostgreSQL; without it the embedded PGlite keeps its files in `DATA_DIR`.
 */
export const databaseEnvSchema = z.object({
  DATABASE_URL: z
    .string()
    .optional()
    .transform((v) => (v === undefined || v.trim() === "" ? undefined : v))
    .pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\//, { message: "must be a postgres:// URL" })
        .optional(),
    ),
  DATA_DIR: z.string().trim().min(1).default("./.data"),
  /** Where the prepared data folders of a new embedded database are kept (default: this installation's cache). */
  DATA_TEMPLATE_DIR: z.string().trim().min(1).optional(),
  ANKKURI_IDENTITY_KEYS: z.string().optional(),
  ANKKURI_IDENTITY_HMAC_KEY: z.string().optional(),
  ANKKURI_AUDIT_KEY: z.string().optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(2).max(200).default(10),
  /** Where the user ran `pnpm` (pnpm sets it): relative DATA_DIR is resolved against it. */
  INIT_CWD: z.string().optional(),
});

/** Validated persistence configuration. */
export interface DatabaseConfig {
  databaseUrl: string | undefined;
  dataDir: string;
  /** Prepared data folders of a new embedded database (`prepared-data-folder.ts`); default: this installation's cache. */
  templateDir?: string;
  poolSize: number;
  keys: { identityKeys: string | undefined; identityHmacKey: string | undefined; auditKey: string | undefined };
}

/** Parses the persistence settings; relative `DATA_DIR` is taken from where `pnpm` was run. */
export function parseDatabaseConfig(env: Record<string, string | undefined>): DatabaseConfig {
  const parsed = databaseEnvSchema.parse(env);
  const base = parsed.INIT_CWD ?? process.cwd();
  return {
    databaseUrl: parsed.DATABASE_URL,
    dataDir: isAbsolute(parsed.DATA_DIR) ? parsed.DATA_DIR : resolve(base, parsed.DATA_DIR),
    templateDir:
      parsed.DATA_TEMPLATE_DIR === undefined
        ? defaultTemplateDir
        : isAbsolute(parsed.DATA_TEMPLATE_DIR)
          ? parsed.DATA_TEMPLATE_DIR
          : resolve(base, parsed.DATA_TEMPLATE_DIR),
    poolSize: parsed.DATABASE_POOL_SIZE,
    keys: {
      identityKeys: parsed.ANKKURI_IDENTITY_KEYS,
      identityHmacKey: parsed.ANKKURI_IDENTITY_HMAC_KEY,
      auditKey: parsed.ANKKURI_AUDIT_KEY,
    },
  };
}
