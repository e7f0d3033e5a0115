import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The workspace root (this file is tooling/processes/src/workspace-paths.ts). */
export const workspaceRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

/** A path below the workspace root, e.g. `workspacePath("apps/gateway")`. */
export function workspacePath(path: string): string {
  return resolve(workspaceRoot, path);
}
