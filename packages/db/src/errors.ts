/** Why the database refused a write; the constraint name says which rule. */
export type ConstraintKind = "unique" | "foreign-key" | "check" | "exclusion" | "not-null";

const codes = {
  "unique": "DB.UNIQUE",
  "foreign-key": "DB.FOREIGN_KEY",
  "check": "DB.CHECK",
  "exclusion": "DB.EXCLUSION",
  "not-null": "DB.NOT_NULL",
} as const satisfies Record<ConstraintKind, string>;

/** A write refused by a database constraint, with a stable code for the API layer. */
export class ConstraintViolationError extends Error {
  override readonly name = "ConstraintViolationError";
  readonly code: (typeof codes)[ConstraintKind];
  constructor(
    readonly kind: ConstraintKind,
    readonly constraint: string | null,
    options: { cause: unknown },
  ) {
    super(`The database refused the write (${kind}${constraint ? `: ${constraint}` : ""})`, options);
    this.code = codes[kind];
  }
}

/** A write based on a version of a row that has since changed: nothing was written. */
export class StaleWriteError extends Error {
  override readonly name = "StaleWriteError";
  readonly code = "CONFLICT.STALE_VERSION";
  constructor(
    readonly entity: string,
    readonly id: string,
    readonly expectedVersion: number,
  ) {
    super(`${entity} ${id} has changed since version ${expectedVersion}; reload and try again`);
  }
}

/** The row to update does not exist (or is not visible to the caller's team). */
export class RowNotFoundError extends Error {
  override readonly name = "RowNotFoundError";
  readonly code = "NOT_FOUND";
  constructor(
    readonly entity: string,
    readonly id: string,
  ) {
    super(`${entity} ${id} not found`);
  }
}

const kinds: Record<string, ConstraintKind> = {
  "23505": "unique",
  "23503": "foreign-key",
  "23514": "check",
  "23P01": "exclusion",
  "23502": "not-null",
};

interface PgLikeError {
  code?: unknown;
  constraint?: unknown;
  constraint_name?: unknown;
  cause?: unknown;
  message?: unknown;
}

/** The error and its causes (drizzle wraps driver errors), at most five deep. */
function* causes(error: unknown): Generator<PgLikeError> {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && typeof current === "object" && current !== null; depth++) {
    const e = current as PgLikeError;
    yield e;
    current = e.cause;
  }
}

const connectionCodes = [
  "ECONNREFUSED",
  "ECONNRESET",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "ETIMEDOUT",
  "EPIPE",
];

/**
 * The constraint violation behind an error from either driver (postgres.js `PostgresError`, PGlite's
 * `DatabaseError`, possibly wrapped by drizzle), or null for any other error.
 */
export function constraintViolation(error: unknown): ConstraintViolationError | null {
  for (const e of causes(error)) {
    const kind = typeof e.code === "string" ? kinds[e.code] : undefined;
    if (kind) {
      const name =
        typeof e.constraint_name === "string"
          ? e.constraint_name
          : typeof e.constraint === "string"
            ? e.constraint
            : null;
      return new ConstraintViolationError(kind, name, { cause: error });
    }
  }
  return null;
}

/** SQLSTATE of a connection failure: the database is away, not the request at fault. */
export function isConnectionError(error: unknown): boolean {
  for (const e of causes(error)) {
    if (typeof e.code === "string" && (/^(08|57P0)/.test(e.code) || connectionCodes.includes(e.code))) return true;
    // The embedded engine has no codes; once shut down (e.g. during shutdown) it says so.
    if (e.message === "PGlite is closed") return true;
  }
  return false;
}

/**
 * SQLSTATE class 22 (data exception): a value the database cannot take — a NUL character in text, a
 * number out of range, malformed input to a cast. It comes from the request, not from the server.
 */
export function isDataException(error: unknown): boolean {
  for (const e of causes(error)) if (typeof e.code === "string" && e.code.startsWith("22")) return true;
  return false;
}
