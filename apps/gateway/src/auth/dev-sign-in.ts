import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import type { Plugin } from "graphql-yoga";
import { z } from "zod";
import type { DevelopmentIssuer } from "./dev-issuer.js";
import type { DevelopmentUser } from "./dev-users.js";

/** Where the development issuer's OIDC endpoints live on the gateway. */
export const devIssuerPath = "/dev-issuer";

/** How long an authorization code may wait for its exchange. */
const codeLifetimeMs = 60_000;
/** Lifetime of the access tokens the token endpoint gives (eight hours, a working day). */

/** What the sign-in needs from the gateway: the issuer that signs, and who may sign in today. */
export interface DevelopmentSignInOptions {
  issuer: DevelopmentIssuer;
  users: () => Promise<DevelopmentUser[]>;
  /** The tokens' lifetime: the longest the gateway accepts (`OIDC_MAX_TOKEN_AGE`). */
  tokenLifetimeSeconds: number;
  now?: () => number;
}

interface PendingCode {
  login: string;
  name: string;
  teamId: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  expires: number;
}

const loopbackHosts = new Set(["127.0.0.1", "localhost", "[::1]"]);

/**
 * A redirect URI the development issuer sends codes to: http(s) on this machine only, so a code can
 * never leave it, whatever a link says.
 */
export function isLoopbackRedirect(uri: string): boolean {
  if (!URL.canParse(uri)) return false;
  const url = new URL(uri);
  return (url.protocol === "http:" || url.protocol === "https:") && loopbackHosts.has(url.hostname) && !url.hash;
}

const base64Url = (bytes: Buffer) => bytes.toString("base64url");
/** The S256 code challenge of a PKCE verifier (RFC 7636 §4.2). */
export const s256 = (verifier: string) => base64Url(createHash("sha256").update(verifier, "ascii").digest());

const pkceValue = z.string().regex(/^[A-Za-z0-9\-._~]{43,128}$/);

const authorizeParams = z.object({
  response_type: z.literal("code"),
  client_id: z.string().min(1).max(100),
  redirect_uri: z.string().max(2000).refine(isLoopbackRedirect, "redirect_uri must be a loopback http(s) address"),
  code_challenge: z.string().regex(/^[A-Za-z0-9\-_]{43}$/),
  code_challenge_method: z.literal("S256"),
  state: z.string().max(500).optional(),
  scope: z.string().max(500).optional(),
  ui_locales: z.string().max(50).optional(),
});
type AuthorizeParams = z.output<typeof authorizeParams>;

const tokenParams = z.object({
  grant_type: z.literal("authorization_code"),
  code: z.string().min(1).max(200),
  redirect_uri: z.string().max(2000),
  client_id: z.string().min(1).max(100),
  code_verifier: pkceValue,
});

type Language = "fi" | "sv" | "en";
const texts: Record<
  Language,
  { title: string; intro: string; legend: string; submit: string; refused: string; none: string; team: string }
> = {
  fi: {
    title: "Kirjaudu kehitysympäristöön",
    intro:
      "Kehityskäytön tunnistuspalvelu: valitse kuvitteellinen käyttäjä tietokannasta. Oikeudet tulevat tietokannasta, eivät tästä valinnasta.",
    legend: "Käyttäjä",
    submit: "Kirjaudu",
    refused: "ei rooleja tänään",
    none: "Tietokannassa ei ole käyttäjiä.",
    team: "Tiimi",
  },
  sv: {
    title: "Logga in i utvecklingsmiljön",
    intro:
      "Utvecklingsmiljöns identifieringstjänst: välj en fiktiv användare i databasen. Behörigheterna kommer från databasen, inte från detta val.",
    legend: "Användare",
    submit: "Logga in",
    refused: "inga roller i dag",
    none: "Databasen har inga användare.",
    team: "Team",
  },
  en: {
    title: "Sign in to the development environment",
    intro:
      "The development issuer: pick a fictional user of the database. What they may do comes from the database, not from this choice.",
    legend: "User",
    submit: "Sign in",
    refused: "no roles today",
    none: "The database has no users.",
    team: "Team",
  },
};

function languageOf(uiLocales: string | undefined): Language {
  for (const tag of (uiLocales ?? "").split(/\s+/)) {
    const lang = tag.split("-")[0]?.toLowerCase();
    if (lang === "fi" || lang === "sv" || lang === "en") return lang;
  }
  return "fi";
}

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);

