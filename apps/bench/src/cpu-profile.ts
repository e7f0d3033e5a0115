import { readFileSync } from "node:fs";

/** The parts of a V8 CPU profile (`node --cpu-prof`) the summary reads. */
export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Where a process spent its time while it was busy: shares of the busiest window's samples. */
export interface ProfileSummary {
  /** Seconds from the profile's start of the window summarised. */
  window: { from: number; to: number };
  /** Share of the window spent idle (waiting on the network, the database, timers). */
  idle: number;
  /** Share in garbage collection. */
  gc: number;
  /** The functions with the most samples of their own, by share, with where they are. */
  top: { name: string; share: number }[];
}

const where = (url: string) =>
  url
    .replace(/^.*node_modules\/\.pnpm\/[^/]+\/node_modules\//, "")
    .replace(/^.*node_modules\//, "")
    .replace(/^file:\/\/.*?\/(apps|packages)\//, "$1/");

/**
 * Summarises the longest run of busy half-seconds (at least `busyShare` of the time not idle): a
 * server profiled through its whole life is idle while it starts and while the other server of a
 * paired round is loaded, and those stretches would drown the load in idle time.
 */
export function summariseProfile(profile: CpuProfile, busyShare = 0.5, topCount = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const bucketUs = 500_000;
  const at: number[] = [];
  let t = 0;
  for (const delta of profile.timeDeltas) at.push((t += delta));
  const buckets = new Map<number, { busy: number; all: number }>();
  profile.samples.forEach((id, i) => {
    const b = Math.floor((at[i] ?? 0) / bucketUs);
    const entry = buckets.get(b) ?? { busy: 0, all: 0 };
    const delta = profile.timeDeltas[i] ?? 0;
    entry.all += delta;
    if (byId.get(id)?.callFrame.functionName !== "(idle)") entry.busy += delta;
    buckets.set(b, entry);
  });
  // The longest run of consecutive busy buckets, skipping the first (start-up).
  const last = Math.max(0, ...buckets.keys());
  let best = { from: 0, to: 0 };
  let start: number | null = null;
  for (let b = 0; b <= last + 1; b++) {
    const entry = buckets.get(b);
    const busy = entry !== undefined && entry.all > 0 && entry.busy / entry.all >= busyShare;
    if (busy && start === null) start = b;
    if (!busy && start !== null) {
      if (b - start > best.to - best.from && start > 0) best = { from: start, to: b };
      start = null;
    }
  }
  const self = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const b = Math.floor((at[i] ?? 0) / bucketUs);
    if (b < best.from || b >= best.to) return;
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const name = frame.url ? `${frame.functionName || "(anonymous)"} ${where(frame.url)}` : frame.functionName;
    self.set(name, (self.get(name) ?? 0) + delta);
  });
  const share = (name: string) => (total > 0 ? (self.get(name) ?? 0) / total : 0);
  return {
    window: { from: (best.from * bucketUs) / 1e6, to: (best.to * bucketUs) / 1e6 },
    idle: share("(idle)"),
    gc: share("(garbage collector)"),
    top: [...self.entries()]
      .filter(([name]) => name !== "(idle)" && name !== "(garbage collector)")
      .sort((a, b) => b[1] - a[1])
      .slice(0, topCount)
      .map(([name, time]) => ({ name, share: total > 0 ? time / total : 0 })),
  };
}

/** Reads a `.cpuprofile` file. */
export function readCpuProfile(file: string): CpuProfile {
  return JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
}
