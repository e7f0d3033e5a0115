import {
  checkStaffing,
  clearanceInterval,
  countedAssignments,
  type FteReport,
  type FteRow,
  fteReport,
  type Period,
} from "@ankkuri/domain";
import { builder } from "../builder.js";
import { derivedCache } from "../derived-cache.js";
import type { GatewayContext } from "../context.js";
import "./organisation-field.js";
import { acceptedWarningsOf } from "./accepted-warnings.js";
import { dayArgument, PeriodInput, PeriodRef } from "./common.js";
import { ClearanceScopeEnum, ProfessionEnum } from "./enums.js";
import { RuleViolationRef } from "./errors.js";

const teamReaders = { $any: { aggregates: true, teamAdmin: true } } as const;

export const StaffMember = builder.drizzleObject("staff", {
  name: "StaffMember",
  description: "A member of the team's staff (työntekijä). Demo data holds fictional people only.",
  authScopes: teamReaders,
  fields: (t) => ({
    id: t.exposeID("id", { description: "Staff id." }),
    givenName: t.exposeString("givenName", { description: "Given name." }),
    familyName: t.exposeString("familyName", { description: "Family name." }),
    title: t.exposeString("title", { description: "Job title (nimike)." }),
    profession: t.expose("profession", { type: ProfessionEnum, description: "Profession (ammattiryhmä)." }),
    organisation: t.relation("organisation", { description: "Employing unit." }),
    login: t.exposeString("login", {
      nullable: true,
      description: "The person's login (team administrators only; null for anyone else).",
      authScopes: { teamAdmin: true },
      unauthorizedResolver: () => null,
    }),
    version: t.exposeInt("version", { description: "Row version for optimistic concurrency." }),
    policeMailAccount: t.exposeBoolean("policeMailAccount", {
      description: "Whether the police gave the person a mail account for confidential messages (003 § 7).",
    }),
    assignments: t.relation("assignments", {
      query: { orderBy: { validFrom: "asc" } },
      description: "Assignments to the team (tehtävämääräykset).",
    }),
    clearances: t.relation("clearances", {
      query: { orderBy: { requestedOn: "asc" } },
      description:
        "Security clearances (turvallisuusselvitykset): shown to team administrators, the operational supervisor and the person themselves; empty for anyone else.",
      authScopes: (person) => ({ personnelReader: person }),
      unauthorizedResolver: () => [],
    }),
    premisesAccess: t.relation("premisesAccess", {
      description:
        "Personal access rights to the police premises (kulkuoikeudet): shown to team administrators, the operational supervisor and the person themselves; empty for anyone else.",
      authScopes: (person) => ({ personnelReader: person }),
      unauthorizedResolver: () => [],
    }),
  }),
});

builder.drizzleObject("assignments", {
  name: "Assignment",
  description: "An assignment of a person to the team (tehtävämääräys): a fraction of full time over an interval.",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Assignment id." }),
    organisation: t.relation("organisation", { description: "The staffing unit the work counts for." }),
    fraction: t.exposeFloat("fraction", { description: "Fraction of full time, 0 < f ≤ 1 (osuus)." }),
    validFrom: t.field({ type: "Date", resolve: (a) => a.validFrom, description: "First day." }),
    validTo: t.field({
      type: "Date",
      nullable: true,
      resolve: (a) => a.validTo,
      description: "Last day; null while open-ended.",
    }),
    operationalSupervisor: t.boolean({
      resolve: (a) => a.role === "operational-supervisor",
      description: "Whether this is the operational supervisor's assignment (operatiivinen esimies).",
    }),
    needsPremisesAccess: t.exposeBoolean("needsPremisesAccess", {
      description: "Whether the work is on police premises (needs a clearance for city staff).",
    }),
    version: t.exposeInt("version", { description: "Row version for optimistic concurrency." }),
    warnings: t.field({
      type: [RuleViolationRef],
      description:
        "What the write that returned this assignment was accepted with (severity WARNING): `endAssignment`'s STAFFING.SUPERVISOR_GAP when `acceptSupervisorGap` let a gap in operational supervision through. Empty when there are none, and whenever the assignment is read other than as `endAssignment`'s result (`staffingViolations` shows a gap either way).",
      resolve: (a) => [...acceptedWarningsOf(a)],
    }),
  }),
});

builder.drizzleObject("securityClearances", {
  name: "SecurityClearance",
  description: "A security clearance (turvallisuusselvitys) requested by the police for a city employee (003 § 7).",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Clearance id." }),
    scope: t.expose("scope", { type: ClearanceScopeEnum, description: "The clearance's scope." }),
    requestedBy: t.relation("requestedBy", { description: "The requesting organisation (the police)." }),
    requestedOn: t.field({ type: "Date", resolve: (c) => c.requestedOn, description: "Day requested." }),
    grantedOn: t.field({ type: "Date", nullable: true, resolve: (c) => c.grantedOn, description: "Day granted." }),
    deniedOn: t.field({ type: "Date", nullable: true, resolve: (c) => c.deniedOn, description: "Day denied." }),
    validUntil: t.field({ type: "Date", nullable: true, resolve: (c) => c.validUntil, description: "Last valid day." }),
    revokedOn: t.field({
      type: "Date",
      nullable: true,
      resolve: (c) => c.revokedOn,
      description: "Day revoked; not valid from then.",
    }),
    version: t.exposeInt("version", { description: "Row version for optimistic concurrency." }),
    validOn: t.boolean({
      args: { on: t.arg(dayArgument()) },
      description: "Whether the clearance is valid on the day.",
      resolve: (c, args, ctx) => {
        const interval = clearanceInterval(c);
        const day = args.on ?? ctx.today;
        return interval !== null && day >= interval.from && (interval.to === null || day <= interval.to);
      },
    }),
  }),
});

