import fc from "fast-check";
import type { GraphQLSchema } from "graphql";
import { seededRandom } from "../random.js";
import { injectionPayloads } from "./payloads.js";
import {
  type KnownIds,
  replaceAt,
  type SchemaOperation,
  schemaOperations,
  type ValuePath,
} from "./schema-operations.js";

/** Who a request claims to be: a seeded user's valid token, a damaged one, a raw header, or nobody. */
export type Actor = "police" | "socialWorker" | "steering" | "auditor" | "admin";
export type Auth =
  | { as: Actor }
  | { tamper: "signature" | "payload" | "alg-none" | "lowercase-scheme" | "expired-shape"; as: Actor }
  | { raw: string }
  | null;

export const categories = [
  "injection",
  "inline-injection",
  "wrong-types",
  "invalid-json",
  "envelope",
  "huge",
  "deep-nesting",
  "alias-flood",
  "batch-flood",
  "protocol",
] as const;
export type Category = (typeof categories)[number];

/** One request of the corpus, as data: the runner adds the token and sends it. */
export interface HostileRequest {
  category: Category;
  /** What the request tries, for the failure report. */
  note: string;
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string | Buffer;
  auth: Auth;
  /** Must be refused (4xx or a GraphQL error): a cost bomb that ran would pass as "accepted" otherwise. */
  mustRefuse?: boolean;
}

// The shares of the corpus; injection into every text input gets the most.
const shares: Record<Category, number> = {
  "injection": 0.34,
  "inline-injection": 0.05,
  "wrong-types": 0.18,
  "invalid-json": 0.08,
  "envelope": 0.07,
  "huge": 0.04,
  "deep-nesting": 0.06,
  "alias-flood": 0.05,
  "batch-flood": 0.06,
  "protocol": 0.07,
};

interface Context {
  random: () => number;
  seed: number;
  operations: SchemaOperation[];
  known: KnownIds;
  auth: () => Auth;
}

const json = { "content-type": "application/json", "accept": "application/graphql-response+json, application/json" };

function post(
  category: Category,
  note: string,
  body: string | Buffer,
  auth: Auth,
  headers: Record<string, string> = json,
): HostileRequest {
  return { category, note, method: "POST", path: "/graphql", headers, body, auth };
}

const pick = <T>(random: () => number, items: readonly T[]): T => {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
};

/** `n` items from `pairs` in an order that covers every position before repeating one, cycling if needed. */
function coverFirst<P, V>(positions: readonly P[], values: readonly V[], n: number): [P, V][] {
  const out: [P, V][] = [];
  if (positions.length === 0 || values.length === 0) return out;
  for (let i = 0; out.length < n; i++) {
    const p = i % positions.length;
    const round = Math.floor(i / positions.length);
    // Values may themselves be undefined (a missing variable), so index rather than test the value.
    out.push([positions[p] as P, values[(round + p) % values.length] as V]);
  }
  return out;
}

const textPositions = (ops: SchemaOperation[]) => ops.flatMap((op) => op.textPaths.map((path) => ({ op, path })));
const valuePositions = (ops: SchemaOperation[]) => ops.flatMap((op) => op.valuePaths.map((path) => ({ op, path })));
const bodyOf = (op: SchemaOperation, path: ValuePath, value: unknown) =>
  JSON.stringify({ query: op.document, variables: replaceAt(op.variables, path, value) });

function injection(n: number, ctx: Context): HostileRequest[] {
  return coverFirst(textPositions(ctx.operations), injectionPayloads, n).map(([{ op, path }, payload]) =>
    post(
      "injection",
      `${op.name} ${path.join(".")} ← ${JSON.stringify(payload.slice(0, 40))}`,
      bodyOf(op, path, payload),
      ctx.auth(),
    ),
  );
}

function inlineInjection(n: number, ctx: Context): HostileRequest[] {
  const positions = ctx.operations.flatMap((op) => op.inlineTextArgs.map((arg) => ({ op, arg })));
  return coverFirst(positions, injectionPayloads, n).map(([{ op, arg }, payload], i) => {
    // Half as ordinary string literals (JSON escapes are GraphQL escapes), half as block strings.
    const literal =
      i % 2 === 0 || payload.includes('"""') || payload.includes("\\") ? JSON.stringify(payload) : `"""${payload}"""`;
    const { document, variables } = op.withInline(arg, literal);
    return post(
      "inline-injection",
      `${op.name}(${arg}: ${literal.slice(0, 40)})`,
      JSON.stringify({ query: document, variables }),
      ctx.auth(),
    );
  });
}

