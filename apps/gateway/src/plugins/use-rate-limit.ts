import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context.js";
import { errorCodes, errorExtensions } from "../errors.js";
import type { GatewayMetrics } from "../metrics.js";

/** A token bucket per person: `burst` requests at once, refilled at `perSecond`. */
export interface RateLimit {
  perSecond: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Buckets kept at most (least recently used out); an evicted person starts again with a full bucket. */
const maxBuckets = 20_000;

/**
 * The per-person limiter: takes one token for a request, or says how many seconds until one is
 * there. In this process only: with several instances behind a load balancer each has its own
 * buckets, so a person gets up to N times the rate (see docs/gateway.md).
 */
export function tokenBuckets(limit: RateLimit, now: () => number = Date.now) {
  const buckets = new Map<string, Bucket>();
  return {
    take(key: string): { ok: true } | { ok: false; retryAfterSeconds: number } {
      const t = now();
      const found = buckets.get(key);
      const bucket: Bucket = found
        ? { tokens: Math.min(limit.burst, found.tokens + ((t - found.at) / 1000) * limit.perSecond), at: t }
        : { tokens: limit.burst, at: t };
      buckets.delete(key);
      buckets.set(key, bucket);
      if (buckets.size > maxBuckets) buckets.delete(buckets.keys().next().value as string);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond)) };
    },
  };
}

/**
 * Refuses a signed-in person's operation over their rate with 429 and `Retry-After`, before it
 * runs. Requests without a person are not counted here: they are refused before they read anything.
 */
export function useRateLimit(limit: RateLimit, metrics: GatewayMetrics): Plugin<GatewayContext> {
  if (limit.perSecond <= 0) return {};
  const buckets = tokenBuckets(limit);
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const actor = args.contextValue.actor;
      if (!actor) return;
      const taken = buckets.take(`${actor.teamId}\u0000${actor.login}`);
      if (taken.ok) return;
      metrics.rateLimited.inc();
      setResultAndStopExecution({
        errors: [
          createGraphQLError(`Too many requests: try again in ${String(taken.retryAfterSeconds)} s`, {
            extensions: errorExtensions(errorCodes.rateLimited, {
              status: 429,
              headers: { "Retry-After": String(taken.retryAfterSeconds) },
            }),
          }),
        ],
      });
    },
  };
}
