import { isConnectionError, isDatabaseReady, isDataException } from "@ankkuri/db";
import { EnvelopArmorPlugin } from "@escape.tech/graphql-armor";
import { usePersistedOperations } from "@graphql-yoga/plugin-persisted-operations";
import { usePrometheus } from "@graphql-yoga/plugin-prometheus";
import { renderGraphiQL } from "@graphql-yoga/render-graphiql";
import { GraphQLError } from "graphql";
import { createYoga, type YogaServerInstance } from "graphql-yoga";
import { corsFor, mayEmbedToken } from "./browser.js";
import { type GatewayContext, type GatewayServices, createContext } from "./context.js";
import type { GatewayConfig } from "./env.js";
import { errorCodes } from "./errors.js";
import { useAuditFlush } from "./plugins/use-audit-flush.js";
import { useBodyLimit } from "./plugins/use-body-limit.js";
import { useDerivedAnswers } from "./plugins/use-derived-answers.js";
import { useGetParams } from "./plugins/use-get-params.js";
import { useHealth } from "./plugins/use-health.js";
import { useIntrospectionGate } from "./plugins/use-introspection-gate.js";
import { useRateLimit } from "./plugins/use-rate-limit.js";
import { useRequestId } from "./plugins/use-request-id.js";
import { useReportDownload } from "./plugins/use-report-download.js";
import { useRequestLog } from "./plugins/use-request-log.js";
import { loadPersistedOperations, persistedOperationErrors } from "./persisted/manifests.js";
import { schema } from "./schema/index.js";
import { type DevelopmentSignInOptions, useDevelopmentSignIn } from "./auth/dev-sign-in.js";
import { useWebApp } from "./plugins/use-web-app.js";

export type GatewayYoga = YogaServerInstance<Record<string, unknown>, GatewayContext>;

/**
 * The query limits graphql-armor checks at validation (depth, aliases, tokens, directives), one
 * definition for the gateway and for the registration of persisted operations. The cost limit is the
 * schema's (Pothos' complexity plugin), which counts page sizes and ids once variables are known.
 */
export function armorPlugin(config: Pick<GatewayConfig, "limits" | "nodeEnv">) {
  const limits = config.limits;
  return EnvelopArmorPlugin({
    maxDepth: { n: limits.maxDepth, ignoreIntrospection: true },
    maxAliases: { n: limits.maxAliases, allowList: [] },
    costLimit: { enabled: false },
    maxTokens: { n: limits.maxTokens },
    maxDirectives: { n: 20 },
    blockFieldSuggestion: { enabled: config.nodeEnv === "production" },
  });
}

type ErrorLike = Error & {
  extensions?: Record<string, unknown>;
  originalError?: unknown;
  path?: readonly (string | number)[];
};

// Duck-typed: plugins may construct errors with their own copy of graphql's classes.
const isGraphQLError = (e: unknown): e is ErrorLike => e instanceof Error && e.name === "GraphQLError";
const codeOf = (e: ErrorLike) => (typeof e.extensions?.code === "string" ? e.extensions.code : undefined);
const limitPattern = /depth|alias|cost|token|directive|complex/i;

/**
 * The GraphQL metrics exported. The plugin turns on every metric it has unless told otherwise; the
 * ones off here cost a request more than they tell: the deprecated-field counter walks every
 * document with type info (the schema has no deprecated fields), the time summary computes quantiles
 * on every observation (the duration histograms give them), the per-phase histograms add four
 * observations to each request for what the request duration already shows, and the HTTP duration
 * histogram repeats the request duration (about a sixth of an empty request's time).
 */
const prometheusMetrics = {
  graphql_yoga_http_duration: false,
  graphql_envelop_request: true,
  graphql_envelop_request_duration: true,
  graphql_envelop_error_result: true,
  graphql_envelop_schema_change: true,
  graphql_envelop_deprecated_field: false,
  graphql_envelop_request_time_summary: false,
  graphql_envelop_phase_parse: false,
  graphql_envelop_phase_validate: false,
  graphql_envelop_phase_context: false,
  graphql_envelop_phase_execute: false,
  graphql_envelop_phase_subscribe: false,
  graphql_envelop_execute_resolver: false,
} as const;

/**
 * Gives every error a stable code and hides internals (no stack traces reach clients). Errors raised
 * on purpose with a code pass unchanged; the client's own mistakes (wrong variable types, failed
 * argument validation, malformed ids, values the database cannot take) become BAD_USER_INPUT and
 * the limits QUERY_TOO_COMPLEX; a database that is away becomes 503 SERVICE_UNAVAILABLE; anything
 * else is logged under the request id and answered as INTERNAL_SERVER_ERROR.
 */
