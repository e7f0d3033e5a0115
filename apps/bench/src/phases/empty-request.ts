import { runTimedLoad } from "../load.js";
import { alternateRounds, roundTiming } from "../load-rounds.js";
import type { EmptyRequestFigures } from "../results.js";
import { type Server, startBareGraphql } from "../servers.js";
import { ratio } from "../stats.js";
import type { RunContext } from "./context.js";

const emptyQuery = JSON.stringify({ query: "{ __typename }" });

/**
 * What a request costs before it touches data: `{ __typename }` on graphql-yoga with no plugins
 * (its own process), then on the running gateway with the leadership token. Read beside the floor's
 * operations, it shows how much of an operation's ratio is the framework's and the gateway's fixed
 * cost per request.
 */
export async function emptyRequest(context: RunContext, gateway: Server): Promise<EmptyRequestFigures> {
  const { connections } = context.options;
  const spec = (url: string, round: number) => ({
    url: `${url}/graphql`,
    method: "POST" as const,
    headers: { "content-type": "application/json" },
    bodies: [emptyQuery],
    paths: [],
    connections,
    ...roundTiming(context.options, round),
  });
  const bareServer = await startBareGraphql("bare-graphql", context.resultsDir);
  try {
    const { baseline: bare, subject: onGateway } = await alternateRounds(context.options.rounds, (side, round) =>
      side === "baseline"
        ? runTimedLoad(`empty.bare.${String(round + 1)}`, context.resultsDir, spec(bareServer.url, round))
        : runTimedLoad(
            `empty.gateway.${String(round + 1)}`,
            context.resultsDir,
            spec(gateway.url, round),
            (gateway.tokens ?? context.auth.production.tokens).leadership,
          ),
    );
    context.log(
      `empty request: bare graphql-yoga p50 ${bare.p50.toFixed(2)} ms, ${bare.throughput.toFixed(0)} req/s; gateway p50 ${onGateway.p50.toFixed(2)} ms, ${onGateway.throughput.toFixed(0)} req/s`,
    );
    return {
      bare,
      gateway: onGateway,
      p50Ratio: ratio(onGateway.p50, bare.p50),
      throughputRatio: ratio(onGateway.throughput, bare.throughput),
    };
  } finally {
    await bareServer.child.stop();
  }
}
