import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, jwtVerify } from "jose";
import { identityFromClaims, type TokenIdentity } from "./claims.js";

/** Why a token proves nobody; each maps to a stable error code. */
export type TokenFailure = "TOKEN_MISSING" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "CLAIMS_INVALID";

export type Authentication = { ok: true; identity: TokenIdentity } | { ok: false; reason: TokenFailure };

/**
 * Verifies bearer tokens: signature against the issuer's keys, issuer, audience, expiry, then the
 * claims. It proves who the person is; what they may do is the database's to say (`resolveActor`).
 */
export interface TokenVerifier {
  verify(authorization: string | null): Promise<Authentication>;
}

type KeySource = ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>;

/** How far the issuer's clock and ours may disagree (seconds), for `exp`, `iat` and `nbf`. */
export const clockToleranceSeconds = 30;

/** The longest lifetime (`exp` − `iat`) a token may have unless `OIDC_MAX_TOKEN_AGE` says otherwise. */
export const defaultMaxTokenAgeSeconds = 3600;

/** What every verifier checks besides the signature. */
export interface TokenRules {
  issuer: string;
  audience: string;
  /** Longest lifetime (`exp` − `iat`) accepted, in seconds; a token issued for longer is refused. */
  maxTokenAgeSeconds?: number | undefined;
}

/** How a verified token may be reused, and by whom the clock is read (tests). */
export interface VerifiedTokenCacheOptions {
  /** Milliseconds a verification is reused; 0 verifies every request. */
  ttlMs: number;
  /** Tokens remembered at most (least recently used out). */
  maxEntries: number;
  now?: () => number;
}

/**
 * A token whose signature and claims were verified is reused for `ttlMs` instead of verified
 * again: checking an ES256 signature through WebCrypto was about a fifth of an authenticated
 * request's CPU time. Expiry is checked on every use. Reuse is shorter than the issuer's key set is
 * cached (`oidcVerifier`: ten minutes), so a key the issuer withdraws stops being honoured no later
 * than it would without the reuse. Refused tokens are not remembered.
 */
export const defaultTokenCache: VerifiedTokenCacheOptions = { ttlMs: 60_000, maxEntries: 10_000 };

function verifierWith(keys: KeySource, rules: TokenRules, cache: VerifiedTokenCacheOptions): TokenVerifier {
  const { issuer, audience } = rules;
  const maxAge = rules.maxTokenAgeSeconds ?? defaultMaxTokenAgeSeconds;
  const now = cache.now ?? Date.now;
  const verified = new Map<string, { identity: TokenIdentity; until: number }>();
  return {
    async verify(authorization) {
      const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/.exec(authorization?.trim() ?? "");
      if (!match?.[1]) return { ok: false, reason: "TOKEN_MISSING" };
      const token = match[1];
      const hit = verified.get(token);
      if (hit) {
        verified.delete(token);
        if (now() < hit.until) {
          verified.set(token, hit);
          return { ok: true, identity: hit.identity };
        }
      }
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer,
          audience,
          algorithms: ["ES256", "RS256", "PS256", "EdDSA"],
          clockTolerance: clockToleranceSeconds,
          currentDate: new Date(now()),
          // Without `exp` a token never ends; without `iat` its lifetime cannot be told. With
          // `maxTokenAge` jose also refuses an `iat` in the future (beyond the tolerance).
          requiredClaims: ["exp", "iat"],
          maxTokenAge: maxAge + clockToleranceSeconds,
        });
        // A token issued for longer than the maximum is refused even while young: a stolen one
        // would otherwise be good for as long as the issuer (or a forger with its key) chose.
        if (payload.exp === undefined || payload.iat === undefined || payload.exp - payload.iat > maxAge)
          return { ok: false, reason: "TOKEN_INVALID" };
        const identity = identityFromClaims(payload);
        if (!identity) return { ok: false, reason: "CLAIMS_INVALID" };
        if (cache.ttlMs > 0) {
          // Never beyond the moment jwtVerify itself would start refusing it as expired.
          const expires = (payload.exp + clockToleranceSeconds) * 1000;
          verified.set(token, { identity: deepFreeze(identity), until: Math.min(now() + cache.ttlMs, expires) });
          if (verified.size > cache.maxEntries) verified.delete(verified.keys().next().value as string);
        }
        return { ok: true, identity };
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        return { ok: false, reason: code === "ERR_JWT_EXPIRED" ? "TOKEN_EXPIRED" : "TOKEN_INVALID" };
      }
    },
  };
}

/** The identity is shared by every request that reuses its token: nothing may change it. */
function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** Tokens of an OIDC issuer, with keys fetched (and cached, rotated) from its JWKS URL. */
export function oidcVerifier(
  options: TokenRules & { jwksUrl: string },
  cache: VerifiedTokenCacheOptions = defaultTokenCache,
): TokenVerifier {
  return verifierWith(
    createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }),
    options,
    cache,
  );
}

/** Tokens of a local key set (the development issuer, tests). */
export function localVerifier(
  options: TokenRules & { jwks: JSONWebKeySet },
  cache: VerifiedTokenCacheOptions = defaultTokenCache,
): TokenVerifier {
  return verifierWith(createLocalJWKSet(options.jwks), options, cache);
}