const wrongValues: readonly unknown[] = [
  null,
  undefined,
  0,
  -1,
  2 ** 31,
  -(2 ** 53),
  1e308,
  3.14,
  true,
  false,
  "",
  "x",
  "true",
  "1",
  "2026-13-45",
  "2026-02-29",
  "１２",
  [],
  [null],
  [[]],
  {},
  { a: 1 },
  { __proto__: { polluted: true } },
  JSON.parse('{"__proto__":{"polluted":true}}'),
  ["Testi", 1, null],
];

function wrongTypes(n: number, ctx: Context): HostileRequest[] {
  const random = fc.sample(fc.jsonValue({ maxDepth: 3 }), { seed: ctx.seed, numRuns: 200 });
  return coverFirst(valuePositions(ctx.operations), [...wrongValues, ...random], n).map(([{ op, path }, value]) =>
    post(
      "wrong-types",
      `${op.name} ${path.join(".")} ← ${value === undefined ? "(missing)" : JSON.stringify(value).slice(0, 40)}`,
      bodyOf(op, path, value),
      ctx.auth(),
    ),
  );
}

function invalidJson(n: number, ctx: Context): HostileRequest[] {
  const valid = JSON.stringify({ query: "query { viewer { name } }" });
  const fixed: (string | Buffer)[] = [
    "",
    "{",
    "}",
    "{'query': 'query { viewer { name } }'}",
    '{"query": "query { viewer { name } }",}',
    '{"query": "query { viewer { name } }" /* comment */}',
    '{"query": NaN}',
    '{"query": Infinity}',
    '{"query": undefined}',
    '{"query": "\u0001\u0002"}',
    `\ufeff${valid}`,
    `${valid}${valid}`,
    `${valid}garbage`,
    '{"query": "query { viewer { name } }", "query": 42}',
    "nul",
    "tru",
    '"\\ud800"',
    '{"query": "\\uZZZZ"}',
    "[".repeat(100_000),
    `${"[".repeat(50_000)}${"]".repeat(50_000)}`,
    `${'{"a":'.repeat(30_000)}1${"}".repeat(30_000)}`,
    Buffer.from([0xff, 0xfe, 0xfd]),
    Buffer.from([0xc0, 0xaf, 0x7b, 0x7d]),
    Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xed, 0xa0, 0x80, 0x22, 0x7d]),
    Buffer.alloc(1_000, 0),
    "1e99999",
    "-",
    '{"query": "query { viewer { name } }"',
  ];
  const truncated = Array.from({ length: 40 }, (_, i) => valid.slice(0, Math.floor((valid.length * i) / 40)));
  const random = fc.sample(fc.string({ unit: "binary", maxLength: 300 }), {
    seed: ctx.seed + 1,
    numRuns: Math.max(0, n - fixed.length - truncated.length),
  });
  const bodies = [
    ...fixed,
    ...truncated,
    ...random.filter((s) => {
      try {
        JSON.parse(s);
        return false;
      } catch {
        return true;
      }
    }),
  ];
  return Array.from({ length: n }, (_, i) => {
    const body = bodies[i % bodies.length] ?? "";
    return post(
      "invalid-json",
      `invalid JSON #${String(i % bodies.length)} (${String(body.length)} bytes)`,
      body,
      ctx.auth(),
    );
  });
}

