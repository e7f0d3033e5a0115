import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { exportJWK, generateKeyPair, importJWK, type JSONWebKeySet, type JWK, type JWTPayload, SignJWT } from "jose";
import { claimsFor } from "./claims.js";

/** Issuer name of development tokens; never accepted when a real issuer is configured. */
export const developmentIssuer = "urn:ankkuri:development-issuer";

/** A local signing key for fictional development users, kept in the data folder. */
export interface DevelopmentIssuer {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet;
  /** A token for `user` (valid an hour unless `lifetimeSeconds` says less): its login and name, and the team when the login has accounts in several. */
  sign(user: { login: string; name?: string; teamId?: string }, lifetimeSeconds?: number): Promise<string>;
  /** A token with any claims, validly signed: what a forged-claims test needs (the gateway must not trust them). */
  signClaims(claims: JWTPayload, lifetimeSeconds?: number): Promise<string>;
}

async function loadOrCreateKey(
  dataDir: string,
  warn: (message: string) => void,
): Promise<{ privateJwk: JWK; publicJwk: JWK }> {
  const file = join(dataDir, "dev-issuer-key.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as { privateJwk: JWK; publicJwk: JWK };
  warn(
    `created a new development signing key in ${file}; a gateway already running on this data folder does not trust it until it restarts`,
  );
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const kid = `dev-${Date.now().toString(36)}`;
  const keys = {
    privateJwk: { ...(await exportJWK(privateKey)), kid, alg: "ES256" },
    publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" },
  };
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(keys), { mode: 0o600 });
  chmodSync(file, 0o600);
  return keys;
}

/** The development issuer of a data folder: the gateway trusts it and `pnpm dev-token` signs with it. */
export async function developmentIssuerFor(
  dataDir: string,
  audience: string,
  warn: (message: string) => void = () => undefined,
): Promise<DevelopmentIssuer> {
  const { privateJwk, publicJwk } = await loadOrCreateKey(dataDir, warn);
  const key = await importJWK(privateJwk, "ES256");
  const signClaims = (claims: JWTPayload, lifetimeSeconds = 3600) =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid: publicJwk.kid ?? "dev" })
      .setIssuer(developmentIssuer)
      .setAudience(audience)
      .setIssuedAt()
      .setExpirationTime(`${String(lifetimeSeconds)}s`)
      .sign(key);
  return {
    issuer: developmentIssuer,
    audience,
    jwks: { keys: [publicJwk] },
    sign: (user, lifetimeSeconds) => signClaims(claimsFor(user), lifetimeSeconds),
    signClaims,
  };
}
