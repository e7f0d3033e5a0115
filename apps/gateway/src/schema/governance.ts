import { type AnnualClockItem, annualClock, type ChairTerm, type Rotation } from "@ankkuri/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import "./organisation-field.js";
import { rotationCalendar, rotationChairOn } from "./chair-terms.js";
import { dayArgument, localisedColumns, LocalisedTextRef } from "./common.js";
import "./localised-field.js";
import { BodyKindEnum, BodyTierEnum } from "./enums.js";

const teamReaders = { $any: { aggregates: true, teamAdmin: true } } as const;

/** A chair calendar's length in years; refused outside 1–20 with the reason, never clamped. */
const calendarYears = z.number().int().min(1).max(20);
const defaultCalendarYears = 3;

/** The arguments of a chair calendar's window: its first day and its length in years. */
const calendarWindow = () =>
  builder.args((t) => ({
    from: t.field(dayArgument("First day; defaults to today.")),
    years: t.int({
      required: false,
      defaultValue: defaultCalendarYears,
      description: "How many years (1–20).",
      validate: calendarYears,
    }),
  }));

/** The rotation of a body, from the team dataset (the domain computes chairs from it). */
async function rotationOf(ctx: GatewayContext, bodyId: string): Promise<Rotation | null> {
  const body = (await ctx.team()).dataset.bodies.find((b) => b.id === bodyId);
  return body?.chairPolicy.kind === "rotating" ? body.chairPolicy.rotation : null;
}

const ReplacedOverrideRef = builder
  .objectRef<{ partyId: string; decidedOn: string; reference: string }>("ReplacedChairOverride")
  .implement({
    description: "A decision on a chair term that a later decision replaced (korvattu päätös).",
    fields: (t) => ({
      party: t.organisation((r) => r.partyId, { description: "The party it gave the term to." }),
      decidedOn: t.field({ type: "Date", resolve: (r) => r.decidedOn, description: "Day decided." }),
      reference: t.exposeString("reference", { description: "Reference of the decision." }),
    }),
  });

const ChairTermRef = builder.objectRef<ChairTerm>("ChairTerm").implement({
  description: "One term of a rotating chair (puheenjohtajakausi) and its chair.",
  fields: (t) => ({
    index: t.exposeInt("index", { description: "0 for the term starting at the rotation's anchor." }),
    from: t.field({ type: "Date", resolve: (c) => c.from, description: "First day of the term." }),
    to: t.field({ type: "Date", resolve: (c) => c.to, description: "Last day of the term." }),
    chair: t.organisation((c) => c.chairId, {
      description: "The chairing party (puheenjohtajuus); null when no party was eligible.",
      nullable: true,
    }),
    overrideReference: t.string({
      nullable: true,
      resolve: (c) => c.override?.reference ?? null,
      description: "Reference of the recorded decision that gave this term, if the order did not.",
    }),
    overrideDecidedOn: t.field({
      type: "Date",
      nullable: true,
      resolve: (c) => c.override?.decidedOn ?? null,
      description: "Day of the decision that gave this term, if the order did not.",
    }),
    replacedOverrides: t.field({
      type: [ReplacedOverrideRef],
      resolve: (c) => c.replaced ?? [],
      description: "Earlier decisions on this term that a later one replaced, oldest first; kept for the record.",
    }),
  }),
});

export const CooperationBody = builder.drizzleObject("cooperationBodies", {
  name: "CooperationBody",
  description:
    "A cooperation body (yhteistyöelin): the Ankkuri steering group (ohjausryhmä), the city-level steering group, the LASU collegium, a regional coordination group or a network.",
  authScopes: teamReaders,
  fields: (t) => ({
    id: t.exposeID("id", { description: "Body id." }),
    kind: t.expose("kind", { type: BodyKindEnum, description: "What kind of body it is." }),
    tier: t.expose("tier", { type: BodyTierEnum, description: "The level it works on." }),
    name: t.localised((b) => localisedColumns(b, "name"), { description: "Name in the requested language." }),
    region: t.exposeString("region", { nullable: true, description: "Region of a regional body (alue)." }),
    parent: t.relation("parent", { nullable: true, description: "The body this one reports to." }),
    seats: t.relation("seats", {
      query: { orderBy: { position: "asc" } },
      description: "Seats (paikat): organisation and role title.",
    }),
    chairPolicy: t.exposeString("chairPolicy", { description: "rotating, fixed or unspecified." }),
    tasks: t.field({ type: [LocalisedTextRef], resolve: (b) => b.tasks, description: "Tasks (tehtävät)." }),
    legalBasis: t.exposeStringList("legalBasis", { description: "Statutes the body rests on." }),
    ageMin: t.exposeInt("ageMin", { nullable: true, description: "Youngest age the body's work concerns." }),
    ageMax: t.exposeInt("ageMax", { nullable: true, description: "Oldest age the body's work concerns." }),
    chairOn: t.field({
      type: ChairTermRef,
      nullable: true,
      args: { on: t.arg(dayArgument()) },
      description:
        "The chair on a day, with its term; null for bodies without a rotating chair or before the first term.",
      resolve: async (b, args, ctx) => {
        const rotation = await rotationOf(ctx, b.id);
        return rotation ? rotationChairOn(rotation, args.on ?? ctx.today) : null;
      },
    }),
    chairCalendar: t.field({
      type: [ChairTermRef],
      args: calendarWindow(),
      description: "The chairs for N years (puheenjohtajakalenteri): every term that overlaps the window.",
      resolve: async (b, args, ctx) => {
        const rotation = await rotationOf(ctx, b.id);
        return rotation ? rotationCalendar(rotation, args.from ?? ctx.today, args.years ?? defaultCalendarYears) : [];
      },
    }),
  }),
});

