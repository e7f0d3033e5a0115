import {
  type CaseAccessRow,
  caseAccessRecords,
  endCaseLink,
  insertCaseLink,
  liveLinksOf,
  loadCaseLink,
  newId,
} from "@ankkuri/db";
import {
  type Actor,
  type CaseLink,
  caseAccessInChain,
  caseLinkRefusals,
  coreOrganisationIds,
  type DomesticViolenceRole,
  inCoreTeam,
  type LinkedCase,
  linkedCasesOf,
  type LinkRequest,
  linkShownTo,
  mayChangeLink,
  unlinkRefusals,
} from "@ankkuri/domain";
import type { GatewayContext, TeamSnapshot } from "../context.js";
import { NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { accessOf, actorOf, type AuditedChange, auditedWrite } from "./audited-write.js";

/** A link as a verb answers it: the link and the cases its caller is shown. */
export interface ShownLink {
  link: CaseLink;
  shown: LinkedCase[];
}

/** Whether the actor is of the core team today (`inCoreTeam`). */
function actorInCoreTeam(actor: Actor, team: TeamSnapshot, today: string): boolean {
  return inCoreTeam(actor.organisationId, coreOrganisationIds(team.dataset.agreement, today), team.organisations);
}

/**
 * Who sees every case in full, with each case's client for the audit entries, or null when any case is
 * missing or not fully theirs (`mayChangeLink`): linking is no way to learn whether a case exists.
 */
async function fullyVisible(ctx: GatewayContext, actor: Actor, caseIds: readonly string[]) {
  const records = await caseAccessRecords(ctx.db, actor.teamId, caseIds);
  const access = caseIds.map((id) => {
    const record = records.get(id);
    return record ? caseAccessInChain(actor, record, accessOf(ctx).organisations, ctx.today) : null;
  });
  return mayChangeLink(access) ? records : null;
}

const entries = (link: CaseLink, clients: Map<string, { clientId: string }>, operation: "create" | "update") =>
  link.cases.map((c): AuditedChange => ({
    operation,
    resource: "case-link",
    resourceId: link.id,
    caseId: c.caseId,
    clientId: clients.get(c.caseId)?.clientId ?? null,
    details: { relation: link.relation, cases: link.cases.length },
    // Only someone who takes part in every linked case in full links them: casework under the agreement.
    basis: "casework",
  }));

/**
 * Links cases of one family (`linkCases`): only someone who sees every one of them in full may
 * (anyone else, and a case that does not exist, is answered `NotFoundError` alike); the domain's
 * rules (`caseLinkRefusals`) decide the rest. One audit entry per linked case.
 */
export async function linkCases(
  ctx: GatewayContext,
  input: {
    caseIds: readonly string[];
    relation: LinkRequest["relation"];
    roles?: readonly { caseId: string; role: DomesticViolenceRole }[] | null;
  },
): Promise<ShownLink> {
  const actor = actorOf(ctx);
  const team = await ctx.team();
  const request: LinkRequest = { relation: input.relation, caseIds: input.caseIds, roles: input.roles ?? [] };
  const records =
    request.caseIds.length === 0 ? new Map<string, CaseAccessRow>() : await fullyVisible(ctx, actor, request.caseIds);
  if (!records) throw new NotFoundFailure("case", ["input", "caseIds"]);
  const existing = await liveLinksOf(ctx.db, actor.teamId, request.caseIds);
  const refused = caseLinkRefusals(request, {
    linkerInCoreTeam: actorInCoreTeam(actor, team, ctx.today),
    existing,
  });
  if (refused.length > 0) throw new RuleViolationFailure(refused);
  const link: CaseLink = {
    id: newId(),
    relation: request.relation,
    cases: linkedCasesOf(request),
    linkedOn: ctx.today,
    unlinkedOn: null,
  };
  await auditedWrite(ctx, entries(link, records, "create"), (tx) =>
    insertCaseLink(tx, actor.teamId, link, actor.login),
  );
  return { link, shown: link.cases };
}

/**
 * Ends a link (`unlinkCases`), keeping it on record: only someone who is shown the link and sees
 * every one of its cases in full may; to anyone else the link does not exist.
 */
export async function unlinkCases(ctx: GatewayContext, input: { linkId: string }): Promise<ShownLink> {
  const actor = actorOf(ctx);
  const team = await ctx.team();
  const link = await loadCaseLink(ctx.db, actor.teamId, input.linkId);
  const caseIds = link?.cases.map((c) => c.caseId) ?? [];
  const records = link ? await fullyVisible(ctx, actor, caseIds) : null;
  const shownWhileInForce =
    link && records
      ? linkShownTo(
          { ...link, unlinkedOn: null },
          { inCoreTeam: actorInCoreTeam(actor, team, ctx.today), canSee: (id) => records.has(id) },
        )
      : null;
  if (!link || !records || !shownWhileInForce) throw new NotFoundFailure("link", ["input", "linkId"]);
  const refused = unlinkRefusals(link);
  if (refused.length > 0) throw new RuleViolationFailure(refused);
  const ended: CaseLink = { ...link, unlinkedOn: ctx.today };
  await auditedWrite(ctx, entries(ended, records, "update"), async (tx) => {
    // A concurrent unlink got there first: the same answer as if it had been seen before.
    if (!(await endCaseLink(tx, actor.teamId, link.id, ctx.today, actor.login)))
      throw new RuleViolationFailure(unlinkRefusals(ended));
  });
  return { link: ended, shown: ended.cases };
}
