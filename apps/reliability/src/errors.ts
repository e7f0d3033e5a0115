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
