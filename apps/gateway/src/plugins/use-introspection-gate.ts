import { type DocumentNode, Kind, visit, BREAK } from "graphql";
import type { Plugin } from "graphql-yoga";
import type { GatewayContext } from "../context.js";
import { forbidden, unauthenticated } from "../errors.js";

/** Who may read the schema through introspection (`INTROSPECTION`). */
export type IntrospectionMode = "on" | "authenticated" | "off";

/** True when the document asks for `__schema` or `__type` anywhere (fragments included); `__typename` is not introspection of the schema. */
export function asksIntrospection(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    [Kind.FIELD](node) {
      if (node.name.value === "__schema" || node.name.value === "__type") {
        found = true;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * `authenticated`: the schema is shown only to a signed-in person with a role in force (401
 * otherwise); `off`: to nobody; `on`: to anyone (development). Checked before execution, on the
 * document yoga has already parsed and validated.
 */
export function useIntrospectionGate(mode: IntrospectionMode): Plugin<GatewayContext> {
  if (mode === "on") return {};
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (mode === "authenticated" && args.contextValue.actor) return;
      if (!asksIntrospection(args.document as DocumentNode)) return;
      setResultAndStopExecution({
        errors: [
          mode === "off"
            ? forbidden("Introspection is switched off on this server")
            : unauthenticated("INTROSPECTION_NEEDS_LOGIN"),
        ],
      });
    },
  };
}