function envelope(n: number, ctx: Context): HostileRequest[] {
  const q = "query { viewer { name } }";
  const bodies: string[] = [
    "null",
    "true",
    "42",
    '"query { viewer { name } }"',
    "[]",
    "{}",
    "[1,2,3]",
    "[null]",
    '[""]',
    "[[]]",
    JSON.stringify({ query: 42 }),
    JSON.stringify({ query: null }),
    JSON.stringify({ query: [q] }),
    JSON.stringify({ query: { query: q } }),
    JSON.stringify({ query: true }),
    JSON.stringify({ query: "" }),
    JSON.stringify({ query: "   " }),
    JSON.stringify({ query: "# only a comment" }),
    JSON.stringify({ variables: {} }),
    JSON.stringify({ Query: q }),
    JSON.stringify({ query: q, variables: "{}" }),
    JSON.stringify({ query: q, variables: "not json" }),
    JSON.stringify({ query: q, variables: [1, 2] }),
    JSON.stringify({ query: q, variables: 5 }),
    JSON.stringify({ query: q, variables: null }),
    JSON.stringify({ query: q, operationName: 42 }),
    JSON.stringify({ query: q, operationName: "Missing" }),
    JSON.stringify({ query: q, operationName: { a: 1 } }),
    JSON.stringify({ query: q, operationName: "" }),
    JSON.stringify({ query: "query A { viewer { name } } query B { viewer { roles } }" }),
    JSON.stringify({ query: "query A { viewer { name } } query A { viewer { roles } }", operationName: "A" }),
    JSON.stringify({ query: "{ viewer { name } } { viewer { roles } }" }),
    JSON.stringify({ query: "subscription { viewer { name } }" }),
    JSON.stringify({ query: "mutation { viewer { name } }" }),
    JSON.stringify({ query: "query { viewer { name nonexistent } }" }),
    JSON.stringify({ query: "query { nonexistent }" }),
    JSON.stringify({ query: "query { viewer }" }),
    JSON.stringify({ query: "query { viewer { name { x } } }" }),
    JSON.stringify({ query: "query { viewer @unknown { name } }" }),
    JSON.stringify({ query: "query { viewer @include { name } }" }),
    JSON.stringify({ query: 'query { viewer @skip(if: "yes") { name } }' }),
    JSON.stringify({ query: "query { ...F } fragment F on Query { ...G } fragment G on Query { ...F }" }),
    JSON.stringify({ query: "query { ...Missing }" }),
    JSON.stringify({ query: "query { viewer { ... on Case { caseId } } }" }),
    JSON.stringify({ query: "query ($x: String) { viewer { name } }", variables: { x: 1, y: 2 } }),
    JSON.stringify({ query: "query ($x: Unknown) { viewer { name } }" }),
    JSON.stringify({ query: "query ($x: String!) { viewer { name } }" }),
    JSON.stringify({ query: "query ($x: String, $x: Int) { viewer { name } }" }),
    JSON.stringify({ query: "query { case(caseId: 42) { caseId } }" }),
    JSON.stringify({ query: "query { case { caseId } }" }),
    JSON.stringify({ query: q, extensions: "x" }),
    JSON.stringify({ query: q, extensions: { persistedQuery: { version: 1, sha256Hash: "0".repeat(64) } } }),
    JSON.stringify({ extensions: { persistedQuery: { version: 1, sha256Hash: "zz" } } }),
    JSON.stringify({ query: q, extensions: { persistedQuery: "x" } }),
    '{"__proto__": {"isAdmin": true}, "query": "query { viewer { name roles } }"}',
    '{"constructor": {"prototype": {"x": 1}}, "query": "query { viewer { name } }"}',
    '{"query": "query ($n: Int) { reportRuns(limit: $n) { runId } }", "variables": {"n": 9007199254740993}}',
    '{"query": "query ($n: Int) { reportRuns(limit: $n) { runId } }", "variables": {"n": 1e400}}',
    '{"query": "query ($n: Int) { reportRuns(limit: $n) { runId } }", "variables": {"n": -0.0}}',
    JSON.stringify({ query: "query { reportRuns(limit: 99999999999999999999) { runId } }" }),
    JSON.stringify({ query: "query { reportRuns(limit: -1) { runId } }" }),
    JSON.stringify({ query: "query { auditLog(limit: 1000000) { seq } }" }),
    JSON.stringify({ query: "query { cases(first: 100000) { totalCount } }" }),
    JSON.stringify({ query: "query { cases(first: -5) { totalCount } }" }),
    JSON.stringify({ query: "query { cases(first: 5, last: 5) { totalCount } }" }),
    JSON.stringify({ query: 'query { cases(after: "not-a-cursor", first: 5) { totalCount } }' }),
    JSON.stringify({ query: 'query { node(id: "not-a-global-id") { id } }' }),
    JSON.stringify({ query: `query { node(id: "${Buffer.from("Case:../../etc").toString("base64")}") { id } }` }),
    JSON.stringify({ query: 'query { nodes(ids: ["a", "b", ""]) { id } }' }),
    JSON.stringify({ query: "query { __schema { types { name } } }" }),
    JSON.stringify({ query: 'query { __type(name: "Case") { fields { name } } }' }),
    JSON.stringify({ query: "query { __typename }" }),
  ];
  return Array.from({ length: n }, (_, i) => {
    const body = bodies[i % bodies.length] ?? "";
    return post("envelope", `envelope #${String(i % bodies.length)}: ${body.slice(0, 60)}`, body, ctx.auth());
  });
}

