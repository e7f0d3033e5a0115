import { createHmac } from "node:crypto";
import { secretKey } from "../keys/secret-key.js";
import type { LegalBasis } from "@ankkuri/domain";
import type { AuditOperation } from "../schema/audit.js";

/** The previous hash of the first row of every chain. */
export const genesisHash = "0".repeat(64);

/** One access to client data, as the gateway and the reporter record it. */
export interface AuditEntry {
  teamId: string;
  occurredAt: Date;
  requestId: string;
  actorId: string;
  actorOrganisationId: string;
  actorRole: string;
  operation: AuditOperation;
  /** What was accessed, e.g. `case`, `consent`, `meeting`, `client.identityCode`. */
  resource: string;
  resourceId?: string | null;
  caseId?: string | null;
  clientId?: string | null;
  /** What for, in the caller's words, e.g. `casework`, `evaluation-report`. */
  purpose: string;
  /** The legal basis (client-data act 703/2023), decided by the server, never taken from a request. */
  basis: LegalBasis;
  /** The consents a `consent` basis rests on. */
  basisConsentIds?: string[];
  details?: Record<string, unknown> | null;
}

/**
 * The details that mark a refused attempt: a request answered as not found (a target out of the
 * actor's reach, another team's, or not there) read or changed nothing, but is logged all the same.
 * Such an entry names the id asked for only in its details, never in `caseId` or `clientId`, so it is
 * the same whether the target exists or not, and a client's extract lists only what happened.
 */
export const refusedAttempt = { outcome: "refused" } as const;

/** Whether an entry's details mark a refused attempt (`refusedAttempt`). */
export const isRefusedAttempt = (details: Record<string, unknown> | null | undefined): boolean =>
  details?.outcome === refusedAttempt.outcome;

/** A stored audit row: the entry, its place in the team's chain, and the chain hashes. */
export interface AuditRow extends AuditEntry {
  seq: number;
  /** False for entries migrated from before bases were logged (their hash does not cover the basis). */
  basisRecorded: boolean;
  prevHash: string;
  hash: string;
}

/** JSON with object keys sorted at every level, so the same value always hashes the same (jsonb reorders keys). */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(",")}}`;
  }
  return JSON.stringify(value ?? null);
}

/**
 * The row's hash: HMAC-SHA-256 under the audit key over the previous hash and every field. Keyed, so
 * someone who can write to the database but does not hold the key cannot forge a consistent chain.
 * Entries written since bases are logged cover their basis too; only rows migrated from before
 * (`basisRecorded: false`) are hashed without it, so marking a newer row so breaks its hash.
 */
export function chainHash(
  key: Buffer,
  prevHash: string,
  row: AuditEntry & { seq: number; basisRecorded?: boolean },
): string {
  const fields = [
    row.teamId,
    row.seq,
    row.occurredAt.toISOString(),
    row.requestId,
    row.actorId,
    row.actorOrganisationId,
    row.actorRole,
    row.operation,
    row.resource,
    row.resourceId ?? null,
    row.caseId ?? null,
    row.clientId ?? null,
    row.purpose,
    row.details ?? null,
  ];
  const payload = canonicalJson(
    row.basisRecorded === false ? fields : [...fields, row.basis, [...(row.basisConsentIds ?? [])]],
  );
  return createHmac("sha256", secretKey(key)).update(prevHash).update("\n").update(payload).digest("hex");
}

/**
 * Seals a retention run's pruning point: without the key, nobody can delete older rows and pass it
 * off as retention by moving the chain's start.
 */
export function pruneMac(key: Buffer, teamId: string, prunedSeq: number, prunedHash: string): string {
  return createHmac("sha256", secretKey(key))
    .update(canonicalJson(["pruned", teamId, prunedSeq, prunedHash]))
    .digest("hex");
}
