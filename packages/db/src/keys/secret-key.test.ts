import { createHmac, randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { secretKey } from "./secret-key.js";

describe("secretKey", () => {
  it("gives the same HMAC as the raw key, from one KeyObject per key", () => {
    const key = randomBytes(32);
    const other = randomBytes(32);
    expect(createHmac("sha256", secretKey(key)).update("x").digest("hex")).toBe(
      createHmac("sha256", key).update("x").digest("hex"),
    );
    expect(secretKey(key)).toBe(secretKey(key));
    expect(secretKey(other)).not.toBe(secretKey(key));
    expect(createHmac("sha256", secretKey(other)).update("x").digest("hex")).not.toBe(
      createHmac("sha256", key).update("x").digest("hex"),
    );
  });
});
