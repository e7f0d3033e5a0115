import { databaseUrl } from "../bench-database.js";
import { operations, type OperationKey } from "../operations.js";
import type { StatementFigures } from "../results.js";
import { gatewaySetup, graphql, type Server, startFloor, startGateway } from "../servers.js";
import { type StatementCounter, startStatementCounter } from "../statement-counter.js";
import { median } from "../stats.js";
import { type RunContext, tokenFor } from "./context.js";

/** Statements per request of each operation: floor, gateway, and gateway with the audit log on. */
export type StatementCounts = Map<
  OperationKey,
  { floor: StatementFigures; gateway: StatementFigures; gatewayWithAudit: StatementFigures }
>;

function figures(counts: number[]): StatementFigures {
  return { median: median(counts), min: Math.min(...counts), max: Math.max(...counts) };
}

/** Counts per request: sequential requests, the counter read before and after each one. */
async function countEach(
  counter: StatementCounter,
  requests: number,
  send: (i: number) => Promise<void>,
): Promise<number[]> {
  // Two unmeasured requests first: connections opened, statements prepared.
  for (let i = 0; i < 2; i++) await send(i);
  const counts: number[] = [];
  for (let i = 0; i < requests; i++) {
    const before = counter.statements;
    await send(i);
    counts.push(counter.statements - before);
  }
  return counts;
}

/**
 * Separate processes (gateway with the audit log off and on, and the floor) connect to PostgreSQL
 * through counting proxies; each operation is sent sequentially and the statements each request made
 * PostgreSQL execute are counted on the wire. Nothing here is timed.
 */
export async function countStatements(context: RunContext): Promise<StatementCounts> {
  const target = new URL(context.database.url);
  const proxied = async () => {
    const counter = await startStatementCounter({ host: target.hostname, port: Number(target.port || "5432") });
    const url = new URL(context.database.url);
    url.hostname = "127.0.0.1";
    url.port = String(counter.port);
    return { counter, url: databaseUrl(url.toString(), context.database.name) };
  };
  const [g, a, f] = [await proxied(), await proxied(), await proxied()];
  const unaudited = gatewaySetup(g.url, context.keys, context.auth, false);
  const gateway = await startGateway("count-gateway", unaudited.env, context.resultsDir, { tokens: unaudited.tokens });
  const withAudit = gatewaySetup(a.url, context.keys, context.auth, true);
  const audited = await startGateway("count-gateway-audit", withAudit.env, context.resultsDir, {
    tokens: withAudit.tokens,
  });
  const floor = await startFloor("count-floor", f.url, context.resultsDir);
  const result: StatementCounts = new Map();
  try {
    for (const operation of operations) {
      const bodies = operation.gatewayBodies(context.inputs);
      const paths = operation.floorPaths(context.inputs);
      const n = context.options.countRequests;
      const ask = (server: Server) => async (i: number) => {
        const body = bodies[i % bodies.length] ?? "";
        const { json } = await graphql(server.url, body, tokenFor(context, operation, server));
        if (json.errors !== undefined) throw new Error(`${operation.key}: ${JSON.stringify(json.errors)}`);
      };
      result.set(operation.key, {
        gateway: figures(await countEach(g.counter, n, ask(gateway))),
        gatewayWithAudit: figures(await countEach(a.counter, n, ask(audited))),
        floor: figures(
          await countEach(f.counter, n, async (i) => {
            await (await fetch(`${floor.url}${paths[i % paths.length] ?? ""}`)).arrayBuffer();
          }),
        ),
      });
    }
  } finally {
    await Promise.all([gateway.child.stop(), audited.child.stop(), floor.child.stop()]);
    await Promise.all([g.counter.close(), a.counter.close(), f.counter.close()]);
  }
  return result;
}
