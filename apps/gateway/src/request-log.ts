import { AsyncLocalStorage } from "node:async_hooks";
import pino, { type DestinationStream, type Logger } from "pino";

/** What every log line of a request carries: the server's id, the caller's, and the operation. */
export interface RequestLogFields {
  requestId?: string;
  correlationId?: string;
  /** The documented operation's name, `other` for any other, absent for non-GraphQL paths. */
  operation?: string;
}

const storage = new AsyncLocalStorage<RequestLogFields>();

/** Runs `fn` (one request's handling) with its own log fields, which the plugins fill in. */
export function withRequestLog<T>(fields: RequestLogFields, fn: () => T): T {
  return storage.run(fields, fn);
}

/** The current request's log fields (undefined outside a request). */
export function requestLogFields(): RequestLogFields | undefined {
  return storage.getStore();
}

/** The gateway's logger: every line logged while a request is handled carries its fields. */
export function gatewayLogger(level: string, destination?: DestinationStream): Logger {
  const options = { level, mixin: () => ({ ...storage.getStore() }) };
  return destination ? pino(options, destination) : pino(options);
}
