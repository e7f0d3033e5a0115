import type { BenchOptions } from "./args.js";
import type { LoadSummary } from "./load-worker.js";
import type { Machine } from "./machine.js";
import type { OperationKey } from "./operations.js";

/** Statements one request made PostgreSQL execute, over the sequential counting requests. */
export interface StatementFigures {
  median: number;
  min: number;
  max: number;
}

/** One operation, gateway against the floor. */
export interface OperationFigures {
  key: OperationKey;
  title: string;
  /** What both servers answered (a digest), checked equal before the load. */
  answer: string;
  floor: LoadSummary;
  gateway: LoadSummary;
  /**
   * The same gateway on the Node.js 22 PostGraphile runs on, and on the machine's Node.js 20
   * (`--node20`), in the same rounds; null when not run. Absent from runs before 2026-12-07.
   */
  gatewayNode22?: LoadSummary | null;
  gatewayNode20?: LoadSummary | null;
  /**
   * PostGraphile 5 (amber preset, Node.js 22) as it comes — no authorization — and secured with JWT
   * claims and row-level security policies implementing the need-to-know rule, in the same rounds;
   * null for the operations it cannot answer (derived in the domain) or when not run.
   */
  postgraphile?: LoadSummary | null;
  postgraphileRls?: LoadSummary | null;
  /** The rows PostGraphile served, in the form checked equal to the gateway's (lists as sets). */
  peerAnswer?: string | null;
  /** gateway ÷ floor. */
  p50Ratio: number;
  p99Ratio: number;
  /** gateway ÷ floor (the share of the floor's throughput the gateway reaches). */
  throughputRatio: number;
  statements: { floor: StatementFigures; gateway: StatementFigures; gatewayWithAudit: StatementFigures } | null;
}

/** The annual report against its bare aggregates on one data set. */
export interface ReportFigures {
  scale: number;
  cases: number;
  meetings: number;
  casesInPeriod: number;
  period: { from: string; to: string };
  reportMs: number;
  aggregatesMs: number;
  /** report ÷ aggregates. */
  ratio: number;
  baselineRssMb: number;
  peakRssMb: number;
}

/** Embedded start-up: spawn to the first answered query (`phases/cold-start.ts`). */
export interface StartFigures {
  /** A fresh data folder and no prepared database. */
  firstEverMs: number;
  /** A fresh data folder, started from the prepared database. */
  coldMs: number;
  warmMs: number;
  /** Building the bundle every start runs (part of `pnpm start`, before the process is spawned). */
  bundleMs?: number;
}

/** The case query with the audit log on against off. */
export interface AuditFigures {
  off: LoadSummary;
  on: LoadSummary;
  /** on ÷ off. */
  throughputRatio: number;
  p50Ratio: number;
}

/** A derived operation on the gateway with its derived-answer cache (as it runs) against without. */
export interface DerivedAnswerFigures {
  key: "chair-calendar" | "fte-dashboard";
  /** The gateway as it runs against the floor. */
  on: LoadSummary;
  /** A gateway with DERIVED_ANSWER_CACHE=off: every request computes its answer. */
  off: LoadSummary;
  /** on ÷ off. */
  p50Ratio: number;
  throughputRatio: number;
}

/** \`{ __typename }\`, which touches no data: graphql-yoga with no plugins against the gateway. */
export interface EmptyRequestFigures {
  /** graphql-yoga as it comes, one-field schema, no authentication. */
  bare: LoadSummary;
  /** The gateway, authenticated (token verification, limits, metrics, context). */
  gateway: LoadSummary;
  /** gateway ÷ bare. */
  p50Ratio: number;
  throughputRatio: number;
}

/**
 * The case screen answered from memory by graphql-yoga with the gateway's schema and no plugins (the
 * gateway's own answers), against the floor: what the framework alone spends on that answer.
 */
export interface CaseFromMemoryFigures {
  floor: LoadSummary;
  memory: LoadSummary;
  /** memory ÷ floor. */
  p50Ratio: number;
  throughputRatio: number;
  /** Mean length of a served `case` answer's JSON, in bytes. */
  answerBytes: number;
}

/** A target of the issue and whether this run met it. */
export interface TargetCheck {
  name: string;
  target: string;
  measured: string;
  met: boolean;
}

/** Everything one run measured (docs/benchmarks.json). */
export interface BenchResults {
  date: string;
  machine: Machine;
  options: Pick<
    BenchOptions,
    | "scale"
    | "smallScale"
    | "duration"
    | "rounds"
    | "warmup"
    | "connections"
    | "reportRepeat"
    | "countRequests"
    | "quick"
    | "node20"
  >;
  /** The gateway's Node.js, the Node.js 22 beside it and PostGraphile's version. Absent before 2026-12-07. */
  runtimes?: { gateway: string; node22: string; postgraphile: string };
  datasets: {
    name: string;
    scale: number;
    cases: number;
    meetings: number;
    today: string;
    reused: boolean;
    synthSeconds: number | null;
  }[];
  operations: OperationFigures[];
  reports: ReportFigures[];
  start: StartFigures | null;
  audit: AuditFigures | null;
  /** Absent from runs before 2026-12-01. */
  emptyRequest?: EmptyRequestFigures | null;
  /** Absent from runs before the derived-answer cache (2026-12-01). */
  derivedAnswers?: DerivedAnswerFigures[];
  /** Absent from runs before the case-from-memory phase (2026-12-01). */
  caseFromMemory?: CaseFromMemoryFigures | null;
  targets: TargetCheck[];
  runSeconds: number;
}
