import { schema, updateVersioned } from "@ankkuri/db";
import {
  type Assignment,
  assignmentSchema,
  checkRotation,
  checkStaffing,
  giveNotice,
  recordJoiningDecision,
  type RotationEvent,
  violation,
} from "@ankkuri/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { asMutationFailure } from "../verbs/failures.js";
import { mutationErrors } from "./errors.js";

const admin = { teamAdmin: true } as const;
const text = (max: number) => z.string().trim().min(1).max(max);

async function teamId(ctx: GatewayContext): Promise<string> {
  const actor = ctx.actor;
  if (!actor) throw new Error("unauthenticated");
  return Promise.resolve(actor.teamId);
}

/** Staffing rules an assignment itself breaks (not pre-existing problems of others). */
const ownStaffingCodes = new Set([
  "STAFFING.OVER_ALLOCATED",
  "STAFFING.SUPERVISOR_OVERLAP",
  "STAFFING.SUPERVISOR_NOT_POLICE",
  "STAFFING.UNIT_NOT_IN_TEAM",
  "STAFFING.UNKNOWN_STAFF",
]);

builder.mutationField("assignStaff", (t) =>
  t.drizzleField({
    type: "assignments",
    description:
      "Assigns a staff member to the team for a fraction of full time (tehtävämääräys). Refused when the person would exceed 1.0 FTE on any day, or a second operational supervisor would overlap.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The assignment.",
        type: builder.inputType("AssignStaffInput", {
          description: "An assignment of a person to the team.",
          fields: (f) => ({
            staffId: f.id({ required: true, description: "The staff member." }),
            organisationId: f.id({ required: true, description: "The staffing unit the work counts for." }),
            fraction: f.float({
              required: true,
              description: "Fraction of full time, 0 < f ≤ 1, in hundredths.",
              validate: assignmentSchema.shape.fraction,
            }),
            validFrom: f.field({ type: "Date", required: true, description: "First day." }),
            validTo: f.field({ type: "Date", required: false, description: "Last day; omit for open-ended." }),
            operationalSupervisor: f.boolean({
              required: false,
              description: "Whether this is the operational supervisor's assignment.",
            }),
            needsPremisesAccess: f.boolean({
              required: false,
              description: "Whether the work is on police premises (default true).",
            }),
          }),
        }),
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const team = await ctx.team();
      const id = `as-${ctx.services.clock().getTime().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      const parsed = assignmentSchema.safeParse({
        id,
        teamId: await teamId(ctx),
        staffId: input.staffId,
        organisationId: input.organisationId,
        fraction: input.fraction,
        interval: { from: input.validFrom, to: input.validTo ?? null },
        role: input.operationalSupervisor ? "operational-supervisor" : "member",
        needsPremisesAccess: input.needsPremisesAccess ?? true,
      });
      if (!parsed.success)
        throw new RuleViolationFailure(
          parsed.error.issues.map((i) =>
            violation("INPUT.INVALID", [], { fi: i.message, en: i.message }, { path: i.path.map(String) }),
          ),
        );
      const assignment: Assignment = parsed.data;
      if (!team.dataset.staff.some((s) => s.id === assignment.staffId))
        throw new NotFoundFailure("staff member", ["input", "staffId"]);
      const period = { from: assignment.interval.from, to: assignment.interval.to ?? assignment.interval.from };
      const found = checkStaffing({
        ...team.dataset,
        assignments: [...team.dataset.assignments, assignment],
        period,
      }).filter((v) => v.severity === "error" && ownStaffingCodes.has(v.code) && v.ids.includes(assignment.id));
      if (found.length > 0) throw new RuleViolationFailure(found);
      try {
        await ctx.db.insert(schema.assignments).values({
          teamId: assignment.teamId,
          id: assignment.id,
          staffId: assignment.staffId,
          organisationId: assignment.organisationId,
          fraction: assignment.fraction,
          validFrom: assignment.interval.from,
          validTo: assignment.interval.to,
          role: assignment.role,
          needsPremisesAccess: assignment.needsPremisesAccess,
        });
      } catch (error) {
        throw asMutationFailure(error);
      }
      const row = await ctx.db.query.assignments.findFirst(
        query({ where: { teamId: assignment.teamId, id: assignment.id } }),
      );
      if (!row) throw new Error("assignment vanished");
      return row;
    },
  }),
);

builder.mutationField("endAssignment", (t) =>
  t.drizzleField({
    type: "assignments",
    description: "Sets the last day of an assignment (optimistic concurrency: give the version you read).",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      assignmentId: t.arg.id({ required: true, description: "The assignment." }),
      validTo: t.arg({ type: "Date", required: true, description: "Last day." }),
      expectedVersion: t.arg.int({ required: true, description: "The version you read." }),
    },
    resolve: async (query, _root, args, ctx) => {
      const team = await teamId(ctx);
      try {
        await updateVersioned(
          ctx.db,
          schema.assignments,
          { teamId: team, id: args.assignmentId, entity: "assignment" },
          args.expectedVersion,
          { validTo: args.validTo },
        );
      } catch (error) {
        if (error instanceof Error && error.name === "RowNotFoundError")
          throw new NotFoundFailure("assignment", ["assignmentId"]);
        throw asMutationFailure(error);
      }
      const row = await ctx.db.query.assignments.findFirst(query({ where: { teamId: team, id: args.assignmentId } }));
      if (!row) throw new NotFoundFailure("assignment", ["assignmentId"]);
      return row;
    },
  }),
);

builder.mutationField("recordClearance", (t) =>
  t.drizzleField({
    type: "securityClearances",
    description:
      "Records a security clearance requested by the police for a city employee (turvallisuusselvitys, 003 § 7).",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The clearance.",
        type: builder.inputType("RecordClearanceInput", {
          description: "A security clearance.",
          fields: (f) => ({
            staffId: f.id({ required: true, description: "The staff member." }),
            scope: f.string({
              required: true,
              description: "narrow, standard or extended.",
              validate: z.enum(["narrow", "standard", "extended"]),
            }),
            requestedOn: f.field({ type: "Date", required: true, description: "Day requested by the police." }),
            grantedOn: f.field({ type: "Date", required: false, description: "Day granted." }),
            deniedOn: f.field({ type: "Date", required: false, description: "Day denied." }),
            validUntil: f.field({ type: "Date", required: false, description: "Last valid day." }),
          }),
        }),
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const team = await ctx.team();
      if (!team.dataset.staff.some((s) => s.id === input.staffId))
        throw new NotFoundFailure("staff member", ["input", "staffId"]);
      const id = `sc-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
      try {
        await ctx.db.insert(schema.securityClearances).values({
          teamId: team.dataset.team.id,
          id,
          staffId: input.staffId,
          scope: input.scope as "standard",
          requestedById: team.dataset.team.policeDepartmentId,
          requestedOn: input.requestedOn,
          grantedOn: input.grantedOn ?? null,
          deniedOn: input.deniedOn ?? null,
          validUntil: input.validUntil ?? null,
        });
      } catch (error) {
        throw asMutationFailure(error);
      }
      const row = await ctx.db.query.securityClearances.findFirst(
        query({ where: { teamId: team.dataset.team.id, id } }),
      );
      if (!row) throw new Error("clearance vanished");
      return row;
    },
  }),
);

