import { parse } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { describe, expect, it } from "vitest";
import { backoff, createClient } from "./client.js";
import { persistedOperations, ViewerDocument } from "./operations.js";
import { AnkkuriRequestError } from "./request-error.js";

interface Sent {
  headers: Record<string, string>;
  body: Record<string, unknown>;
}

/** A fetch that records what was sent and answers from `answers` in turn. */
function fakeFetch(answers: (() => Response)[]) {
  const sent: Sent[] = [];
  const fetch = ((_url: string, init: RequestInit) => {
    sent.push({
      headers: init.headers as Record<string, string>,
      body: JSON.parse(init.body as string) as Sent["body"],
    });
    const next = answers.shift();
    return next ? Promise.resolve(next()) : Promise.reject(new Error("no more answers"));
  }) as typeof globalThis.fetch;
  return { fetch, sent };
}

const json =
  (status: number, body: unknown, headers: Record<string, string> = {}) =>
  () =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
const viewer = { viewer: { login: "maria.jarvinen", name: "Maria", roles: [], organisation: {}, team: {} } };
const noRetryWait = { attempts: 2, baseDelayMs: 1, maxDelayMs: 1 };

describe("createClient", () => {
  it("sends the bearer token, the language and a documented operation by its persisted hash", async () => {
    const { fetch, sent } = fakeFetch([json(200, { data: viewer })]);
    const client = createClient({ url: "http://gw/graphql", token: () => "tok", language: () => "sv", fetch });
    const data = await client.request(ViewerDocument);
    expect(data.viewer.login).toBe("maria.jarvinen");
    expect(sent[0]?.headers.authorization).toBe("Bearer tok");
    expect(sent[0]?.headers["accept-language"]).toBe("sv");
    expect(sent[0]?.body).toMatchObject({
      operationName: "Viewer",
      extensions: { persistedQuery: { version: 1, sha256Hash: persistedOperations.Viewer?.hash } },
    });
    expect(sent[0]?.body.query).toBeUndefined();
  });

  it("sends no authorization header without a token", async () => {
    const { fetch, sent } = fakeFetch([json(200, { data: viewer })]);
    await createClient({ url: "u", token: () => null, fetch, persisted: "text" }).request(ViewerDocument);
    expect(sent[0]?.headers.authorization).toBeUndefined();
    expect(sent[0]?.body.query).toBe(persistedOperations.Viewer?.text);
  });

  it("falls back to the text once when the gateway does not hold the hash", async () => {
    const { fetch, sent } = fakeFetch([
      json(200, { errors: [{ message: "unknown", extensions: { code: "PERSISTED_OPERATION_NOT_FOUND" } }] }),
      json(200, { data: viewer }),
    ]);
    await createClient({ url: "u", token: () => "t", fetch }).request(ViewerDocument);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.body.query).toBe(persistedOperations.Viewer?.text);
    expect(sent[1]?.body.extensions).toBeUndefined();
  });

  it("sends text only, once a gateway with persisted operations off asked for it", async () => {
    const { fetch, sent } = fakeFetch([
      json(400, { errors: [{ message: "Must provide query string.", extensions: { code: "BAD_REQUEST" } }] }),
      json(200, { data: viewer }),
      json(200, { data: viewer }),
    ]);
    const client = createClient({ url: "u", token: () => "t", fetch });
    await client.request(ViewerDocument);
    await client.request(ViewerDocument);
    expect(sent.map((s) => (s.body.query === undefined ? "hash" : "text"))).toEqual(["hash", "text", "text"]);
  });

  it("does not fall back in hash mode: the refusal reaches the caller with its code", async () => {
    const { fetch, sent } = fakeFetch([
      json(200, { errors: [{ message: "unknown", extensions: { code: "PERSISTED_OPERATION_NOT_FOUND" } }] }),
    ]);
    const request = createClient({ url: "u", token: () => "t", fetch, persisted: "hash" }).request(ViewerDocument);
    await expect(request).rejects.toMatchObject({ code: "PERSISTED_OPERATION_NOT_FOUND", status: 200 });
    expect(sent).toHaveLength(1);
  });

  it("sends a document of the caller's own as text", async () => {
    const own = parse("query Mine { viewer { login } }") as TypedDocumentNode<{ viewer: { login: string } }>;
    const { fetch, sent } = fakeFetch([json(200, { data: { viewer: { login: "x" } } })]);
    await createClient({ url: "u", token: () => "t", fetch }).request(own);
    expect(sent[0]?.body.query).toContain("query Mine");
    expect(sent[0]?.body.extensions).toBeUndefined();
  });

  it("sends a document of the caller's own by the hash the client preset embedded", async () => {
    const own = { ...parse("query Mine { viewer { login } }"), __meta__: { hash: "a".repeat(64) } };
    const { fetch, sent } = fakeFetch([json(200, { data: { viewer: { login: "x" } } })]);
    await createClient({ url: "u", token: () => "t", fetch }).request(own);
    expect(sent[0]?.body.extensions).toEqual({ persistedQuery: { version: 1, sha256Hash: "a".repeat(64) } });
  });

  it("retries a 503 with backoff, then answers", async () => {
    const { fetch, sent } = fakeFetch([json(503, { errors: [] }, { "retry-after": "0" }), json(200, { data: viewer })]);
    const data = await createClient({ url: "u", token: () => "t", fetch, retry: noRetryWait }).request(ViewerDocument);
    expect(data.viewer.login).toBe("maria.jarvinen");
    expect(sent).toHaveLength(2);
  });

  it("gives up after the retries with the gateway's code and request id", async () => {
    const unavailable = json(
      503,
      { errors: [{ message: "Palvelu ei ole käytettävissä", extensions: { code: "SERVICE_UNAVAILABLE" } }] },
      { "x-request-id": "req-1" },
    );
    const { fetch, sent } = fakeFetch([unavailable, unavailable, unavailable]);
    const error = await createClient({ url: "u", token: () => "t", fetch, retry: noRetryWait })
      .request(ViewerDocument)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AnkkuriRequestError);
    expect(error).toMatchObject({ code: "SERVICE_UNAVAILABLE", status: 503, requestId: "req-1" });
    expect(sent).toHaveLength(3);
  });

  it("does not retry a refusal", async () => {
    const { fetch, sent } = fakeFetch([
      json(401, { errors: [{ message: "Kirjaudu sisään", extensions: { code: "UNAUTHENTICATED" } }] }),
    ]);
    await expect(createClient({ url: "u", token: () => "t", fetch }).request(ViewerDocument)).rejects.toMatchObject({
      code: "UNAUTHENTICATED",
      message: "Kirjaudu sisään",
      status: 401,
    });
    expect(sent).toHaveLength(1);
  });

  it("names a network failure and an answer that is not GraphQL", async () => {
    const down = (() => Promise.reject(new TypeError("fetch failed"))) as typeof globalThis.fetch;
    await expect(
      createClient({ url: "u", token: () => "t", fetch: down }).request(ViewerDocument),
    ).rejects.toMatchObject({
      code: "NETWORK_ERROR",
      status: 0,
    });
    const { fetch } = fakeFetch([() => new Response("<html>proxy error</html>", { status: 502 })]);
    await expect(createClient({ url: "u", token: () => "t", fetch }).request(ViewerDocument)).rejects.toMatchObject({
      code: "BAD_RESPONSE",
      status: 502,
    });
  });

  it("stops waiting for a retry when the caller aborts", async () => {
    const { fetch } = fakeFetch([json(503, {}, { "retry-after": "60" })]);
    const abort = new AbortController();
    const request = createClient({
      url: "u",
      token: () => "t",
      fetch,
      retry: { ...noRetryWait, maxDelayMs: 60_000 },
    }).request(ViewerDocument, {}, { signal: abort.signal });
    abort.abort(new Error("left the screen"));
    await expect(request).rejects.toThrow("left the screen");
  });
});

describe("backoff", () => {
  const retry = { attempts: 5, baseDelayMs: 100, maxDelayMs: 1_000 };
  it("follows Retry-After within the ceiling", () => {
    expect(backoff(0, "2", retry)).toBe(1_000);
    expect(backoff(0, "0.5", retry)).toBe(500);
  });
  it("doubles with jitter up to the ceiling", () => {
    for (let attempt = 0; attempt < 6; attempt++) {
      const ceiling = Math.min(100 * 2 ** attempt, 1_000);
      const wait = backoff(attempt, null, retry);
      expect(wait).toBeGreaterThanOrEqual(ceiling / 2);
      expect(wait).toBeLessThanOrEqual(ceiling);
    }
  });
});
