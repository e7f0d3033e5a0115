import { sql } from "drizzle-orm";
import { type LegalBasis, legalBases } from "@ankkuri/domain";
import {
  bigint,
  boolean,
  check,
  index,
  jsonb,
  primaryKey,
  snakeCase,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { oneOf, teamId } from "./columns.js";

export const auditOperations = ["read", "create", "update", "delete"] as const;
export type AuditOperation = (typeof auditOperations)[number];

/**
 * Every read and write of client data (003 § 9; client-data act 703/2023): who, in which organisation
 * and role, which case or client, what, why, when, and in which request. Append-only (a trigger
 * refuses updates and deletes) and tamper-evident: each row's `hash` covers its content and the
 * previous row's hash, in one chain per team, so an altered or deleted row breaks the chain at
 * that row (`verifyAuditChain`).
 */
export const auditLog = snakeCase.table(
  "audit_log",
  {
    teamId: teamId(),
    seq: bigint({ mode: "number" }).notNull(),
    occurredAt: timestamp({ withTimezone: true, mode: "date", precision: 3 }).notNull(),
    requestId: text().notNull(),
    actorId: text().notNull(),
    actorOrganisationId: text().notNull(),
    actorRole: text().notNull(),
    operation: text().notNull().$type<AuditOperation>(),
    resource: text().notNull(),
    resourceId: text(),
    caseId: uuid(),
    clientId: uuid(),
    purpose: text().notNull(),
    /** The legal basis of the access (`legalBases`), set by the server from the access it rests on. */
    basis: text().notNull().$type<LegalBasis>(),
    /** The consents a `consent` basis rests on. */
    basisConsentIds: uuid()
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    /**
     * False for entries written before bases were logged: they were migrated as `casework`, and their
     * hash does not cover the basis. A newer entry marked so no longer verifies.
     */
    basisRecorded: boolean().notNull(),
    details: jsonb().$type<Record<string, unknown>>(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.teamId, t.seq] }),
    index().on(t.teamId, t.clientId, t.occurredAt),
    index().on(t.teamId, t.caseId, t.occurredAt),
    index().on(t.teamId, t.actorId, t.occurredAt),
    check("audit_log_operation_check", oneOf(t.operation, auditOperations)),
    check("audit_log_basis_check", oneOf(t.basis, legalBases)),
    check("audit_log_hash_check", sql`${t.hash} ~ '^[0-9a-f]{64}$' and ${t.prevHash} ~ '^[0-9a-f]{64}$'`),
  ],
);

/**
 * The head of each team's audit chain (last sequence number and hash), written in the same
 * transaction as the rows. Verification compares it with the last row, so deleting rows from the end
 * is detected too. A trigger lets the head only move forward, and signed checkpoints of it kept
 * outside the database (`pnpm db:audit-checkpoint`, docs/database.md) protect against an attacker
 * who disables the trigger and rewrites both.
 */
export const auditHeads = snakeCase.table("audit_heads", {
  teamId: text().primaryKey(),
  seq: bigint({ mode: "number" }).notNull(),
  hash: text().notNull(),
  updatedAt: timestamp({ withTimezone: true, mode: "date" }).notNull().defaultNow(),
  /** Retention: rows up to this sequence number were pruned (0: none); the chain resumes after it. */
  prunedSeq: bigint({ mode: "number" }).notNull().default(0),
  /** The hash of the last pruned row: the previous hash of the first row kept. */
  prunedHash: text().notNull().default("0".repeat(64)),
  /** HMAC under the audit key over team, `prunedSeq` and `prunedHash`: only the key holder can move the start. */
  prunedMac: text(),
  /** Entries before this time were pruned by the last retention run. */
  prunedBefore: timestamp({ withTimezone: true, mode: "date" }),
});
