import { randomUUID } from "node:crypto";
import {
  controllerOf,
  defaultRetentionPolicyFor,
  helsinkiDayOf,
  indexOrganisations,
  inRemovedPart,
  type LocalDate,
  type RetentionDecision,
  retentionDecision,
  type RetentionPolicy,
  type RetentionStep,
} from "@ankkuri/domain";
import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import type { AuditEntry } from "../audit/audit-chain.js";
import { appendAudit } from "../audit/append-audit.js";
import type { Database, Executor } from "../client.js";
import { loadTeamDataset } from "../repositories/team-dataset.js";
import { caseMemberships, caseNotes, cases, clients, guardians } from "../schema/cases.js";
import { legalHolds, removedControllerParts } from "../schema/retention.js";

/** The name an anonymised client and guardian keep. */
export const anonymisedName = "(anonymisoitu)";

/** One retention run: a team, a day, its policy, and whether to change anything. */
export interface RetentionRunOptions {
  teamId: string;
  today: LocalDate;
  /** The deployment's policy; the documented defaults for the agreement's parties when absent. */
  policy?: RetentionPolicy | undefined;
  dryRun: boolean;
  now: Date;
  /** Who runs it: the scheduled job or the operator's login. */
  actor: string;
}

/** What a run found and did. */
export interface RetentionRunReport {
  teamId: string;
  /** Cases with something due or held back. */
  decisions: RetentionDecision[];
  /** Steps carried out (0 in a dry run). */
  applied: number;
}

/** The holds in force on the team's cases and clients. */
async function holdsInForce(db: Executor, teamId: string) {
  const rows = await db
    .select({ clientId: legalHolds.clientId, caseId: legalHolds.caseId })
    .from(legalHolds)
    .where(and(eq(legalHolds.teamId, teamId), isNull(legalHolds.releasedOn)));
  return {
    clients: new Set(rows.flatMap((r) => (r.clientId ? [r.clientId] : []))),
    cases: new Set(rows.flatMap((r) => (r.caseId ? [r.caseId] : []))),
  };
}

/**
 * Applies the domain's retention rule (`retentionDecision`) to every case of a team: lists what would
 * go and why (`dryRun`), or removes it — each case in a transaction of its own, with its audit entries,
 * after checking again that no legal hold was placed meanwhile — so a run can stop anywhere and the
 * next one carries on, and a second run finds nothing left to do. The audit log itself is untouched
 * (its own retention is `pruneAuditLog`); report runs and their stored artifacts are never recomputed.
 */
