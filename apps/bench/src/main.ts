import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { generateKeySettings, keySettingsEnv } from "@ankkuri/db";
import { ChildProcessError, workspaceRoot } from "@ankkuri/processes";
import { type BenchOptions, parseBenchArgs, usage } from "./args.js";
import { type BenchDatabase, ensureBenchDatabase, type KeyEnv } from "./bench-database.js";
import { prepareAuth } from "./bench-auth.js";
import { checkTargets, renderMarkdown, summaryTable } from "./document.js";
import { BenchError } from "./errors.js";
import { describeMachine } from "./machine.js";
import { auditOverhead } from "./phases/audit.js";
import { caseFromMemory } from "./phases/case-from-memory.js";
import { derivedAnswers } from "./phases/derived-answers.js";
import { coldAndWarmStart } from "./phases/cold-start.js";
import { emptyRequest } from "./phases/empty-request.js";
import type { RunContext } from "./phases/context.js";
import { checkPostgraphileSecured, type Contenders, gatewayVersusFloor } from "./phases/gateway-vs-floor.js";
import { node22Version, registryNode, systemNode20 } from "./node-runtimes.js";
import {
  caseworkerToken,
  jwtSecret,
  postgraphileVersion,
  preparePostgraphile,
} from "./postgraphile/postgraphile-setup.js";
import { helsinkiToday, pickInputs } from "./phases/inputs.js";
import { reportVersusAggregates } from "./phases/reporter.js";
import { countStatements } from "./phases/statements.js";
import type { BenchResults } from "./results.js";
import { gatewaySetup, type Server, startFloor, startGateway, startPostgraphile } from "./servers.js";
import { round } from "./stats.js";

// `pnpm bench [--quick] [...]`: the gateway and the report worker against hand-written SQL on
// PostgreSQL, embedded start-up and the audit log's cost; see docs/benchmarks.md.

const log = (line: string) => process.stderr.write(`bench: ${line}\n`);

/** Rounds every number of the results for the JSON (raw figures stay in bench-results/). */
function rounded(value: unknown): unknown {
  if (typeof value === "number") return round(value, 3);
  if (Array.isArray(value)) return value.map(rounded);
  if (value !== null && typeof value === "object")
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rounded(v)]));
  return value;
}

/**
 * The gateway on Node.js 22 (and 20 with `--node20`), and PostGraphile on Node.js 22 as it comes and
 * secured (JWT and row-level security), on the main bench database; each joins `servers` once started.
 */
async function startContenders(context: RunContext, servers: Server[]): Promise<Contenders> {
  const { database, keys, resultsDir } = context;
  const node22 = await registryNode(node22Version, log);
  // Every gateway of the comparisons runs as the product does: authorization and audit log on.
  const { env, tokens } = gatewaySetup(database.url, keys, context.auth, true);
  const started = async <T extends Server>(server: Promise<T>): Promise<T> => {
    const s = await server;
    servers.push(s);
    return s;
  };
  const gatewayNode22 = await started(startGateway("gateway-node22", env, resultsDir, { node: node22, tokens }));
  const gatewayNode20 = context.options.node20
    ? await started(startGateway("gateway-node20", env, resultsDir, { node: await systemNode20(), tokens }))
    : null;
  log(
    `PostGraphile ${postgraphileVersion} on Node.js ${node22Version}: as it comes, and with JWT and row-level security`,
  );
  const securedUrl = await preparePostgraphile(database.url);
  const postgraphile = await started(startPostgraphile("postgraphile", database.url, resultsDir, node22));
  const secret = jwtSecret();
  const secured = {
    server: await started(startPostgraphile("postgraphile-rls", securedUrl, resultsDir, node22, secret)),
    token: await caseworkerToken(secret, context.inputs),
  };
  await checkPostgraphileSecured(secured);
  return { gatewayNode22, gatewayNode20, postgraphile, postgraphileRls: secured };
}

