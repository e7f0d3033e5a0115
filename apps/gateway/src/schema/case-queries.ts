import { sql } from "@ankkuri/db";
import { z } from "zod";
import { builder } from "../builder.js";
import { caseCountCap, casePageWhere, countCases, defaultPageSize } from "./case-list-page.js";
import { visibleCases } from "./case-visibility.js";
import { selectsField } from "./selected-fields.js";
import { AgeBandCodeEnum, CaseStatusEnum, CaseTypeEnum } from "./enums.js";

/** The connection's fields that read the count (`countCases`). */
const countFields = new Set(["totalCount", "totalCountIsCapped"]);

const CaseFilter = builder.inputType("CaseFilter", {
  description: "Filters of the case list (asiakkuuslistan rajaukset); all given filters must match.",
  fields: (t) => ({
    statuses: t.field({ type: [CaseStatusEnum], required: false, description: "Any of these statuses." }),
    types: t.field({ type: [CaseTypeEnum], required: false, description: "Any of these types." }),
    ageBand: t.field({
      type: AgeBandCodeEnum,
      required: false,
      description: "Only cases whose client is in this age band today.",
    }),
    organisationId: t.id({ required: false, description: "Only cases this organisation takes part in." }),
    referredFrom: t.field({ type: "Date", required: false, description: "Referred on or after this day." }),
    referredTo: t.field({ type: "Date", required: false, description: "Referred on or before this day." }),
    assignedTo: t.id({
      required: false,
      description: "Only cases this staff member is assigned to today (lead or pair worker).",
      validate: z.string().max(100),
    }),
  }),
});

builder.queryFields((t) => ({
  cases: t.drizzleConnection(
    {
      type: "cases",
      description:
        "The cases the signed-in caseworker may see today (a membership of their organisation is in force), newest referral first, with filters. Every case read is logged.",
      authScopes: { caseworker: true },
      args: { filter: t.arg({ type: CaseFilter, required: false, description: "Filters." }) },
      // Counted once per connection however many count fields ask (`countCases` keeps it by `args`).
      totalCount: async (_parent, args, ctx) => (await countCases(args, ctx)).count,
      resolve: async (query, _root, args, ctx, info) => {
        // A count asked for starts beside the page, not once the page has been read: it does not
        // depend on the page, and the two statements then wait on the database together. Its
        // fields await the same promise (kept by `args`), and report its failure.
        if (selectsField(info, countFields)) countCases(args, ctx).catch(() => undefined);
        const { where, values } = casePageWhere(args, ctx);
        const rows = (await ctx.services.queries.findMany(
          "cases",
          query({ where, orderBy: { referredOn: "desc", id: "desc" } }),
          values,
        )) as Awaited<ReturnType<typeof ctx.db.query.cases.findMany>>;
        // A cursor names its case (its id and referral date) even when no field of the case is
        // selected: every case of the page is logged as read, as the case's own fields log it (the
        // collector keeps one entry per case). The one row read beyond a forward page is not shown.
        const shown = args.last == null ? rows.slice(0, args.first ?? defaultPageSize) : rows;
        // A page whose selection leaves out the client looks it up (one query for the page).
        const clientIds = await Promise.all(
          shown.map(async (row) =>
            typeof row.clientId === "string" ? row.clientId : ((await ctx.storedCase(row.id))?.client.id ?? null),
          ),
        );
        shown.forEach((row, i) => {
          ctx.audit.read(
            { resource: "case", resourceId: row.id, caseId: row.id, clientId: clientIds[i] ?? null },
            ctx.audit.basisOfCase(row.id),
          );
        });
        return rows;
      },
    },
    {
      fields: (c) => ({
        totalCountIsCapped: c.boolean({
          description: `True when more cases match than \`totalCount\` says: the count stops at ${caseCountCap.toLocaleString("en")}, so that no page reads every visible case. The list itself goes on to the end.`,
          // Asked for alone, like `totalCount`, it reads no page.
          extensions: { pothosDrizzleTotalCount: true },
          resolve: async (connection, _args, ctx) => (await countCases(connection.args, ctx)).capped,
        }),
      }),
    },
  ),
  case: t.drizzleField({
    type: "cases",
    nullable: true,
    description: "One case by its id (UUID); null when it does not exist or the caller may not see it.",
    authScopes: { caseworker: true },
    args: { caseId: t.arg.string({ required: true, description: "The case's id.", validate: z.uuid() }) },
    // Prepared once per selection shape: the ids go in as placeholders (see prepared-queries.ts).
    resolve: (query, _root, args, ctx) => {
      const { where, values } = visibleCases(ctx);
      return ctx.services.queries.findFirst("cases", query({ where: { ...where, id: sql.placeholder("caseId") } }), {
        ...values,
        caseId: args.caseId,
      }) as Promise<Awaited<ReturnType<typeof ctx.db.query.cases.findFirst>>>;
    },
  }),
  ownCaseNotes: t.drizzleField({
    type: ["caseNotes"],
    description:
      "The notes the signed-in person's organisation wrote on a case it has ever taken part in: what an organisation recorded stays its own to read after its access to the case has ended (a withdrawn consent). Empty for any other case, whether it exists or not. Every note read is logged.",
    authScopes: { caseworker: true },
    args: { caseId: t.arg.string({ required: true, description: "The case's id.", validate: z.uuid() }) },
    resolve: (query, _root, args, ctx) => {
      const access = ctx.access;
      const actor = ctx.actor;
      if (!access || !actor) return [];
      return ctx.db.query.caseNotes.findMany(
        query({
          where: {
            teamId: access.teamId,
            caseId: args.caseId,
            organisationId: actor.organisationId,
            case: { memberships: { organisationId: { in: [...access.organisations] } } },
          },
          orderBy: { writtenOn: "desc", id: "desc" },
        }),
      );
    },
  }),
}));