function huge(n: number, ctx: Context): HostileRequest[] {
  const positions = textPositions(ctx.operations);
  const sizes = [10_000, 60_000, 120_000, 250_000, 262_000, 300_000, 1_000_000];
  const out: HostileRequest[] = [];
  for (let i = 0; out.length < n; i++) {
    const size = sizes[i % sizes.length] ?? 10_000;
    switch (i % 6) {
      case 0:
      case 1: {
        const { op, path } = pick(ctx.random, positions);
        out.push(
          post(
            "huge",
            `${op.name} ${path.join(".")} ← ${String(size)} characters`,
            bodyOf(op, path, "x".repeat(size)),
            ctx.auth(),
          ),
        );
        break;
      }
      case 2:
        out.push(
          post(
            "huge",
            `query padded with ${String(size)} spaces`,
            JSON.stringify({ query: `query { viewer { name } }${" ".repeat(size)}` }),
            ctx.auth(),
          ),
        );
        break;
      case 3:
        out.push(
          post(
            "huge",
            `query with ${String(Math.floor(size / 10))} comment characters and fields`,
            JSON.stringify({
              query: `query { viewer { ${"name ".repeat(Math.floor(size / 10 / 5))} } } # ${"c".repeat(Math.floor(size / 10))}`,
            }),
            ctx.auth(),
          ),
        );
        break;
      case 4:
        out.push(
          post(
            "huge",
            `${String(Math.floor(size / 20))} unused variables`,
            JSON.stringify({
              query: "query { viewer { name } }",
              variables: Object.fromEntries(
                Array.from({ length: Math.floor(size / 20) }, (_, k) => [`v${String(k)}`, k]),
              ),
            }),
            ctx.auth(),
          ),
        );
        break;
      default:
        out.push({
          ...post(
            "huge",
            `${String(Math.min(size, 12_000))}-byte header values`,
            JSON.stringify({ query: "query { viewer { name } }" }),
            { raw: `Bearer ${"a".repeat(Math.min(size, 6_000))}` },
          ),
          headers: { ...json, "accept-language": "fi,".repeat(Math.min(size, 6_000) / 3) },
        });
    }
  }
  return out;
}

function deepNesting(n: number, ctx: Context): HostileRequest[] {
  const depths = [11, 12, 20, 50, 100, 300, 1_000];
  const out: HostileRequest[] = [];
  for (let i = 0; out.length < n; i++) {
    const d = depths[i % depths.length] ?? 11;
    switch (i % 6) {
      case 0:
        out.push(
          post(
            "deep-nesting",
            `organisation tree ${String(d)} levels deep`,
            JSON.stringify({ query: `query { organisations { ${"children { ".repeat(d)}id${" }".repeat(d)} } }` }),
            ctx.auth(),
          ),
        );
        break;
      case 1:
        out.push(
          post(
            "deep-nesting",
            `parent chain ${String(d)} levels deep`,
            JSON.stringify({ query: `query { organisations { ${"parent { ".repeat(d)}id${" }".repeat(d)} } }` }),
            ctx.auth(),
          ),
        );
        break;
      case 2:
        out.push(
          post(
            "deep-nesting",
            `list literal ${String(d)} levels deep`,
            JSON.stringify({ query: `query { nodes(ids: ${"[".repeat(d)}"x"${"]".repeat(d)}) { id } }` }),
            ctx.auth(),
          ),
        );
        break;
      case 3: {
        // Written as text: building it as an object would overflow this process's own stack first.
        const value = `${'{"client":'.repeat(d * 5)}"x"${"}".repeat(d * 5)}`;
        out.push(
          post(
            "deep-nesting",
            `input object ${String(d * 5)} levels deep`,
            `{"query":"mutation ($input: ReferCaseInput!) { referCase(input: $input) { __typename } }","variables":{"input":${value}}}`,
            ctx.auth(),
          ),
        );
        break;
      }
      case 4: {
        const chain = Array.from(
          { length: Math.min(d, 200) },
          (_, k) => `fragment F${String(k)} on Organisation { children { ...F${String(k + 1)} } }`,
        ).join(" ");
        out.push(
          post(
            "deep-nesting",
            `fragment chain ${String(Math.min(d, 200))} long`,
            JSON.stringify({
              query: `query { organisations { ...F0 } } ${chain} fragment F${String(Math.min(d, 200))} on Organisation { id }`,
            }),
            ctx.auth(),
          ),
        );
        break;
      }
      default:
        out.push(
          post(
            "deep-nesting",
            `nested inline fragments ${String(d)} deep`,
            JSON.stringify({ query: `query { viewer { ${"... on Viewer { ".repeat(d)}name${" }".repeat(d)} } }` }),
            ctx.auth(),
          ),
        );
    }
  }
  return out;
}

