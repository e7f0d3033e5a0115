import { newId, schema, visibleCaseIds } from "@ankkuri/db";
import { accessBasisOf, localDateSchema, type NoteKind, notInFuture } from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { accessOf, actorOf, auditedWrite } from "./audited-write.js";

/** A note as the mutation receives it. */
export interface NoteRequest {
  caseId: string;
  kind: NoteKind;
  body: string;
  writtenOn?: string | null;
}

/**
 * Adds a note of the actor's organisation to a case they may see today (on any basis: an organisation
 * present under consent keeps its own notes too). The note stays inside that organisation (003 § 9).
 * A case they may not see is answered as one that does not exist.
 */
export async function addCaseNote(ctx: GatewayContext, input: NoteRequest): Promise<{ caseId: string }> {
  const actor = actorOf(ctx);
  const visible = ctx.access ? await visibleCaseIds(ctx.db, ctx.access, [input.caseId]) : new Set<string>();
  if (!visible.has(input.caseId)) throw new NotFoundFailure("case", ["input", "caseId"]);
  const writtenOn = localDateSchema.parse(input.writtenOn ?? ctx.today);
  const future = notInFuture(input.caseId, writtenOn, ctx.today);
  if (future.length > 0) throw new RuleViolationFailure(future);
  const id = newId();
  const basis = await caseBasis(ctx, input.caseId);
  await auditedWrite(
    ctx,
    { operation: "create", resource: "case-note", resourceId: id, caseId: input.caseId, ...basis },
    (tx) =>
      tx.insert(schema.caseNotes).values({
        teamId: actor.teamId,
        id,
        caseId: input.caseId,
        organisationId: actor.organisationId,
        kind: input.kind,
        writtenOn,
        writtenBy: actor.login,
        body: input.body,
      }),
  );
  return { caseId: input.caseId };
}

/** The basis the actor's organisation has on the case today (casework if it cannot be read back). */
async function caseBasis(ctx: GatewayContext, caseId: string) {
  const actor = actorOf(ctx);
  const row = await ctx.db.query.cases.findFirst({
    where: { teamId: actor.teamId, id: caseId },
    columns: { status: true },
    with: {
      memberships: { columns: { organisationId: true, basis: true, consentIds: true, validFrom: true, validTo: true } },
    },
  });
  const memberships = (row?.memberships ?? []).map((m) => ({ ...m, from: m.validFrom, to: m.validTo }));
  const { organisations } = accessOf(ctx);
  const found = row ? accessBasisOf(actor, { status: row.status, memberships }, organisations, ctx.today) : null;
  return { basis: found?.basis ?? "casework", consentIds: found?.consentIds ?? [] } as const;
}
