/** A GraphQL error as the gateway answers it: a stable code in `extensions.code`, a readable message. */
export interface GatewayError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * A request the gateway refused or could not answer: `code` is the gateway's stable code
 * (`UNAUTHENTICATED`, `FORBIDDEN`, `BAD_USER_INPUT`, `SERVICE_UNAVAILABLE`, …, see the frontend guide),
 * or `NETWORK_ERROR` / `BAD_RESPONSE` when no GraphQL answer arrived. The message is in the language
 * asked for.
 */
export class AnkkuriRequestError extends Error {
  override readonly name = "AnkkuriRequestError";
  constructor(
    readonly code: string,
    message: string,
    /** The HTTP status, 0 when the request never got one. */
    readonly status: number,
    readonly errors: readonly GatewayError[] = [],
    /** The gateway's id of the request (`x-request-id`), to quote to its operators. */
    readonly requestId: string | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