builder.mutationField("recordJoiningDecision", (t) =>
  t.drizzleField({
    type: "joiningDecisions",
    description:
      "Records a joint decision admitting another authority to the team (003 § 2). Refused unless both the police department and Sotepe have approved it.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The decision.",
        type: builder.inputType("RecordJoiningDecisionInput", {
          description: "A joining decision.",
          fields: (f) => ({
            organisationId: f.id({ required: true, description: "The joining authority's unit." }),
            effectiveFrom: f.field({ type: "Date", required: true, description: "First day in effect." }),
            description: f.string({ required: true, description: "What was decided.", validate: text(2000) }),
            approvals: f.field({
              required: true,
              description: "Each approver's approval.",
              type: [
                builder.inputType("JoiningApprovalInput", {
                  description: "One party's approval.",
                  fields: (a) => ({
                    organisationId: a.id({ required: true, description: "The approving party." }),
                    approvedOn: a.field({ type: "Date", required: true, description: "Day approved." }),
                    reference: a.string({
                      required: true,
                      description: "Reference of the party's decision.",
                      validate: text(200),
                    }),
                  }),
                }),
              ],
            }),
          }),
        }),
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const team = await ctx.team();
      const decision = {
        id: `jd-${Date.now().toString(36)}`,
        organisationId: input.organisationId,
        effectiveFrom: input.effectiveFrom,
        description: input.description,
        approvals: input.approvals.map((a) => ({
          organisationId: a.organisationId,
          approvedOn: a.approvedOn,
          reference: a.reference,
        })),
      };
      const result = recordJoiningDecision(team.dataset.agreement, decision);
      if (!result.ok) throw new RuleViolationFailure(result.error);
      const teamKey = team.dataset.team.id;
      try {
        await ctx.db.transaction(async (tx) => {
          await tx.insert(schema.joiningDecisions).values({
            teamId: teamKey,
            id: decision.id,
            agreementId: team.dataset.agreement.id,
            organisationId: decision.organisationId,
            effectiveFrom: decision.effectiveFrom,
            description: decision.description,
          });
          await tx
            .insert(schema.joiningApprovals)
            .values(decision.approvals.map((a) => ({ teamId: teamKey, decisionId: decision.id, ...a })));
        });
      } catch (error) {
        throw asMutationFailure(error);
      }
      const row = await ctx.db.query.joiningDecisions.findFirst(query({ where: { teamId: teamKey, id: decision.id } }));
      if (!row) throw new Error("decision vanished");
      return row;
    },
  }),
);

