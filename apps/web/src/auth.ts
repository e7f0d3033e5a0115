/**
 * Sign-in: the OpenID Connect authorization-code flow with PKCE (S256), as a public client. In
 * development the issuer is the gateway's own development issuer (`/dev-issuer`); in production
 * `VITE_OIDC_ISSUER` names the real one (and `VITE_OIDC_CLIENT_ID`, `VITE_OIDC_AUDIENCE` its client
 * and the gateway's audience). The access token lives in sessionStorage only: it is gone when the
 * tab closes.
 */

const base = import.meta.env.BASE_URL;
const issuer = (import.meta.env.VITE_OIDC_ISSUER as string | undefined) ?? `${location.origin}/dev-issuer`;
const clientId = (import.meta.env.VITE_OIDC_CLIENT_ID as string | undefined) ?? "ankkuri-web";
const audience = import.meta.env.VITE_OIDC_AUDIENCE as string | undefined;
const redirectUri = () => `${location.origin}${base}callback`;

const pendingKey = "ankkuri.signIn";
const tokenKey = "ankkuri.token";

interface Discovery {
  authorization_endpoint: string;
  token_endpoint: string;
}

async function discovery(): Promise<Discovery> {
  const response = await fetch(`${issuer.replace(/\/$/, "")}/.well-known/openid-configuration`);
  if (!response.ok) throw new Error(`discovery: ${String(response.status)}`);
  const doc = (await response.json()) as Partial<Discovery>;
  if (typeof doc.authorization_endpoint !== "string" || typeof doc.token_endpoint !== "string")
    throw new Error("discovery: no endpoints");
  return { authorization_endpoint: doc.authorization_endpoint, token_endpoint: doc.token_endpoint };
}

const base64Url = (bytes: Uint8Array) =>
  btoa(String.fromCharCode(...bytes))
    .replaceAll("+", "-")
    .replaceAll("/", "_")
    .replace(/=+$/, "");

const randomString = (bytes = 32) => base64Url(crypto.getRandomValues(new Uint8Array(bytes)));

async function challengeOf(verifier: string): Promise<string> {
  return base64Url(new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(verifier))));
}

/** Starts signing in: remembers the verifier and state, and goes to the issuer's sign-in page. */
export async function signIn(language: string, returnTo: string): Promise<void> {
  const verifier = randomString(48);
  const state = randomString(16);
  sessionStorage.setItem(pendingKey, JSON.stringify({ verifier, state, returnTo }));
  const { authorization_endpoint } = await discovery();
  const url = new URL(authorization_endpoint);
  url.search = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri(),
    scope: "openid",
    code_challenge: await challengeOf(verifier),
    code_challenge_method: "S256",
    state,
    ui_locales: language,
    ...(audience ? { audience } : {}),
  }).toString();
  location.assign(url.toString());
}

/** Finishes signing in on the callback page: checks the state, exchanges the code; returns where to go. */
export async function completeSignIn(search: string): Promise<string> {
  const params = new URLSearchParams(search);
  const pending = JSON.parse(sessionStorage.getItem(pendingKey) ?? "null") as {
    verifier: string;
    state: string;
    returnTo: string;
  } | null;
  sessionStorage.removeItem(pendingKey);
  const code = params.get("code");
  if (!pending || !code || params.get("state") !== pending.state)
    throw new Error(params.get("error_description") ?? params.get("error") ?? "state mismatch");
  const { token_endpoint } = await discovery();
  const response = await fetch(token_endpoint, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({
      grant_type: "authorization_code",
      code,
      redirect_uri: redirectUri(),
      client_id: clientId,
      code_verifier: pending.verifier,
    }).toString(),
  });
  const body = (await response.json()) as { access_token?: string; expires_in?: number; error_description?: string };
  if (!response.ok || !body.access_token)
    throw new Error(body.error_description ?? `token: ${String(response.status)}`);
  sessionStorage.setItem(
    tokenKey,
    JSON.stringify({ token: body.access_token, expires: Date.now() + (body.expires_in ?? 3600) * 1000 }),
  );
  return pending.returnTo;
}

/** The access token, or null when signed out or expired. */
export function currentToken(): string | null {
  const stored = JSON.parse(sessionStorage.getItem(tokenKey) ?? "null") as { token: string; expires: number } | null;
  if (!stored || stored.expires <= Date.now()) return null;
  return stored.token;
}

export function signOut(): void {
  sessionStorage.removeItem(tokenKey);
}