const pageHeaders = {
  "content-type": "text/html; charset=utf-8",
  "cache-control": "no-store",
  "content-security-policy":
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "no-referrer",
};

/** The page where a developer picks a fictional user: a form that posts back with the request's parameters. */
function authorizePage(params: AuthorizeParams, users: DevelopmentUser[]): string {
  const lang = languageOf(params.ui_locales);
  const t = texts[lang];
  const hidden = Object.entries(params)
    .filter((e): e is [string, string] => typeof e[1] === "string")
    .map(([k, v]) => `<input type="hidden" name="${escapeHtml(k)}" value="${escapeHtml(v)}">`)
    .join("\n      ");
  const teams = [...new Set(users.map((u) => u.teamCode))];
  const options = users
    .map((u, i) => {
      const id = `user-${String(i)}`;
      const roles = u.roles.length > 0 ? u.roles.join(", ") : t.refused;
      return `<div class="user"><input type="radio" name="user" id="${id}" value="${escapeHtml(`${u.teamId} ${u.login}`)}" required>
        <label for="${id}"><span class="name">${escapeHtml(u.name)}</span> <span class="login">${escapeHtml(u.login)}</span>${teams.length > 1 ? ` <span class="team">${t.team} ${escapeHtml(u.teamCode)}</span>` : ""} <span class="roles">${escapeHtml(roles)}</span></label></div>`;
    })
    .join("\n        ");
  return `<!doctype html>
<html lang="${lang}">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${t.title} – Ankkuri</title>
  <style>
    body { font-family: system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #fff; line-height: 1.5; }
    main { max-width: 44rem; margin: 2rem auto; padding: 0 1rem; }
    fieldset { border: 1px solid #595959; padding: 1rem; }
    legend { font-weight: 600; padding: 0 .25rem; }
    .user { display: flex; gap: .5rem; align-items: baseline; padding: .25rem 0; }
    .login, .roles, .team { color: #4a4a4a; font-size: .9rem; }
    input[type=radio] { width: 1.1rem; height: 1.1rem; }
    input:focus-visible, button:focus-visible { outline: 3px solid #0b5394; outline-offset: 2px; }
    button { margin-top: 1rem; font: inherit; padding: .5rem 1.25rem; background: #0b5394; color: #fff; border: 0; border-radius: 4px; cursor: pointer; }
  </style>
</head>
<body>
  <main>
    <h1>${t.title}</h1>
    <p>${t.intro}</p>
    ${
      users.length === 0
        ? `<p>${t.none}</p>`
        : `<form method="post" action="${devIssuerPath}/authorize">
      ${hidden}
      <fieldset>
        <legend>${t.legend}</legend>
        ${options}
      </fieldset>
      <button type="submit">${t.submit}</button>
    </form>`
    }
  </main>
</body>
</html>
`;
}

const json = (Response: typeof globalThis.Response, body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", "pragma": "no-cache" },
  });

/** An OAuth error answer (RFC 6749 §5.2). */
const oauthError = (Response: typeof globalThis.Response, error: string, description: string, status = 400) =>
  json(Response, { error, error_description: description }, status);

