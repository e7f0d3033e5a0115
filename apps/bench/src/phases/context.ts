import type { BenchOptions } from "../args.js";
import type { BenchDatabase, KeyEnv } from "../bench-database.js";
import type { Operation, OperationInputs } from "../operations.js";
import type { BenchAuth, Server } from "../servers.js";

/** What the phases of one run share. */
export interface RunContext {
  options: BenchOptions;
  /** This run's folder under bench-results/ (raw load output and server logs). */
  resultsDir: string;
  database: BenchDatabase;
  keys: KeyEnv;
  inputs: OperationInputs;
  auth: BenchAuth;
  log: (line: string) => void;
}

/** The token of the user an operation is asked by, for `gateway` (by default one running as deployed). */
export function tokenFor(context: RunContext, operation: Operation, gateway?: Server): string {
  return (gateway?.tokens ?? context.auth.production.tokens)[operation.asks];
}