function aliasFlood(n: number, ctx: Context): HostileRequest[] {
  const counts = [16, 30, 100, 500, 2_000];
  // The hardening probes first, so that every corpus of a useful size has them.
  const out: HostileRequest[] = hardeningProbes(ctx).slice(0, n);
  for (let i = 0; out.length < n; i++) {
    const k = counts[i % counts.length] ?? 16;
    const aliases = (field: string) => Array.from({ length: k }, (_, j) => `a${String(j)}: ${field}`).join(" ");
    switch (i % 5) {
      case 0:
        out.push(
          post(
            "alias-flood",
            `${String(k)} aliases of viewer`,
            JSON.stringify({ query: `query { ${aliases("viewer { name }")} }` }),
            ctx.auth(),
          ),
        );
        break;
      case 1:
        out.push(
          post(
            "alias-flood",
            `${String(k)} aliases of case`,
            JSON.stringify({
              query: `query { ${aliases(`case(caseId: "${ctx.known.caseId}") { caseId client { givenName } }`)} }`,
            }),
            ctx.auth(),
          ),
        );
        break;
      case 2:
        out.push(
          post(
            "alias-flood",
            `${String(k)} aliases of referCase`,
            JSON.stringify({
              query: `mutation { ${aliases('referCase(input: { type: YOUTH_CRIME, referredOn: "2026-10-01", referralSource: POLICE, client: { givenName: "A", familyName: "B" }, guardians: [] }) { __typename }')} }`,
            }),
            ctx.auth(),
          ),
        );
        break;
      case 3:
        out.push(
          post(
            "alias-flood",
            `${String(k)} repeats of one field`,
            JSON.stringify({ query: `query { viewer { ${"name ".repeat(k)} } }` }),
            ctx.auth(),
          ),
        );
        break;
      default:
        out.push(
          post(
            "alias-flood",
            `${String(Math.min(k, 100))} directives on one field`,
            JSON.stringify({ query: `query { viewer ${"@include(if: true) ".repeat(Math.min(k, 100))} { name } }` }),
            ctx.auth(),
          ),
        );
    }
  }
  return out;
}

/**
 * What the hardening of the gateway answers: page sizes that multiply a query's cost (also when sent
 * in variables), `nodes` with 2 000 ids, random operation names (each must not become a metric
 * series) and forged request ids (never taken as the server's).
 */