function maskError(services: GatewayServices) {
  return (error: unknown): Error => {
    if (isGraphQLError(error)) {
      const original = error.originalError;
      // Raised on purpose (by a resolver, validation, variable coercion or the limits): shown as is,
      // with a code and a 4xx status when it concerns the request itself.
      if (original == null) {
        if (codeOf(error) !== undefined) return error;
        const code = limitPattern.test(error.message) ? errorCodes.queryTooComplex : errorCodes.badUserInput;
        return new GraphQLError(error.message, {
          ...(error.path ? { path: error.path } : {}),
          extensions: { ...error.extensions, code, http: { status: 400 } },
        });
      }
      if (isGraphQLError(original)) {
        if (codeOf(original) !== undefined) return original;
        // Variable coercion wraps graphql's own error: the client sent a value of the wrong type.
        if (original.originalError == null) {
          return new GraphQLError(error.message, {
            extensions: { ...original.extensions, code: errorCodes.badUserInput, http: { status: 400 } },
          });
        }
      }
    }
    const original = (error as { originalError?: unknown } | null)?.originalError ?? error;
    // Argument validation (zod `validate`) and malformed global ids: the client's input, with its reason.
    if (original instanceof Error && original.name === "PothosValidationError") {
      return new GraphQLError(original.message, {
        ...(isGraphQLError(error) && error.path ? { path: error.path } : {}),
        extensions: { code: errorCodes.badUserInput },
      });
    }
    // A value PostgreSQL cannot take (a NUL character, a number out of range) came from the request.
    if (isDataException(original)) {
      return new GraphQLError(
        "A value in the request cannot be used (e.g. it contains a NUL character or is out of range)",
        { extensions: { code: errorCodes.badUserInput } },
      );
    }
    if (isConnectionError(original)) {
      return new GraphQLError("The database is not available; try again shortly", {
        extensions: { code: errorCodes.unavailable, http: { status: 503 } },
      });
    }
    services.logger.error({ err: original }, "unexpected error");
    return new GraphQLError("Unexpected error", { extensions: { code: errorCodes.internal } });
  };
}

/**
 * Builds the gateway's GraphQL application (without listening): schema, authentication, limits,
 * audit, health, metrics and persisted operations. Tests call `yoga.fetch` directly.
 */
export function createGatewayYoga(
  services: GatewayServices,
  config: GatewayConfig,
  options: { graphiqlToken?: () => Promise<string>; devSignIn?: DevelopmentSignInOptions } = {},
): GatewayYoga {
  const persisted = loadPersistedOperations(config.persistedOperations);
  const limits = config.limits;
  return createYoga<Record<string, unknown>, GatewayContext>({
    schema,
    graphqlEndpoint: "/graphql",
    landingPage: false,
    batching: { limit: limits.maxBatch },
    // The body limit is useBodyLimit's, which reads bodies without graphql-yoga's transform stream.
    maxRequestBodySize: false,
    context: async ({ request }) => {
      const context = await createContext(services, request);
      return context;
    },
    logging: {
      debug: (...args: unknown[]) => {
        services.logger.debug(args);
      },
      info: (...args: unknown[]) => {
        services.logger.info(args);
      },
      warn: (...args: unknown[]) => {
        services.logger.warn(args);
      },
      // Errors in results are expected (auth, validation); unexpected ones are logged by maskError.
      error: (...args: unknown[]) => {
        services.logger.debug(args);
      },
    },
    maskedErrors: { maskError: maskError(services) },
    cors: corsFor(config.cors),
    // GraphiQL's scripts and styles are served inline from @graphql-yoga/render-graphiql: the page
    // works without internet access and loads nothing from a CDN.
    renderGraphiQL,
    graphiql: config.graphiql
      ? async (request, serverContext) => {
          const token =
            options.graphiqlToken && mayEmbedToken(request, serverContext) ? await options.graphiqlToken() : undefined;
          return {
            title: "Ankkuri GraphQL",
            ...(token ? { headers: JSON.stringify({ Authorization: `Bearer ${token}` }) } : {}),
            defaultQuery:
              "query Me {\n  viewer {\n    name\n    roles\n    organisation { name }\n    team { name agreement { title inForce } }\n  }\n}\n",
          };
        }
      : false,
    plugins: [
      useHealth(() => isDatabaseReady({ db: services.db, engine: services.engine, close: () => Promise.resolve() })),
      useRequestId(),
      // Development authentication mode only: the gateway builds no sign-in with a real issuer.
      ...(options.devSignIn ? [useDevelopmentSignIn(options.devSignIn)] : []),
      ...(config.webAppDir ? [useWebApp(config.webAppDir)] : []),
      useBodyLimit(limits.maxBodyBytes),
      useGetParams(),
      armorPlugin(config),
      useIntrospectionGate(config.introspection),
      useRateLimit(limits.rate, services.metrics),
      useReportDownload(services),
      ...(config.persistedOperations.mode === "off"
        ? []
        : [
            usePersistedOperations({
              getPersistedOperation: (hash: string) => persisted.get(hash) ?? null,
              allowArbitraryOperations: config.persistedOperations.mode === "allowed",
              skipDocumentValidation: false,
              customErrors: persistedOperationErrors,
            }),
          ]),
      // No `url` label (should the HTTP histogram be switched on): a GET request's URL carries its
      // query and variables (ids the client sent), which must not reach the metrics. Served on
      // their own port (`listenMetrics`), not on the API's.
      usePrometheus({
        endpoint: false,
        registry: services.metrics.registry,
        metrics: { ...prometheusMetrics, ...services.metrics.graphqlMetrics },
        labels: { url: false },
      }),
      useRequestLog(services.metrics),
      // Before the audit flush, which so wraps it and takes the reads after it has looked at them.
      ...(config.derivedAnswerCache ? [useDerivedAnswers()] : []),
      useAuditFlush(),
    ],
  });
}
