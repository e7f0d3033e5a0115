import { isTestIdentityCode } from "@ankkuri/domain";
import { describe, expect, it } from "vitest";
import { IdentityCodeAllocator } from "./identity-codes.js";
import { createRandom } from "./random.js";

describe("the identity code allocator", () => {
  it("hands out each of a birth date's 100 test codes once per team, then none", () => {
    const allocator = new IdentityCodeAllocator();
    const random = createRandom(1);
    const codes = Array.from({ length: 100 }, () => allocator.take("team-a", "2010-03-04", random));
    expect(new Set(codes).size).toBe(100);
    for (const code of codes)
      expect(code !== null && isTestIdentityCode(code) && code.startsWith("040310A9")).toBe(true);
    expect(allocator.take("team-a", "2010-03-04", random)).toBeNull();
    expect(allocator.take("team-b", "2010-03-04", random)).not.toBeNull();
  });

  it("skips codes the database already holds", () => {
    const taken = new Set<string>();
    const first = new IdentityCodeAllocator().take("team-a", "1999-12-31", createRandom(5));
    if (first !== null) taken.add(first);
    const allocator = new IdentityCodeAllocator((_, code) => taken.has(code));
    const again = allocator.take("team-a", "1999-12-31", createRandom(5));
    expect(first).not.toBeNull();
    expect(again).not.toBeNull();
    expect(again).not.toBe(first);
    expect(again?.charAt(6)).toBe("-");
  });
});
