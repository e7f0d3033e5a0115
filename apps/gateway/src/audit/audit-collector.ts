import type { Actor } from "@ankkuri/domain";
import type { AuditEntry } from "@ankkuri/db";

type Target = { resource: string; resourceId?: string | null; caseId?: string | null; clientId?: string | null };

/**
 * Collects the client-data reads of one request; the gateway writes them as one batch when the
 * operation has executed (`useAuditFlush`). Repeated reads of the same record are recorded once.
 */
export class AuditCollector {
  private readonly pending = new Map<string, AuditEntry>();

  constructor(
    private readonly requestId: string,
    private readonly actor: Actor | null,
    private readonly clock: () => Date,
    /** The caller's own `x-request-id`, kept beside the server's id in each entry's details. */
    private readonly correlationId: string | null = null,
  ) {}

  /** Records that the actor read client data of `target`, for `purpose`. */
  read(target: Target, purpose = "casework", details?: Record<string, unknown>): void {
    const entry = this.entry("read", target, purpose, details);
    if (!entry) return;
    const key = `${target.resource}|${target.resourceId ?? ""}|${target.caseId ?? ""}|${target.clientId ?? ""}`;
    if (!this.pending.has(key)) this.pending.set(key, entry);
  }

  /** An entry for a write, to be appended in the write's own transaction. */
  write(
    operation: "create" | "update" | "delete",
    target: Target,
    details?: Record<string, unknown>,
    purpose: "casework" | "administration" = "casework",
  ): AuditEntry[] {
    const entry = this.entry(operation, target, purpose, details);
    return entry ? [entry] : [];
  }

  /** Reads collected and not yet taken. */
  get size(): number {
    return this.pending.size;
  }

  /** Takes the collected reads (the collector is empty afterwards). */
  drain(): AuditEntry[] {
    const entries = [...this.pending.values()];
    this.pending.clear();
    return entries;
  }

  private entry(
    operation: AuditEntry["operation"],
    target: Target,
    purpose: string,
    details?: Record<string, unknown>,
  ): AuditEntry | null {
    if (!this.actor) return null;
    return {
      teamId: this.actor.teamId,
      occurredAt: this.clock(),
      requestId: this.requestId,
      actorId: this.actor.login,
      actorOrganisationId: this.actor.organisationId,
      actorRole: this.actor.roles.join(","),
      operation,
      resource: target.resource,
      resourceId: target.resourceId ?? null,
      caseId: target.caseId ?? null,
      clientId: target.clientId ?? null,
      purpose,
      details: this.correlationId === null ? (details ?? null) : { ...details, correlationId: this.correlationId },
    };
  }
}
