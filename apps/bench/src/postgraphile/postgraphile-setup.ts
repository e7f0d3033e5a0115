import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { SignJWT } from "jose";
import postgres from "postgres";
import type { OperationInputs } from "../operations.js";

// What PostGraphile needs of the bench database: its computed columns (both variants), and for the
// secured variant the roles and row-level security policies of `rls-setup.sql`, a signing secret and
// the caseworker's token. Applied to the bench database only; the gateway and the floor connect as
// the tables' owner, which row-level security does not restrict.

const computedColumns = new URL("./computed-columns.sql", import.meta.url);
const rlsSetup = new URL("./rls-setup.sql", import.meta.url);

/** The PostGraphile the catalog pins (pnpm-workspace.yaml). */
export const postgraphileVersion = "5.1.5";

/** The role PostGraphile's secured variant connects as (it may only become the caseworker role). */
export const authenticatorRole = "ankkuri_bench_authenticator";
/** The non-owner role the caseworker's JWT names; the policies apply to it. */
export const caseworkerRole = "ankkuri_bench_caseworker";

/**
 * Applies the computed columns and the roles and policies to the database at `databaseUrl`, and
 * gives the authenticator role a fresh password (a server that asks for one gets it); returns the
 * URL PostGraphile's secured variant connects with.
 */
export async function preparePostgraphile(databaseUrl: string): Promise<string> {
  const password = randomBytes(24).toString("base64url");
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => undefined });
  try {
    for (const file of [computedColumns, rlsSetup]) await sql.unsafe(readFileSync(file, "utf8")).simple();
    // base64url: no quote can end the literal.
    await sql.unsafe(`alter role ${authenticatorRole} password '${password}'`);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const url = new URL(databaseUrl);
  url.username = authenticatorRole;
  url.password = password;
  return url.toString();
}

/** A fresh HS256 secret for one run. */
export function jwtSecret(): string {
  return randomBytes(32).toString("base64url");
}

/**
 * The caseworker's PostGraphile token: its `role` claim becomes the transaction's role and its other
 * claims the `jwt.claims.*` settings the policies read (team and organisation).
 */
export function caseworkerToken(secret: string, inputs: OperationInputs): Promise<string> {
  return new SignJWT({
    role: caseworkerRole,
    team_id: inputs.teamId,
    organisation_id: inputs.caseworker.organisationId,
  })
    .setProtectedHeader({ alg: "HS256" })
    .setAudience("postgraphile")
    .setSubject(inputs.caseworker.login)
    .setIssuedAt()
    .setExpirationTime("12h")
    .sign(new TextEncoder().encode(secret));
}
