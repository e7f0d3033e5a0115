import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { s256 } from "../src/auth/dev-sign-in.js";
import { type Harness, startHarness } from "./harness.js";
import { clock, login } from "./steps.js";

const redirectUri = "http://127.0.0.1:4000/app/callback";
const clientId = "ankkuri-web";
const verifier = "a-pkce-code-verifier-of-at-least-forty-three-characters.~_0123456789";
const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields).toString(),
  redirect: "manual" as const,
});

function authorizeParams(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    code_challenge: s256(verifier),
    code_challenge_method: "S256",
    state: "state-123",
    ...overrides,
  };
}

/** Picks `who` on the sign-in page; returns the redirect's URL. */
async function pick(h: Harness, who: string, overrides: Record<string, string> = {}): Promise<Response> {
  const page = await (await h.fetch(`/dev-issuer/authorize?${new URLSearchParams(authorizeParams(overrides))}`)).text();
  const value = new RegExp(`value="([^"]+ ${who.replace(".", "\\.")})"`).exec(page)?.[1];
  if (!value) throw new Error(`${who} is not on the page`);
  return h.fetch("/dev-issuer/authorize", form({ ...authorizeParams(overrides), user: value }));
}

async function codeFor(h: Harness, who: string): Promise<string> {
  const response = await pick(h, who);
  expect(response.status).toBe(303);
  const location = new URL(response.headers.get("location") ?? "");
  expect(location.origin + location.pathname).toBe(redirectUri);
  expect(location.searchParams.get("state")).toBe("state-123");
  return location.searchParams.get("code") ?? "";
}

const exchange = (h: Harness, code: string, overrides: Record<string, string> = {}) =>
  h.fetch(
    "/dev-issuer/token",
    form({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri,
      client_id: clientId,
      code_verifier: verifier,
      ...overrides,
    }),
  );

describe("development sign-in (OIDC code flow with PKCE)", () => {
  let h: Harness;
  beforeAll(async () => {
    // No verifier of its own: the gateway builds the development issuer, as `pnpm start` does.
    h = await startHarness("pglite", { gateway: { clock, verifier: undefined } });
  });
  afterAll(async () => {
    await h.close();
  });

  it("publishes a discovery document with PKCE S256 and public clients", async () => {
    const response = await h.fetch("/dev-issuer/.well-known/openid-configuration");
    expect(response.status).toBe(200);
    const doc = (await response.json()) as Record<string, unknown>;
    expect(doc).toMatchObject({
      issuer: "urn:ankkuri:development-issuer",
      authorization_endpoint: `${h.url}/dev-issuer/authorize`,
      token_endpoint: `${h.url}/dev-issuer/token`,
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["none"],
    });
    const jwks = (await (await h.fetch("/dev-issuer/jwks.json")).json()) as { keys: { d?: string }[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]?.d).toBeUndefined();
  });

  it("lists the database's fictional users on an accessible page in the requested language", async () => {
    const response = await h.fetch(
      `/dev-issuer/authorize?${new URLSearchParams(authorizeParams({ ui_locales: "sv" }))}`,
    );
    expect(response.status).toBe(200);
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
    const page = await response.text();
    expect(page).toContain('<html lang="sv">');
    expect(page).toContain("<main>");
    expect(page).toContain("Maria Järvinen");
    expect(page).toMatch(/<label for="user-\d+">/);
  });

  it("writes what the request carries into the page only as escaped text", async () => {
    const state = '"><script>alert(1)</script>';
    const page = await (
      await h.fetch(`/dev-issuer/authorize?${new URLSearchParams(authorizeParams({ state }))}`)
    ).text();
    expect(page).not.toContain("<script>");
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
  });

  it("gives a token for the chosen user in exchange for the code and its verifier", async () => {
    const code = await codeFor(h, login.police);
    const response = await exchange(h, code);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { access_token: string; token_type: string; expires_in: number };
    expect(body.token_type).toBe("Bearer");
    const viewer = await h.fetch("/graphql", {
      method: "POST",
      headers: { "content-type": "application/json", "authorization": `Bearer ${body.access_token}` },
      body: JSON.stringify({ query: "{ viewer { login roles } }" }),
    });
    expect(((await viewer.json()) as { data: { viewer: { login: string } } }).data.viewer.login).toBe(login.police);
  });

  it("refuses a wrong verifier, and the code is spent by the attempt", async () => {
    const code = await codeFor(h, login.socialWorker);
    const wrong = await exchange(h, code, { code_verifier: `${verifier}x` });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ error: "invalid_grant" });
    const right = await exchange(h, code);
    expect(right.status).toBe(400);
    expect(await right.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("refuses a code used twice", async () => {
    const code = await codeFor(h, login.nurse);
    expect((await exchange(h, code)).status).toBe(200);
    const again = await exchange(h, code);
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: "invalid_grant" });
  });

  it("refuses a code exchanged for another redirect URI or client", async () => {
    const code = await codeFor(h, login.police);
    expect((await exchange(h, code, { redirect_uri: "http://127.0.0.1:9999/elsewhere" })).status).toBe(400);
    const other = await codeFor(h, login.police);
    expect((await exchange(h, other, { client_id: "someone-else" })).status).toBe(400);
  });

  it("refuses an invented code, a missing verifier and a plain challenge", async () => {
    expect(await (await exchange(h, "invented")).json()).toMatchObject({ error: "invalid_grant" });
    const code = await codeFor(h, login.police);
    expect(await (await exchange(h, code, { code_verifier: "" })).json()).toMatchObject({ error: "invalid_request" });
    const plain = await h.fetch(
      `/dev-issuer/authorize?${new URLSearchParams(authorizeParams({ code_challenge_method: "plain" }))}`,
    );
    expect(plain.status).toBe(400);
  });

  it("never sends a code off this machine, and signs only users of the database", async () => {
    const offsite = await h.fetch(
      `/dev-issuer/authorize?${new URLSearchParams(authorizeParams({ redirect_uri: "https://attacker.example/cb" }))}`,
      { redirect: "manual" },
    );
    expect(offsite.status).toBe(400);
    expect(offsite.headers.get("location")).toBeNull();
    const posted = await h.fetch(
      "/dev-issuer/authorize",
      form({ ...authorizeParams({ redirect_uri: "https://attacker.example/cb" }), user: "x maria.jarvinen" }),
    );
    expect(posted.status).toBe(400);
    expect(posted.headers.get("location")).toBeNull();
    const invented = await h.fetch("/dev-issuer/authorize", form({ ...authorizeParams(), user: "team nobody.here" }));
    expect(invented.status).toBe(400);
  });
});

