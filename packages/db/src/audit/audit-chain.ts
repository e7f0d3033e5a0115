import { createHmac } from "node:crypto";
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
  /** Why (the client-data act asks for the basis), e.g. `casework`, `annual-report`. */
  purpose: string;
  details?: Record<string, unknown> | null;
}

/** A stored audit row: the entry, its place in the team's chain, and the chain hashes. */
export interface AuditRow extends AuditEntry {
  seq: number;
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
 */
export function chainHash(key: Buffer, prevHash: string, row: AuditEntry & { seq: number }): string {
  const payload = canonicalJson([
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
  ]);
  return createHmac("sha256", key).update(prevHash).update("\n").update(payload).digest("hex");
}

/**
 * Seals a retention run's pruning point: without the key, nobody can delete older rows and pass it
 * off as retention by moving the chain's start.
 */
export function pruneMac(key: Buffer, teamId: string, prunedSeq: number, prunedHash: string): string {
  return createHmac("sha256", key)
    .update(canonicalJson(["pruned", teamId, prunedSeq, prunedHash]))
    .digest("hex");
}
