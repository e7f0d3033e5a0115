import { z } from "zod";
import { builder } from "../builder.js";
import { assignmentSchema } from "@ankkuri/domain";
import { assignStaff } from "../verbs/assign-staff.js";
import { actorOf } from "../verbs/audited-write.js";
import { endAssignment } from "../verbs/end-assignment.js";
import { giveNotice } from "../verbs/give-notice.js";
import { overrideChairTerm } from "../verbs/override-chair-term.js";
import { recordClearance } from "../verbs/record-clearance.js";
import { recordJoiningDecision } from "../verbs/record-joining-decision.js";
import { setReportLanguages } from "../verbs/set-report-languages.js";
import { withAcceptedWarnings } from "./accepted-warnings.js";
import { LanguageEnum } from "./common.js";
import { ClearanceScopeEnum } from "./enums.js";
import { mutationErrors } from "./errors.js";

const admin = { teamAdmin: true } as const;
const text = (max: number) => z.string().trim().min(1).max(max);

/** The row a verb just wrote, read back with the selection the client asked for. */
async function loaded<T>(row: Promise<T | undefined>): Promise<T> {
  const found = await row;
  if (!found) throw new Error("a written row vanished");
  return found;
}

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
      const { id } = await assignStaff(ctx, input);
      return loaded(ctx.db.query.assignments.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } })));
    },
  }),
);

builder.mutationField("endAssignment", (t) =>
  t.drizzleField({
    type: "assignments",
    description:
      "Sets the last day of an assignment (optimistic concurrency: give the version you read). Refused when it would leave the team without an operational supervisor from the next day, unless `acceptSupervisorGap`; the accepted gap is then in the returned assignment's `warnings`.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      assignmentId: t.arg.id({ required: true, description: "The assignment." }),
      validTo: t.arg({ type: "Date", required: true, description: "Last day." }),
      expectedVersion: t.arg.int({ required: true, description: "The version you read." }),
      acceptSupervisorGap: t.arg.boolean({
        required: false,
        description:
          "Ending the only operational supervisor's assignment without a successor from the next day is refused (STAFFING.SUPERVISOR_GAP) unless this is true; the accepted gap is then returned in `Assignment.warnings` (severity WARNING).",
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { id, warnings } = await endAssignment(ctx, args);
      const row = await loaded(
        ctx.db.query.assignments.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } })),
      );
      return withAcceptedWarnings(row, warnings);
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
            scope: f.field({ type: ClearanceScopeEnum, required: true, description: "The clearance's scope." }),
            requestedOn: f.field({ type: "Date", required: true, description: "Day requested by the police." }),
            grantedOn: f.field({ type: "Date", required: false, description: "Day granted." }),
            deniedOn: f.field({ type: "Date", required: false, description: "Day denied." }),
            validUntil: f.field({ type: "Date", required: false, description: "Last valid day." }),
          }),
        }),
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await recordClearance(ctx, input);
      return loaded(ctx.db.query.securityClearances.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } })));
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
      const { id } = await recordJoiningDecision(ctx, input);
      return loaded(ctx.db.query.joiningDecisions.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } })));
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
      const { id } = await giveNotice(ctx, args);
      return loaded(ctx.db.query.notices.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } })));
    },
  }),
);

builder.mutationField("overrideChairTerm", (t) =>
  t.drizzleField({
    type: "cooperationBodies",
    description:
      "Records a decision that gives one term of a rotating chair to a named party with a seat, in force throughout the term; the order then continues, so the displaced party chairs next. The body in the payload (its `chairCalendar`) shows the calendar after the change.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      bodyId: t.arg.id({ required: true, description: "The body." }),
      termStart: t.arg({ type: "Date", required: true, description: "First day of the term (must be a term start)." }),
      partyId: t.arg.id({ required: true, description: "The party that chairs the term." }),
      decidedOn: t.arg({ type: "Date", required: true, description: "Day decided." }),
      reference: t.arg.string({ required: true, description: "Reference of the decision.", validate: text(200) }),
      replacesOverride: t.arg.boolean({
        required: false,
        description:
          "A term decided already is decided again only when this is true (ROTATION.OVERRIDE_EXISTS otherwise); the replaced decision stays visible in `ChairTerm.replacedOverrides`.",
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { bodyId } = await overrideChairTerm(ctx, args);
      return loaded(
        ctx.db.query.cooperationBodies.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id: bodyId } })),
      );
    },
  }),
);

builder.mutationField("setTeamReportLanguages", (t) =>
  t.drizzleField({
    type: "teams",
    description:
      "Sets the languages the team's scheduled reports (the annual evaluation and the monthly statistics) are produced in: FI, SV or both, each report once in each from the next scheduled run on. Reports already produced stay as they are. Refused (RuleViolationError) with none, EN (REPORT.LANGUAGE_UNSUPPORTED: English is every report's subtitle) or a language twice. The payload is the team with the languages set.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      languages: t.arg({
        type: [LanguageEnum],
        required: true,
        description: "The languages, in the order the reports are produced in.",
      }),
    },
    resolve: async (query, _root, args, ctx) => {
      await setReportLanguages(ctx, args.languages);
      return loaded(ctx.db.query.teams.findFirst(query({ where: { id: actorOf(ctx).teamId } })));
    },
  }),
);
