import { type DocumentNode, getOperationAST } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context.js";
import type { GatewayMetrics } from "../metrics.js";
import { requestLogFields } from "../request-log.js";

/**
 * Names the request's operation in its log lines (a documented operation's name, else `other`: the
 * name a caller chooses may carry anything, a client's name included) and counts every response
 * by status class.
 */
export function useRequestLog(metrics: GatewayMetrics): Plugin<GatewayContext> {
  return {
    onParams({ params }) {
      const fields = requestLogFields();
      // A batch entry may be anything (null, a number): graphql-yoga refuses it after this hook.
      const name = (params as { operationName?: unknown } | null | undefined)?.operationName;
      if (fields) fields.operation = metrics.operationLabel(typeof name === "string" ? name : undefined, true);
    },
    onExecute({ args }) {
      const fields = requestLogFields();
      if (!fields) return;
      const operation = getOperationAST(
        args.document as DocumentNode,
        (args.operationName as string | null | undefined) ?? undefined,
      );
      fields.operation = metrics.operationLabel(operation?.name?.value, true);
    },
    onResponse({ response }) {
      const status = response.status;
      const statusClass = status >= 500 ? "5xx" : status >= 400 ? "4xx" : status >= 300 ? "3xx" : "2xx";
      metrics.httpResponses.inc({ class: statusClass });
    },
  };
}
