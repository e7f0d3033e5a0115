import { randomUUID } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import { requestLogFields } from "../request-log.js";

interface RequestIds {
  /** Made by this server for every request: what logs, metrics and the audit log are keyed by. */
  requestId: string;
  /** The caller's own `x-request-id` when well-formed: kept beside the server's, never in its place. */
  correlationId: string | null;
}

const ids = new WeakMap<Request, RequestIds>();
const shape = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's ids: a new UUID of the server's, and the caller's `x-request-id` when well-formed. */
export function requestIdsOf(request: Request): RequestIds {
  let found = ids.get(request);
  if (found === undefined) {
    const incoming = request.headers.get("x-request-id");
    found = { requestId: randomUUID(), correlationId: incoming !== null && shape.test(incoming) ? incoming : null };
    ids.set(request, found);
  }
  return found;
}

/** The server's id of the request. */
export function requestIdOf(request: Request): string {
  return requestIdsOf(request).requestId;
}

/**
 * Gives every request the server's own id (for logs and the audit log), keeps the caller's
 * `x-request-id` as its correlation id, and answers with both (`x-request-id`, `x-correlation-id`).
 */
export function useRequestId(): Plugin {
  return {
    onRequest({ request }) {
      const { requestId, correlationId } = requestIdsOf(request);
      const fields = requestLogFields();
      if (fields) {
        fields.requestId = requestId;
        if (correlationId !== null) fields.correlationId = correlationId;
      }
    },
    onResponse({ request, response }) {
      const { requestId, correlationId } = requestIdsOf(request);
      response.headers.set("x-request-id", requestId);
      if (correlationId !== null) response.headers.set("x-correlation-id", correlationId);
    },
  };
}
