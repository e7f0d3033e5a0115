import type { Actor } from "@ankkuri/domain";
import { createLocalJWKSet, createRemoteJWKSet, type JSONWebKeySet, jwtVerify } from "jose";
import { actorFromClaims } from "./claims.js";

/** Why a request is not authenticated; each maps to a stable error code. */
export type AuthFailure = "TOKEN_MISSING" | "TOKEN_INVALID" | "TOKEN_EXPIRED" | "CLAIMS_INVALID";

export type Authentication = { ok: true; actor: Actor } | { ok: false; reason: AuthFailure };

/** Verifies bearer tokens: signature against the issuer's keys, issuer, audience, expiry, then the claims. */
export interface TokenVerifier {
  verify(authorization: string | null): Promise<Authentication>;
}

type KeySource = ReturnType<typeof createRemoteJWKSet> | ReturnType<typeof createLocalJWKSet>;

function verifierWith(keys: KeySource, issuer: string, audience: string): TokenVerifier {
  return {
    async verify(authorization) {
      const match = /^Bearer\s+([A-Za-z0-9._~+/-]+=*)$/.exec(authorization?.trim() ?? "");
      if (!match?.[1]) return { ok: false, reason: "TOKEN_MISSING" };
      try {
        const { payload } = await jwtVerify(match[1], keys, { issuer, audience, algorithms: ["ES256", "RS256", "PS256", "EdDSA"], clockTolerance: 30 });
        const actor = actorFromClaims(payload);
        return actor ? { ok: true, actor } : { ok: false, reason: "CLAIMS_INVALID" };
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        return { ok: false, reason: code === "ERR_JWT_EXPIRED" ? "TOKEN_EXPIRED" : "TOKEN_INVALID" };
      }
    },
  };
}

/** Tokens of an OIDC issuer, with keys fetched (and cached, rotated) from its JWKS URL. */
export function oidcVerifier(options: { issuer: string; audience: string; jwksUrl: string }): TokenVerifier {
  return verifierWith(createRemoteJWKSet(new URL(options.jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 }), options.issuer, options.audience);
}

/** Tokens of a local key set (the development issuer, tests). */
export function localVerifier(options: { issuer: string; audience: string; jwks: JSONWebKeySet }): TokenVerifier {
  return verifierWith(createLocalJWKSet(options.jwks), options.issuer, options.audience);
}
