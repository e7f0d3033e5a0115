import type { ExecutionArgs, ExecutionResult } from "graphql";
import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context.js";
import { errorCodes, errorExtensions } from "../errors.js";
import type { ExecuteFunction } from "./execute-function.js";

/**
 * Writes the request's client-data reads to the audit log once the operation has run, before the
 * response leaves (with the reads of requests finishing at the same time: `AuditWriter`). If the log
 * cannot be written, the data is withheld: a read that is not logged is not served.
 */
export function useAuditFlush(): Plugin<GatewayContext> {
  return {
    // `context` is the object the execution gets (envelop extends it in place).
    onExecute({ executeFn, setExecuteFn, context }) {
      const execute: ExecuteFunction = executeFn;
      setExecuteFn(async (args: ExecutionArgs): Promise<ExecutionResult> => {
        const result = await execute(args);
        const entries = context.audit.drain();
        if (entries.length === 0 || !context.services.auditLog) return result;
        try {
          await context.services.audit.write(entries);
          return result;
        } catch (error) {
          context.services.metrics.auditWithheld.inc();
          context.services.logger.error(
            { err: error, requestId: context.requestId },
            "audit log write failed; response withheld",
          );
          return {
            errors: [
              createGraphQLError("The access log could not be written; the data is not shown", {
                extensions: errorExtensions(errorCodes.unavailable, { status: 503 }),
              }),
            ],
          };
        }
      });
    },
  };
}
