import { liveLinksOf, sql, visibleCaseIds } from "@ankkuri/db";
import { coreOrganisationIds, inCoreTeam, linkShownTo } from "@ankkuri/domain";
import { z } from "zod";
import { batchLoader } from "../batch-loader.js";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { linkCases, type ShownLink, unlinkCases } from "../verbs/link-cases.js";
import { Case } from "./case.js";
import { visibleCases } from "./case-visibility.js";
import { CaseLinkRelationEnum, DomesticViolenceRoleEnum } from "./enums.js";
import { mutationErrors } from "./errors.js";

const LinkedCaseRef = builder
  .objectRef<{ linkId: string; caseId: string; role: ShownLink["shown"][number]["role"] }>("LinkedCase")
  .implement({
    description: "One case of a link that the signed-in person may see (linkitetty asiakkuus).",
    fields: (t) => ({
      caseId: t.exposeString("caseId", { description: "The case's id (UUID)." }),
      role: t.field({
        type: DomesticViolenceRoleEnum,
        nullable: true,
        resolve: (c) => c.role,
        description: "The case's role in a domestic-violence link; null in any other link.",
      }),
      case: t.drizzleField({
        type: "cases",
        description: "The case, read under the same need-to-know rule as every other read of a case.",
        resolve: async (query, c, _args, ctx) => {
          const { where, values } = visibleCases(ctx);
          const found = (await ctx.services.queries.findFirst(
            "cases",
            query({ where: { ...where, id: sql.placeholder("caseId") } }),
            { ...values, caseId: c.caseId },
          )) as Awaited<ReturnType<typeof ctx.db.query.cases.findFirst>>;
          if (!found) throw new Error("linked case vanished");
          return found;
        },
      }),
    }),
  });

export const CaseLinkRef = builder.objectRef<ShownLink>("CaseLink").implement({
  description:
    "Cases of one family linked by a relation (perheen asiakkuuksien linkki): siblings, one household, or the parties of domestic violence. Shows only the linked cases the reader may see; a domestic-violence link only to the core team.",
  fields: (t) => ({
    linkId: t.string({ resolve: (l) => l.link.id, description: "The link's id (UUID)." }),
    relation: t.field({ type: CaseLinkRelationEnum, resolve: (l) => l.link.relation, description: "The relation." }),
    linkedOn: t.field({ type: "Date", resolve: (l) => l.link.linkedOn, description: "Day linked." }),
    unlinkedOn: t.field({
      type: "Date",
      nullable: true,
      resolve: (l) => l.link.unlinkedOn,
      description: "Day the link was ended; null while in force.",
    }),
    cases: t.field({
      type: [LinkedCaseRef],
      resolve: (l) => l.shown.map((c) => ({ linkId: l.link.id, ...c })),
      description:
        "The linked cases the reader may see (need-to-know), in the order given; cases hidden from the reader are left out without a trace.",
    }),
  }),
});

type CaseLinkRow = Awaited<ReturnType<typeof liveLinksOf>>[number];
interface LinksOfCase {
  links: CaseLinkRow[];
  visible: ReadonlySet<string>;
}

const linkLoaders = new WeakMap<GatewayContext, (caseId: string) => Promise<LinksOfCase | undefined>>();

/**
 * The links of the cases asked for in one tick, with which of their cases the reader may see: two
 * statements for a whole list of cases, not two per case.
 */
function linksOf(ctx: GatewayContext, teamId: string, caseId: string): Promise<LinksOfCase | undefined> {
  let load = linkLoaders.get(ctx);
  if (!load) {
    load = batchLoader(async (caseIds: string[]) => {
      const links = await liveLinksOf(ctx.db, teamId, caseIds);
      const visible =
        links.length > 0 && ctx.access
          ? await visibleCaseIds(
              ctx.db,
              ctx.access,
              links.flatMap((l) => l.cases.map((x) => x.caseId)),
            )
          : new Set<string>();
      return new Map(
        caseIds.map((id) => [id, { links: links.filter((l) => l.cases.some((x) => x.caseId === id)), visible }]),
      );
    });
    linkLoaders.set(ctx, load);
  }
  return load(caseId);
}

