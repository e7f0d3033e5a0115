import { describe, expect, it } from "vitest";
import { derivedCache } from "./derived-cache.js";

describe("derivedCache", () => {
  it("derives a value once per owner and key", () => {
    const cached = derivedCache<number>(8);
    let runs = 0;
    const derive = () => ++runs;
    const a = {};
    const b = {};
    expect(cached(a, "x", derive)).toBe(1);
    expect(cached(a, "x", derive)).toBe(1);
    expect(cached(a, "y", derive)).toBe(2);
    expect(cached(b, "x", derive)).toBe(3);
    expect(runs).toBe(3);
  });

  it("keeps at most the bound per owner, deriving again what it let go", () => {
    const cached = derivedCache<string>(2);
    let runs = 0;
    const owner = {};
    const derive = (key: string) => () => {
      runs += 1;
      return key.toUpperCase();
    };
    for (const key of ["a", "b", "c", "a"]) expect(cached(owner, key, derive(key))).toBe(key.toUpperCase());
    expect(runs).toBe(4);
    expect(cached(owner, "a", derive("a"))).toBe("A");
    expect(runs).toBe(4);
  });

  it("forgets a value only while it is the one kept", () => {
    const cached = derivedCache<{ n: number }>(8);
    let runs = 0;
    const derive = () => ({ n: ++runs });
    const owner = {};
    const first = cached(owner, "x", derive);
    cached.forget(owner, "x", { n: 1 });
    expect(cached(owner, "x", derive)).toBe(first);
    cached.forget(owner, "x", first);
    const second = cached(owner, "x", derive);
    expect(second).toEqual({ n: 2 });
    cached.forget(owner, "x", first);
    expect(cached(owner, "x", derive)).toBe(second);
    cached.forget({}, "x", second);
    expect(cached(owner, "x", derive)).toBe(second);
  });
});
