import { createGraphQLError, type Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context.js";
import { errorCodes, errorExtensions } from "../errors.js";

/**
 * Writes the request's client-data reads to the audit log once the operation has run, before the
 * response leaves (with the reads of requests finishing at the same time: `AuditWriter`). If the log
 * cannot be written, the data is withheld: a read that is not logged is not served.
 */
export function useAuditFlush(): Plugin<GatewayContext> {
  return {
    onExecute({ executeFn, setExecuteFn }) {
      setExecuteFn(async (args) => {
        const result: unknown = await executeFn(args);
        const context = args.contextValue as GatewayContext;
        const entries = context.audit.drain();
        if (entries.length === 0 || !context.services.auditLog) return result as never;
        try {
          await context.services.audit.write(entries);
          return result as never;
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
