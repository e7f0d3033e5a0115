import { type AssessmentRow, assessmentsOfCase } from "@ankkuri/db";
import {
  assessmentCauseLabels,
  assessmentCauses,
  caseAccessInChain,
  goalStatus,
  isGoalOverdue,
  type MembershipBasis,
} from "@ankkuri/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import type { GatewayContext } from "../context.js";
import { recordAssessment, reviewGoal } from "../verbs/record-assessment.js";
import { Case } from "./case.js";
import { CasePayload } from "./case-mutations.js";
import { organisationNamed } from "./cached-organisations.js";
import { inLanguage, languageArgument } from "./common.js";
import { AssessmentCauseEnum, GoalProgressEnum, GoalStatusEnum } from "./enums.js";
import { mutationErrors } from "./errors.js";
import "./organisation-field.js";
import { Organisation } from "./organisation.js";

type GoalRow = AssessmentRow["goals"][number];

/** One read of a case's assessments per request and case, shared by the case screen's fields. */
const loaded = new WeakMap<GatewayContext, Map<string, Promise<AssessmentRow[]>>>();
function assessmentsOf(ctx: GatewayContext, teamId: string, caseId: string): Promise<AssessmentRow[]> {
  const own = loaded.get(ctx) ?? new Map<string, Promise<AssessmentRow[]>>();
  loaded.set(ctx, own);
  const known = own.get(caseId);
  if (known) return known;
  const load = assessmentsOfCase(ctx.db, teamId, caseId, ctx.actor?.organisationId ?? "");
  own.set(caseId, load);
  return load;
}

/** Whether the reader takes part in the case in full today: assessments are not for readers on consent alone. */
function readsInFull(
  ctx: GatewayContext,
  c: {
    teamId: string;
    memberships: { organisationId: string; basis: MembershipBasis; validFrom: string; validTo: string | null }[];
  },
): boolean {
  if (!ctx.actor || !ctx.access) return false;
  const memberships = c.memberships.map((m) => ({ ...m, from: m.validFrom, to: m.validTo }));
  return (
    caseAccessInChain(ctx.actor, { teamId: c.teamId, memberships }, ctx.access.organisations, ctx.today) === "full"
  );
}

const GoalReviewRef = builder.objectRef<GoalRow["reviews"][number]>("GoalReview").implement({
  description: "A review of a goal's progress (tavoitteen arviointi); kept as recorded.",
  fields: (t) => ({
    reviewedOn: t.field({ type: "Date", resolve: (r) => r.reviewedOn, description: "Day reviewed." }),
    progress: t.field({ type: GoalProgressEnum, resolve: (r) => r.progress, description: "Progress." }),
    reviewedBy: t.exposeString("reviewedBy", { description: "Who reviewed it." }),
  }),
});

const GoalRef = builder.objectRef<GoalRow>("Goal").implement({
  description: "A goal set in an assessment (tavoite), with its owner and due day.",
  fields: (t) => ({
    goalId: t.exposeString("id", { description: "The goal's id (UUID)." }),
    description: t.exposeString("description", { description: "What is to be reached." }),
    ownerStaffId: t.exposeString("ownerStaffId", { description: "The staff member who owns the goal." }),
    ownerName: t.string({
      resolve: async (g, _args, ctx) => {
        const owner = (await ctx.team()).dataset.staff.find((s) => s.id === g.ownerStaffId);
        return owner ? `${owner.givenName} ${owner.familyName}` : "";
      },
      description: "The owner's name.",
    }),
    dueOn: t.field({ type: "Date", resolve: (g) => g.dueOn, description: "Due day." }),
    status: t.field({ type: GoalStatusEnum, resolve: (g) => goalStatus(g), description: "Open, met or not met." }),
    overdue: t.boolean({
      resolve: (g, _args, ctx) => isGoalOverdue(g, ctx.today),
      description: "True when the goal is open and its due day has passed.",
    }),
    reviews: t.field({ type: [GoalReviewRef], resolve: (g) => g.reviews, description: "Reviews, oldest first." }),
  }),
});

