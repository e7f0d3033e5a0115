import { parseArgs } from "node:util";
import { fromParts } from "@ankkuri/domain";
import { SingleBar } from "cli-progress";
import { z } from "zod";
import { createIdentityVault } from "../keys/identity-vault.js";
import { synthTables } from "../synth/case-rows.js";
import { type SynthOptions, synthOptionsSchema } from "../synth/synth-options.js";
import { type SynthSummary, synthesize } from "../synth/synthesize.js";
import { withRuntime } from "./cli.js";

const usage = `usage: pnpm db:synth --scale N [--teams T] [--seed S] [--today YYYY-MM-DD] [--batch-size B]
  --scale       cases to create, 1–1 000 000 (required)
  --teams       teams to spread them over: Helsinki plus T−1 fictional clones (default 1)
  --seed        PRNG seed: the same seed and day give the same data (default 1)
  --today       last day of the history (default: today)
  --batch-size  cases per transaction (default 1000)
`;

const number = (value: string | undefined) => (value === undefined ? undefined : Number(value));

/** The command line as synth options; `today` is the clock's date unless given. */
function parseOptions(argv: string[], today: string): SynthOptions {
  // `pnpm db:synth -- --scale 10` passes the separator through.
  const { values } = parseArgs({
    args: argv.filter((a) => a !== "--"),
    options: {
      "scale": { type: "string" },
      "teams": { type: "string" },
      "seed": { type: "string" },
      "today": { type: "string" },
      "batch-size": { type: "string" },
      "help": { type: "boolean", short: "h" },
    },
    strict: true,
  });
  if (values.help === true) {
    process.stdout.write(usage);
    process.exit(0);
  }
  return synthOptionsSchema.parse({
    scale: number(values.scale),
    teams: number(values.teams),
    seed: number(values.seed),
    today: values.today ?? today,
    batchSize: number(values["batch-size"]),
  });
}

const grouped = (n: number) => n.toLocaleString("fi-FI").replace(/\s/g, " ");

function summaryTable(summary: SynthSummary, seconds: number): string {
  const total = synthTables.reduce((sum, name) => sum + summary.rows[name], 0);
  const lines = [
    ["table", "rows"],
    ...synthTables.map((name) => [name, grouped(summary.rows[name])]),
    ["total", grouped(total)],
  ];
  const width = Math.max(...lines.map(([name = ""]) => name.length));
  const rowsWidth = Math.max(...lines.map(([, rows = ""]) => rows.length));
  const table = lines.map(([name = "", rows = ""]) => `${name.padEnd(width)}  ${rows.padStart(rowsWidth)}`).join("\n");
  const statuses = Object.entries(summary.statuses)
    .map(([status, n]) => `${status} ${grouped(n)} (${((100 * n) / Math.max(1, summary.cases)).toFixed(1)} %)`)
    .join(", ");
  return `${table}\n\ncases by status: ${statuses}\nteams: ${summary.teamIds.join(", ")}\nelapsed: ${seconds.toFixed(1)} s (${grouped(Math.round(total / Math.max(seconds, 0.001)))} rows/s)\n`;
}

const now = new Date();
let options: SynthOptions;
try {
  options = parseOptions(process.argv.slice(2), fromParts(now.getFullYear(), now.getMonth() + 1, now.getDate()));
} catch (error) {
  process.stderr.write(
    `db:synth: ${error instanceof z.ZodError ? z.prettifyError(error) : error instanceof Error ? error.message : String(error)}\n\n${usage}`,
  );
  process.exit(2);
}

// `pnpm db:synth --scale N`: synthetic cases, meetings, consents and referrals for benchmarks and demos.
await withRuntime("db:synth", async ({ handle, keys }) => {
  const bar = new SingleBar({
    stream: process.stderr,
    format:
      "db:synth [{bar}] {percentage}% | {value}/{total} cases | {meetings} meetings | {duration_formatted} | ETA {eta_formatted}",
    noTTYOutput: true,
    notTTYSchedule: 10_000,
    etaBuffer: 20,
  });
  bar.start(options.scale, 0, { meetings: 0 });
  const started = performance.now();
  try {
    const summary = await synthesize(handle.db, createIdentityVault(keys), options, (p) => {
      bar.update(p.cases, { meetings: p.rows.meetings });
    });
    bar.stop();
    process.stdout.write(summaryTable(summary, (performance.now() - started) / 1000));
  } finally {
    bar.stop();
  }
});
