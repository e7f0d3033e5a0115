import {
  type Actor,
  type Agreement,
  type CaseMembership,
  type LegalHoldInput,
  legalHoldInputSchema,
  legalHoldScopeFor,
  type LegalHoldScope,
  legalHoldWithinScope,
  type LocalDate,
  type OrganisationIndex,
} from "@ankkuri/domain";
import { and, eq, inArray, isNull, or } from "drizzle-orm";
import { type AuditEntry, refusedAttempt } from "../audit/audit-chain.js";
import { appendAudit } from "../audit/append-audit.js";
import type { Executor } from "../client.js";
import { newId } from "../repositories/case-repository.js";
import { caseMemberships, cases, clients } from "../schema/cases.js";
import { legalHolds } from "../schema/retention.js";

/** A hold as it is stored. */
export type LegalHold = typeof legalHolds.$inferSelect;

/** What a hold is placed on: a client (every case of theirs) or one case. */
export type LegalHoldTarget = { clientId: string } | { caseId: string };

/**
 * Who acts, on which day, in which request, and the team's agreement and organisations (the gateway
 * passes its cached team; the CLI loads it). The actor comes from the database (`resolveActor`).
 */
export interface LegalHoldRequest {
  actor: Actor;
  today: LocalDate;
  now: Date;
  requestId: string;
  team: { agreement: Agreement; organisations: OrganisationIndex };
}

/**
 * The outcome of a legal-hold verb. `FORBIDDEN`: the actor may not manage holds at all.
 * `NOT_FOUND`: the target or hold is not the team's, lies outside the actor's controller, does not
 * exist or (a release) is no longer in force — one answer for all, on purpose.
 */
export type LegalHoldOutcome<T> =
  | { ok: true; value: T }
  | { ok: false; code: "FORBIDDEN" }
  | { ok: false; code: "NOT_FOUND"; what: "case" | "client" | "legal hold"; path: string };

const scopeOf = (request: LegalHoldRequest): LegalHoldScope | null =>
  legalHoldScopeFor(
    request.actor,
    request.actor.teamId,
    request.team.agreement,
    request.team.organisations,
    request.today,
  );

/** The target's client, and the memberships of the case or of every case of the client; null when not the team's. */
async function targetOf(
  db: Executor,
  teamId: string,
  target: LegalHoldTarget,
): Promise<{ clientId: string; memberships: Pick<CaseMembership, "organisationId" | "basis" | "from">[] } | null> {
  let clientId: string;
  let caseIds: string[];
  if ("caseId" in target) {
    const [found] = await db
      .select({ clientId: cases.clientId })
      .from(cases)
      .where(and(eq(cases.teamId, teamId), eq(cases.id, target.caseId)));
    if (!found) return null;
    clientId = found.clientId;
    caseIds = [target.caseId];
  } else {
    const [found] = await db
      .select({ id: clients.id })
      .from(clients)
      .where(and(eq(clients.teamId, teamId), eq(clients.id, target.clientId)));
    if (!found) return null;
    clientId = found.id;
    caseIds = (
      await db
        .select({ id: cases.id })
        .from(cases)
        .where(and(eq(cases.teamId, teamId), eq(cases.clientId, clientId)))
    ).map((c) => c.id);
  }
  const memberships =
    caseIds.length === 0
      ? []
      : await db
          .select({
            organisationId: caseMemberships.organisationId,
            basis: caseMemberships.basis,
            from: caseMemberships.validFrom,
          })
          .from(caseMemberships)
          .where(and(eq(caseMemberships.teamId, teamId), inArray(caseMemberships.caseId, caseIds)));
  return { clientId, memberships };
}

/** The target within the actor's scope, or the failure to answer with. */
async function reachable(
  db: Executor,
  request: LegalHoldRequest,
  scope: LegalHoldScope,
  target: LegalHoldTarget,
): Promise<{ clientId: string } | null> {
  const found = await targetOf(db, request.actor.teamId, target);
  if (!found || !legalHoldWithinScope(scope, found.memberships, request.team)) return null;
  return { clientId: found.clientId };
}

const notFound = (target: LegalHoldTarget) =>
  "caseId" in target
    ? ({ ok: false, code: "NOT_FOUND", what: "case", path: "caseId" } as const)
    : ({ ok: false, code: "NOT_FOUND", what: "client", path: "clientId" } as const);

const auditEntry = (
  request: LegalHoldRequest,
  operation: AuditEntry["operation"],
  hold: { id: string | null; clientId: string | null; caseId: string | null },
  details: Record<string, unknown>,
): AuditEntry => ({
  teamId: request.actor.teamId,
  occurredAt: request.now,
  requestId: request.requestId,
  actorId: request.actor.login,
  actorOrganisationId: request.actor.organisationId,
  actorRole: request.actor.roles.join(","),
  operation,
  resource: "legal-hold",
  resourceId: hold.id,
  caseId: hold.caseId,
  clientId: hold.clientId,
  purpose: "legal-hold",
  basis: "administration",
  basisConsentIds: [],
  details,
});

/** What a refused attempt asked for: the target of a hold, or the hold to release. */
type Attempted = LegalHoldTarget | { holdId: string };

/**
 * The entry of an attempt answered as not found (`refusedAttempt`): who tried what on which id. The
 * id asked for is in the details (a hold's in `resourceId` too), never in the case and client columns.
 */