function hardeningProbes(ctx: Context): HostileRequest[] {
  const nested =
    "nodes { caseId meetings { meetingId participants { role organisation { id name children { id name } } } } }";
  const five = (field: string) => [1, 2, 3, 4, 5].map((i) => `a${String(i)}: ${field}`).join(" ");
  // The count is what is probed: one known case's id, 2 000 times.
  const ids = Array.from({ length: 2_000 }, () => ctx.known.caseNodeId);
  const random = () => Math.floor(ctx.random() * 2 ** 31).toString(36);
  return [
    {
      ...post(
        "alias-flood",
        "cost bomb: five aliases of cases(first: 100) with nested lists",
        JSON.stringify({ query: `query { ${five(`cases(first: 100) { ${nested} }`)} }` }),
        ctx.auth(),
      ),
      mustRefuse: true,
    },
    {
      ...post(
        "alias-flood",
        "cost bomb: the page size in a variable",
        JSON.stringify({
          query: `query Bomb($n: Int) { ${five(`cases(first: $n) { ${nested} }`)} }`,
          variables: { n: 100 },
        }),
        ctx.auth(),
      ),
      mustRefuse: true,
    },
    {
      ...post(
        "alias-flood",
        "nodes with 2 000 ids in variables",
        JSON.stringify({ query: "query Many($ids: [ID!]!) { nodes(ids: $ids) { id } }", variables: { ids } }),
        ctx.auth(),
      ),
      mustRefuse: true,
    },
    post(
      "alias-flood",
      "a random operation name (no metric series of its own)",
      JSON.stringify({ query: `query Probe_${random()}_Maija_Meikalainen { viewer { name } }` }),
      null,
    ),
    post(
      "alias-flood",
      "a forged request id (another request's)",
      JSON.stringify({ query: "query { viewer { name } }" }),
      ctx.auth(),
      { ...json, "x-request-id": "0193a1b2-0000-7000-8000-000000000001" },
    ),
    post("alias-flood", "a malformed request id", JSON.stringify({ query: "query { viewer { name } }" }), ctx.auth(), {
      ...json,
      "x-request-id": "<script>alert(1)</script>",
    }),
  ];
}

function batchFlood(n: number, ctx: Context): HostileRequest[] {
  const sizes = [2, 5, 6, 10, 50, 300];
  const out: HostileRequest[] = [];
  const valid = { query: "query { viewer { name } }" };
  for (let i = 0; out.length < n; i++) {
    const k = sizes[i % sizes.length] ?? 2;
    switch (i % 4) {
      case 0:
        out.push(
          post(
            "batch-flood",
            `batch of ${String(k)} queries`,
            JSON.stringify(Array.from({ length: k }, () => valid)),
            ctx.auth(),
          ),
        );
        break;
      case 1: {
        const op = pick(ctx.random, ctx.operations);
        out.push(
          post(
            "batch-flood",
            `batch of ${String(k)} × ${op.name}`,
            JSON.stringify(Array.from({ length: k }, () => ({ query: op.document, variables: op.variables }))),
            ctx.auth(),
          ),
        );
        break;
      }
      case 2:
        out.push(
          post(
            "batch-flood",
            `batch of ${String(k)} junk entries`,
            JSON.stringify(Array.from({ length: k }, (_, j) => [null, 1, "x", [], {}, { query: 1 }][j % 6])),
            ctx.auth(),
          ),
        );
        break;
      default: {
        const { op, path } = pick(ctx.random, textPositions(ctx.operations));
        const entries = Array.from(
          { length: Math.min(k, 5) },
          () => JSON.parse(bodyOf(op, path, pick(ctx.random, injectionPayloads))) as unknown,
        );
        out.push(
          post(
            "batch-flood",
            `batch of ${String(entries.length)} injections into ${op.name}`,
            JSON.stringify(entries),
            ctx.auth(),
          ),
        );
      }
    }
  }
  return out;
}

