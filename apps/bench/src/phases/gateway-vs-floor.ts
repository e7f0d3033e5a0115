import { BenchError } from "../errors.js";
import { runTimedLoad, type TimedRun } from "../load.js";
import { alternateRounds, roundTiming } from "../load-rounds.js";
import type { LoadSummary } from "../load-worker.js";
import { type Operation, operations } from "../operations.js";
import type { OperationFigures } from "../results.js";
import { graphql, type Server } from "../servers.js";
import { ratio } from "../stats.js";
import { type RunContext, tokenFor } from "./context.js";

/** Fails unless the gateway and the floor answer the operation with the same data. */
async function checkSameAnswer(
  context: RunContext,
  operation: Operation,
  gateway: Server,
  floor: Server,
): Promise<string> {
  const bodies = operation.gatewayBodies(context.inputs);
  const paths = operation.floorPaths(context.inputs);
  let first = "";
  for (let i = 0; i < Math.min(3, bodies.length); i++) {
    const { status, json } = await graphql(gateway.url, bodies[i] ?? "", tokenFor(context, operation));
    if (status !== 200 || json.errors !== undefined)
      throw new BenchError(
        "check",
        `${operation.key}: the gateway answered ${String(status)} ${JSON.stringify(json.errors ?? [])}`,
      );
    const res = await fetch(`${floor.url}${paths[i] ?? ""}`);
    const floorJson = (await res.json()) as { data?: unknown };
    if (!res.ok)
      throw new BenchError(
        "check",
        `${operation.key}: the floor answered ${String(res.status)} ${JSON.stringify(floorJson)}`,
      );
    const fromGateway = operation.fingerprint(json.data);
    const fromFloor = operation.fingerprint(floorJson.data);
    if (fromGateway !== fromFloor)
      throw new BenchError(
        "check",
        `${operation.key}: different answers — gateway: ${fromGateway}; floor: ${fromFloor}`,
      );
    if (i === 0) first = fromGateway;
  }
  return first;
}

function loadFailures(name: string, s: LoadSummary): string | null {
  const bad = s.non2xx + s.errors + s.timeouts + s.errorAnswers;
  return bad > 0
    ? `${name}: ${String(s.non2xx)} non-2xx, ${String(s.errors)} errors, ${String(s.timeouts)} timeouts, ${String(s.errorAnswers)} GraphQL error answers of ${String(s.requests)}`
    : null;
}

/** Loads the gateway with an operation for one round (fixed concurrency, separate load process). */
export function loadGateway(
  context: RunContext,
  operation: Operation,
  gateway: Server,
  name: string,
  round: number,
): Promise<TimedRun> {
  const { connections } = context.options;
  const timing = roundTiming(context.options, round);
  return runTimedLoad(
    `${name}.${String(round + 1)}`,
    context.resultsDir,
    {
      url: `${gateway.url}/graphql`,
      method: "POST",
      headers: { "content-type": "application/json" },
      bodies: operation.gatewayBodies(context.inputs),
      paths: [],
      connections,
      ...timing,
    },
    tokenFor(context, operation),
  );
}

/** Loads the floor with an operation for one round. */
export function loadFloor(
  context: RunContext,
  operation: Operation,
  floor: Server,
  name: string,
  round: number,
): Promise<TimedRun> {
  const { connections } = context.options;
  const timing = roundTiming(context.options, round);
  return runTimedLoad(`${name}.${String(round + 1)}`, context.resultsDir, {
    url: floor.url,
    method: "GET",
    headers: {},
    bodies: [],
    paths: operation.floorPaths(context.inputs),
    connections,
    ...timing,
  });
}

/**
 * Each operation against the floor and the gateway, after checking both answer the same data: in
 * alternating rounds that share the duration (see `alternateRounds`). Latency percentiles are over
 * every response of a side's rounds.
 */
export async function gatewayVersusFloor(
  context: RunContext,
  gateway: Server,
  floor: Server,
): Promise<OperationFigures[]> {
  const figures: OperationFigures[] = [];
  const { connections, duration, rounds } = context.options;
  for (const operation of operations) {
    const answer = await checkSameAnswer(context, operation, gateway, floor);
    context.log(
      `${operation.key}: same answer from both (${answer.length > 90 ? `${answer.slice(0, 90)}…` : answer}); loading ${String(connections)} connections × ${String(duration)} s in ${String(rounds)} round(s)`,
    );
    const { baseline: floorLoad, subject: gatewayLoad } = await alternateRounds(rounds, (side, round) =>
      side === "baseline"
        ? loadFloor(context, operation, floor, `${operation.key}.floor`, round)
        : loadGateway(context, operation, gateway, `${operation.key}.gateway`, round),
    );
    for (const failure of [
      loadFailures(`${operation.key} floor`, floorLoad),
      loadFailures(`${operation.key} gateway`, gatewayLoad),
    ])
      if (failure) context.log(`warning: ${failure}`);
    figures.push({
      key: operation.key,
      title: operation.title,
      answer,
      floor: floorLoad,
      gateway: gatewayLoad,
      p50Ratio: ratio(gatewayLoad.p50, floorLoad.p50),
      p99Ratio: ratio(gatewayLoad.p99, floorLoad.p99),
      throughputRatio: ratio(gatewayLoad.throughput, floorLoad.throughput),
      statements: null,
    });
    context.log(
      `  floor p50 ${floorLoad.p50.toFixed(2)} ms, ${floorLoad.throughput.toFixed(0)} req/s; gateway p50 ${gatewayLoad.p50.toFixed(2)} ms, ${gatewayLoad.throughput.toFixed(0)} req/s`,
    );
  }
  return figures;
}
