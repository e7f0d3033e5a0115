import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { createSchema, createYoga } from "graphql-yoga";
import { caseFromMemoryEnv } from "../env.js";

// The framework's share of the case screen (run in its own process by the benchmark): graphql-yoga
// with no plugins and no authentication, the gateway's schema as committed (SCHEMA_FILE) with the
// default resolvers, answering `case(caseId:)` from memory with the answers in ANSWERS_FILE (the
// gateway's own, keyed by case id). What it spends is what executing and serialising that answer
// costs on this stack without reading it: the least the gateway could spend. `PORT`.

const env = caseFromMemoryEnv();
const answers = new Map(Object.entries(JSON.parse(readFileSync(env.ANSWERS_FILE, "utf8")) as Record<string, unknown>));

const yoga = createYoga({
  schema: createSchema({
    typeDefs: readFileSync(env.SCHEMA_FILE, "utf8"),
    resolvers: { Query: { case: (_root: unknown, { caseId }: { caseId: string }) => answers.get(caseId) ?? null } },
  }),
  graphiql: false,
  landingPage: false,
  logging: false,
  // As in the bare server and the gateway: graphql-yoga's own limit pipes every body through a stream.
  maxRequestBodySize: false,
});

createServer((req, res) => {
  void yoga(req, res);
}).listen(env.PORT, "127.0.0.1");
