import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { importJWK, type JWK, SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TokenIdentity } from "./claims.js";
import { type DevelopmentIssuer, developmentIssuerFor } from "./dev-issuer.js";
import { type Authentication, localVerifier, type VerifiedTokenCacheOptions } from "./token-verifier.js";

const actor = { login: "maria.jarvinen", name: "Maria Järvinen" };

function actorOf(result: Authentication): TokenIdentity {
  if (!result.ok) throw new Error(`refused: ${result.reason}`);
  return result.identity;
}

describe("verified-token reuse", () => {
  const dir = mkdtempSync(join(tmpdir(), "ankkuri-token-"));
  let issuer: DevelopmentIssuer;
  let clock = Date.now();
  const verifier = (cache: Omit<VerifiedTokenCacheOptions, "now">) =>
    localVerifier(issuer, { ...cache, now: () => clock });
  const bearer = (token: string) => `Bearer ${token}`;

  beforeAll(async () => {
    issuer = await developmentIssuerFor(dir, "ankkuri-gateway");
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("answers a token verified before with the same, unchangeable actor", async () => {
    clock = Date.now();
    const verify = verifier({ ttlMs: 60_000, maxEntries: 10 });
    const token = await issuer.sign(actor);
    const first = actorOf(await verify.verify(bearer(token)));
    const again = actorOf(await verify.verify(bearer(token)));
    expect(first).toMatchObject({ login: actor.login, name: actor.name });
    expect(again).toBe(first);
    expect(Object.isFrozen(again) && Object.isFrozen(again.claims)).toBe(true);
  });

  it("verifies again once the reuse time is over, and every time when it is zero", async () => {
    clock = Date.now();
    const token = await issuer.sign(actor);
    const reusing = verifier({ ttlMs: 60_000, maxEntries: 10 });
    const first = actorOf(await reusing.verify(bearer(token)));
    clock += 60_001;
    expect(actorOf(await reusing.verify(bearer(token)))).not.toBe(first);
    const never = verifier({ ttlMs: 0, maxEntries: 10 });
    expect(actorOf(await never.verify(bearer(token)))).not.toBe(actorOf(await never.verify(bearer(token))));
  });

  it("refuses a reused token once it has expired", async () => {
    clock = Date.now();
    const verify = verifier({ ttlMs: 600_000, maxEntries: 10 });
    const token = await issuer.sign(actor, 5);
    actorOf(await verify.verify(bearer(token)));
    clock += 4_000;
    actorOf(await verify.verify(bearer(token)));
    // Past expiry and the 30 s of clock tolerance the verification allows, well inside the reuse time.
    clock += 32_000;
    expect(await verify.verify(bearer(token))).toEqual({ ok: false, reason: "TOKEN_EXPIRED" });
  });

  it("keeps at most maxEntries tokens, the least recently used out", async () => {
    clock = Date.now();
    const verify = verifier({ ttlMs: 60_000, maxEntries: 2 });
    const [a, b, c] = await Promise.all([
      issuer.sign(actor),
      issuer.sign({ ...actor, login: "b.user" }),
      issuer.sign({ ...actor, login: "c.user" }),
    ]);
    const first = actorOf(await verify.verify(bearer(a)));
    const second = actorOf(await verify.verify(bearer(b)));
    expect(actorOf(await verify.verify(bearer(a)))).toBe(first); // a is now the most recent
    await verify.verify(bearer(c)); // b goes
    expect(actorOf(await verify.verify(bearer(a)))).toBe(first);
    expect(actorOf(await verify.verify(bearer(b)))).not.toBe(second);
  });

  it("does not remember refused tokens", async () => {
    clock = Date.now();
    const verify = verifier({ ttlMs: 60_000, maxEntries: 10 });
    const token = await issuer.sign(actor);
    const forged = `${token.slice(0, -4)}AAAA`;
    expect(await verify.verify(bearer(forged))).toEqual({ ok: false, reason: "TOKEN_INVALID" });
    expect(await verify.verify(bearer(forged))).toEqual({ ok: false, reason: "TOKEN_INVALID" });
    expect(await verify.verify(null)).toEqual({ ok: false, reason: "TOKEN_MISSING" });
  });
});

describe("token lifetime", () => {
  const dir = mkdtempSync(join(tmpdir(), "ankkuri-token-"));
  let issuer: DevelopmentIssuer;
  let key: CryptoKey | Uint8Array;
  let kid: string;
  const now = Date.now();
  const seconds = Math.floor(now / 1000);
  const verify = (token: string, maxTokenAgeSeconds?: number) =>
    localVerifier(
      { ...issuer, ...(maxTokenAgeSeconds === undefined ? {} : { maxTokenAgeSeconds }) },
      { ttlMs: 0, maxEntries: 1, now: () => now },
    ).verify(`Bearer ${token}`);
  /** A validly signed token with exactly the times given (undefined: the claim is left out). */
  const signed = (times: { iat?: number; exp?: number }) =>
    new SignJWT({ sub: actor.login, ...times })
      .setProtectedHeader({ alg: "ES256", kid })
      .setIssuer(issuer.issuer)
      .setAudience(issuer.audience)
      .sign(key);

  beforeAll(async () => {
    issuer = await developmentIssuerFor(dir, "ankkuri-gateway");
    const { privateJwk } = JSON.parse(readFileSync(join(dir, "dev-issuer-key.json"), "utf8")) as { privateJwk: JWK };
    key = await importJWK(privateJwk, "ES256");
    kid = privateJwk.kid ?? "dev";
  });
  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("refuses a token without exp, or without iat", async () => {
    expect(await verify(await signed({ iat: seconds }))).toEqual({ ok: false, reason: "TOKEN_INVALID" });
    expect(await verify(await signed({ exp: seconds + 600 }))).toEqual({ ok: false, reason: "TOKEN_INVALID" });
  });

  it("refuses a token whose lifetime is above the maximum (one hour by default)", async () => {
    const years = await signed({ iat: seconds, exp: seconds + 5 * 365 * 86_400 });
    expect(await verify(years)).toEqual({ ok: false, reason: "TOKEN_INVALID" });
    const twoHours = await signed({ iat: seconds - 60, exp: seconds + 7_140 });
    expect(await verify(twoHours)).toEqual({ ok: false, reason: "TOKEN_INVALID" });
    expect((await verify(twoHours, 3 * 3600)).ok).toBe(true);
    expect((await verify(await signed({ iat: seconds - 60, exp: seconds + 3_540 }))).ok).toBe(true);
  });

  it("refuses a token issued in the future beyond the clock tolerance, and accepts one within it", async () => {
    const future = await signed({ iat: seconds + 600, exp: seconds + 1_200 });
    expect(await verify(future)).toEqual({ ok: false, reason: "TOKEN_INVALID" });
    expect((await verify(await signed({ iat: seconds + 10, exp: seconds + 600 }))).ok).toBe(true);
  });

  it("signs development tokens within the maximum lifetime", async () => {
    expect((await verify(await issuer.sign(actor))).ok).toBe(true);
  });
});
