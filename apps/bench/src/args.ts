import { parseArgs } from "node:util";
import { BenchError } from "./errors.js";

/** What one `pnpm bench` run measures, and how long. */
export interface BenchOptions {
  /** Cases in the main data set (about ten meetings each). */
  scale: number;
  /** The smaller data set the report worker's peak memory is compared against. */
  smallScale: number;
  /** Seconds of measured load per operation and server, split over the rounds. */
  duration: number;
  /** Rounds a comparison alternates its two servers in (see `alternateRounds`). */
  rounds: number;
  /** Seconds of unmeasured load before each server's first round of a measurement. */
  warmup: number;
  /** Concurrent connections of the load generator. */
  connections: number;
  /** Report runs per data set (the median is kept). */
  reportRepeat: number;
  /** Sequential requests per operation when counting SQL statements. */
  countRequests: number;
  /** PostgreSQL server the bench databases live on (the database name in it is replaced). */
  serverUrl: string;
  /** Bench databases are named `<prefix>_<scale>` and kept for the next run. */
  databasePrefix: string;
  /** Where benchmarks.md and benchmarks.json go; null: not written. */
  docsDir: string | null;
  /** Where the raw load-generator output goes. */
  resultsDir: string;
  quick: boolean;
  /** Also load the gateway on the machine's own Node.js 20 (a paired comparison with 24). */
  node20: boolean;
}

export const usage = `usage: pnpm bench [--quick] [--scale N] [--small-scale N] [--duration S] [--rounds N] [--warmup S]
                  [--connections C] [--report-repeat N] [--database-url URL] [--docs DIR | --no-docs] [--node20]
  --quick          a smoke run: 2 000 cases, 3 s per measurement (for CI)
  --scale          cases in the main data set (default 100 000; about 10 meetings per case)
  --small-scale    the smaller data set for the report's peak memory (default scale / 10)
  --duration       seconds of measured load per operation and server (default 10; quick 3)
  --rounds         rounds the two servers of a comparison alternate in, sharing the duration (default 5; quick 1)
  --warmup         seconds of unmeasured load before each server's first round (default 3; quick 1)
  --connections    concurrent connections of the load generator (default 10)
  --report-repeat  report runs per data set, median kept (default 3; quick 1)
  --database-url   PostgreSQL server (default $BENCH_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres);
                   bench databases ankkuri_bench_<scale> are created on it and reused by later runs
  --database-prefix  bench databases are <prefix>_<scale> (default ankkuri_bench)
  --docs DIR       where benchmarks.md and benchmarks.json are written (default docs)
  --no-docs        write no documents (only the summary and bench-results/)
  --node20         also load the gateway on the machine's Node.js 20 (the first on PATH outside node_modules)
`;

function positiveInt(name: string, value: string | undefined, fallback: number, max: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_\s]/g, ""));
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new BenchError("arguments", `--${name} must be a whole number from 1 to ${String(max)}, not "${value}"`);
  return n;
}

function databasePrefix(value: string | undefined): string {
  if (value === undefined) return "ankkuri_bench";
  if (!/^[a-z][a-z0-9_]{0,39}$/.test(value))
    throw new BenchError(
      "arguments",
      `--database-prefix must be lower-case letters, digits and _ (at most 40), not "${value}"`,
    );
  return value;
}

/** The command line (and `BENCH_DATABASE_URL`) as options; throws `BenchError` on a bad flag. */
export function parseBenchArgs(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
): BenchOptions | "help" {
  let values;
  try {
    ({ values } = parseArgs({
      // `pnpm bench -- --quick` passes the separator through.
      args: argv.filter((a) => a !== "--"),
      options: {
        "quick": { type: "boolean", default: false },
        "scale": { type: "string" },
        "small-scale": { type: "string" },
        "duration": { type: "string" },
        "rounds": { type: "string" },
        "warmup": { type: "string" },
        "connections": { type: "string" },
        "report-repeat": { type: "string" },
        "database-url": { type: "string" },
        "database-prefix": { type: "string" },
        "docs": { type: "string" },
        "no-docs": { type: "boolean", default: false },
        "node20": { type: "boolean", default: false },
        "help": { type: "boolean", short: "h", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new BenchError("arguments", error instanceof Error ? error.message : String(error));
  }
  if (values.help) return "help";
  const quick = values.quick;
  const scale = positiveInt("scale", values.scale, quick ? 2_000 : 100_000, 1_000_000);
  const smallScale = positiveInt("small-scale", values["small-scale"], Math.max(1, Math.round(scale / 10)), 1_000_000);
  if (smallScale >= scale) throw new BenchError("arguments", "--small-scale must be below --scale");
  const serverUrl = values["database-url"] ?? env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
  if (!/^postgres(ql)?:\/\//.test(serverUrl))
    throw new BenchError("arguments", "--database-url must be a postgres:// URL");
  if (values["no-docs"] && values.docs !== undefined)
    throw new BenchError("arguments", "--docs and --no-docs exclude each other");
  return {
    scale,
    smallScale,
    duration: positiveInt("duration", values.duration, quick ? 3 : 10, 600),
    rounds: positiveInt("rounds", values.rounds, quick ? 1 : 5, 20),
    warmup: positiveInt("warmup", values.warmup, quick ? 1 : 3, 600),
    connections: positiveInt("connections", values.connections, 10, 1000),
    reportRepeat: positiveInt("report-repeat", values["report-repeat"], quick ? 1 : 3, 50),
    countRequests: quick ? 5 : 20,
    serverUrl,
    databasePrefix: databasePrefix(values["database-prefix"]),
    docsDir: values["no-docs"] ? null : (values.docs ?? "docs"),
    resultsDir: "bench-results",
    quick,
    node20: values.node20,
  };
}
