import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT } from "jose";

/**
 * An OpenID Connect issuer on loopback for the bench's own process: it publishes one ES256 key at
 * `jwksUrl` and signs tokens for the fictional users. With it the gateway runs as deployed
 * (`NODE_ENV=production`, a real issuer whose keys it fetches), which the development issuer does
 * not allow; PostGraphile, its peer, runs in production mode too.
 */
export interface LocalIssuer {
  issuer: string;
  jwksUrl: string;
  /** The gateway settings that trust this issuer (the gateway's default audience). */
  env: Record<string, string>;
  /** A token for `login`, valid an hour (the gateway's longest accepted lifetime by default). */
  sign(login: string): Promise<string>;
  close(): Promise<void>;
}

const audience = "ankkuri-gateway";

export async function startLocalIssuer(): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const kid = "bench";
  const jwks = JSON.stringify({ keys: [{ ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" }] });
  const server = createServer((request, response) => {
    if (request.method === "GET" && request.url === "/jwks.json") {
      response.writeHead(200, { "content-type": "application/json" }).end(jwks);
      return;
    }
    response.writeHead(404).end();
  });
  await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
  const { port } = server.address() as AddressInfo;
  const issuer = `http://127.0.0.1:${String(port)}/`;
  const jwksUrl = `${issuer}jwks.json`;
  return {
    issuer,
    jwksUrl,
    env: { NODE_ENV: "production", OIDC_ISSUER: issuer, OIDC_JWKS_URL: jwksUrl, OIDC_AUDIENCE: audience },
    sign: (login) =>
      new SignJWT({})
        .setProtectedHeader({ alg: "ES256", kid })
        .setIssuer(issuer)
        .setAudience(audience)
        .setSubject(login)
        .setIssuedAt()
        .setExpirationTime("1h")
        .sign(privateKey),
    close: () =>
      new Promise<void>((closed, failed) => {
        server.closeAllConnections();
        server.close((error) => {
          if (error) failed(error);
          else closed();
        });
      }),
  };
}
