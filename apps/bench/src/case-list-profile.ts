import { mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { generateKeySettings, keySettingsEnv } from "@ankkuri/db";
import { workspaceRoot } from "@ankkuri/processes";
import { z } from "zod";
import { prepareAuth } from "./bench-auth.js";
import { ensureBenchDatabase } from "./bench-database.js";
import { readCpuProfile, summariseProfile } from "./cpu-profile.js";
import { runTimedLoad } from "./load.js";
import { operations } from "./operations.js";
import { helsinkiToday, pickInputs } from "./phases/inputs.js";
import { gatewaySetup, type Server, startFloor, startGateway } from "./servers.js";
import { median, round } from "./stats.js";

// `pnpm --filter @ankkuri/bench profile:case-list [--scale N] [--rounds N] [--duration S] [--audit on|off]`
// The case list (the bench's operation) on the gateway and the floor in alternating rounds at 10
// connections on the bench database of that scale, with the gateway under `--cpu-prof`: where the
// gateway's time goes while it is loaded. An investigation tool beside `pnpm bench`, not a target.
const optionsSchema = z.object({
  "scale": z.coerce.number().int().min(1).default(100_000),
  "rounds": z.coerce.number().int().min(1).max(20).default(3),
  "duration": z.coerce.number().int().min(1).max(120).default(5),
  "audit": z.enum(["on", "off"]).default("on"),
  "database-url": z.string().startsWith("postgres").default("postgres://postgres@127.0.0.1:5432/postgres"),
});

const { values } = parseArgs({
  args: process.argv.slice(2).filter((a) => a !== "--"),
  options: {
    "scale": { type: "string" },
    "rounds": { type: "string" },
    "duration": { type: "string" },
    "audit": { type: "string" },
    "database-url": { type: "string" },
  },
});
const parsed = optionsSchema.safeParse(values);
if (!parsed.success) {
  process.stderr.write(`${z.prettifyError(parsed.error)}\n`);
  process.exit(2);
}
const options = parsed.data;
const log = (line: string) => process.stdout.write(`${line}\n`);

const keys = keySettingsEnv(generateKeySettings());
const database = await ensureBenchDatabase({
  serverUrl: options["database-url"],
  prefix: "ankkuri_bench",
  scale: options.scale,
  today: helsinkiToday(),
  keys,
  log,
});
const inputs = await pickInputs(database.url);
const dataDir = mkdtempSync(join(tmpdir(), "ankkuri-profile-"));
const resultsDir = resolve(
  workspaceRoot,
  "bench-results",
  `case-list-profile-${new Date().toISOString().slice(0, 19)}`,
);
const profileDir = join(resultsDir, "cpu");
mkdirSync(profileDir, { recursive: true });
const auth = await prepareAuth({ caseworker: inputs.caseworker.login, leadership: inputs.leadership.login }, dataDir, {
  DATABASE_URL: database.url,
  ...keys,
});
// With the audit log, as deployed (production, the local issuer); without it, development mode.
const setup = gatewaySetup(database.url, keys, auth, options.audit === "on");
const token = setup.tokens.caseworker;
const operation = operations.find((o) => o.key === "case-list");
if (!operation) throw new Error("the bench has no case-list operation");

const gateway = await startGateway(
  "gateway",
  { ...setup.env, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${profileDir}` },
  resultsDir,
);
const floor = await startFloor("floor", database.url, resultsDir);
const load = (server: Server, name: string, round: number, graphql: boolean) =>
  runTimedLoad(
    `${name}.${String(round + 1)}`,
    resultsDir,
    {
      url: graphql ? `${server.url}/graphql` : server.url,
      method: graphql ? "POST" : "GET",
      headers: { "content-type": "application/json" },
      bodies: graphql ? operation.gatewayBodies(inputs) : [],
      paths: graphql ? [] : operation.floorPaths(inputs),
      connections: 10,
      duration: options.duration,
      warmup: round === 0 ? 2 : 0,
    },
    graphql ? token : undefined,
  );

const p50 = { gateway: [] as number[], floor: [] as number[] };
const perSecond = { gateway: [] as number[], floor: [] as number[] };
try {
  for (let r = 0; r < options.rounds; r++) {
    const g = (await load(gateway, "gateway", r, true)).summary;
    const f = (await load(floor, "floor", r, false)).summary;
    if (g.non2xx + g.errors + g.errorAnswers > 0) throw new Error(`the gateway failed requests: ${JSON.stringify(g)}`);
    p50.gateway.push(g.p50);
    p50.floor.push(f.p50);
    perSecond.gateway.push(g.throughput);
    perSecond.floor.push(f.throughput);
    log(
      `round ${String(r + 1)}: gateway p50 ${String(round(g.p50, 1))} ms, ${String(round(g.throughput, 1))} req/s; floor p50 ${String(round(f.p50, 1))} ms, ${String(round(f.throughput, 1))} req/s`,
    );
  }
} finally {
  await gateway.child.stop();
  await floor.child.stop();
  await auth.close();
  rmSync(dataDir, { recursive: true, force: true });
}

const gatewayP50 = median(p50.gateway);
const floorP50 = median(p50.floor);
log(
  `median p50: gateway ${String(round(gatewayP50, 1))} ms, floor ${String(round(floorP50, 1))} ms (${String(round(gatewayP50 / floorP50))}×); throughput ${String(round(median(perSecond.gateway), 1))} against ${String(round(median(perSecond.floor), 1))} req/s; audit log ${options.audit}`,
);
const [file] = readdirSync(profileDir).filter((f) => f.endsWith(".cpuprofile"));
if (file) {
  const summary = summariseProfile(readCpuProfile(join(profileDir, file)));
  const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
  log(
    `gateway while loaded (${String(summary.window.from)}–${String(summary.window.to)} s of its life): idle ${pct(summary.idle)}, garbage collection ${pct(summary.gc)}; own time:`,
  );
  for (const entry of summary.top) log(`  ${pct(entry.share).padStart(7)}  ${entry.name}`);
  log(`profile: ${join(profileDir, file)} (open it in Chrome's DevTools or speedscope)`);
}
