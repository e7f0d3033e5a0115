import type { LegalHoldReason, LocalDate } from "@ankkuri/domain";
import { and, eq, isNull } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import { appendAudit } from "../audit/append-audit.js";
import type { Executor } from "../client.js";
import { legalHolds } from "../schema/retention.js";

/** Who places or releases a hold, and when (an operator's command: the login is theirs to state). */
export interface HoldActor {
  login: string;
  on: LocalDate;
  now: Date;
}

const entry = (
  teamId: string,
  actor: HoldActor,
  operation: "create" | "update",
  hold: { id: string; clientId: string | null; caseId: string | null },
  details: Record<string, unknown>,
) => ({
  teamId,
  occurredAt: actor.now,
  requestId: `retention-cli:${randomUUID()}`,
  actorId: actor.login,
  actorOrganisationId: "system",
  actorRole: "system",
  operation,
  resource: "legal-hold",
  resourceId: hold.id,
  caseId: hold.caseId,
  clientId: hold.clientId,
  purpose: "legal-hold",
  basis: "administration" as const,
  details,
});

/**
 * Places a legal hold on a client or a case: from now on retention removes nothing of it. The hold
 * and its audit entry are written in one transaction.
 */
export async function placeLegalHold(
  db: Executor,
  auditKey: Buffer,
  teamId: string,
  target: { clientId: string } | { caseId: string },
  hold: { reason: LegalHoldReason; reference: string },
  actor: HoldActor,
): Promise<string> {
  const id = randomUUID();
  const clientId = "clientId" in target ? target.clientId : null;
  const caseId = "caseId" in target ? target.caseId : null;
  await db.transaction(async (tx) => {
    await tx.insert(legalHolds).values({
      teamId,
      id,
      clientId,
      caseId,
      reason: hold.reason,
      reference: hold.reference,
      placedOn: actor.on,
      placedBy: actor.login,
    });
    await appendAudit(tx, auditKey, [
      entry(teamId, actor, "create", { id, clientId, caseId }, { ...hold, placedOn: actor.on }),
    ]);
  });
  return id;
}

/** Releases a hold in force; false when there is none with that id (or it was released already). */
export async function releaseLegalHold(
  db: Executor,
  auditKey: Buffer,
  teamId: string,
  holdId: string,
  actor: HoldActor,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [released] = await tx
      .update(legalHolds)
      .set({ releasedOn: actor.on, releasedBy: actor.login, updatedAt: actor.now })
      .where(and(eq(legalHolds.teamId, teamId), eq(legalHolds.id, holdId), isNull(legalHolds.releasedOn)))
      .returning();
    if (!released) return false;
    await appendAudit(tx, auditKey, [
      entry(teamId, actor, "update", released, { released: true, releasedOn: actor.on, reason: released.reason }),
    ]);
    return true;
  });
}