builder.mutationField("giveNotice", (t) =>
  t.drizzleField({
    type: "notices",
    description:
      "Records a party's notice of termination (irtisanominen); the notice's `endsOn` is six calendar months later.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      partyId: t.arg.id({ required: true, description: "The party giving notice." }),
      givenOn: t.arg({ type: "Date", required: true, description: "Day given." }),
      reference: t.arg.string({ required: true, description: "Reference of the decision.", validate: text(200) }),
    },
    resolve: async (query, _root, args, ctx) => {
      const team = await ctx.team();
      const notice = {
        id: `notice-${args.partyId}-${args.givenOn}`,
        partyId: args.partyId,
        givenOn: args.givenOn,
        reference: args.reference,
      };
      const result = giveNotice(team.dataset.agreement, notice);
      if (!result.ok) throw new RuleViolationFailure(result.error);
      const teamKey = team.dataset.team.id;
      try {
        await ctx.db
          .insert(schema.notices)
          .values({ teamId: teamKey, agreementId: team.dataset.agreement.id, ...notice });
      } catch (error) {
        throw asMutationFailure(error);
      }
      const row = await ctx.db.query.notices.findFirst(query({ where: { teamId: teamKey, id: notice.id } }));
      if (!row) throw new Error("notice vanished");
      return row;
    },
  }),
);

builder.mutationField("overrideChairTerm", (t) =>
  t.drizzleField({
    type: "cooperationBodies",
    description:
      "Records a decision that gives one term of a rotating chair to a named party; the order then continues, so the displaced party chairs next.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      bodyId: t.arg.id({ required: true, description: "The body." }),
      termStart: t.arg({ type: "Date", required: true, description: "First day of the term (must be a term start)." }),
      partyId: t.arg.id({ required: true, description: "The party that chairs the term." }),
      decidedOn: t.arg({ type: "Date", required: true, description: "Day decided." }),
      reference: t.arg.string({ required: true, description: "Reference of the decision.", validate: text(200) }),
    },
    resolve: async (query, _root, args, ctx) => {
      const team = await ctx.team();
      const body = team.dataset.bodies.find((b) => b.id === args.bodyId);
      if (body?.chairPolicy.kind !== "rotating") throw new NotFoundFailure("rotating body", ["bodyId"]);
      const event: RotationEvent = {
        kind: "override",
        termStart: args.termStart,
        partyId: args.partyId,
        decidedOn: args.decidedOn,
        reference: args.reference,
      };
      const rotation = { ...body.chairPolicy.rotation, events: [...body.chairPolicy.rotation.events, event] };
      const found = checkRotation(rotation).filter((v) => v.path?.[1] === rotation.events.length - 1);
      if (found.length > 0) throw new RuleViolationFailure(found);
      const teamKey = team.dataset.team.id;
      try {
        await ctx.db.insert(schema.rotationEvents).values({
          teamId: teamKey,
          id: `${body.id}:${String(rotation.events.length - 1)}:${args.termStart}`,
          bodyId: body.id,
          sequence: rotation.events.length - 1,
          kind: "override",
          partyId: event.partyId,
          on: args.termStart,
          decidedOn: args.decidedOn,
          reference: args.reference,
        });
      } catch (error) {
        throw asMutationFailure(error);
      }
      const row = await ctx.db.query.cooperationBodies.findFirst(query({ where: { teamId: teamKey, id: body.id } }));
      if (!row) throw new Error("body vanished");
      return row;
    },
  }),
);
