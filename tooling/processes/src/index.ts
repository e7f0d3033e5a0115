/**
 * `@ankkuri/processes`: how tests and benchmarks run the apps as their deployments do, as processes of
 * their own — a TypeScript entry point started with the workspace's export condition, its output, a
 * stop (SIGTERM, then SIGKILL) — and how they get development tokens for the seed's fictional users.
 */
export {
  ChildProcessError,
  type ExitStatus,
  type FinishedProcess,
  type ManagedProcess,
  outputOf,
  type ProcessOptions,
  runTypeScript,
  startTypeScript,
} from "./typescript-process.js";
export { mintDevToken } from "./dev-token.js";
export { type FictionalLogin, fictionalLogins } from "./fictional-logins.js";
export { workspacePath, workspaceRoot } from "./workspace-paths.js";
