import { assignedToSql, assignedToWhere, membershipInForce, schema, sql, type SQL, visibleCaseSql } from "@ankkuri/db";
import { addMonths, defaultAgePolicy } from "@ankkuri/domain";
import { z } from "zod";
import type { GatewayContext } from "../context.js";
import { builder } from "../builder.js";
import { visibleCases } from "./case-visibility.js";
import { CaseStatusEnum, CaseTypeEnum } from "./enums.js";

const CaseFilter = builder.inputType("CaseFilter", {
  description: "Filters of the case list (asiakkuuslistan rajaukset); all given filters must match.",
  fields: (t) => ({
    statuses: t.field({ type: [CaseStatusEnum], required: false, description: "Any of these statuses." }),
    types: t.field({ type: [CaseTypeEnum], required: false, description: "Any of these types." }),
    ageBand: t.string({
      required: false,
      description: "Age band today: under-15, 15-17 or 18-plus.",
      validate: z.enum(defaultAgePolicy.bands.map((b) => b.code) as [string, ...string[]]),
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

/** Birth dates of people in an age band today: [after, until] (exclusive, inclusive). */
function birthDatesOfBand(code: string, today: string): { gt?: string; lte?: string } {
  const band = defaultAgePolicy.bands.find((b) => b.code === code);
  if (!band) return {};
  // Age ≥ min ⇔ born on or before today − min years; age ≤ max ⇔ born after today − (max + 1) years.
  return {
    lte: addMonths(today, -12 * band.minAge),
    ...(band.maxAge === null ? {} : { gt: addMonths(today, -12 * (band.maxAge + 1)) }),
  };
}

type Filter =
  | {
      statuses?: readonly string[] | null;
      types?: readonly string[] | null;
      ageBand?: string | null;
      organisationId?: string | number | null;
      referredFrom?: string | null;
      referredTo?: string | null;
      assignedTo?: string | number | null;
    }
  | null
  | undefined;

/**
 * The list's filter as a relational-query `where` (need-to-know first: `visibleCases`), with its
 * values as placeholders: the query is prepared once per combination of filters.
 */
function caseWhere(f: Filter, ctx: GatewayContext) {
  const visible = visibleCases(ctx);
  const values = visible.values;
  const value = (name: string, v: string) => {
    values[name] = v;
    return sql.placeholder(name);
  };
  const referred = {
    ...(f?.referredFrom ? { gte: value("referredFrom", f.referredFrom) } : {}),
    ...(f?.referredTo ? { lte: value("referredTo", f.referredTo) } : {}),
  };
  const born = f?.ageBand ? birthDatesOfBand(f.ageBand, ctx.today) : {};
  const where = {
    ...visible.where,
    ...(f?.organisationId
      ? {
          AND: [
            {
              memberships: membershipInForce(
                [value("organisationId", String(f.organisationId))],
                sql.placeholder("day"),
              ),
            },
          ],
        }
      : {}),
    // Enum values: few combinations, so they stay in the prepared text.
    ...(f?.statuses?.length ? { status: { in: [...f.statuses] as never[] } } : {}),
    ...(f?.types?.length ? { type: { in: [...f.types] as never[] } } : {}),
    ...(Object.keys(referred).length > 0 ? { referredOn: referred } : {}),
    ...(f?.assignedTo ? assignedToWhere(value("assignedTo", String(f.assignedTo)), sql.placeholder("day")) : {}),
    ...(f?.ageBand
      ? {
          client: {
            birthDate: {
              ...(born.gt ? { gt: value("bornAfter", born.gt) } : {}),
              ...(born.lte ? { lte: value("bornBy", born.lte) } : {}),
            },
          },
        }
      : {}),
  };
  return { where, values };
}

const { cases, clients } = schema;

/** The same filter as SQL, for the connection's total count (one statement, no rows loaded). */
async function countCases(f: Filter, ctx: GatewayContext): Promise<number> {
  const access = ctx.access;
  if (!access) return 0;
  const parts: SQL[] = [sql`${cases.teamId} = ${access.teamId}`, visibleCaseSql(access)];
  if (f?.organisationId) parts.push(visibleCaseSql({ ...access, organisations: [String(f.organisationId)] }));
  if (f?.statuses?.length)
    parts.push(
      sql`${cases.status} in (${sql.join(
        f.statuses.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    );
  if (f?.types?.length)
    parts.push(
      sql`${cases.type} in (${sql.join(
        f.types.map((v) => sql`${v}`),
        sql`, `,
      )})`,
    );
  if (f?.referredFrom) parts.push(sql`${cases.referredOn} >= ${f.referredFrom}`);
  if (f?.referredTo) parts.push(sql`${cases.referredOn} <= ${f.referredTo}`);
  if (f?.assignedTo) parts.push(assignedToSql(String(f.assignedTo), access.day));
  if (f?.ageBand) {
    const b = birthDatesOfBand(f.ageBand, ctx.today);
    const born = [b.gt ? sql`c.birth_date > ${b.gt}` : sql`true`, b.lte ? sql`c.birth_date <= ${b.lte}` : sql`true`];
    parts.push(
      sql`exists (select 1 from ${clients} c where c.team_id = ${cases.teamId} and c.id = ${cases.clientId} and ${sql.join(born, sql` and `)})`,
    );
  }
  return ctx.db.$count(cases, sql.join(parts, sql` and `));
}

/** The page size of `cases` without `first` or `last` (the builder's `defaultConnectionSize`). */
const defaultPageSize = 20;

builder.queryFields((t) => ({
  cases: t.drizzleConnection({
    type: "cases",
    description:
      "The cases the signed-in caseworker may see today (a membership of their organisation is in force), newest referral first, with filters. Every case read is logged.",
    authScopes: { caseworker: true },
    args: { filter: t.arg({ type: CaseFilter, required: false, description: "Filters." }) },
    // A count by age band and dates is derived from clients' data: it is logged as a read too.
    totalCount: (_parent, args, ctx) => {
      ctx.audit.read({ resource: "case-count" }, { basis: "casework" }, { filter: args.filter ?? null });
      return countCases(args.filter, ctx);
    },
    resolve: async (query, _root, args, ctx) => {
      const { where, values } = caseWhere(args.filter, ctx);
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
  }),
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
