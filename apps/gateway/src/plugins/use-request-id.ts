import { randomUUID } from "node:crypto";
import type { Plugin } from "graphql-yoga";

const ids = new WeakMap<Request, string>();
const shape = /^[A-Za-z0-9._:-]{8,128}$/;

/** The request's id: the caller's `x-request-id` when well-formed, otherwise a new UUID. */
export function requestIdOf(request: Request): string {
  let id = ids.get(request);
  if (id === undefined) {
    const incoming = request.headers.get("x-request-id");
    id = incoming !== null && shape.test(incoming) ? incoming : randomUUID();
    ids.set(request, id);
  }
  return id;
}

/** Gives every request an id (for logs and the audit log) and echoes it in `x-request-id`. */
export function useRequestId(): Plugin {
  return {
    onRequest({ request }) {
      requestIdOf(request);
    },
    onResponse({ request, response }) {
      response.headers.set("x-request-id", requestIdOf(request));
    },
  };
}
