import type { AccessBasis, Actor, LegalBasis } from "@ankkuri/domain";
import type { AuditEntry } from "@ankkuri/db";

type Target = { resource: string; resourceId?: string | null; caseId?: string | null; clientId?: string | null };

/** Why an access happened: the legal basis (decided by the server) and, in the caller's words, the purpose. */
export interface AccessReason {
  basis: LegalBasis;
  consentIds?: string[];
  purpose?: string;
}

/** The purpose written beside a basis when the caller names none. */
const purposeOf = (basis: LegalBasis) =>
  basis === "administration" ? "administration" : basis === "audit" ? "audit" : "casework";

/**
 * Collects the client-data reads of one request; the gateway writes them as one batch when the
 * operation has executed (`useAuditFlush`). Repeated reads of the same record are recorded once.
 */
export class AuditCollector {
  private readonly pending = new Map<string, AuditEntry>();
  private readonly caseBases = new Map<string, AccessBasis>();

  constructor(
    private readonly requestId: string,
    private readonly actor: Actor | null,
    private readonly clock: () => Date,
    /** The caller's own `x-request-id`, kept beside the server's id in each entry's details. */
    private readonly correlationId: string | null = null,
  ) {}

  /**
   * Records that the actor read client data of `target` on `reason`'s basis. A read of a case
   * remembers its basis for the reads inside it (`basisOfCase`).
   */
  read(target: Target, reason: AccessReason, details?: Record<string, unknown>): void {
    const entry = this.entry("read", target, reason, details);
    if (!entry) return;
    if (target.resource === "case" && target.caseId)
      this.caseBases.set(target.caseId, { basis: reason.basis, consentIds: reason.consentIds ?? [] });
    const key = `${target.resource}|${target.resourceId ?? ""}|${target.caseId ?? ""}|${target.clientId ?? ""}`;
    if (!this.pending.has(key)) this.pending.set(key, entry);
  }

  /** An entry for a write, to be appended in the write's own transaction. */
  write(
    operation: "create" | "update" | "delete",
    target: Target,
    reason: AccessReason,
    details?: Record<string, unknown>,
  ): AuditEntry[] {
    const entry = this.entry(operation, target, reason, details);
    return entry ? [entry] : [];
  }

  /** The basis the case was read on earlier in this request (casework if it was not read). */
  basisOfCase(caseId: string): AccessBasis {
    return this.caseBases.get(caseId) ?? { basis: "casework", consentIds: [] };
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
    reason: AccessReason,
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
      purpose: reason.purpose ?? purposeOf(reason.basis),
      basis: reason.basis,
      basisConsentIds: reason.consentIds ?? [],
      details: this.correlationId === null ? (details ?? null) : { ...details, correlationId: this.correlationId },
    };
  }
}
