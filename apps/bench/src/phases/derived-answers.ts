import { alternateRounds } from "../load-rounds.js";
import { operations } from "../operations.js";
import type { DerivedAnswerFigures } from "../results.js";
import { gatewaySetup, type Server, startGateway } from "../servers.js";
import { ratio } from "../stats.js";
import type { RunContext } from "./context.js";
import { loadGateway } from "./gateway-vs-floor.js";

/** The operations whose repeated answers the gateway serves from its derived-answer cache. */
const derivedOperations = ["chair-calendar", "fte-dashboard"] as const;

/**
 * The chair calendar and the FTE dashboard on the running gateway (derived-answer cache on, as it
 * runs by default and against the floor) and on a second gateway process with the cache off, loaded
 * in alternating rounds: what each costs when every request computes its answer.
 */
export async function derivedAnswers(context: RunContext, gateway: Server): Promise<DerivedAnswerFigures[]> {
  const { env, tokens } = gatewaySetup(context.database.url, context.keys, context.auth, true);
  const uncached = await startGateway("gateway-uncached", { ...env, DERIVED_ANSWER_CACHE: "off" }, context.resultsDir, {
    tokens,
  });
  try {
    const figures: DerivedAnswerFigures[] = [];
    for (const key of derivedOperations) {
      const operation = operations.find((o) => o.key === key);
      if (!operation) throw new Error(`${key} operation missing`);
      const { baseline: off, subject: on } = await alternateRounds(context.options.rounds, (side, round) =>
        side === "baseline"
          ? loadGateway(context, operation, uncached, `${key}.uncached`, round)
          : loadGateway(context, operation, gateway, `${key}.cached`, round),
      );
      context.log(
        `${key}: cache off ${off.throughput.toFixed(0)} req/s p50 ${off.p50.toFixed(2)} ms, on ${on.throughput.toFixed(0)} req/s p50 ${on.p50.toFixed(2)} ms`,
      );
      figures.push({
        key,
        off,
        on,
        p50Ratio: ratio(on.p50, off.p50),
        throughputRatio: ratio(on.throughput, off.throughput),
      });
    }
    return figures;
  } finally {
    await uncached.child.stop();
  }
}
