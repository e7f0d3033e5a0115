import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createGraphQLError } from "graphql-yoga";
import { z } from "zod";
import type { GatewayConfig } from "../env.js";
import { ConfigurationError } from "../env.js";
import { errorCodes, errorExtensions } from "../errors.js";
import { persistedHash } from "../persisted-hash.js";

/** A manifest: each operation's text keyed by the SHA-256 of that text. */
export const manifestSchema = z.record(z.string().regex(/^[0-9a-f]{64}$/), z.string().min(1));
export type Manifest = z.infer<typeof manifestSchema>;

/** The manifest files `path` stands for: the file itself, or every `*.json` of the folder, by name. */
export function manifestFiles(path: string): string[] {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .filter((name) => name.endsWith(".json"))
    .sort()
    .map((name) => join(path, name));
}

/** A manifest file read and checked: well-formed, and every key the hash of its text. */
export function readManifest(file: string): Manifest {
  const parsed = manifestSchema.safeParse(JSON.parse(readFileSync(file, "utf8")));
  if (!parsed.success)
    throw new ConfigurationError(`${file} is not a persisted-operations manifest: ${parsed.error.message}`);
  for (const [hash, text] of Object.entries(parsed.data)) {
    if (persistedHash(text) !== hash)
      throw new ConfigurationError(`${file}: the operation under ${hash} has a different SHA-256; register it again`);
  }
  return parsed.data;
}

/**
 * Every registered operation by hash, from the manifest or folder of manifests configured. Read once
 * at start-up; a manifest that is missing, malformed or tampered with stops the start, and so does
 * `required` with no operation registered.
 */
export function loadPersistedOperations(config: GatewayConfig["persistedOperations"]): Map<string, string> {
  if (config.mode === "off" || config.file === undefined) return new Map();
  let files: string[];
  try {
    files = manifestFiles(config.file);
  } catch {
    throw new ConfigurationError(`PERSISTED_OPERATIONS_FILE ${config.file} does not exist`);
  }
  const operations = new Map(files.flatMap((file) => Object.entries(readManifest(file))));
  if (operations.size === 0 && config.mode === "required")
    throw new ConfigurationError(`PERSISTED_OPERATIONS=required, but ${config.file} registers no operation`);
  return operations;
}

/**
 * The answers of graphql-yoga's persisted-operations plugin, with the gateway's stable codes: an
 * unknown hash, free text where only registered operations run, and a request with neither.
 */
export const persistedOperationErrors = {
  notFound: () =>
    createGraphQLError(
      "No operation is registered under this hash. Register the team's operations (docs/frontend.md), or send the text where the gateway allows it.",
      { extensions: errorExtensions(errorCodes.persistedOperationNotFound) },
    ),
  persistedQueryOnly: () =>
    createGraphQLError("Only registered operations run here: send the operation's persisted hash, not its text.", {
      extensions: errorExtensions(errorCodes.persistedOperationRequired, { status: 400 }),
    }),
  keyNotFound: () =>
    createGraphQLError("Send the operation's persisted hash in extensions.persistedQuery.sha256Hash.", {
      extensions: errorExtensions(errorCodes.persistedOperationRequired, { status: 400 }),
    }),
};
