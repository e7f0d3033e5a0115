import { Kind, parse } from "graphql";
import { createYoga, type Plugin } from "graphql-yoga";
import type { GatewayConfig } from "../env.js";
import { persistedHash } from "../persisted-hash.js";
import { schema } from "../schema/index.js";
import { armorPlugin } from "../yoga.js";
import type { Manifest } from "./manifests.js";

/** Why one document of a team's manifest cannot be registered. */
export interface RegistrationProblem {
  hash: string;
  operation: string | null;
  problem: string;
}

// Stops every request after validation: registration runs the gateway's own parse, schema validation
// and query limits, and never a resolver.
const validateOnly: Plugin = {
  onExecute({ setExecuteFn }) {
    setExecuteFn(() => ({ data: null }));
  },
};

/**
 * Checks a team's persisted documents (the client preset's `persisted-documents.json`, `{ hash: text }`)
 * as the gateway would run them: the hash is the SHA-256 of the text, the text holds exactly one named
 * operation, it validates against the schema, and it stays within the configured query limits.
 */
export async function checkTeamDocuments(
  documents: Manifest,
  config: Pick<GatewayConfig, "limits" | "nodeEnv">,
): Promise<RegistrationProblem[]> {
  const yoga = createYoga({
    schema,
    plugins: [armorPlugin(config), validateOnly],
    logging: false,
    maskedErrors: false,
  });
  const problems: RegistrationProblem[] = [];
  for (const [hash, text] of Object.entries(documents)) {
    let operation: string | null = null;
    const refuse = (problem: string) => problems.push({ hash, operation, problem });
    if (persistedHash(text) !== hash) {
      refuse("the hash is not the SHA-256 of the text");
      continue;
    }
    try {
      const operations = parse(text).definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      operation = operations[0]?.name?.value ?? null;
      if (operations.length !== 1 || operation === null) {
        refuse("a document holds exactly one named operation");
        continue;
      }
    } catch (error) {
      refuse(error instanceof Error ? error.message : String(error));
      continue;
    }
    const response = await yoga.fetch("http://registration/graphql", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: text, operationName: operation }),
    });
    const body = (await response.json()) as { errors?: { message: string }[] };
    for (const error of body.errors ?? []) refuse(error.message);
  }
  return problems;
}