async function run(options: BenchOptions): Promise<BenchResults> {
  const started = performance.now();
  const stamp = new Date().toISOString().replace(/[:.]/g, "-").slice(0, 19);
  const resultsDir = resolve(workspaceRoot, options.resultsDir, stamp);
  mkdirSync(resultsDir, { recursive: true });
  log(`raw results and server logs: ${join(options.resultsDir, stamp)}`);

  const keys: KeyEnv = keySettingsEnv(generateKeySettings());
  const today = helsinkiToday();
  const databases: BenchDatabase[] = [];
  for (const scale of [options.smallScale, options.scale]) {
    databases.push(
      await ensureBenchDatabase({
        serverUrl: options.serverUrl,
        prefix: options.databasePrefix,
        scale,
        today,
        keys,
        log,
      }),
    );
  }
  const [small, full] = databases as [BenchDatabase, BenchDatabase];
  const machine = await describeMachine(full.url);

  // Only the development issuer's signing key lives here (tokens for the fictional users).
  const dataDir = mkdtempSync(join(tmpdir(), "ankkuri-bench-"));
  const servers: Server[] = [];
  let auth: Awaited<ReturnType<typeof prepareAuth>> | null = null;
  try {
    const inputs = await pickInputs(full.url);
    auth = await prepareAuth({ caseworker: inputs.caseworker.login, leadership: inputs.leadership.login }, dataDir, {
      DATABASE_URL: full.url,
      ...keys,
    });
    const context: RunContext = { options, resultsDir, database: full, keys, inputs, auth, log };

    log(`gateway and floor on ${full.name}`);
    const setup = gatewaySetup(full.url, keys, auth, true);
    const gateway = await startGateway("gateway", setup.env, resultsDir, { tokens: setup.tokens });
    servers.push(gateway);
    const floor = await startFloor("floor", full.url, resultsDir);
    servers.push(floor);
    const contenders = await startContenders(context, servers);
    const operations = await gatewayVersusFloor(context, gateway, floor, contenders);
    // Only the gateway and the floor stay for the phases below.
    await Promise.all(
      [contenders.gatewayNode22, contenders.gatewayNode20, contenders.postgraphile, contenders.postgraphileRls?.server]
        .flatMap((server) => (server ? [server] : []))
        .map((server) => {
          servers.splice(servers.indexOf(server), 1);
          return server.child.stop();
        }),
    );
    log("derived answers: chair calendar and FTE dashboard with the gateway's derived-answer cache off and on");
    const derived = await derivedAnswers(context, gateway);
    log("audit log: case query with the audit log on and off");
    const audit = await auditOverhead(context);
    log("empty request: graphql-yoga with no plugins, then the gateway");
    const empty = await emptyRequest(context, gateway);
    log("case screen from memory: graphql-yoga with the gateway's schema and its answers, against the floor");
    const fromMemory = await caseFromMemory(context, gateway, floor);
    await Promise.all(servers.splice(0).map((s) => s.child.stop()));

    log("counting SQL statements per request");
    const counts = await countStatements(context);
    for (const op of operations) op.statements = counts.get(op.key) ?? null;

    const reports = [];
    for (const database of [small, full]) {
      log(`annual report ${inputs.period.from}..${inputs.period.to} against its aggregates on ${database.name}`);
      reports.push(await reportVersusAggregates(database, keys, inputs.teamId, inputs.period, options.reportRepeat));
    }

    log("embedded start-up, cold and warm");
    const start = await coldAndWarmStart(resultsDir, log);

    const results: BenchResults = {
      date: new Date().toISOString().slice(0, 10),
      machine,
      options: {
        scale: options.scale,
        smallScale: options.smallScale,
        duration: options.duration,
        rounds: options.rounds,
        warmup: options.warmup,
        connections: options.connections,
        reportRepeat: options.reportRepeat,
        countRequests: options.countRequests,
        quick: options.quick,
        node20: options.node20,
      },
      runtimes: { gateway: process.version, node22: `v${node22Version}`, postgraphile: postgraphileVersion },
      datasets: databases.map((d) => ({
        name: d.name,
        scale: d.scale,
        cases: d.cases,
        meetings: d.meetings,
        today: d.today,
        reused: !d.created,
        synthSeconds: d.synthSeconds,
      })),
      operations,
      reports,
      start,
      audit,
      emptyRequest: empty,
      derivedAnswers: derived,
      caseFromMemory: fromMemory,
      targets: [],
      runSeconds: 0,
    };
    results.targets = checkTargets(results);
    results.runSeconds = (performance.now() - started) / 1000;
    return results;
  } finally {
    await Promise.all(servers.map((s) => s.child.stop()));
    await auth?.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

try {
  const options = parseBenchArgs(process.argv.slice(2), process.env);
  if (options === "help") {
    process.stdout.write(usage);
  } else {
    const results = await run(options);
    writeFileSync(resolve(workspaceRoot, options.resultsDir, "latest.json"), `${JSON.stringify(results, null, 2)}\n`);
    if (options.docsDir !== null) {
      const docs = resolve(workspaceRoot, options.docsDir);
      mkdirSync(docs, { recursive: true });
      writeFileSync(join(docs, "benchmarks.json"), `${JSON.stringify(rounded(results), null, 2)}\n`);
      writeFileSync(join(docs, "benchmarks.md"), renderMarkdown(results));
      log(`wrote ${join(options.docsDir, "benchmarks.md")} and benchmarks.json`);
    }
    const missed = results.targets.filter((t) => !t.met);
    process.stdout.write(
      `\n${summaryTable(results)}\n\n${missed.length === 0 ? "Every target met." : `Targets not met: ${missed.map((t) => `${t.name} (${t.measured}; goal ${t.target})`).join("; ")}.`}\n`,
    );
  }
} catch (error) {
  if (error instanceof BenchError) {
    process.stderr.write(`bench: ${error.message}\n`);
    if (error.code === "arguments") process.stderr.write(`\n${usage}`);
    process.exitCode = 1;
  } else if (error instanceof ChildProcessError) {
    process.stderr.write(`bench: ${error.message}\n`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