function protocol(n: number): HostileRequest[] {
  const q = encodeURIComponent("query { viewer { name } }");
  const body = JSON.stringify({ query: "query { viewer { name } }" });
  const variants: Omit<HostileRequest, "category">[] = [
    {
      note: "GET query",
      method: "GET",
      path: `/graphql?query=${q}`,
      headers: { accept: "application/json" },
      auth: { as: "police" },
    },
    {
      note: "GET mutation",
      method: "GET",
      path: `/graphql?query=${encodeURIComponent('mutation { addCaseNote(input: { caseId: "x", kind: "police", body: "x" }) { __typename } }')}`,
      headers: { accept: "application/json" },
      auth: { as: "police" },
    },
    {
      note: "GET bad variables",
      method: "GET",
      path: `/graphql?query=${q}&variables=%7Bnot-json`,
      headers: {},
      auth: { as: "police" },
    },
    { note: "GET without query", method: "GET", path: "/graphql", headers: { accept: "application/json" }, auth: null },
    {
      note: "GET broken percent-encoding",
      method: "GET",
      path: "/graphql?query=%E0%A4%A",
      headers: {},
      auth: { as: "police" },
    },
    {
      note: "GET long query string",
      method: "GET",
      path: `/graphql?query=${"a".repeat(7_000)}`,
      headers: {},
      auth: { as: "police" },
    },
    { note: "PUT", method: "PUT", path: "/graphql", headers: json, body, auth: { as: "police" } },
    { note: "DELETE", method: "DELETE", path: "/graphql", headers: json, auth: { as: "police" } },
    { note: "PATCH", method: "PATCH", path: "/graphql", headers: json, body, auth: { as: "police" } },
    {
      note: "OPTIONS",
      method: "OPTIONS",
      path: "/graphql",
      headers: { "origin": "https://evil.example", "access-control-request-method": "POST" },
      auth: null,
    },
    { note: "HEAD", method: "HEAD", path: "/graphql", headers: {}, auth: null },
    { note: "TRACE", method: "TRACE", path: "/graphql", headers: {}, auth: null },
    { note: "unknown path", method: "POST", path: "/graphql/extra", headers: json, body, auth: { as: "police" } },
    { note: "path traversal", method: "GET", path: "/..%2f..%2f..%2fetc%2fpasswd", headers: {}, auth: null },
    { note: "encoded NUL in path", method: "GET", path: "/graphql%00.json", headers: {}, auth: null },
    { note: "upper-case path", method: "POST", path: "/GRAPHQL", headers: json, body, auth: { as: "police" } },
    {
      note: "text/plain body",
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "text/plain" },
      body,
      auth: { as: "police" },
    },
    {
      note: "form body",
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: `query=${q}`,
      auth: { as: "police" },
    },
    {
      note: "multipart upload",
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "multipart/form-data; boundary=x" },
      body: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{}\r\n--x--',
      auth: { as: "police" },
    },
    {
      note: "application/graphql body",
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "application/graphql" },
      body: "query { viewer { name } }",
      auth: { as: "police" },
    },
    {
      note: "XML body",
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "application/xml" },
      body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
      auth: { as: "police" },
    },
    { note: "no content type", method: "POST", path: "/graphql", headers: {}, body, auth: { as: "police" } },
    {
      note: "UTF-16 charset",
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "application/json; charset=utf-16" },
      body: Buffer.from(body, "utf16le"),
      auth: { as: "police" },
    },
    {
      note: "gzip encoding of a plain body",
      method: "POST",
      path: "/graphql",
      headers: { ...json, "content-encoding": "gzip" },
      body,
      auth: { as: "police" },
    },
    {
      note: "deflate encoding of garbage",
      method: "POST",
      path: "/graphql",
      headers: { ...json, "content-encoding": "deflate" },
      body: Buffer.from([1, 2, 3, 4, 5]),
      auth: { as: "police" },
    },
    {
      note: "unknown encoding",
      method: "POST",
      path: "/graphql",
      headers: { ...json, "content-encoding": "x-evil" },
      body,
      auth: { as: "police" },
    },
    {
      note: "accept text/html",
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "application/json", "accept": "text/html" },
      body,
      auth: { as: "police" },
    },
    {
      note: "accept nothing known",
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "application/json", "accept": "application/x-nothing" },
      body,
      auth: { as: "police" },
    },
    {
      note: "event-stream accept",
      method: "POST",
      path: "/graphql",
      headers: { "content-type": "application/json", "accept": "text/event-stream" },
      body,
      auth: { as: "police" },
    },
    { note: "bearer without token", method: "POST", path: "/graphql", headers: json, body, auth: { raw: "Bearer" } },
    { note: "bearer with space only", method: "POST", path: "/graphql", headers: json, body, auth: { raw: "Bearer " } },
    {
      note: "bearer with three dots",
      method: "POST",
      path: "/graphql",
      headers: json,
      body,
      auth: { raw: "Bearer a.b.c" },
    },
    {
      note: "SQL in bearer",
      method: "POST",
      path: "/graphql",
      headers: json,
      body,
      auth: { raw: "Bearer ' OR 1=1 --" },
    },
    {
      note: "basic auth",
      method: "POST",
      path: "/graphql",
      headers: json,
      body,
      auth: { raw: "Basic YWRtaW46YWRtaW4=" },
    },
    { note: "two schemes", method: "POST", path: "/graphql", headers: json, body, auth: { raw: "Bearer x, Bearer y" } },
    {
      note: "forged signature",
      method: "POST",
      path: "/graphql",
      headers: json,
      body,
      auth: { tamper: "signature", as: "police" },
    },
    {
      note: "forged claims",
      method: "POST",
      path: "/graphql",
      headers: json,
      body,
      auth: { tamper: "payload", as: "police" },
    },
    {
      note: "alg none",
      method: "POST",
      path: "/graphql",
      headers: json,
      body,
      auth: { tamper: "alg-none", as: "admin" },
    },
    {
      note: "lower-case scheme",
      method: "POST",
      path: "/graphql",
      headers: json,
      body,
      auth: { tamper: "lowercase-scheme", as: "police" },
    },
    {
      note: "expired-looking token",
      method: "POST",
      path: "/graphql",
      headers: json,
      body,
      auth: { tamper: "expired-shape", as: "police" },
    },
    {
      note: "garbage accept-language",
      method: "POST",
      path: "/graphql",
      headers: { ...json, "accept-language": ";q=;;,,*-*;q=NaN,xx-YY;q=-1" },
      body,
      auth: { as: "police" },
    },
    {
      note: "forged request id",
      method: "POST",
      path: "/graphql",
      headers: { ...json, "x-request-id": "../../etc/passwd'; DROP TABLE audit_log;" },
      body,
      auth: { as: "police" },
    },
    {
      note: "long request id",
      method: "POST",
      path: "/graphql",
      headers: { ...json, "x-request-id": "r".repeat(4_000) },
      body,
      auth: { as: "police" },
    },
    { note: "metrics with query", method: "GET", path: "/metrics?name[]=x&%00", headers: {}, auth: null },
    { note: "health with body", method: "POST", path: "/health", headers: json, body, auth: null },
  ];
  return Array.from({ length: n }, (_, i) => {
    const v = variants[i % variants.length];
    if (!v) throw new Error("no protocol variant");
    return { category: "protocol", ...v };
  });
}

