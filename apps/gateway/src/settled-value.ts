// Fields that can answer from something the request has already loaded (the team cache) should not
// each wait a tick for it: a case screen names dozens of organisations. A remembered promise lets
// them read its value synchronously once it has resolved, without the context exposing a second,
// synchronous way to the same data.

const values = new WeakMap<Promise<unknown>, unknown>();

/**
 * `promise` itself, remembered so that `settledValue` can read its value once it has resolved. A
 * rejection is handled here (the awaiting caller still sees it), so an unused promise never becomes
 * an unhandled rejection.
 */
export function remembered<T>(promise: Promise<T>): Promise<T> {
  promise.then(
    (value) => values.set(promise, value),
    () => undefined,
  );
  return promise;
}

/** The value a `remembered` promise resolved with, or undefined while it is pending or if it rejected. */
export function settledValue<T>(promise: Promise<T>): T | undefined {
  return values.get(promise) as T | undefined;
}
