import { createServer } from "node:http";
import { createSchema, createYoga } from "graphql-yoga";
import { bareServerEnv } from "../env.js";

// The framework's own floor (run in its own process by the benchmark): graphql-yoga with a
// one-field schema, no plugins, no authentication, no database. What it spends answering
// `{ __typename }` is the least any request to a GraphQL server of this stack costs, the gateway's
// included. `PORT`.

const yoga = createYoga({
  schema: createSchema({ typeDefs: "type Query { ok: Boolean! }", resolvers: { Query: { ok: () => true } } }),
  graphiql: false,
  landingPage: false,
  logging: false,
  // Off, as in the gateway, which limits bodies with a plugin of its own: graphql-yoga's limit pipes
  // every body through a transform stream, which about halves the empty requests answered.
  maxRequestBodySize: false,
});

createServer((req, res) => {
  void yoga(req, res);
}).listen(bareServerEnv().PORT, "127.0.0.1");