export async function runRetention(
  db: Database,
  auditKey: Buffer,
  options: RetentionRunOptions,
): Promise<RetentionRunReport> {
  const { teamId, today } = options;
  // A day ahead of the clock would delete data before its time: only today or a day past (a re-run).
  if (today > helsinkiDayOf(options.now))
    throw new RangeError(`retention refuses a day in the future (${today}, today is ${helsinkiDayOf(options.now)})`);
  const dataset = await loadTeamDataset(db, teamId);
  if (!dataset) return { teamId, decisions: [], applied: 0 };
  const organisations = indexOrganisations(dataset.organisations);
  const policy = options.policy ?? defaultRetentionPolicyFor(dataset.agreement, organisations, today);
  const context = { agreement: dataset.agreement, organisations, policy, today };
  const organisationsOf = (controllerId: string) =>
    dataset.organisations
      .filter((o) => controllerOf(o.id, dataset.agreement, organisations, today) === controllerId)
      .map((o) => o.id);
  const controllerOn = (organisationId: string, day: LocalDate) =>
    controllerOf(organisationId, dataset.agreement, organisations, day);
  const rows = await db.query.cases.findMany({
    where: { teamId },
    columns: { id: true, clientId: true, closedOn: true, updatedAt: true },
    with: {
      client: { columns: { birthDate: true, givenName: true } },
      memberships: { columns: { organisationId: true, basis: true, validFrom: true } },
    },
    orderBy: { id: "asc" },
  });
  const notes = await db
    .selectDistinct({ caseId: caseNotes.caseId, organisationId: caseNotes.organisationId })
    .from(caseNotes)
    .where(eq(caseNotes.teamId, teamId));
  const holds = await holdsInForce(db, teamId);
  const decisions: RetentionDecision[] = [];
  for (const row of rows) {
    const decision = retentionDecision(
      {
        caseId: row.id,
        closedOn: row.closedOn,
        clientBirthDate: row.client.birthDate,
        lastEntryOn: helsinkiDayOf(row.updatedAt),
        memberships: row.memberships.map((m) => ({ ...m, from: m.validFrom })),
        noteOrganisationIds: notes.filter((n) => n.caseId === row.id).map((n) => n.organisationId),
        held: holds.cases.has(row.id) || holds.clients.has(row.clientId),
      },
      context,
    );
    // An anonymised case stays anonymised: nothing left to do for it.
    const steps = decision.steps.filter(
      (s) => !(s.kind === "case" && s.action === "anonymise" && row.client.givenName === anonymisedName),
    );
    if (steps.length > 0 || decision.heldBack.length > 0) decisions.push({ ...decision, steps });
  }
  if (options.dryRun) return { teamId, decisions, applied: 0 };
  let applied = 0;
  for (const decision of decisions) {
    if (decision.steps.length === 0) continue;
    const row = rows.find((r) => r.id === decision.caseId);
    if (!row) continue;
    applied += await db.transaction(async (tx) => {
      const now = await holdsInForce(tx, teamId);
      if (now.cases.has(row.id) || now.clients.has(row.clientId)) return 0;
      const requestId = `retention:${randomUUID()}`;
      const entries: AuditEntry[] = [];
      const log = (operation: AuditEntry["operation"], resource: string, step: RetentionStep, details: object) =>
        entries.push({
          teamId,
          occurredAt: options.now,
          requestId,
          actorId: options.actor,
          actorOrganisationId: "system",
          actorRole: "system",
          operation,
          resource,
          caseId: row.id,
          clientId: row.clientId,
          purpose: "retention",
          basis: "administration",
          details: { ...details, dueOn: step.dueOn, rule: step.reason },
        });
      for (const step of decision.steps) {
        if (step.kind === "notes") {
          const gone = await tx
            .delete(caseNotes)
            .where(
              and(
                eq(caseNotes.teamId, teamId),
                eq(caseNotes.caseId, row.id),
                inArray(caseNotes.organisationId, organisationsOf(step.controllerId)),
              ),
            )
            .returning({ id: caseNotes.id });
          log("delete", "case-note", step, { controllerId: step.controllerId, notes: gone.length });
        } else if (step.kind === "controller-part") {
          // The part is recorded as removed, so no later change of the case derives it again
          // (`caseMemberships`); its memberships go by the same rule (`inRemovedPart`).
          const part = { controllerId: step.controllerId, removedOn: today };
          const partOrganisations = row.memberships
            .filter((m) => inRemovedPart({ organisationId: m.organisationId, from: m.validFrom }, [part], controllerOn))
            .map((m) => m.organisationId);
          await tx
            .insert(removedControllerParts)
            .values({ teamId, caseId: row.id, ...part, requestId })
            .onConflictDoNothing();
          await tx
            .delete(caseMemberships)
            .where(
              and(
                eq(caseMemberships.teamId, teamId),
                eq(caseMemberships.caseId, row.id),
                inArray(caseMemberships.organisationId, [...new Set(partOrganisations)]),
              ),
            );
          // A writer holding the case as it was must reload it, or its save would bring the part back.
          await tx
            .update(cases)
            .set({ version: sql`${cases.version} + 1` })
            .where(and(eq(cases.teamId, teamId), eq(cases.id, row.id)));
          log("delete", "case-membership", step, { controllerId: step.controllerId });
        } else if (step.action === "delete") {
          await tx.delete(cases).where(and(eq(cases.teamId, teamId), eq(cases.id, row.id)));
          const [left] = await tx
            .select({ n: count() })
            .from(cases)
            .where(and(eq(cases.teamId, teamId), eq(cases.clientId, row.clientId)));
          if ((left?.n ?? 0) === 0)
            await tx.delete(clients).where(and(eq(clients.teamId, teamId), eq(clients.id, row.clientId)));
          log("delete", "case", step, { clientDeleted: (left?.n ?? 0) === 0 });
        } else {
          await tx.delete(caseNotes).where(and(eq(caseNotes.teamId, teamId), eq(caseNotes.caseId, row.id)));
          await tx
            .update(guardians)
            .set({ givenName: anonymisedName, familyName: anonymisedName })
            .where(and(eq(guardians.teamId, teamId), eq(guardians.caseId, row.id)));
          await tx
            .update(clients)
            .set({
              givenName: anonymisedName,
              familyName: anonymisedName,
              identityCodeCiphertext: null,
              identityCodeHmac: null,
              birthDate: `${row.client.birthDate.slice(0, 4)}-01-01`,
            })
            .where(and(eq(clients.teamId, teamId), eq(clients.id, row.clientId)));
          log("update", "client", step, { anonymised: true });
        }
      }
      await appendAudit(tx, auditKey, entries);
      return decision.steps.length;
    });
  }
  return { teamId, decisions, applied };
}
