import { type GraphQLBody, parseGraphQLBody } from "../graphql.js";
import type { RawResponse } from "../http-client.js";

/**
 * How the gateway answered a hostile request. Acceptable: a 4xx; a GraphQL error with a code and a
 * message; a typed error result in data; or — for hostile text that is valid input — plain success.
 * Never acceptable: a 5xx, a masked INTERNAL_SERVER_ERROR, an error without a code or message, or an
 * answer that is not a GraphQL response at all.
 */
export type Verdict =
  { ok: true; kind: "refused-4xx" | "graphql-error" | "typed-error" | "accepted" } | { ok: false; reason: string };

function judgeBody(body: GraphQLBody): Verdict {
  for (const error of body.errors ?? []) {
    const code = error.extensions?.code;
    if (code === "INTERNAL_SERVER_ERROR") return { ok: false, reason: "masked internal error (a 500 in disguise)" };
    if (typeof code !== "string" || code === "")
      return { ok: false, reason: `error without extensions.code: ${JSON.stringify(error).slice(0, 200)}` };
    if (typeof error.message !== "string" || error.message.trim() === "")
      return { ok: false, reason: `error without a message (code ${code})` };
  }
  if ((body.errors?.length ?? 0) > 0) return { ok: true, kind: "graphql-error" };
  const typed = Object.values(body.data ?? {}).some(
    (v) => typeof v === "object" && v !== null && String((v as { __typename?: unknown }).__typename).endsWith("Error"),
  );
  return { ok: true, kind: typed ? "typed-error" : "accepted" };
}

/** The results carried by a server-sent-events answer (`accept: text/event-stream`). */
function eventStreamResults(text: string): unknown[] {
  return text
    .split("\n")
    .filter((line) => line.startsWith("data:") && line.slice(5).trim() !== "")
    .map((line) => {
      try {
        return JSON.parse(line.slice(5)) as unknown;
      } catch {
        return line;
      }
    });
}

/**
 * Judges the answer to a `method` request for `path`: GraphQL answers by the rules above; /health,
 * /ready and /metrics (their own formats) and bodiless preflight or HEAD answers only by status.
 */
export function judge(
  method: string,
  path: string,
  response: RawResponse,
  request: { headers?: Record<string, string>; mustRefuse?: boolean } = {},
): Verdict {
  if (response.status >= 500) return { ok: false, reason: `HTTP ${String(response.status)}` };
  // The server makes its own request id; the caller's is a correlation id beside it.
  const forged = request.headers?.["x-request-id"];
  if (forged !== undefined && response.headers["x-request-id"] === forged)
    return { ok: false, reason: "the caller's x-request-id was taken as the server's request id" };
  const verdict = judgeAnswer(method, path, response);
  if (request.mustRefuse === true && verdict.ok && (verdict.kind === "accepted" || verdict.kind === "typed-error"))
    return { ok: false, reason: "ran a request that must be refused (over the cost or id limits)" };
  return verdict;
}

function judgeAnswer(method: string, path: string, response: RawResponse): Verdict {
  if (!path.startsWith("/graphql") || ((method === "OPTIONS" || method === "HEAD") && response.text === "")) {
    return response.status >= 400 ? { ok: true, kind: "refused-4xx" } : { ok: true, kind: "accepted" };
  }
  if (response.status >= 500) return { ok: false, reason: `HTTP ${String(response.status)}` };
  if (response.status >= 400) {
    // A 4xx is a clear answer; if it carries GraphQL errors, they must be well-formed too.
    const body = parseGraphQLBody(response.text);
    if (body?.errors) {
      const verdict = judgeBody(body);
      if (!verdict.ok) return verdict;
    }
    return { ok: true, kind: "refused-4xx" };
  }
  if (response.status < 200 || response.status >= 300)
    return { ok: false, reason: `unexpected HTTP ${String(response.status)}` };
  let parsed: unknown;
  if (String(response.headers["content-type"]).startsWith("text/event-stream"))
    parsed = eventStreamResults(response.text);
  else {
    try {
      parsed = JSON.parse(response.text);
    } catch {
      return {
        ok: false,
        reason: `HTTP ${String(response.status)} without a JSON body: ${response.text.slice(0, 120)}`,
      };
    }
  }
  // A batch answers with one result per operation; each must pass on its own.
  const results = Array.isArray(parsed) ? parsed : [parsed];
  const verdicts = results.map((r) => {
    const body = parseGraphQLBody(JSON.stringify(r));
    return body
      ? judgeBody(body)
      : ({ ok: false, reason: `not a GraphQL response: ${JSON.stringify(r).slice(0, 120)}` } as const);
  });
  const bad = verdicts.find((v) => !v.ok);
  if (bad) return bad;
  const first = verdicts[0];
  return first ?? { ok: false, reason: "HTTP 2xx with an empty batch answer (nothing was run, and nothing says why)" };
}