function sameChallenge(verifier: string, challenge: string): boolean {
  const a = Buffer.from(s256(verifier));
  const b = Buffer.from(challenge);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Development sign-in: an OpenID Connect authorization-code flow with PKCE (S256) against the
 * development issuer, so a frontend signs in the way it will against the real issuer. The gateway
 * installs it only in development authentication mode; with `OIDC_ISSUER` set none of these paths
 * exist. Codes are single-use, live a minute and go only to loopback redirect URIs; a code presented
 * with a wrong verifier is spent all the same.
 *
 * - `GET  /dev-issuer/.well-known/openid-configuration` — the discovery document
 * - `GET  /dev-issuer/jwks.json` — the public key
 * - `GET  /dev-issuer/authorize` — the page where the developer picks a fictional user
 * - `POST /dev-issuer/authorize` — the choice; redirects to `redirect_uri` with `code` and `state`
 * - `POST /dev-issuer/token` — code + `code_verifier` for an access token
 */
export function useDevelopmentSignIn(options: DevelopmentSignInOptions): Plugin {
  const now = options.now ?? Date.now;
  const codes = new Map<string, PendingCode>();
  const sweep = () => {
    const t = now();
    for (const [code, pending] of codes) if (pending.expires <= t) codes.delete(code);
  };
  return {
    async onRequest(payload) {
      const { url, request, fetchAPI } = payload;
      if (!url.pathname.startsWith(`${devIssuerPath}/`)) return;
      const { Response } = fetchAPI;
      const route = url.pathname.slice(devIssuerPath.length);
      const origin = `${url.protocol}//${url.host}`;
      const end = (response: Response) => {
        payload.endResponse(response);
      };
      if (route === "/.well-known/openid-configuration" && request.method === "GET") {
        end(
          json(Response, {
            issuer: options.issuer.issuer,
            authorization_endpoint: `${origin}${devIssuerPath}/authorize`,
            token_endpoint: `${origin}${devIssuerPath}/token`,
            jwks_uri: `${origin}${devIssuerPath}/jwks.json`,
            response_types_supported: ["code"],
            grant_types_supported: ["authorization_code"],
            code_challenge_methods_supported: ["S256"],
            token_endpoint_auth_methods_supported: ["none"],
            subject_types_supported: ["public"],
            id_token_signing_alg_values_supported: ["ES256"],
            ui_locales_supported: ["fi", "sv", "en"],
          }),
        );
        return;
      }
      if (route === "/jwks.json" && request.method === "GET") {
        end(json(Response, options.issuer.jwks));
        return;
      }
      if (route === "/authorize" && (request.method === "GET" || request.method === "POST")) {
        const raw =
          request.method === "GET"
            ? Object.fromEntries(url.searchParams)
            : Object.fromEntries(new URLSearchParams(await request.text()));
        const params = authorizeParams.safeParse(raw);
        // Never redirect on a bad request: the redirect URI itself may be what is wrong.
        if (!params.success) {
          end(
            new Response(
              `Invalid authorization request: ${params.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
              { status: 400, headers: { "content-type": "text/plain; charset=utf-8" } },
            ),
          );
          return;
        }
        const users = await options.users();
        if (request.method === "GET") {
          end(new Response(authorizePage(params.data, users), { status: 200, headers: { ...pageHeaders } }));
          return;
        }
        const [teamId, login] = (raw.user ?? "").split(" ");
        const user = users.find((u) => u.teamId === teamId && u.login === login);
        if (!user) {
          end(new Response("No such user in the database", { status: 400, headers: { "content-type": "text/plain" } }));
          return;
        }
        sweep();
        const code = base64Url(randomBytes(32));
        codes.set(code, {
          login: user.login,
          name: user.name,
          teamId: user.teamId,
          clientId: params.data.client_id,
          redirectUri: params.data.redirect_uri,
          challenge: params.data.code_challenge,
          expires: now() + codeLifetimeMs,
        });
        const target = new URL(params.data.redirect_uri);
        target.searchParams.set("code", code);
        if (params.data.state !== undefined) target.searchParams.set("state", params.data.state);
        end(
          new Response(null, { status: 303, headers: { "location": target.toString(), "cache-control": "no-store" } }),
        );
        return;
      }
      if (route === "/token" && request.method === "POST") {
        const parsed = tokenParams.safeParse(Object.fromEntries(new URLSearchParams(await request.text())));
        if (!parsed.success) {
          end(oauthError(Response, "invalid_request", "grant_type, code, redirect_uri, client_id and code_verifier"));
          return;
        }
        const { code, code_verifier, redirect_uri, client_id } = parsed.data;
        const pending = codes.get(code);
        // Single use: whatever happens next, this code is spent.
        codes.delete(code);
        if (!pending || pending.expires <= now()) {
          end(oauthError(Response, "invalid_grant", "unknown, used or expired code"));
          return;
        }
        if (pending.redirectUri !== redirect_uri || pending.clientId !== client_id) {
          end(
            oauthError(Response, "invalid_grant", "redirect_uri or client_id differs from the authorization request"),
          );
          return;
        }
        if (!sameChallenge(code_verifier, pending.challenge)) {
          end(oauthError(Response, "invalid_grant", "code_verifier does not match the code challenge"));
          return;
        }
        const accessToken = await options.issuer.sign(
          { login: pending.login, name: pending.name, teamId: pending.teamId },
          options.tokenLifetimeSeconds,
        );
        end(
          json(Response, { access_token: accessToken, token_type: "Bearer", expires_in: options.tokenLifetimeSeconds }),
        );
        return;
      }
      end(new Response("Not found", { status: 404, headers: { "content-type": "text/plain" } }));
    },
  };
}
