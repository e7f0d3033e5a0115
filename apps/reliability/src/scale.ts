import { z } from "zod";

/** How hard the suite pushes: `ci` for every push (a few minutes on two cores), `full` for `pnpm test:reliability`. */
export interface Scale {
  name: "ci" | "full";
  /** Seconds of mixed read/write load, and how many clients send it at once. */
  loadSeconds: number;
  loadConcurrency: number;
  /** Database restarts during load, and how long each phase lasts. */
  restarts: number;
  restartLoadSeconds: number;
  restartDownSeconds: number;
  /** Requests in the hostile-input corpus, and how many are in flight at once. */
  hostileRequests: number;
  hostileConcurrency: number;
  /** Cases synthesised before the report worker is killed mid-run. */
  reportCases: number;
}

const scales: Record<Scale["name"], Scale> = {
  ci: {
    name: "ci",
    loadSeconds: 12,
    loadConcurrency: 8,
    restarts: 2,
    restartLoadSeconds: 3,
    restartDownSeconds: 3,
    hostileRequests: 10_000,
    hostileConcurrency: 8,
    reportCases: 200,
  },
  full: {
    name: "full",
    loadSeconds: 120,
    loadConcurrency: 16,
    restarts: 3,
    restartLoadSeconds: 15,
    restartDownSeconds: 8,
    hostileRequests: 50_000,
    hostileConcurrency: 8,
    reportCases: 5_000,
  },
};

/** Reads `RELIABILITY_SCALE` (ci by default); anything else is refused so a typo never runs the small suite silently. */
export function scaleFromEnv(env: Record<string, string | undefined>): Scale {
  const name = z
    .enum(["ci", "full"])
    .default("ci")
    .parse(env.RELIABILITY_SCALE === "" ? undefined : env.RELIABILITY_SCALE);
  return scales[name];
}

export const scale: Scale = scaleFromEnv(process.env);
