import type { ExecutionArgs, ExecutionResult } from "graphql";
import type { PromiseOrValue } from "graphql-yoga";

/**
 * The execute function the gateway's plugins wrap, as graphql-js types it: one result per operation,
 * since the schema has no subscriptions and no @defer or @stream is served. envelop's own type of it
 * takes and returns `any`.
 */
export type ExecuteFunction = (args: ExecutionArgs) => PromiseOrValue<ExecutionResult>;
