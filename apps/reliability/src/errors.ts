/** A child process ended (or never printed what it was expected to) before the test was done with it. */
export class ChildProcessError extends Error {
  override readonly name = "ChildProcessError";
  constructor(
    message: string,
    readonly output: string,
  ) {
    super(`${message}\n--- process output ---\n${output.slice(-8_000)}`);
  }
}

/** A condition the suite waits for did not hold within its bound. */
export class WaitTimeoutError extends Error {
  override readonly name = "WaitTimeoutError";
}

/** A PostgreSQL tool of the throwaway cluster failed. */
export class ClusterCommandError extends Error {
  override readonly name = "ClusterCommandError";
  constructor(
    readonly command: string,
    readonly output: string,
  ) {
    super(`${command} failed:\n${output.slice(-4_000)}`);
  }
}