builder.drizzleObject("premisesAccess", {
  name: "PremisesAccess",
  description: "A personal, restricted access right to the police premises (kulkuoikeus).",
  fields: (t) => ({
    id: t.exposeID("id", { description: "Access right id." }),
    validFrom: t.field({ type: "Date", resolve: (p) => p.validFrom, description: "First day." }),
    validTo: t.field({
      type: "Date",
      nullable: true,
      resolve: (p) => p.validTo,
      description: "Last day; null while open-ended.",
    }),
    areas: t.exposeString("areas", { description: "Areas covered." }),
    version: t.exposeInt("version", { description: "Row version for optimistic concurrency." }),
  }),
});

const FteRowRef = builder.objectRef<FteRow>("FteRow").implement({
  description: "Target and realisation of one staffing unit over a period (tavoite ja toteuma).",
  fields: (t) => ({
    organisation: t.organisation((row) => row.organisationId, { description: "The unit." }),
    partyId: t.exposeID("partyId", { description: "The unit's party." }),
    profession: t.expose("profession", { type: ProfessionEnum, description: "Profession." }),
    target: t.exposeFloat("target", {
      description: "Target FTE, weighted by days in force and by versions of the terms.",
    }),
    named: t.exposeFloat("named", {
      nullable: true,
      description: "Named resource the target is reserved from (Kuva), weighted likewise.",
    }),
    realised: t.exposeFloat("realised", {
      description: "Realised FTE: Σ fraction × days ÷ days in the period, counting only cleared work.",
    }),
    difference: t.exposeFloat("difference", { description: "Realised − target; negative when short." }),
    headcount: t.exposeInt("headcount", { description: "Distinct people assigned in the period." }),
  }),
});

const PartyFteRef = builder
  .objectRef<{ partyId: string; target: number; realised: number; difference: number }>("PartyFte")
  .implement({
    description: "Target and realisation of one party (osapuolen henkilötyövuodet).",
    fields: (t) => ({
      partyId: t.exposeID("partyId", { description: "The party." }),
      target: t.exposeFloat("target", { description: "Target FTE." }),
      realised: t.exposeFloat("realised", { description: "Realised FTE." }),
      difference: t.exposeFloat("difference", { description: "Realised − target." }),
    }),
  });

const FteReportRef = builder.objectRef<ReturnType<typeof fteReport>>("FteReport").implement({
  description: "FTE targets against realised FTE for a period (003 § 5): the FTE dashboard.",
  fields: (t) => ({
    period: t.field({ type: PeriodRef, resolve: (r) => r.period, description: "The period." }),
    units: t.field({ type: [FteRowRef], resolve: (r) => r.units, description: "Each staffing unit." }),
    parties: t.field({ type: [PartyFteRef], resolve: (r) => r.parties, description: "Totals per party." }),
  }),
});

// A team snapshot never changes (a new dataset version is a new snapshot), so the FTE report of a
// period is computed once per snapshot and period: a few dozen periods at most. Which assignments
// count depends on the period (the supplier of its terms), so it is derived with the report.
const reportsOf = derivedCache<FteReport>(32);

/** The FTE report of a period for the team's current dataset. */
async function fteReportOf(ctx: GatewayContext, period: Period): Promise<FteReport> {
  const snapshot = await ctx.team();
  const { dataset } = snapshot;
  return reportsOf(snapshot, `${period.from}/${period.to}`, () =>
    fteReport(dataset.agreement, countedAssignments(dataset, period), period),
  );
}

builder.queryFields((t) => ({
  staff: t.drizzleField({
    type: ["staff"],
    description: "The team's staff, optionally of one organisation.",
    authScopes: teamReaders,
    args: { organisationId: t.arg.id({ required: false, description: "Only staff of this unit." }) },
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.staff.findMany(
        query({
          where: {
            teamId: ctx.actor?.teamId ?? "",
            ...(args.organisationId ? { organisationId: args.organisationId } : {}),
          },
          orderBy: { familyName: "asc", givenName: "asc" },
        }),
      ),
  }),
  fteReport: t.field({
    type: FteReportRef,
    description: "Target vs realised FTE per unit and party for a period (the FTE dashboard).",
    authScopes: teamReaders,
    args: { period: t.arg({ type: PeriodInput, required: true, description: "The period." }) },
    resolve: (_root, args, ctx) => fteReportOf(ctx, args.period),
  }),
  staffingViolations: t.field({
    type: [RuleViolationRef],
    description:
      "Staffing rule violations over a period: over-allocation, supervisor gaps and overlaps, clearances, FTE shortfalls (warnings).",
    authScopes: teamReaders,
    args: { period: t.arg({ type: PeriodInput, required: true, description: "The period." }) },
    resolve: async (_root, args, ctx) => checkStaffing({ ...(await ctx.team()).dataset, period: args.period }),
  }),
}));
