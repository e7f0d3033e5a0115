import {
  type DocumentNode,
  type ExecutionArgs,
  type ExecutionResult,
  getOperationAST,
  Kind,
  OperationTypeNode,
} from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context.js";
import { derivedCache } from "../derived-cache.js";
import type { ExecuteFunction } from "./execute-function.js";

/**
 * Root fields whose answers are computed from the team dataset alone: no client data beneath them
 * (`use-derived-answers.test.ts` walks the schema from them and fails on any type it did not list).
 */
export const derivedRootFields: ReadonlySet<string> = new Set(["chairCalendar", "fteReport"]);

/**
 * True when the operation is a query whose root selections are derived fields (and perhaps
 * `__typename`), written out as fields: a fragment at the root is not looked into.
 */
export function isDerivedOperation(document: DocumentNode, operationName: string | null | undefined): boolean {
  const operation = getOperationAST(document, operationName);
  const roots = operation?.operation === OperationTypeNode.QUERY ? operation.selectionSet.selections : [];
  return (
    roots.some((s) => s.kind === Kind.FIELD && derivedRootFields.has(s.name.value)) &&
    roots.every((s) => s.kind === Kind.FIELD && (derivedRootFields.has(s.name.value) || s.name.value === "__typename"))
  );
}

const documentIds = new WeakMap<DocumentNode, number>();
let documentCount = 0;

/** A number for each parsed document (parsed documents are shared by requests of the same text). */
function documentId(document: DocumentNode): number {
  let id = documentIds.get(document);
  if (id === undefined) documentIds.set(document, (id = ++documentCount));
  return id;
}

/** An execution's answer, and whether it may be served to another request. */
type Answer = Promise<{ result: ExecutionResult; reusable: boolean }>;

/**
 * Answers of derived operations, kept beside the team snapshot they were computed from: a change
 * to the dataset makes a new snapshot, and its answers are computed afresh. At most 1 000 a team,
 * since the variables (a period, a day) are the client's.
 */
const answers = derivedCache<Answer>(1_000);

/**
 * Serves a derived operation (the chair calendar, the FTE dashboard) again from the answer computed
 * for the same person, document, variables, language and day on the same team dataset. The dataset
 * version is still read for every request (`context.team()`), so a change committed before a request
 * arrived is always seen. Concurrent identical requests share one execution. An answer with errors,
 * or one whose execution collected a client-data read for the audit log, is served to no other
 * request: it is forgotten, and a request that waited for it executes on its own.
 */
export function useDerivedAnswers(): Plugin<GatewayContext> {
  return {
    onExecute({ args, setExecuteFn, executeFn, context }) {
      // envelop types the arguments' fields as `any`; graphql-js's type says what they are.
      const executionArgs: ExecutionArgs = args;
      const { document, operationName, variableValues } = executionArgs;
      const actor = context.actor;
      if (!actor || !isDerivedOperation(document, operationName)) return;
      const execute: ExecuteFunction = executeFn;
      setExecuteFn(async (execution: ExecutionArgs): Promise<ExecutionResult> => {
        const snapshot = await context.team();
        const key = JSON.stringify([
          documentId(document),
          operationName ?? null,
          variableValues ?? {},
          actor.login,
          actor.teamId,
          actor.organisationId,
          actor.roles,
          context.language,
          context.today,
        ]);
        let computed: Answer | undefined;
        const answer = answers(
          snapshot,
          key,
          () =>
            // Looked at when the execution ends, before the audit flush (which wraps this plugin) takes the reads.
            (computed = Promise.resolve(execute(execution)).then((result) => ({
              result,
              reusable: result.errors === undefined && context.audit.size === 0,
            }))),
        );
        if (answer === computed) {
          answer.then(
            ({ reusable }) => {
              if (!reusable) answers.forget(snapshot, key, answer);
            },
            () => {
              answers.forget(snapshot, key, answer);
            },
          );
          return (await answer).result;
        }
        const shared = await answer.catch(() => null);
        return shared?.reusable ? shared.result : await execute(execution);
      });
    },
  };
}
