import type { Message, Violation } from "@ankkuri/domain";
import { GraphQLError } from "graphql";

/**
 * Expected failures of a mutation, returned as typed results (a union with the payload), never as
 * generic errors. Each carries a stable `code`, a message in Finnish and English, and a `path`.
 */
export abstract class MutationFailure extends Error {
  abstract readonly code: string;
  constructor(
    readonly messages: Message,
    readonly path: string[] = [],
  ) {
    super(messages.en);
  }
}

/** A rule of the domain refused the change; `violations` lists every reason. */
export class RuleViolationFailure extends MutationFailure {
  override readonly name = "RuleViolationFailure";
  readonly code: string;
  constructor(readonly violations: Violation[]) {
    const first = violations[0];
    super(
      first?.message ?? {
        fi: "Sääntö estää muutoksen.",
        sv: "En regel förhindrar ändringen.",
        en: "A rule refuses the change.",
      },
      first?.path?.map(String) ?? [],
    );
    this.code = first?.code ?? "RULE.VIOLATED";
  }
}

/** The record changed since the client read it (optimistic concurrency): reload and retry. */
export class ConflictFailure extends MutationFailure {
  override readonly name = "ConflictFailure";
  readonly code = "CONFLICT.STALE_VERSION";
  constructor(readonly currentVersion: number | null) {
    super(
      {
        fi: "Tietoa on muutettu sen jälkeen, kun luit sen. Lataa se uudelleen ja yritä sitten.",
        sv: "Uppgifterna har ändrats efter att du läste dem. Ladda dem på nytt och försök sedan igen.",
        en: "The record has changed since you read it. Reload it and try again.",
      },
      ["expectedVersion"],
    );
  }
}

/** What a mutation may not find, by name in each language. */
const notFoundNames = {
  "access right": { fi: "kulkuoikeus", sv: "passerrätt", en: "access right" },
  "assignment": { fi: "tehtävä", sv: "uppdrag", en: "assignment" },
  "body meeting": { fi: "toimielimen kokous", sv: "organets möte", en: "body meeting" },
  "body": { fi: "toimielin", sv: "organ", en: "body" },
  "case": { fi: "asiakkuus", sv: "klientskap", en: "case" },
  "client": { fi: "asiakas", sv: "klient", en: "client" },
  "goal": { fi: "tavoite", sv: "mål", en: "goal" },
  "invitation": { fi: "kutsu", sv: "inbjudan", en: "invitation" },
  "legal hold": { fi: "säilytysvelvoite", sv: "bevarandeskyldighet", en: "legal hold" },
  "link": { fi: "asiakkuuksien linkki", sv: "länk mellan klientskap", en: "link" },
  "meeting": { fi: "tapaaminen", sv: "möte", en: "meeting" },
  "rotating body": {
    fi: "vuorottelevan puheenjohtajuuden toimielin",
    sv: "organ med roterande ordförandeskap",
    en: "rotating body",
  },
  "security clearance": { fi: "turvallisuusselvitys", sv: "säkerhetsutredning", en: "security clearance" },
  "staff member": { fi: "työntekijä", sv: "anställd", en: "staff member" },
  "user account": { fi: "käyttäjätili", sv: "användarkonto", en: "user account" },
} as const satisfies Record<string, Message>;
export type NotFoundWhat = keyof typeof notFoundNames;

/** The record does not exist, or the caller may not see it (indistinguishable on purpose). */
export class NotFoundFailure extends MutationFailure {
  override readonly name = "NotFoundFailure";
  readonly code = "NOT_FOUND";
  constructor(what: NotFoundWhat, path: string[] = []) {
    const name = notFoundNames[what];
    super({ fi: `Kohdetta ei löydy: ${name.fi}.`, sv: `Hittas inte: ${name.sv}.`, en: `Not found: ${name.en}.` }, path);
  }
}

/** The input is well-typed but not acceptable (a wrong identity code, a date outside its range). */
export class InvalidInputFailure extends MutationFailure {
  override readonly name = "InvalidInputFailure";
  constructor(
    readonly code: string,
    messages: Message,
    path: string[],
  ) {
    super(messages, path);
  }
}

/**
 * Stable codes of request-level errors (in `extensions.code`), the ones a client may branch on
 * (docs/gateway.md lists them). The gateway's code raises only these; `GRAPHQL_VALIDATION_FAILED`
 * comes from graphql-yoga and the armor's token limit, and is here so the contract is in one place.
 */
export const errorCodes = {
  unauthenticated: "UNAUTHENTICATED",
  forbidden: "FORBIDDEN",
  badRequest: "BAD_REQUEST",
  badUserInput: "BAD_USER_INPUT",
  validationFailed: "GRAPHQL_VALIDATION_FAILED",
  queryTooComplex: "QUERY_TOO_COMPLEX",
  payloadTooLarge: "PAYLOAD_TOO_LARGE",
  persistedOperationNotFound: "PERSISTED_OPERATION_NOT_FOUND",
  persistedOperationRequired: "PERSISTED_OPERATION_REQUIRED",
  rateLimited: "RATE_LIMITED",
  unavailable: "SERVICE_UNAVAILABLE",
  internal: "INTERNAL_SERVER_ERROR",
} as const;

/** A request-level error code: one of {@link errorCodes}. */
export type ErrorCode = (typeof errorCodes)[keyof typeof errorCodes];

/** The `extensions` of a request-level error: its code and, for an error that ends the request, its HTTP answer. */
export function errorExtensions(
  code: ErrorCode,
  http?: { status: number; headers?: Record<string, string> },
): { code: ErrorCode; http?: { status: number; headers?: Record<string, string> } } {
  return http === undefined ? { code } : { code, http };
}

/** The request has no valid credentials. */
export function unauthenticated(reason: string): GraphQLError {
  return new GraphQLError("Authentication required: send a valid bearer token", {
    extensions: { code: errorCodes.unauthenticated, reason, http: { status: 401 } },
  });
}

/** The caller is authenticated but may not do this. */
export function forbidden(message = "Not allowed for your role or organisation"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: errorCodes.forbidden } });
}
