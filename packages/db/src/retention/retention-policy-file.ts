import { readFileSync } from "node:fs";
import { type RetentionPolicy, retentionPolicySchema } from "@ankkuri/domain";

/**
 * A deployment's retention policy (`RETENTION_POLICY_FILE`, JSON checked by `retentionPolicySchema`);
 * undefined without a file, so the documented defaults apply. One reader for the CLI, the worker and
 * the gateway, so that all three refuse the same bad file.
 */
export function readRetentionPolicyFile(file: string | undefined): RetentionPolicy | undefined {
  if (file === undefined) return undefined;
  return retentionPolicySchema.parse(JSON.parse(readFileSync(file, "utf8")));
}
