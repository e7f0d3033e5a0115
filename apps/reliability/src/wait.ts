import { setTimeout as sleep } from "node:timers/promises";
import { WaitTimeoutError } from "./errors.js";

/**
 * Polls `probe` every `intervalMs` until it returns a value other than undefined, for at most
 * `timeoutMs`; the bound is part of what the tests assert ("recovers within N seconds"). A probe
 * that throws ends the wait at once: transient failures are the probe's to absorb. `context` adds
 * what was last seen to the timeout's message.
 */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  options: { timeoutMs: number; intervalMs?: number; context?: () => string },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline)
      throw new WaitTimeoutError(
        `${what}: not within ${String(options.timeoutMs)} ms${options.context ? `\n${options.context()}` : ""}`,
      );
    await sleep(options.intervalMs ?? 100);
  }
}
