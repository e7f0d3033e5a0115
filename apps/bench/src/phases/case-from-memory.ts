import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { BenchError } from "../errors.js";
import { runTimedLoad } from "../load.js";
import { alternateRounds, roundTiming } from "../load-rounds.js";
import { operations } from "../operations.js";
import type { CaseFromMemoryFigures } from "../results.js";
import { graphql, type Server, startCaseFromMemory } from "../servers.js";
import { ratio } from "../stats.js";
import { type RunContext, tokenFor } from "./context.js";
import { loadFloor } from "./gateway-vs-floor.js";

const caseIdOf = (body: string): string => (JSON.parse(body) as { variables: { caseId: string } }).variables.caseId;

/**
 * The case screen answered from memory by graphql-yoga with the gateway's schema and no plugins,
 * against the floor in alternating rounds. The answers are the gateway's own for the cases the load
 * cycles through, asked before loading and checked to come back the same; they are kept in a file of
 * this run's results folder for the server's life only (synthetic data, but data about cases).
 */
export async function caseFromMemory(
  context: RunContext,
  gateway: Server,
  floor: Server,
): Promise<CaseFromMemoryFigures> {
  const operation = operations.find((o) => o.key === "case-detail");
  if (!operation) throw new Error("case-detail operation missing");
  const bodies = operation.gatewayBodies(context.inputs);
  const answers: Record<string, unknown> = {};
  let bytes = 0;
  for (const body of bodies) {
    const { status, json } = await graphql(gateway.url, body, tokenFor(context, operation, gateway));
    const answer = (json.data as { case?: unknown } | undefined)?.case;
    if (status !== 200 || json.errors !== undefined || answer == null)
      throw new BenchError(
        "check",
        `case from memory: the gateway answered ${String(status)} ${JSON.stringify(json.errors ?? [])}`,
      );
    answers[caseIdOf(body)] = answer;
    bytes += JSON.stringify(answer).length;
  }
  const answersFile = join(context.resultsDir, "case-answers.json");
  writeFileSync(answersFile, JSON.stringify(answers), { mode: 0o600 });
  try {
    const server = await startCaseFromMemory("case-from-memory", answersFile, context.resultsDir);
    try {
      for (const body of bodies.slice(0, 3)) {
        const { status, json } = await graphql(server.url, body);
        const expected = operation.fingerprint({ case: answers[caseIdOf(body)] });
        if (status !== 200 || json.errors !== undefined || operation.fingerprint(json.data) !== expected) {
          throw new BenchError(
            "check",
            `case from memory: the server answered ${String(status)} ${JSON.stringify(json.errors ?? [])}, not the gateway's answer`,
          );
        }
      }
      const { connections } = context.options;
      const { baseline: floorLoad, subject: memory } = await alternateRounds(context.options.rounds, (side, round) =>
        side === "baseline"
          ? loadFloor(context, operation, floor, "case-from-memory.floor", round)
          : runTimedLoad(`case-from-memory.yoga.${String(round + 1)}`, context.resultsDir, {
              url: `${server.url}/graphql`,
              method: "POST",
              headers: { "content-type": "application/json" },
              bodies,
              paths: [],
              connections,
              ...roundTiming(context.options, round),
            }),
      );
      context.log(
        `case from memory: floor p50 ${floorLoad.p50.toFixed(2)} ms, ${floorLoad.throughput.toFixed(0)} req/s; graphql-yoga from memory p50 ${memory.p50.toFixed(2)} ms, ${memory.throughput.toFixed(0)} req/s`,
      );
      return {
        floor: floorLoad,
        memory,
        p50Ratio: ratio(memory.p50, floorLoad.p50),
        throughputRatio: ratio(memory.throughput, floorLoad.throughput),
        answerBytes: bytes / bodies.length,
      };
    } finally {
      await server.child.stop();
    }
  } finally {
    rmSync(answersFile, { force: true });
  }
}
