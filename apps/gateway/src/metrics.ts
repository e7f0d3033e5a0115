import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { type Database, type PoolStats, queryRows, sql } from "@ankkuri/db";
import { createCounter, createHistogram, type FillLabelsFnParams } from "@graphql-yoga/plugin-prometheus";
import { Kind, parse } from "graphql";
import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";

/** Label of every operation that is not a documented one, or whose caller is not signed in. */
export const otherOperation = "other";

/**
 * The names of the documented operations: those of the committed manifest of `docs/operations`
 * (`persisted-operations/ankkuri.json`, beside `src/`) and of a configured persisted-operations file. Only
 * these names label metrics and logs; any other name a caller chooses becomes `other`.
 */
export function documentedOperationNames(texts: Iterable<string>): Set<string> {
  const names = new Set<string>();
  for (const text of texts) {
    try {
      for (const definition of parse(text).definitions)
        if (definition.kind === Kind.OPERATION_DEFINITION && definition.name) names.add(definition.name.value);
    } catch {
      // Not an operation: names nothing.
    }
  }
  return names;
}

/** The committed manifest's operations (empty when the file is not there, e.g. a trimmed image). */
export function committedOperationTexts(): string[] {
  try {
    const file = new URL("../persisted-operations/ankkuri.json", import.meta.url);
    return Object.values(JSON.parse(readFileSync(file, "utf8")) as Record<string, string>);
  } catch {
    return [];
  }
}

/** The gateway's metrics: the process's, GraphQL's (by documented operation) and the operator's. */
export interface GatewayMetrics {
  registry: Registry;
  /** The label of an operation: its name when documented and the caller is signed in, else `other`. */
  operationLabel(name: string | null | undefined, signedIn: boolean): string;
  /** Requests whose data was withheld (503) because the audit log could not be written. */
  auditWithheld: Counter;
  /** Responses by status class (`2xx` … `5xx`). */
  httpResponses: Counter<"class">;
  /** Requests refused by the rate limit. */
  rateLimited: Counter;
  /** The yoga plugin's metric definitions, labelled with `operationLabel`. */
  graphqlMetrics: Record<string, unknown>;
}

/**
 * Builds the metrics of one gateway (tests run several in a process). Report runs by status and
 * the database pool are read when Prometheus scrapes, not on every request.
 */
export function createGatewayMetrics(options: {
  knownOperations: ReadonlySet<string>;
  db: Database;
  poolStats?: (() => PoolStats) | undefined;
}): GatewayMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const operationLabel = (name: string | null | undefined, signedIn: boolean) =>
    signedIn && name && options.knownOperations.has(name) ? name : otherOperation;
  const labels = (params: FillLabelsFnParams, context: unknown) => ({
    operationType: params.operationType ?? "unknown",
    operationName: operationLabel(params.operationName, Boolean((context as { actor?: unknown } | null)?.actor)),
  });
  const graphqlMetrics = {
    graphql_envelop_request: createCounter({
      registry,
      counter: {
        name: "graphql_envelop_request",
        help: "GraphQL operations executed, by type and documented operation name (else `other`)",
        labelNames: ["operationType", "operationName"],
      },
      fillLabelsFn: labels,
    }),
    graphql_envelop_request_duration: createHistogram({
      registry,
      histogram: {
        name: "graphql_envelop_request_duration",
        help: "Seconds from parse to the end of execution, by type and documented operation name (else `other`)",
        labelNames: ["operationType", "operationName"],
      },
      fillLabelsFn: labels,
    }),
    // No `path` label: a path is made of the caller's aliases.
    graphql_envelop_error_result: createCounter({
      registry,
      counter: {
        name: "graphql_envelop_error_result",
        help: "Errors in results, by phase, type and documented operation name (else `other`)",
        labelNames: ["operationType", "operationName", "phase"],
      },
      fillLabelsFn: (params: FillLabelsFnParams, context: unknown) => ({
        ...labels(params, context),
        phase: params.errorPhase ?? "unknown",
      }),
    }),
  };
  const auditWithheld = new Counter({
    name: "ankkuri_audit_write_failures_total",
    help: "Requests whose data was withheld with 503 because their audit entries could not be written",
    registers: [registry],
  });
  const httpResponses = new Counter({
    name: "ankkuri_http_responses_total",
    help: "HTTP responses of the API by status class",
    labelNames: ["class"] as const,
    registers: [registry],
  });
  for (const c of ["2xx", "3xx", "4xx", "5xx"]) httpResponses.inc({ class: c }, 0);
  const rateLimited = new Counter({
    name: "ankkuri_rate_limited_total",
    help: "Requests refused with 429 by the per-person rate limit",
    registers: [registry],
  });
  new Gauge({
    name: "ankkuri_report_runs",
    help: "Report runs by status (all teams): `queued` is the queue depth, `failed` the runs that gave up",
    labelNames: ["status"] as const,
    registers: [registry],
    async collect() {
      const rows = await queryRows<{ status: string; n: number }>(
        options.db,
        sql`select status, count(*)::int as n from report_runs group by status`,
      ).catch(() => null);
      this.reset();
      if (rows === null) return;
      const counts = new Map(rows.map((r) => [r.status, r.n]));
      for (const status of ["queued", "running", "completed", "failed"]) this.set({ status }, counts.get(status) ?? 0);
    },
  });
  if (options.poolStats) {
    const stats = options.poolStats;
    let reportedWaits = 0;
    new Gauge({
      name: "ankkuri_db_pool_connections",
      help: "Database pool connections by state: `max`, `in_use`, and calls `waiting` for a free one",
      labelNames: ["state"] as const,
      registers: [registry],
      collect() {
        const s = stats();
        this.set({ state: "max" }, s.max);
        this.set({ state: "in_use" }, s.inUse);
        this.set({ state: "waiting" }, s.waiting);
      },
    });
    new Counter({
      name: "ankkuri_db_pool_waits_total",
      help: "Database calls that found every pool connection busy and waited for one",
      registers: [registry],
      collect() {
        // prom-client counters only go up: add the waits since the last scrape.
        const total = stats().waitsTotal;
        if (total > reportedWaits) this.inc(total - reportedWaits);
        reportedWaits = total;
      },
    });
  }
  return { registry, operationLabel, auditWithheld, httpResponses, rateLimited, graphqlMetrics };
}

/** Serves `/metrics` (and nothing else) of `registry` on its own port, loopback by default. */
export async function listenMetrics(
  registry: Registry,
  options: { host: string; port: number },
): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "GET" || path !== "/metrics") {
      res.writeHead(404, { "content-type": "text/plain" }).end("not found\n");
      return;
    }
    registry.metrics().then(
      (text) => {
        res.writeHead(200, { "content-type": registry.contentType }).end(text);
      },
      () => {
        res.writeHead(500, { "content-type": "text/plain" }).end("metrics failed\n");
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : options.port;
  return {
    server,
    url: `http://${options.host.includes(":") ? `[${options.host}]` : options.host}:${String(port)}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => {
          resolve();
        });
        server.closeAllConnections();
      }),
  };
}
