// Stand-in for `@ankkuri/client` until that package lands, with the same surface: createClient,
// AnkkuriRequestError and the union helpers. Delete with client-stand-in-operations.ts.
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print } from "graphql";

export type Language = "fi" | "sv" | "en";

export interface ClientOptions {
  url: string;
  token: () => string | Promise<string>;
  language: () => Language;
}

/** A request the gateway refused as a whole (no data): its stable code and HTTP status. */
export class AnkkuriRequestError extends Error {
  override readonly name = "AnkkuriRequestError";
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export interface AnkkuriClient {
  request<R, V>(document: TypedDocumentNode<R, V>, variables?: V): Promise<R>;
}

export function createClient(options: ClientOptions): AnkkuriClient {
  return {
    async request(document, variables) {
      const response = await fetch(options.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "accept": "application/graphql-response+json, application/json",
          "authorization": `Bearer ${await options.token()}`,
          "accept-language": options.language(),
        },
        body: JSON.stringify({ query: print(document), variables: variables ?? {} }),
      });
      let body: { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] };
      try {
        body = (await response.json()) as typeof body;
      } catch {
        throw new AnkkuriRequestError("NETWORK_ERROR", response.status, response.statusText);
      }
      const first = body.errors?.[0];
      if (first || body.data == null) {
        throw new AnkkuriRequestError(
          first?.extensions?.code ?? "INTERNAL_SERVER_ERROR",
          response.status,
          first?.message ?? "No data",
        );
      }
      return body.data as never;
    },
  };
}

type Member = { __typename: string };
type RuleViolation = Member & { __typename: "RuleViolationError"; violations: unknown[] };

/** True when a mutation's payload is the RuleViolationError member of its union. */
export function isRuleViolation<T extends Member>(
  payload: T,
): payload is Extract<T, { __typename: "RuleViolationError" }> {
  return payload.__typename === "RuleViolationError";
}

/** The rule violations of a payload (none unless it is a RuleViolationError). */
export function violationsOf<T extends Member>(
  payload: T,
): Extract<T, RuleViolation> extends { violations: infer V } ? V : never[] {
  return (isRuleViolation(payload) ? (payload as unknown as RuleViolation).violations : []) as never;
}

/** The error member of a payload (any `…Error` typename), or null for success. */
export function errorOf<T extends Member>(payload: T): Extract<T, { code: string; message: string }> | null {
  return payload.__typename.endsWith("Error") ? (payload as Extract<T, { code: string; message: string }>) : null;
}
