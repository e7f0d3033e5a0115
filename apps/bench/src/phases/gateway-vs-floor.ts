import { BenchError } from "../errors.js";
import { runTimedLoad, type TimedRun } from "../load.js";
import { rotateRounds, roundTiming } from "../load-rounds.js";
import type { LoadSummary } from "../load-worker.js";
import { type Operation, operations } from "../operations.js";
import { peerOperations } from "../postgraphile/peer-operations.js";
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
    const { status, json } = await graphql(gateway.url, bodies[i] ?? "", tokenFor(context, operation, gateway));
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

/** Loads a GraphQL server with `bodies` for one round (fixed concurrency, separate load process). */
function loadGraphql(
  context: RunContext,
  server: Server,
  bodies: string[],
  token: string | undefined,
  name: string,
  round: number,
): Promise<TimedRun> {
  const { connections } = context.options;
  const timing = roundTiming(context.options, round);
  return runTimedLoad(
    `${name}.${String(round + 1)}`,
    context.resultsDir,
    {
      url: `${server.url}/graphql`,
      method: "POST",
      headers: { "content-type": "application/json" },
      bodies,
      paths: [],
      connections,
      ...timing,
    },
    token,
  );
}

/** Loads the gateway with an operation for one round (fixed concurrency, separate load process). */
export function loadGateway(
  context: RunContext,
  operation: Operation,
  gateway: Server,
  name: string,
  round: number,
): Promise<TimedRun> {
  return loadGraphql(
    context,
    gateway,
    operation.gatewayBodies(context.inputs),
    tokenFor(context, operation, gateway),
    name,
    round,
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
 * The servers loaded beside the gateway and the floor, each optional: the gateway on other Node.js
 * versions, and PostGraphile as it comes and secured with JWT and row-level security (its token).
 */
export interface Contenders {
  gatewayNode22: Server | null;
  gatewayNode20: Server | null;
  postgraphile: Server | null;
  postgraphileRls: { server: Server; token: string } | null;
}

type Side = "floor" | "gateway" | "gatewayNode22" | "gatewayNode20" | "postgraphile" | "postgraphileRls";

async function answerOf(server: Server, body: string, token: string | undefined, what: string): Promise<unknown> {
  const { status, json } = await graphql(server.url, body, token);
  if (status !== 200 || json.errors !== undefined)
    throw new BenchError("check", `${what} answered ${String(status)} ${JSON.stringify(json.errors ?? [])}`);
  return json.data;
}

/**
 * Fails unless the other gateways answer as the gateway does, and PostGraphile (both variants) serves
 * the same rows, lists compared as sets (`peerOperations`). Returns PostGraphile's answer's form.
 */
async function checkContenders(
  context: RunContext,
  operation: Operation,
  gateway: Server,
  contenders: Contenders,
): Promise<string | null> {
  const bodies = operation.gatewayBodies(context.inputs);
  const peer = peerOperations.find((p) => p.key === operation.key);
  const peerBodies = peer?.bodies(context.inputs) ?? [];
  let form: string | null = null;
  for (let i = 0; i < Math.min(3, bodies.length); i++) {
    const fromGateway = await answerOf(
      gateway,
      bodies[i] ?? "",
      tokenFor(context, operation, gateway),
      `${operation.key}: the gateway`,
    );
    for (const [name, other] of [
      ["gatewayNode22", contenders.gatewayNode22],
      ["gatewayNode20", contenders.gatewayNode20],
    ] as const) {
      if (other === null) continue;
      const theirs = operation.fingerprint(
        await answerOf(other, bodies[i] ?? "", tokenFor(context, operation, other), `${operation.key}: ${name}`),
      );
      if (theirs !== operation.fingerprint(fromGateway))
        throw new BenchError("check", `${operation.key}: ${name} answered differently: ${theirs}`);
    }
    if (!peer) continue;
    const expected = peer.fromGateway(fromGateway);
    for (const [name, server, peerToken] of [
      ["postgraphile", contenders.postgraphile, undefined],
      ["postgraphileRls", contenders.postgraphileRls?.server ?? null, contenders.postgraphileRls?.token],
    ] as const) {
      if (server === null) continue;
      const theirs = peer.fromPostgraphile(
        await answerOf(server, peerBodies[i] ?? "", peerToken, `${operation.key}: ${name}`),
      );
      if (theirs !== expected)
        throw new BenchError(
          "check",
          `${operation.key}: ${name} serves other rows than the gateway — gateway: ${expected.slice(0, 400)}; ${name}: ${theirs.slice(0, 400)}`,
        );
      form = theirs;
    }
  }
  return form;
}

/**
 * Fails unless the secured PostGraphile refuses what the need-to-know rule gives nobody: the audit
 * log and the user accounts (no grant), with the caseworker's token and without one.
 */
export async function checkPostgraphileSecured(secured: { server: Server; token: string }): Promise<void> {
  for (const query of ["{ allAuditLogs(first: 1) { totalCount } }", "{ allUsers(first: 1) { totalCount } }"]) {
    for (const token of [secured.token, undefined]) {
      const { json } = await graphql(secured.server.url, JSON.stringify({ query }), token);
      if (json.errors === undefined || JSON.stringify(json.data ?? null).includes("totalCount"))
        throw new BenchError(
          "check",
          `the secured PostGraphile answered ${query} ${token ? "with" : "without"} a token`,
        );
    }
  }
}

/**
 * Each operation against the floor, the gateway and the contenders present, after checking they
 * answer the same data: in rounds that share the duration and rotate the servers' order (see
 * `rotateRounds`). Latency percentiles are over every response of a server's rounds. PostGraphile
 * takes part only in the operations it can answer (`peerOperations`).
 */
export async function gatewayVersusFloor(
  context: RunContext,
  gateway: Server,
  floor: Server,
  contenders: Contenders = { gatewayNode22: null, gatewayNode20: null, postgraphile: null, postgraphileRls: null },
): Promise<OperationFigures[]> {
  const figures: OperationFigures[] = [];
  const { connections, duration, rounds } = context.options;
  for (const operation of operations) {
    const answer = await checkSameAnswer(context, operation, gateway, floor);
    const peerForm = await checkContenders(context, operation, gateway, contenders);
    const peer = peerOperations.find((p) => p.key === operation.key);
    const sides: Side[] = ["floor", "gateway"];
    if (contenders.gatewayNode22) sides.push("gatewayNode22");
    if (contenders.gatewayNode20) sides.push("gatewayNode20");
    if (peer && contenders.postgraphile) sides.push("postgraphile");
    if (peer && contenders.postgraphileRls) sides.push("postgraphileRls");
    context.log(
      `${operation.key}: same answer from ${sides.join(", ")} (${answer.length > 90 ? `${answer.slice(0, 90)}…` : answer}); loading ${String(connections)} connections × ${String(duration)} s in ${String(rounds)} round(s)`,
    );
    const loads = await rotateRounds(sides, rounds, (side, round) => {
      const name = `${operation.key}.${side}`;
      switch (side) {
        case "floor":
          return loadFloor(context, operation, floor, name, round);
        case "gateway":
          return loadGateway(context, operation, gateway, name, round);
        case "gatewayNode22":
        case "gatewayNode20": {
          const server = contenders[side];
          if (!server) throw new BenchError("check", `${side} is not running`);
          return loadGateway(context, operation, server, name, round);
        }
        case "postgraphile":
        case "postgraphileRls": {
          const server =
            side === "postgraphile" ? contenders.postgraphile : (contenders.postgraphileRls?.server ?? null);
          if (!server || !peer) throw new BenchError("check", `${side} is not running`);
          const token = side === "postgraphileRls" ? contenders.postgraphileRls?.token : undefined;
          return loadGraphql(context, server, peer.bodies(context.inputs), token, name, round);
        }
      }
    });
    const loaded = loads as Partial<Record<Side, LoadSummary>>;
    for (const side of sides) {
      const failure = loadFailures(`${operation.key} ${side}`, loads[side]);
      if (failure) context.log(`warning: ${failure}`);
    }
    const floorLoad = loads.floor;
    const gatewayLoad = loads.gateway;
    figures.push({
      key: operation.key,
      title: operation.title,
      answer,
      floor: floorLoad,
      gateway: gatewayLoad,
      gatewayNode22: loaded.gatewayNode22 ?? null,
      gatewayNode20: loaded.gatewayNode20 ?? null,
      postgraphile: loaded.postgraphile ?? null,
      postgraphileRls: loaded.postgraphileRls ?? null,
      peerAnswer: peerForm,
      p50Ratio: ratio(gatewayLoad.p50, floorLoad.p50),
      p99Ratio: ratio(gatewayLoad.p99, floorLoad.p99),
      throughputRatio: ratio(gatewayLoad.throughput, floorLoad.throughput),
      statements: null,
    });
    context.log(
      `  ${sides.map((side) => `${side} p50 ${loads[side].p50.toFixed(2)} ms, ${loads[side].throughput.toFixed(0)} req/s`).join("; ")}`,
    );
  }
  return figures;
}
