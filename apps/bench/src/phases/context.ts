import type { BenchOptions } from "../args.js";
import type { BenchDatabase, KeyEnv } from "../bench-database.js";
import type { Operation, OperationInputs } from "../operations.js";

/** What the phases of one run share. */
export interface RunContext {
  options: BenchOptions;
  /** This run's folder under bench-results/ (raw load output and server logs). */
  resultsDir: string;
  database: BenchDatabase;
  keys: KeyEnv;
  /** The gateway's data folder: only the development issuer's signing key is kept there. */
  dataDir: string;
  inputs: OperationInputs;
  tokens: { caseworker: string; leadership: string };
  log: (line: string) => void;
}

/** The token of the user an operation is asked by. */
export function tokenFor(context: RunContext, operation: Operation): string {
  return operation.asks === "caseworker" ? context.tokens.caseworker : context.tokens.leadership;
}