const refusedEntry = (
  request: LegalHoldRequest,
  operation: AuditEntry["operation"],
  attempted: Attempted,
  details: Record<string, unknown> = {},
): AuditEntry =>
  auditEntry(
    request,
    operation,
    { id: "holdId" in attempted ? attempted.holdId : null, caseId: null, clientId: null },
    { ...refusedAttempt, ...attempted, ...details },
  );

/**
 * Places a legal hold on a client or a case: from then on retention removes nothing of it. Only an
 * actor the domain lets manage holds (`legalHoldScopeFor`), only on a target within their scope
 * (`legalHoldWithinScope`); the hold and its audit entry are written in one transaction. A target
 * answered as not found is logged as a refused attempt (`refusedEntry`).
 */
export async function placeLegalHold(
  db: Executor,
  auditKey: Buffer,
  request: LegalHoldRequest,
  target: LegalHoldTarget,
  input: LegalHoldInput,
): Promise<LegalHoldOutcome<LegalHold>> {
  const scope = scopeOf(request);
  if (!scope) return { ok: false, code: "FORBIDDEN" };
  const hold = legalHoldInputSchema.parse(input);
  return db.transaction(async (tx) => {
    const found = await reachable(tx, request, scope, target);
    if (!found) {
      await appendAudit(tx, auditKey, [refusedEntry(request, "create", target, hold)]);
      return notFound(target);
    }
    const [placed] = await tx
      .insert(legalHolds)
      .values({
        teamId: request.actor.teamId,
        id: newId(),
        clientId: "clientId" in target ? target.clientId : null,
        caseId: "caseId" in target ? target.caseId : null,
        reason: hold.reason,
        reference: hold.reference,
        placedOn: request.today,
        placedBy: request.actor.login,
      })
      .returning();
    if (!placed) throw new Error("a placed hold vanished");
    // The case's hold also names its client, so the client's access log shows it.
    await appendAudit(tx, auditKey, [
      auditEntry(request, "create", { ...placed, clientId: found.clientId }, { ...hold, placedOn: request.today }),
    ]);
    return { ok: true, value: placed };
  });
}

/**
 * Releases a hold in force, within the actor's scope; written with its audit entry in one
 * transaction. A hold answered as not found is logged as a refused attempt (`refusedEntry`).
 */
export async function releaseLegalHold(
  db: Executor,
  auditKey: Buffer,
  request: LegalHoldRequest,
  holdId: string,
): Promise<LegalHoldOutcome<LegalHold>> {
  const scope = scopeOf(request);
  if (!scope) return { ok: false, code: "FORBIDDEN" };
  const missing = { ok: false, code: "NOT_FOUND", what: "legal hold", path: "holdId" } as const;
  return db.transaction(async (tx) => {
    const refused = async () => {
      await appendAudit(tx, auditKey, [refusedEntry(request, "update", { holdId })]);
      return missing;
    };
    const [held] = await tx
      .select()
      .from(legalHolds)
      .where(and(eq(legalHolds.teamId, request.actor.teamId), eq(legalHolds.id, holdId), isNull(legalHolds.releasedOn)))
      .for("update");
    if (!held) return refused();
    const target: LegalHoldTarget = held.caseId !== null ? { caseId: held.caseId } : { clientId: held.clientId ?? "" };
    const found = await reachable(tx, request, scope, target);
    // A hold on data gone meanwhile stays the auditors' to release (a controller no longer reaches it).
    if (!found && scope.kind === "controller") return refused();
    const [released] = await tx
      .update(legalHolds)
      .set({ releasedOn: request.today, releasedBy: request.actor.login, updatedAt: request.now })
      .where(and(eq(legalHolds.teamId, request.actor.teamId), eq(legalHolds.id, holdId)))
      .returning();
    if (!released) return refused();
    await appendAudit(tx, auditKey, [
      auditEntry(
        request,
        "update",
        { ...released, clientId: found?.clientId ?? released.clientId },
        {
          released: true,
          releasedOn: request.today,
          reason: released.reason,
        },
      ),
    ]);
    return { ok: true, value: released };
  });
}

/**
 * The holds in force on a client (and on each of the client's cases) or on a case (and on its
 * client), within the actor's scope. The caller logs the read.
 */
export async function activeLegalHolds(
  db: Executor,
  request: LegalHoldRequest,
  target: LegalHoldTarget,
): Promise<LegalHoldOutcome<{ clientId: string; holds: LegalHold[] }>> {
  const scope = scopeOf(request);
  if (!scope) return { ok: false, code: "FORBIDDEN" };
  const found = await reachable(db, request, scope, target);
  if (!found) return notFound(target);
  const teamId = request.actor.teamId;
  const caseIds =
    "caseId" in target
      ? [target.caseId]
      : (
          await db
            .select({ id: cases.id })
            .from(cases)
            .where(and(eq(cases.teamId, teamId), eq(cases.clientId, found.clientId)))
        ).map((c) => c.id);
  const holds = await db
    .select()
    .from(legalHolds)
    .where(
      and(
        eq(legalHolds.teamId, teamId),
        isNull(legalHolds.releasedOn),
        caseIds.length === 0
          ? eq(legalHolds.clientId, found.clientId)
          : or(eq(legalHolds.clientId, found.clientId), inArray(legalHolds.caseId, caseIds)),
      ),
    )
    .orderBy(legalHolds.placedOn, legalHolds.id);
  return { ok: true, value: { clientId: found.clientId, holds } };
}
