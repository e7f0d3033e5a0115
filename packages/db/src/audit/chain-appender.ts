import { sql } from "drizzle-orm";
import type { Database } from "../client.js";
import { queryRows } from "../query-rows.js";
import { appendAudit, type ChainHead, chainRows } from "./append-audit.js";
import type { AuditEntry } from "./audit-chain.js";

/** Attempts on a head this process last saw before the batch goes the locking way. */
const optimisticAttempts = 3;

/**
 * Appends batches of reads to a team's chain in one statement each, where `appendAudit` needs a
 * transaction of five (begin, lock the head, insert, move the head, commit). It hashes the batch
 * after the head this process last wrote or read, and the statement moves the head only from that
 * head: `update audit_heads … where seq = <seen> and hash = <seen>` takes the same row lock the
 * locking path takes, and an insert that joins it writes nothing unless the head moved. When another
 * writer (a write's own transaction, another gateway) moved the head first, nothing is written, the
 * head is read again and the batch rehashed; after a few such attempts, or for a team with no chain
 * yet, the batch goes through `appendAudit`. The chain is the same either way: every entry follows
 * the previous one under the key, and the head is the last entry.
 *
 * Only for appends that stand alone (a request's reads); a write appends inside its own transaction.
 */
export class ChainAppender {
  private readonly heads = new Map<string, ChainHead>();

  constructor(
    private readonly db: Database,
    private readonly key: Buffer,
  ) {}

  /** Appends `entries` (committed when it resolves); entries of several teams go the locking way. */
  async append(entries: readonly AuditEntry[]): Promise<void> {
    const teamId = entries[0]?.teamId;
    if (teamId === undefined) return;
    if (entries.some((e) => e.teamId !== teamId)) return appendAudit(this.db, this.key, entries);
    for (let attempt = 0; attempt < optimisticAttempts; attempt++) {
      const head = this.heads.get(teamId) ?? (await this.readHead(teamId));
      if (!head) break;
      this.heads.delete(teamId);
      const { rows, last } = chainRows(this.key, head, entries);
      const written = await this.insertAfter(teamId, head, last, rows);
      if (written > 0) {
        this.heads.set(teamId, last);
        return;
      }
    }
    await appendAudit(this.db, this.key, entries);
  }

  private async readHead(teamId: string): Promise<ChainHead | undefined> {
    const [head] = await queryRows<{ seq: number; hash: string }>(
      this.db,
      sql`select seq::float8 as seq, hash from audit_heads where team_id = ${teamId}`,
    );
    return head;
  }

  /** Inserts `rows` and moves the head from `from` to `to` in one statement; the rows written (0: the head had moved). */
  private async insertAfter(
    teamId: string,
    from: ChainHead,
    to: ChainHead,
    rows: ReturnType<typeof chainRows>["rows"],
  ): Promise<number> {
    const values = JSON.stringify(
      rows.map((r) => ({
        seq: r.seq,
        occurred_at: r.occurredAt.toISOString(),
        request_id: r.requestId,
        actor_id: r.actorId,
        actor_organisation_id: r.actorOrganisationId,
        actor_role: r.actorRole,
        operation: r.operation,
        resource: r.resource,
        resource_id: r.resourceId,
        case_id: r.caseId,
        client_id: r.clientId,
        purpose: r.purpose,
        basis: r.basis,
        basis_consent_ids: r.basisConsentIds,
        details: r.details,
        prev_hash: r.prevHash,
        hash: r.hash,
      })),
    );
    const [result] = await queryRows<{ written: number }>(
      this.db,
      sql`with head as (
  update audit_heads set seq = ${to.seq}, hash = ${to.hash}, updated_at = now()
  where team_id = ${teamId} and seq = ${from.seq} and hash = ${from.hash}
  returning team_id
), appended as (
  insert into "audit_log" (team_id, seq, occurred_at, request_id, actor_id, actor_organisation_id, actor_role,
    operation, resource, resource_id, case_id, client_id, purpose, basis, basis_consent_ids, basis_recorded,
    details, prev_hash, hash)
  select head.team_id, r.seq, r.occurred_at, r.request_id, r.actor_id, r.actor_organisation_id, r.actor_role,
    r.operation, r.resource, r.resource_id, r.case_id, r.client_id, r.purpose, r.basis, r.basis_consent_ids, true,
    r.details, r.prev_hash, r.hash
  from head cross join jsonb_to_recordset(${values}::jsonb) as r(seq bigint, occurred_at timestamptz,
    request_id text, actor_id text, actor_organisation_id text, actor_role text, operation text, resource text,
    resource_id text, case_id uuid, client_id uuid, purpose text, basis text, basis_consent_ids uuid[],
    details jsonb, prev_hash text, hash text)
  returning 1
)
select count(*)::int as written from appended`,
    );
    return result?.written ?? 0;
  }
}