const generators: Record<Category, (n: number, ctx: Context) => HostileRequest[]> = {
  injection,
  "inline-injection": inlineInjection,
  "wrong-types": wrongTypes,
  "invalid-json": invalidJson,
  envelope,
  huge,
  "deep-nesting": deepNesting,
  "alias-flood": aliasFlood,
  "batch-flood": batchFlood,
  protocol,
};

/**
 * The hostile corpus: exactly `size` requests, the same for the same seed, schema and ids. Every
 * String/ID input of every query and mutation gets injection strings (positions are covered before any
 * repeats); the rest are malformed bodies, wrong envelopes and types, floods and protocol abuse.
 * The order is shuffled so that categories mix under concurrency.
 */
export function hostileCorpus(options: {
  size: number;
  seed: number;
  schema: GraphQLSchema;
  known: KnownIds;
}): HostileRequest[] {
  const random = seededRandom(options.seed);
  const actors: Actor[] = ["police", "police", "socialWorker", "steering", "auditor", "admin"];
  const ctx: Context = {
    random,
    seed: options.seed,
    operations: schemaOperations(options.schema, options.known),
    known: options.known,
    // Mostly signed-in users (so hostile values reach the resolvers), some anonymous.
    auth: () => (random() < 0.12 ? null : { as: pick(random, actors) }),
  };
  const counts = categories.map((c) => Math.floor(options.size * shares[c]));
  counts[0] = (counts[0] ?? 0) + options.size - counts.reduce((a, b) => a + b, 0);
  const corpus = categories.flatMap((c, i) => generators[c](counts[i] ?? 0, ctx).slice(0, counts[i]));
  for (let i = corpus.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    const a = corpus[i];
    const b = corpus[j];
    if (a && b) [corpus[i], corpus[j]] = [b, a];
  }
  return corpus;
}

/** How many String/ID inputs the schema has (each gets injection strings). */
export function textInputCount(schema: GraphQLSchema, known: KnownIds): number {
  return textPositions(schemaOperations(schema, known)).length;
}