describe("development sign-in with a real issuer configured", () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness("pglite", {
      env: { OIDC_ISSUER: "https://login.example.test/", OIDC_JWKS_URL: "https://login.example.test/jwks" },
      gateway: { clock, verifier: undefined },
    });
  });
  afterAll(async () => {
    await h.close();
  });

  it("does not exist at all", async () => {
    expect(h.gateway.devIssuer).toBeNull();
    for (const path of ["/.well-known/openid-configuration", "/jwks.json", "/authorize"]) {
      expect((await h.fetch(`/dev-issuer${path}?${new URLSearchParams(authorizeParams())}`)).status).toBe(404);
    }
    const token = await h.fetch(
      "/dev-issuer/token",
      form({ grant_type: "authorization_code", code: "x", redirect_uri: redirectUri, client_id: clientId }),
    );
    expect(token.status).toBe(404);
    const posted = await h.fetch("/dev-issuer/authorize", form({ ...authorizeParams(), user: "x maria.jarvinen" }));
    expect(posted.status).toBe(404);
  });
});

describe("the built web app", () => {
  let h: Harness;
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), "ankkuri-web-"));
    mkdirSync(join(dir, "assets"));
    writeFileSync(join(dir, "index.html"), "<!doctype html><title>app</title>");
    writeFileSync(join(dir, "assets", "main-abc.js"), "export {};");
    h = await startHarness("pglite", { env: { WEB_APP_DIR: dir }, gateway: { clock } });
  });
  afterAll(async () => {
    await h.close();
  });

  it("serves the page for its routes, its assets, and nothing outside its folder", async () => {
    const page = await h.fetch("/app/cases/123");
    expect(page.status).toBe(200);
    expect(page.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await page.text()).toContain("<title>app</title>");
    const asset = await h.fetch("/app/assets/main-abc.js");
    expect(asset.headers.get("content-type")).toContain("text/javascript");
    expect(asset.headers.get("cache-control")).toContain("immutable");
    expect((await h.fetch("/app/%2e%2e/%2e%2e/etc/passwd")).status).toBe(404);
    expect((await h.fetch("/app/assets/missing.js")).status).toBe(404);
    const root = await h.fetch("/", { redirect: "manual" });
    expect(root.status).toBe(302);
    expect(root.headers.get("location")).toBe("/app/");
  });
});
