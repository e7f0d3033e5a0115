import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { type DocumentNode, Kind, print } from "graphql";
import { persistedOperations } from "./operations.js";
import { AnkkuriRequestError, type GatewayError } from "./request-error.js";

/** A language of the gateway's names and messages. */
export type Language = "fi" | "sv" | "en";

/**
 * How operations travel:
 * - `hash`: only the persisted hash (a gateway with `PERSISTED_OPERATIONS=required`);
 * - `hash-then-text`: the hash, and the text once when the gateway does not know the hash and
 *   allows free text (`allowed`);
 * - `text`: the text only (a gateway with persisted operations off, or documents of your own).
 * Documents that are neither documented operations nor carry the hash the client preset embeds
 * (`persistedDocuments`) always travel as text.
 */
export type PersistedMode = "hash" | "hash-then-text" | "text";

export interface ClientOptions {
  /** The gateway's GraphQL endpoint, e.g. `https://ankkuri.example/graphql`. */
  url: string;
  /** The bearer token (an access token of the OIDC issuer); called before every request. */
  token: () => string | null | Promise<string | null>;
  /** The user's language, sent as `Accept-Language`; Finnish when not given. */
  language?: () => Language;
  persisted?: PersistedMode;
  /** Retries of a 503 (the gateway withheld the request and wrote nothing), with exponential backoff. */
  retry?: { attempts: number; baseDelayMs: number; maxDelayMs: number };
  fetch?: typeof fetch;
}

export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export interface AnkkuriClient {
  /**
   * Runs a typed operation; resolves to its data, or rejects with an `AnkkuriRequestError`. The
   * variables may be left out when the operation needs none.
   */
  request<R, V>(
    document: TypedDocumentNode<R, V>,
    ...rest: NoVariables extends V
      ? [variables?: V, options?: RequestOptions]
      : [variables: V, options?: RequestOptions]
  ): Promise<R>;
}

/** What an operation without variables takes (codegen's `Exact<{ [key: string]: never }>`). */
type NoVariables = Record<string, never>;

export const defaultRetry = { attempts: 3, baseDelayMs: 250, maxDelayMs: 4_000 } as const;

interface Body {
  data?: unknown;
  errors?: GatewayError[];
}

// The gateway's answer to a hash it does not hold.
const persistedNotFound = new Set(["PERSISTED_OPERATION_NOT_FOUND", "PERSISTED_QUERY_NOT_IN_LIST"]);

/** A small fetch-based client of the Ankkuri gateway, with no dependency on a UI framework. */
export function createClient(options: ClientOptions): AnkkuriClient {
  const send = options.fetch ?? globalThis.fetch.bind(globalThis);
  const mode = options.persisted ?? "hash-then-text";
  const retry = options.retry ?? defaultRetry;
  let hashesUnsupported = false;

  async function post(payload: Record<string, unknown>, init: RequestOptions): Promise<{ res: Response; body: Body }> {
    for (let attempt = 0; ; attempt++) {
      const token = await options.token();
      const headers: Record<string, string> = {
        "content-type": "application/json",
        "accept": "application/graphql-response+json, application/json",
        "accept-language": options.language?.() ?? "fi",
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...init.headers,
      };
      let res: Response;
      try {
        res = await send(options.url, {
          method: "POST",
          headers,
          body: JSON.stringify(payload),
          ...(init.signal ? { signal: init.signal } : {}),
        });
      } catch (cause) {
        if (init.signal?.aborted) throw cause;
        throw new AnkkuriRequestError("NETWORK_ERROR", "The gateway could not be reached.", 0, [], null, { cause });
      }
      if (res.status === 503 && attempt < retry.attempts) {
        await res.body?.cancel();
        await wait(backoff(attempt, res.headers.get("retry-after"), retry), init.signal);
        continue;
      }
      let body: Body;
      try {
        body = (await res.json()) as Body;
      } catch (cause) {
        throw new AnkkuriRequestError(
          res.status === 503 ? "SERVICE_UNAVAILABLE" : "BAD_RESPONSE",
          `The gateway answered ${String(res.status)} without a GraphQL response.`,
          res.status,
          [],
          res.headers.get("x-request-id"),
          { cause },
        );
      }
      return { res, body };
    }
  }

  return {
    async request<R, V>(document: TypedDocumentNode<R, V>, variables?: V, init: RequestOptions = {}): Promise<R> {
      const name = operationName(document);
      const known: { hash: string; text: string } | undefined =
        (name === undefined ? undefined : persistedOperations[name]) ?? embeddedHash(document);
      const byHash = known !== undefined && mode !== "text" && !hashesUnsupported;
      const text = known?.text ?? print(document);
      const base = { operationName: name, variables: variables ?? {} };
      let { res, body } = await post(
        byHash
          ? { ...base, extensions: { persistedQuery: { version: 1, sha256Hash: known.hash } } }
          : { ...base, query: text },
        init,
      );
      const refusal = byHash && mode === "hash-then-text" ? hashRefusal(body) : null;
      if (refusal !== null) {
        // A gateway with persisted operations off will not take hashes later either: text from now on.
        if (refusal === "unsupported") hashesUnsupported = true;
        ({ res, body } = await post({ ...base, query: text }, init));
      }
      const errors = body.errors ?? [];
      const first = errors[0];
      if (first !== undefined || body.data == null) {
        throw new AnkkuriRequestError(
          first?.extensions?.code ?? (res.status === 503 ? "SERVICE_UNAVAILABLE" : "BAD_RESPONSE"),
          first?.message ?? `The gateway answered ${String(res.status)} without data.`,
          res.status,
          errors,
          res.headers.get("x-request-id"),
        );
      }
      return body.data as R;
    },
  };
}

function operationName(document: DocumentNode): string | undefined {
  for (const definition of document.definitions) {
    if (definition.kind === Kind.OPERATION_DEFINITION) return definition.name?.value;
  }
  return undefined;
}

/** A document of the caller's own with the hash the client preset embeds (`persistedDocuments`). */
function embeddedHash(document: DocumentNode): { hash: string; text: string } | undefined {
  const hash = (document as { __meta__?: { hash?: unknown } }).__meta__?.hash;
  return typeof hash === "string" && /^[0-9a-f]{64}$/.test(hash) ? { hash, text: print(document) } : undefined;
}

/** How the gateway answered a hash it did not run: not registered, or persisted operations off. */
function hashRefusal(body: Body): "not-found" | "unsupported" | null {
  const errors = body.errors ?? [];
  if (errors.some((e) => persistedNotFound.has(String(e.extensions?.code)))) return "not-found";
  if (errors.some((e) => /must provide query string/i.test(e.message))) return "unsupported";
  return null;
}

/** The wait before retry `attempt`: the server's `Retry-After` when it gives one, else full-jitter backoff. */
export function backoff(attempt: number, retryAfter: string | null, retry: ClientOptions["retry"] & object): number {
  const seconds = retryAfter === null ? Number.NaN : Number(retryAfter);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1_000, retry.maxDelayMs);
  const ceiling = Math.min(retry.baseDelayMs * 2 ** attempt, retry.maxDelayMs);
  return ceiling / 2 + Math.random() * (ceiling / 2);
}

function wait(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason as Error);
      return;
    }
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      "abort",
      () => {
        clearTimeout(timer);
        reject(signal.reason as Error);
      },
      { once: true },
    );
  });
}
