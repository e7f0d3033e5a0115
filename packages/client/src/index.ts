export {
  type AnkkuriClient,
  backoff,
  type ClientOptions,
  createClient,
  defaultRetry,
  type Language,
  type PersistedMode,
  type RequestOptions,
} from "./client.js";
export { type Connection, allNodes, pages } from "./pages.js";
export { AnkkuriRequestError, type GatewayError } from "./request-error.js";
export {
  type ErrorTypename,
  errorOf,
  isConflict,
  isError,
  isNotFound,
  isRuleViolation,
  payloadOf,
  violationsOf,
} from "./results.js";
export { type IsoDate, type IsoDateTime, isoDate } from "./scalars.js";
export { errorTypenames } from "./operations.js";
