import { describe, expect, it } from "vitest";
import { createRandom, deriveSeed, weighted } from "./random.js";

describe("the seeded random source", () => {
  it("repeats its sequence for a seed and differs between seeds", () => {
    const draw = (seed: number) => {
      const random = createRandom(seed);
      return Array.from({ length: 5 }, () => random.next());
    };
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(1, 1));
    expect(deriveSeed(1, 0)).not.toBe(deriveSeed(2, 0));
  });

  it("draws integers within bounds, both ends included", () => {
    const random = createRandom(3);
    const seen = new Set(Array.from({ length: 2000 }, () => random.int(2, 6)));
    expect([...seen].sort()).toEqual([2, 3, 4, 5, 6]);
  });

  it("follows the weights of a table", () => {
    const random = createRandom(4);
    const table = weighted([
      ["a", 70],
      ["b", 20],
      ["c", 10],
      ["never", 0],
    ] as const);
    const draws = Array.from({ length: 20_000 }, () => random.draw(table));
    const share = (v: string) => draws.filter((d) => d === v).length / draws.length;
    expect(share("a")).toBeCloseTo(0.7, 1);
    expect(share("b")).toBeCloseTo(0.2, 1);
    expect(share("c")).toBeCloseTo(0.1, 1);
    expect(share("never")).toBe(0);
  });

  it("refuses empty choices", () => {
    expect(() => createRandom(1).pick([])).toThrow(RangeError);
    expect(() => weighted([])).toThrow(RangeError);
    expect(() => weighted([["a", 0]])).toThrow(RangeError);
  });
});