builder.drizzleObjectFields(Case, (t) => ({
  links: t.field({
    type: [CaseLinkRef],
    description:
      "Links in force to cases of the same family (siblings, household, domestic violence) that the reader may see as well. A link of which the reader sees no other case is not shown at all; domestic-violence links are shown to the core team only.",
    resolve: async (c, _args, ctx) => {
      const { actor, access } = ctx;
      if (!actor || !access) return [];
      const loaded = await linksOf(ctx, c.teamId, c.id);
      if (!loaded || loaded.links.length === 0) return [];
      const { links, visible } = loaded;
      const team = await ctx.team();
      const viewer = {
        inCoreTeam: inCoreTeam(
          actor.organisationId,
          coreOrganisationIds(team.dataset.agreement, ctx.today),
          team.organisations,
        ),
        canSee: (id: string) => visible.has(id),
      };
      return links.flatMap((link) => {
        const shown = linkShownTo(link, viewer);
        if (!shown) return [];
        for (const x of shown)
          ctx.audit.read(
            { resource: "case-link", resourceId: link.id, caseId: x.caseId },
            ctx.audit.basisOfCase(x.caseId),
          );
        return [{ link, shown }];
      });
    },
  }),
}));

const CaseLinkPayload = builder.objectRef<ShownLink>("CaseLinkPayload").implement({
  description: "The link after a successful change.",
  fields: (t) => ({
    link: t.field({ type: CaseLinkRef, resolve: (p) => p, description: "The link as it is now." }),
  }),
});

const LinkedCaseRoleInput = builder.inputType("LinkedCaseRoleInput", {
  description: "A case's role in a domestic-violence link.",
  fields: (t) => ({
    caseId: t.string({ required: true, description: "The case (one of `caseIds`).", validate: z.uuid() }),
    role: t.field({ type: DomesticViolenceRoleEnum, required: true, description: "Its party's role." }),
  }),
});

builder.mutationField("linkCases", (t) =>
  t.field({
    type: CaseLinkPayload,
    description:
      "Links cases of one family (siblings, one household, the parties of domestic violence with each case's role). Only someone who sees every case in full may link them; to anyone else a case is answered as not found. Domestic-violence links are made and seen by the core team only.",
    authScopes: { caseworker: true },
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The link.",
        type: builder.inputType("LinkCasesInput", {
          description: "Cases to link and how they are related.",
          fields: (f) => ({
            caseIds: f.stringList({
              required: true,
              description: "The cases (UUIDs), two to ten.",
              validate: z.array(z.uuid()).max(50),
            }),
            relation: f.field({ type: CaseLinkRelationEnum, required: true, description: "How they are related." }),
            roles: f.field({
              type: [LinkedCaseRoleInput],
              required: false,
              description: "Each case's role; required for, and only for, a domestic-violence link.",
              validate: z.array(z.unknown()).max(50),
            }),
          }),
        }),
      }),
    },
    resolve: (_root, { input }, ctx) => linkCases(ctx, input),
  }),
);

builder.mutationField("unlinkCases", (t) =>
  t.field({
    type: CaseLinkPayload,
    description:
      "Ends a link; the link stays on record with the day it ended. Only someone who is shown the link and sees every one of its cases in full may end it; to anyone else it is not found.",
    authScopes: { caseworker: true },
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The link to end.",
        type: builder.inputType("UnlinkCasesInput", {
          description: "A link to end.",
          fields: (f) => ({
            linkId: f.string({ required: true, description: "The link (UUID).", validate: z.uuid() }),
          }),
        }),
      }),
    },
    resolve: (_root, { input }, ctx) => unlinkCases(ctx, input),
  }),
);
