import { createRemoteJWKSet, decodeJwt, jwtVerify } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { type LocalIssuer, startLocalIssuer } from "./local-issuer.js";

describe("the bench's local issuer", () => {
  let issuer: LocalIssuer;
  afterAll(async () => {
    await issuer.close();
  });

  it("signs tokens that verify against the keys it publishes, as the gateway's verifier fetches them", async () => {
    issuer = await startLocalIssuer();
    const token = await issuer.sign("laura.heikkinen");
    const { payload } = await jwtVerify(token, createRemoteJWKSet(new URL(issuer.jwksUrl)), {
      issuer: issuer.issuer,
      audience: issuer.env.OIDC_AUDIENCE,
      requiredClaims: ["exp", "iat"],
    });
    expect(payload.sub).toBe("laura.heikkinen");
    // Within the gateway's default longest lifetime (an hour).
    expect((payload.exp ?? 0) - (payload.iat ?? 0)).toBeLessThanOrEqual(3600);
    expect(issuer.env).toMatchObject({
      NODE_ENV: "production",
      OIDC_ISSUER: issuer.issuer,
      OIDC_JWKS_URL: issuer.jwksUrl,
    });
  });

  it("publishes only its key set", async () => {
    expect((await fetch(`${issuer.issuer}private`)).status).toBe(404);
    expect((await fetch(issuer.jwksUrl, { method: "POST" })).status).toBe(404);
  });

  it("a token of another issuer's key does not verify against it", async () => {
    const other = await startLocalIssuer();
    try {
      const forged = await other.sign("laura.heikkinen");
      expect(decodeJwt(forged).sub).toBe("laura.heikkinen");
      await expect(
        jwtVerify(forged, createRemoteJWKSet(new URL(issuer.jwksUrl)), { audience: issuer.env.OIDC_AUDIENCE }),
      ).rejects.toThrow();
    } finally {
      await other.close();
    }
  });
});
