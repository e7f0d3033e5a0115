/** What went wrong in a benchmark run; the run stops with the message (never with key material). */
export type BenchErrorCode = "arguments" | "database" | "process" | "load" | "check";

/** A benchmark run that cannot continue. */
export class BenchError extends Error {
  override readonly name = "BenchError";

  constructor(
    readonly code: BenchErrorCode,
    message: string,
  ) {
    super(message);
  }
}
