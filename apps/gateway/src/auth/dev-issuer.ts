import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Actor } from "@ankkuri/domain";
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, SignJWT } from "jose";
import { claimsFor } from "./claims.js";

/** Issuer name of development tokens; never accepted when a real issuer is configured. */
export const developmentIssuer = "urn:ankkuri:development-issuer";

/** A local signing key for fictional development users, kept in the data folder. */
export interface DevelopmentIssuer {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet;
  sign(actor: Actor, lifetimeSeconds?: number): Promise<string>;
}

async function loadOrCreateKey(dataDir: string): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const file = join(dataDir, "dev-issuer-key.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as { privateJwk: JWK; publicJwk: JWK };
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const keys = {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "ES256" },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" },
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  chmodSync(file, 0o600);
  return keys;
}

/** The development issuer of a data folder: the gateway trusts it and `pnpm dev-token` signs with it. */
export async function developmentIssuerFor(dataDir: string, audience: string): Promise<DevelopmentIssuer> {
  const { privateJwk, publicJwk } = await loadOrCreateKey(dataDir);
  const key = await importJWK(privateJwk, "ES256");
  return {
    issuer: developmentIssuer,
    audience,
    jwks: { keys: [publicJwk] },
    sign: (actor, lifetimeSeconds = 8 * 3600) =>
      new SignJWT(claimsFor(actor))
        .setProtectedHeader({ alg: "ES256", kid: publicJwk.kid ?? "dev" })
        .setIssuer(developmentIssuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${String(lifetimeSeconds)}s`)
        .sign(key),
  };
}
