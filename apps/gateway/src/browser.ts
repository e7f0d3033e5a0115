import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";

/** Which browser origins may call the API from their pages (`CORS_ORIGINS`). */
export interface CorsPolicy {
  /** Any `http(s)://localhost|127.0.0.1|[::1]` origin, on any port (development). */
  loopback: boolean;
  /** Exact origins (`https://app.example.fi`). */
  origins: readonly string[];
}

const loopbackHosts = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

/** True for 127.0.0.0/8 and ::1, also written as IPv4-mapped IPv6. */
export function isLoopbackAddress(address: string | undefined): boolean {
  if (!address) return false;
  const v4 = address.startsWith("::ffff:") ? address.slice(7) : address;
  if (isIP(v4) === 4) return v4.startsWith("127.");
  return address === "::1";
}

/** True for an origin (or `Host` value) naming this machine by a loopback name or address. */
export function isLoopbackOrigin(origin: string): boolean {
  try {
    const url = new URL(origin.includes("://") ? origin : `http://${origin}`);
    return (url.protocol === "http:" || url.protocol === "https:") && loopbackHosts.has(url.hostname);
  } catch {
    return false;
  }
}

/** Whether a page of `origin` may read the API's answers. */
export function originAllowed(policy: CorsPolicy, origin: string): boolean {
  return policy.origins.includes(origin) || (policy.loopback && isLoopbackOrigin(origin));
}

/**
 * CORS by an allowlist: an allowed origin is answered with itself, anything else with no CORS
 * headers at all (the browser then withholds the answer). Never a reflected arbitrary origin, and
 * no `Access-Control-Allow-Credentials`: the API authenticates with bearer tokens, not cookies.
 */
export function corsFor(policy: CorsPolicy) {
  return (request: Request) => {
    const origin = request.headers.get("origin");
    if (origin === null || !originAllowed(policy, origin)) return false as const;
    return {
      origin: [origin],
      credentials: false,
      methods: ["GET", "POST", "OPTIONS"],
      allowedHeaders: ["authorization", "content-type", "accept", "accept-language", "x-request-id"],
      exposedHeaders: ["x-request-id", "retry-after"],
      maxAge: 600,
    };
  };
}

/**
 * Whether the development GraphiQL page may carry a signed-in token: only when the browser is on
 * this machine (a loopback peer), asked for a loopback host (not a rebound DNS name) and no other
 * site's page made the request (no foreign `Origin`, no cross-site `Sec-Fetch-Site`).
 */
export function mayEmbedToken(request: Request, serverContext: unknown): boolean {
  const req = (serverContext as { req?: IncomingMessage } | undefined)?.req;
  if (!isLoopbackAddress(req?.socket.remoteAddress)) return false;
  const host = request.headers.get("host");
  if (host === null || !isLoopbackOrigin(host)) return false;
  const origin = request.headers.get("origin");
  if (origin !== null && !isLoopbackOrigin(origin)) return false;
  const site = request.headers.get("sec-fetch-site");
  return site === null || site === "same-origin" || site === "none";
}