builder.drizzleObject("seats", {
  name: "Seat",
  description: "A seat of a body (jäsenpaikka): an organisation and its representative's role title.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Seat id." }),
    organisation: t.relation("organisation", { description: "Organisation holding the seat." }),
    roleTitle: t.localised((s) => localisedColumns(s, "roleTitle"), {
      description: "Role title of the representative.",
    }),
    invitedWhenNeeded: t.boolean({
      resolve: (s) => s.attendance === "invited-when-needed",
      description: "Invited when needed (kutsutaan tarvittaessa), not a standing member.",
    }),
    secretary: t.exposeBoolean("secretary", { description: "The secretary's seat (sihteeri)." }),
  }),
});

builder.queryFields((t) => ({
  cooperationBodies: t.drizzleField({
    type: ["cooperationBodies"],
    description: "The team's cooperation bodies, optionally of one kind.",
    authScopes: teamReaders,
    args: {
      kind: t.arg({ type: BodyKindEnum, required: false, description: "Only bodies of this kind." }),
    },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.cooperationBodies.findMany(
        query({
          where: { teamId: ctx.actor?.teamId ?? "", ...(args.kind ? { kind: args.kind } : {}) },
          orderBy: { id: "asc" },
        }),
      ),
  }),
  chairCalendar: t.field({
    type: [ChairTermRef],
    description: "The chair calendar of one body for N years (puheenjohtajakalenteri).",
    authScopes: teamReaders,
    args: {
      bodyId: t.arg.id({ required: true, description: "The body." }),
      ...calendarWindow(),
    },
    resolve: async (_root, args, ctx) => {
      const rotation = await rotationOf(ctx, args.bodyId);
      return rotation ? rotationCalendar(rotation, args.from ?? ctx.today, args.years ?? defaultCalendarYears) : [];
    },
  }),
}));

const AnnualClockItemRef = builder.objectRef<AnnualClockItem>("AnnualClockItem").implement({
  description: "What a body does in a month of the year (vuosikello, 004; 003 § 8).",
  fields: (t) => ({
    year: t.exposeInt("year", { description: "The year." }),
    month: t.exposeInt("month", { description: "The month, 1–12." }),
    from: t.field({ type: "Date", resolve: (c) => c.from, description: "First day of the month." }),
    to: t.field({ type: "Date", resolve: (c) => c.to, description: "Last day of the month." }),
    body: t.field({
      type: CooperationBody,
      description: "The body (toimielin).",
      resolve: async (c, _args, ctx) => {
        const found = await ctx.db.query.cooperationBodies.findFirst({
          where: { teamId: actorTeam(ctx), id: c.bodyId },
        });
        if (!found) throw new Error("a body of the dataset vanished");
        return found;
      },
    }),
    activity: t.localised((c) => c.activity, { description: "What happens, in the requested language." }),
    activities: t.field({ type: LocalisedTextRef, resolve: (c) => c.activity, description: "In every language." }),
  }),
});

const actorTeam = (ctx: GatewayContext) => ctx.actor?.teamId ?? "";

builder.queryField("annualClock", (t) =>
  t.field({
    type: [AnnualClockItemRef],
    description:
      "The team's annual clock for a year (vuosikello): what each body does in which month, in month order. Another team's clock is empty.",
    authScopes: teamReaders,
    args: {
      teamId: t.arg.id({ required: true, description: "The team (the signed-in person's own)." }),
      year: t.arg.int({ required: true, description: "The year.", validate: z.number().int().min(2000).max(2100) }),
    },
    resolve: async (_root, args, ctx) =>
      args.teamId === actorTeam(ctx) ? annualClock((await ctx.team()).dataset.bodies, args.year) : [],
  }),
);
