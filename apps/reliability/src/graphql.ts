import type { HttpClient } from "./http-client.js";

/** One error of a GraphQL response, as the gateway promises it: a message and a stable code. */
export interface GraphQLErrorBody {
  message?: unknown;
  path?: unknown;
  extensions?: { code?: unknown; [key: string]: unknown };
}

export interface GraphQLBody {
  data?: Record<string, unknown> | null;
  errors?: GraphQLErrorBody[];
}

export interface GraphQLResult {
  status: number;
  /** The parsed body when it was JSON shaped like a GraphQL response, otherwise undefined. */
  body: GraphQLBody | undefined;
  text: string;
}

/** Parses a response text as a GraphQL response body; undefined when it is not one. */
export function parseGraphQLBody(text: string): GraphQLBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) return undefined;
  const body = parsed as Record<string, unknown>;
  if (!("data" in body) && !("errors" in body)) return undefined;
  if ("errors" in body && !Array.isArray(body.errors)) return undefined;
  return body;
}

/** The codes of a response's errors (undefined entries for errors without one). */
export function errorCodes(body: GraphQLBody | undefined): unknown[] {
  return (body?.errors ?? []).map((e) => e.extensions?.code);
}

/** POSTs one operation to /graphql as a browser client would. */
export async function postGraphQL(
  client: HttpClient,
  operation: {
    query: string;
    variables?: Record<string, unknown>;
    token?: string | null;
    headers?: Record<string, string>;
  },
): Promise<GraphQLResult> {
  const response = await client.send({
    method: "POST",
    path: "/graphql",
    headers: {
      "content-type": "application/json",
      "accept": "application/graphql-response+json, application/json",
      ...(operation.token ? { authorization: `Bearer ${operation.token}` } : {}),
      ...operation.headers,
    },
    body: JSON.stringify({
      query: operation.query,
      ...(operation.variables ? { variables: operation.variables } : {}),
    }),
  });
  return { status: response.status, body: parseGraphQLBody(response.text), text: response.text };
}
