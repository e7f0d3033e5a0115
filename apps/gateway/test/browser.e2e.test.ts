import { request as httpRequest } from "node:http";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, startHarness } from "./harness.js";

// What a web page in a developer's browser can reach: the development GraphiQL page (and the token
// it is signed in with) and, through CORS, the API's answers.

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request (fetch cannot set `Host`). */
function send(url: string, options: { method?: string; headers?: Record<string, string>; body?: string }) {
  return new Promise<Answer>((resolve, reject) => {
    const req = httpRequest(url, { method: options.method ?? "GET", headers: options.headers ?? {} }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
      });
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

const page = { accept: "text/html" };
const bearerIn = (html: string) => /Bearer (eyJ[A-Za-z0-9._-]+)/.exec(html)?.[1];

describe("the development GraphiQL page", () => {
  let h: Harness;
  beforeAll(async () => {
    // The gateway's own development issuer (no verifier given), which signs GraphiQL's token.
    h = await startHarness("pglite", { env: { GRAPHIQL: "on" }, gateway: { verifier: undefined } });
  });
  afterAll(async () => {
    await h.close();
  });

  it("loads nothing from a CDN: every script and style is in the page", async () => {
    const answer = await send(`${h.url}/graphql`, { headers: page });
    expect(answer.status).toBe(200);
    expect(answer.body).toContain("Ankkuri GraphQL");
    expect(answer.body).not.toMatch(/<(script|link)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(answer.body).not.toMatch(/unpkg\.com|jsdelivr|cdnjs/);
  });

  it("is signed in, for a quarter of an hour, when opened on this machine", async () => {
    const answer = await send(`${h.url}/graphql`, { headers: page });
    const token = bearerIn(answer.body);
    expect(token).toBeDefined();
    const claims = decodeJwt(token ?? "");
    expect((claims.exp ?? 0) - (claims.iat ?? 0)).toBeLessThanOrEqual(900);
    const viewer = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "authorization": `Bearer ${token ?? ""}` },
      body: JSON.stringify({ query: "{ viewer { login } }" }),
    });
    expect(await viewer.json()).toEqual({ data: { viewer: { login: "maria.jarvinen" } } });
  });

  it("carries no token when another site's page asks for it", async () => {
    const foreign = [
      { ...page, origin: "https://evil.example" },
      { ...page, "sec-fetch-site": "cross-site" },
      // DNS rebinding: a foreign name that resolves to this machine.
      { ...page, host: "evil.example:4000" },
    ];
    for (const headers of foreign) {
      const answer = await send(`${h.url}/graphql`, { headers });
      expect(answer.status, JSON.stringify(headers)).toBe(200);
      expect(bearerIn(answer.body), JSON.stringify(headers)).toBeUndefined();
    }
  });
});

describe("CORS", () => {
  let h: Harness;
  let strict: Harness;
  beforeAll(async () => {
    h = await startHarness("pglite");
    strict = await startHarness("pglite", { env: { CORS_ORIGINS: "https://app.example.fi" } });
  });
  afterAll(async () => {
    await h.close();
    await strict.close();
  });

  const preflight = (harness: Harness, origin: string) =>
    send(`${harness.url}/graphql`, {
      method: "OPTIONS",
      headers: {
        "origin": origin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, content-type",
      },
    });
  const post = async (harness: Harness, origin: string) =>
    send(`${harness.url}/graphql`, {
      method: "POST",
      headers: {
        origin,
        "content-type": "application/json",
        "authorization": `Bearer ${await harness.token("maria.jarvinen")}`,
      },
      body: JSON.stringify({ query: "{ viewer { login } }" }),
    });

  it("never reflects an arbitrary origin, with or without credentials", async () => {
    for (const answer of [await preflight(h, "https://evil.example"), await post(h, "https://evil.example")]) {
      expect(answer.headers["access-control-allow-origin"]).toBeUndefined();
      expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
    }
  });

  it("lets a page on this machine call the API in development", async () => {
    const answer = await preflight(h, "http://localhost:5173");
    expect(answer.headers["access-control-allow-origin"]).toBe("http://localhost:5173");
    expect(answer.headers["access-control-allow-headers"]).toMatch(/authorization/);
    expect(answer.headers["access-control-allow-credentials"]).toBeUndefined();
  });

  it("allows exactly the origins of CORS_ORIGINS when it is set", async () => {
    expect((await post(strict, "https://app.example.fi")).headers["access-control-allow-origin"]).toBe(
      "https://app.example.fi",
    );
    expect((await post(strict, "http://localhost:5173")).headers["access-control-allow-origin"]).toBeUndefined();
    expect(
      (await post(strict, "https://app.example.fi.evil.example")).headers["access-control-allow-origin"],
    ).toBeUndefined();
  });
});

describe("introspection", () => {
  let h: Harness;
  let off: Harness;
  beforeAll(async () => {
    h = await startHarness("pglite");
    off = await startHarness("pglite", { env: { INTROSPECTION: "off" } });
  });
  afterAll(async () => {
    await h.close();
    await off.close();
  });
  const schemaQuery = "{ __schema { queryType { name } } }";
  const throughFragment = 'query { ...F } fragment F on Query { __type(name: "Case") { name } }';

  it("shows the schema to a signed-in person only, by default", async () => {
    for (const query of [schemaQuery, throughFragment]) {
      const anonymous = await h.gql(null, query);
      expect(anonymous.status, query).toBe(401);
      expect(anonymous.body.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(JSON.stringify(anonymous.body)).not.toContain('Case"');
    }
    const signedIn = await h.gql("maria.jarvinen", schemaQuery);
    expect(signedIn.body).toEqual({ data: { __schema: { queryType: { name: "Query" } } } });
  });

  it("shows it to nobody with INTROSPECTION=off", async () => {
    const signedIn = await off.gql("maria.jarvinen", schemaQuery);
    expect(signedIn.body.data ?? null).toBeNull();
    expect(signedIn.body.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
