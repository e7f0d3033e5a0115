import { relations, type Relations } from "@ankkuri/db";
import SchemaBuilder from "@pothos/core";
import ComplexityPlugin from "@pothos/plugin-complexity";
import DrizzlePlugin from "@pothos/plugin-drizzle";
import ErrorsPlugin from "@pothos/plugin-errors";
import RelayPlugin from "@pothos/plugin-relay";
import ScopeAuthPlugin from "@pothos/plugin-scope-auth";
import ValidationPlugin from "@pothos/plugin-validation";
import { getTableConfig } from "drizzle-orm/pg-core";
import type { GatewayContext } from "./context.js";
import { forbidden, unauthenticated } from "./errors.js";
import { complexityError, fieldComplexity } from "./schema/complexity.js";
import { authScopes, type CaseAccessRow } from "./schema/auth-scopes.js";
import { resolveNode, resolveNodes } from "./schema/node-lookup.js";

/** The builder's type parameters: context, drizzle relations, auth scopes and scalars. */
export interface PothosTypes {
  Context: GatewayContext;
  DrizzleRelations: Relations;
  AuthScopes: {
    authenticated: boolean;
    caseworker: boolean;
    aggregates: boolean;
    auditor: boolean;
    /** An auditor or a registry office: may ask for a client's access-log extract. */
    extractRequester: boolean;
    legalHoldManager: boolean;
    teamAdmin: boolean;
    /** The operational supervisor (003 § 6.1), from the assignment in force today. */
    operationalSupervisor: boolean;
    /** A membership of the actor's organisation is in force today (need-to-know); records the read in the audit log. */
    caseMember: CaseAccessRow;
    /** The actor's organisation takes part in the case in full today (not on consent or a client relationship alone). */
    caseInFull: CaseAccessRow;
    /** Personnel records (clearances, premises access) of this staff member. */
    personnelReader: { teamId: string; login: string };
    /** The note was written in the actor's organisation; records the read. */
    noteReader: { teamId: string; id: string; caseId: string; organisationId: string };
  };
  Scalars: {
    Date: { Input: string; Output: string };
    DateTime: { Input: Date; Output: Date | string };
  };
  DefaultFieldNullability: false;
}

export const builder = new SchemaBuilder<PothosTypes>({
  plugins: [ComplexityPlugin, RelayPlugin, ScopeAuthPlugin, ErrorsPlugin, ValidationPlugin, DrizzlePlugin],
  // Checked before the first root field resolves, with the request's variables: `first`, `last`,
  // `limit` and the number of `ids` multiply what is selected under them (src/schema/complexity.ts).
  complexity: {
    fieldComplexity,
    complexityError,
    limit: (ctx) => ({ complexity: ctx.services.maxCost }),
  },
  defaultFieldNullability: false,
  relay: {
    clientMutationId: "omit",
    cursorType: "String",
    nodesOnConnection: true,
    nodeTypeOptions: { description: "An object with a global id that can be fetched again with `node` (Relay)." },
    idFieldOptions: { description: "Global id of the object." },
    nodeQueryOptions: {
      description:
        "Fetches an object by its global id: null when it does not exist and when the caller may not see it, alike.",
      resolve: (_root, args, ctx, _info, load) => resolveNode(args, ctx, () => Promise.resolve(load(args.id))),
    },
    nodesQueryOptions: {
      description: "Fetches objects by their global ids (at most 100): null for each that is not there or not yours.",
      resolve: (_root, args, ctx, _info, load) => resolveNodes(args, ctx, () => Promise.resolve(load([]))),
    },
    pageInfoTypeOptions: { description: "Where a page of a connection is (Relay cursor pagination)." },
    hasNextPageFieldOptions: { description: "Whether there are more items after this page." },
    hasPreviousPageFieldOptions: { description: "Whether there are items before this page." },
    startCursorFieldOptions: { description: "Cursor of the first item of the page." },
    endCursorFieldOptions: { description: "Cursor of the last item of the page." },
    firstArgOptions: { description: "Page size from the start (at most 100)." },
    lastArgOptions: { description: "Page size from the end (at most 100)." },
    afterArgOptions: { description: "Items after this cursor." },
    beforeArgOptions: { description: "Items before this cursor." },
    edgesFieldOptions: { description: "The items of the page with their cursors." },
    nodeFieldOptions: { description: "The item." },
    cursorFieldOptions: { description: "The item's cursor." },
    pageInfoFieldOptions: { description: "Where this page is." },
    defaultConnectionTypeOptions: { description: "A page of items (Relay connection)." },
    defaultEdgeTypeOptions: { description: "An item of a page with its cursor." },
  },
  drizzle: { client: (ctx) => ctx.db, getTableConfig, relations, defaultConnectionSize: 20, maxConnectionSize: 100 },
  scopeAuth: {
    authScopes,
    // Type-level checks run once per object, so a forbidden case errors once, not once per field.
    runScopesOnType: true,
    unauthorizedError: (_parent, context) =>
      context.actor || context.authFailure?.code === "FORBIDDEN"
        ? forbidden()
        : unauthenticated(context.authFailure?.reason ?? "TOKEN_MISSING"),
  },
  errors: {
    unsafelyHandleInputErrors: true,
    directResult: true,
    defaultUnionOptions: {
      description: "The mutation's result: its payload, or one of the expected errors (each implements Error).",
    },
  },
});

/** The builder's resolved schema types, for helpers that take field builders. */
export type BuilderTypes = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
/** A field builder of input objects. */
export type InputFields = PothosSchemaTypes.InputFieldBuilder<BuilderTypes, "InputObject">;
