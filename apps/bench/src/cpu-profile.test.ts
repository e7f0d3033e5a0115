import { describe, expect, it } from "vitest";
import { type CpuProfile, summariseProfile } from "./cpu-profile.js";

const frame = (id: number, functionName: string, url = "") => ({ id, callFrame: { functionName, url, lineNumber: 0 } });

/** A profile of `seconds`, sampled every 10 ms, whose sample at each instant `pick` chooses. */
function profileOf(seconds: number, pick: (second: number) => number): CpuProfile {
  const samples: number[] = [];
  // A sample is taken at the end of its delta: the i-th at (i + 1) × 10 ms.
  for (let i = 0; i < seconds * 100; i++) samples.push(pick((i + 1) / 100));
  return {
    nodes: [
      frame(1, "(idle)"),
      frame(2, "(garbage collector)"),
      frame(3, "executeField", "file:///x/node_modules/.pnpm/a@1/node_modules/@graphql-tools/executor/esm/execute.js"),
      frame(4, "read", "file:///repo/apps/gateway/src/audit/audit-collector.ts"),
    ],
    startTime: 0,
    samples,
    timeDeltas: samples.map(() => 10_000),
  };
}

describe("summariseProfile", () => {
  it("summarises the longest busy stretch after start-up, not the idle time around it", () => {
    // 0–1 s start-up (busy), 1–2 s idle, 2–5 s load (busy: 3/4 executor, 1/4 GC), 5–8 s idle.
    const summary = summariseProfile(
      profileOf(8, (s) => (s < 1 ? 4 : s < 2 || s >= 5 ? 1 : Math.round(s * 100) % 4 === 0 ? 2 : 3)),
    );
    expect(summary.window).toEqual({ from: 2, to: 5 });
    expect(summary.idle).toBe(0);
    expect(summary.gc).toBeCloseTo(0.25, 2);
    expect(summary.top).toEqual([{ name: "executeField @graphql-tools/executor/esm/execute.js", share: 0.75 }]);
  });

  it("names the workspace's own code by its path in the workspace", () => {
    const summary = summariseProfile(profileOf(4, (s) => (s < 1 ? 1 : 4)));
    expect(summary.top[0]?.name).toBe("read apps/gateway/src/audit/audit-collector.ts");
  });
});
