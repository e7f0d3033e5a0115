import { runLoad } from "../load.js";
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
  const { connections, duration, warmup } = context.options;
  const spec = (url: string) => ({ url: `${url}/graphql`, method: "POST" as const, headers: { "content-type": "application/json" }, bodies: [emptyQuery], paths: [], connections, duration, warmup });
  const bareServer = await startBareGraphql("bare-graphql", context.resultsDir);
  try {
    const bare = await runLoad("empty.bare", context.resultsDir, spec(bareServer.url));
    const onGateway = await runLoad("empty.gateway", context.resultsDir, spec(gateway.url), context.tokens.leadership);
    context.log(`empty request: bare graphql-yoga p50 ${String(bare.p50)} ms, ${bare.throughput.toFixed(0)} req/s; gateway p50 ${String(onGateway.p50)} ms, ${onGateway.throughput.toFixed(0)} req/s`);
    return { bare, gateway: onGateway, p50Ratio: ratio(onGateway.p50, bare.p50), throughputRatio: ratio(onGateway.throughput, bare.throughput) };
  } finally {
    await bareServer.child.stop();
  }
}