const AssessmentRef = builder.objectRef<AssessmentRow>("Assessment").implement({
  description:
    "An assessment of a case (arvio, 003 § 6.1): the causes of the client's problems, the actors whose work solving them needs, and the goals set.",
  fields: (t) => ({
    assessmentId: t.exposeString("id", { description: "The assessment's id (UUID)." }),
    assessedOn: t.field({ type: "Date", resolve: (a) => a.assessedOn, description: "Day assessed." }),
    assessedBy: t.exposeString("assessedBy", { description: "Who recorded it." }),
    organisation: t.organisation((a) => a.organisationId, { description: "The organisation that recorded it." }),
    causes: t.field({ type: [AssessmentCauseEnum], resolve: (a) => a.causes, description: "The causes identified." }),
    causeNames: t.stringList({
      args: { language: t.arg(languageArgument) },
      resolve: (a, args, ctx) => a.causes.map((c) => inLanguage(assessmentCauseLabels[c], args.language, ctx.language)),
      description: "The causes' names in the requested language.",
    }),
    neededOrganisations: t.field({
      type: [Organisation],
      resolve: (a, _args, ctx, info) => a.neededOrganisationIds.map((id) => organisationNamed(ctx, info, id)),
      description: "The organisations whose work solving the problems needs (tarvittavat tahot).",
    }),
    goals: t.field({ type: [GoalRef], resolve: (a) => a.goals, description: "The goals set, in the order given." }),
    summary: t.string({
      nullable: true,
      resolve: (a, _args, ctx) => {
        const own = a.summaries[0];
        if (!own) return null;
        ctx.audit.read(
          { resource: "assessment-summary", resourceId: a.id, caseId: a.caseId },
          ctx.audit.basisOfCase(a.caseId),
        );
        return own.body;
      },
      description:
        "The free-text summary of the reader's own organisation, kept as notes are: another organisation's summary is never shown.",
    }),
  }),
});

builder.drizzleObjectFields(Case, (t) => ({
  latestAssessment: t.field({
    type: AssessmentRef,
    nullable: true,
    description:
      "The latest assessment (causes, needed actors, goals), for organisations taking part in the case in full; null otherwise or when none is recorded.",
    resolve: async (c, _args, ctx) =>
      readsInFull(ctx, c) ? ((await assessmentsOf(ctx, c.teamId, c.id))[0] ?? null) : null,
  }),
  openGoals: t.field({
    type: [GoalRef],
    description:
      "Goals of every assessment not yet met or ended, by due day, for organisations taking part in the case in full.",
    resolve: async (c, _args, ctx) => {
      if (!readsInFull(ctx, c)) return [];
      const all = (await assessmentsOf(ctx, c.teamId, c.id)).flatMap((a) => a.goals);
      return all.filter((g) => goalStatus(g) === "open").sort((a, b) => a.dueOn.localeCompare(b.dueOn));
    },
  }),
}));

const GoalInput = builder.inputType("GoalInput", {
  description: "A goal of an assessment.",
  fields: (t) => ({
    description: t.string({
      required: true,
      description: "What is to be reached.",
      validate: z.string().trim().min(1).max(1000),
    }),
    ownerStaffId: t.id({ required: true, description: "The staff member who owns it." }),
    dueOn: t.field({ type: "Date", required: true, description: "Due day." }),
  }),
});

builder.mutationField("recordAssessment", (t) =>
  t.field({
    type: CasePayload,
    description:
      "Records an assessment of an admitted or active case (arvio): causes from the code list, needed actors, goals with owner and due day, and the organisation's own summary. Organisations taking part in the case in full only.",
    authScopes: { caseworker: true },
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The assessment.",
        type: builder.inputType("RecordAssessmentInput", {
          description: "An assessment of a case.",
          fields: (f) => ({
            caseId: f.string({ required: true, description: "The case (UUID).", validate: z.uuid() }),
            assessedOn: f.field({ type: "Date", required: false, description: "Day assessed; defaults to today." }),
            causes: f.field({
              type: [AssessmentCauseEnum],
              required: true,
              description: "The causes identified.",
              validate: z.array(z.unknown()).max(assessmentCauses.length * 2),
            }),
            neededOrganisationIds: f.idList({
              required: false,
              description: "Organisations whose work solving the problems needs.",
              validate: z.array(z.unknown()).max(30),
            }),
            goals: f.field({
              type: [GoalInput],
              required: false,
              description: "Goals set.",
              validate: z.array(z.unknown()).max(30),
            }),
            summary: f.string({
              required: false,
              description: "Free-text summary, readable only inside the signed-in person's organisation.",
              validate: z.string().trim().min(1).max(20_000),
            }),
          }),
        }),
      }),
    },
    resolve: (_root, { input }, ctx) =>
      recordAssessment(ctx, {
        ...input,
        neededOrganisationIds: input.neededOrganisationIds?.map(String) ?? null,
        goals: input.goals ?? null,
      }),
  }),
);

builder.mutationField("reviewGoal", (t) =>
  t.field({
    type: CasePayload,
    description:
      "Records a goal's progress (tavoitteen arviointi); MET or NOT_MET ends the goal. Organisations taking part in the case in full only.",
    authScopes: { caseworker: true },
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The review.",
        type: builder.inputType("ReviewGoalInput", {
          description: "A review of a goal.",
          fields: (f) => ({
            goalId: f.string({ required: true, description: "The goal (UUID).", validate: z.uuid() }),
            reviewedOn: f.field({ type: "Date", required: false, description: "Day reviewed; defaults to today." }),
            progress: f.field({ type: GoalProgressEnum, required: true, description: "Progress." }),
          }),
        }),
      }),
    },
    resolve: (_root, { input }, ctx) => reviewGoal(ctx, input),
  }),
);
