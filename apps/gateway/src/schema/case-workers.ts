import { caseloadCounts } from "@ankkuri/db";
import {
  addDays,
  assignmentsInForce,
  caseloadMeetingDays,
  type CaseWorkerAssignment,
  defaultRecordingGraceDays,
  type LocalDate,
  type Profession,
} from "@ankkuri/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { assignCaseWorker, unassignCaseWorker } from "../verbs/assign-case-worker.js";
import { Case } from "./case.js";
import { ProfessionEnum } from "./enums.js";
import { mutationErrors } from "./errors.js";
import "./organisation-field.js";

export const CaseWorkerRoleEnum = builder.enumType("CaseWorkerRole", {
  description:
    "A staff member's role in a case of the team (työntekijän rooli asiakkuudessa), 003 § 6.1. Not the responsible social worker of an existing client relationship (ParticipantRole.RESPONSIBLE_WORKER), who works for another organisation.",
  values: {
    LEAD_WORKER: {
      value: "lead-worker",
      description: "The team's worker responsible for the case (vastuutyöntekijä); one per case at a time.",
    },
    PAIR_WORKER: { value: "pair-worker", description: "A pair worker of the case (työparin jäsen); any number." },
  },
});

builder.drizzleObject("caseWorkers", {
  name: "CaseWorkerAssignment",
  description:
    "A staff member assigned to a case (asiakkuuteen nimetty työntekijä), from `assignedOn` until the day before `unassignedOn`. Ended assignments are kept.",
  fields: (t) => ({
    assignmentId: t.exposeString("id", { description: "The assignment's id (UUID)." }),
    caseId: t.exposeString("caseId", { description: "The case's id (UUID)." }),
    role: t.field({ type: CaseWorkerRoleEnum, resolve: (a) => a.role, description: "The role." }),
    assignedOn: t.field({ type: "Date", resolve: (a) => a.assignedOn, description: "First day assigned." }),
    unassignedOn: t.field({
      type: "Date",
      nullable: true,
      resolve: (a) => a.unassignedOn,
      description: "Day the assignment ended (no longer in force from this day); null while in force.",
    }),
    staffMember: t.relation("staffMember", { description: "The staff member." }),
  }),
});

builder.drizzleObjectFields(Case, (t) => ({
  assignedWorkers: t.relation("workers", {
    description:
      "The team's workers assigned to the case (nimetyt työntekijät): in force today, or with `includeEnded` every assignment ever made. Shown to organisations taking part in the case in full; empty for anyone present on consent or a client relationship alone.",
    args: {
      includeEnded: t.arg.boolean({
        required: false,
        defaultValue: false,
        description: "Also the ended assignments (the history).",
      }),
    },
    query: (args, ctx) => ({
      where: args.includeEnded
        ? {}
        : {
            assignedOn: { lte: ctx.today },
            OR: [{ unassignedOn: { isNull: true } }, { unassignedOn: { gt: ctx.today } }],
          },
      orderBy: { assignedOn: "asc", id: "asc" },
    }),
    authScopes: (c) => ({ caseInFull: c }),
    unauthorizedResolver: () => [],
  }),
}));

const CaseWorkerPayload = builder.objectRef<CaseWorkerAssignment & { teamId: string }>("CaseWorkerPayload").implement({
  description: "The assignment after a successful change. It shows no client data: the case is read as a case.",
  fields: (t) => ({
    assignment: t.drizzleField({
      type: "caseWorkers",
      description: "The assignment as it is now.",
      resolve: async (query, p, _args, ctx) => {
        const found = await ctx.db.query.caseWorkers.findFirst(query({ where: { teamId: p.teamId, id: p.id } }));
        if (!found) throw new Error("assignment vanished");
        return found;
      },
    }),
  }),
});

const changers = { $any: { operationalSupervisor: true, teamAdmin: true } } as const;

builder.mutationField("assignCaseWorker", (t) =>
  t.field({
    type: CaseWorkerPayload,
    description:
      "Assigns a staff member of the team to a case as its lead worker or a pair worker from a day (003 § 6.1: the operational supervisor coordinates the team's daily work). The operational supervisor and team administrators may; a case the caller may not address, or a staff member of no team of theirs, is not found. The person must hold an assignment in the team in force that day (city staff under a valid security clearance), their organisation must take part in the case in full, and a case has one lead worker at a time.",
    authScopes: changers,
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The assignment.",
        type: builder.inputType("AssignCaseWorkerInput", {
          description: "Who to assign to which case, in which role, from which day.",
          fields: (f) => ({
            caseId: f.string({ required: true, description: "The case (UUID).", validate: z.uuid() }),
            staffMemberId: f.id({ required: true, description: "The staff member.", validate: z.string().max(100) }),
            role: f.field({ type: CaseWorkerRoleEnum, required: true, description: "The role." }),
            on: f.field({ type: "Date", required: true, description: "First day; not in the future." }),
          }),
        }),
      }),
    },
    resolve: async (_root, { input }, ctx) => ({
      ...(await assignCaseWorker(ctx, { ...input, staffMemberId: input.staffMemberId })),
      teamId: ctx.actor?.teamId ?? "",
    }),
  }),
);

builder.mutationField("unassignCaseWorker", (t) =>
  t.field({
    type: CaseWorkerPayload,
    description:
      "Ends a staff member's assignment to a case: from the day given the person is no longer assigned (the last day was the day before). The assignment stays on record. The same people may as assign.",
    authScopes: changers,
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The assignment to end.",
        type: builder.inputType("UnassignCaseWorkerInput", {
          description: "Whose assignment to which case ends on which day.",
          fields: (f) => ({
            caseId: f.string({ required: true, description: "The case (UUID).", validate: z.uuid() }),
            staffMemberId: f.id({ required: true, description: "The staff member.", validate: z.string().max(100) }),
            on: f.field({
              type: "Date",
              required: true,
              description: "The day it ends (the first day no longer assigned); not in the future.",
            }),
          }),
        }),
      }),
    },
    resolve: async (_root, { input }, ctx) => ({
      ...(await unassignCaseWorker(ctx, { ...input, staffMemberId: input.staffMemberId })),
      teamId: ctx.actor?.teamId ?? "",
    }),
  }),
);

interface CaseloadRow {
  staffId: string;
  name: string;
  profession: Profession;
  organisationId: string;
  activeCases: number;
  upcomingMeetings: number;
  overdueRecords: number;
}

const CaseloadRef = builder.objectRef<CaseloadRow>("Caseload").implement({
  description:
    "One worker's caseload on a day (työntekijän työtilanne): counts only, no client data (003 § 6.1, the operational supervisor's coordination).",
  fields: (t) => ({
    staffMemberId: t.exposeID("staffId", { description: "The staff member." }),
    name: t.exposeString("name", { description: "The staff member's name." }),
    profession: t.field({ type: ProfessionEnum, resolve: (r) => r.profession, description: "Profession." }),
    organisation: t.organisation((r) => r.organisationId, { description: "The staff member's unit." }),
    activeCases: t.exposeInt("activeCases", {
      description: "Open cases (referred, not declined, not closed by the day) the worker is assigned to on the day.",
    }),
    upcomingMeetings: t.exposeInt("upcomingMeetings", {
      description: "Planned meetings with a seat of the worker in the 14 days from the day, the day included.",
    }),
    overdueRecords: t.exposeInt("overdueRecords", {
      description:
        "Held meetings with a seat of the worker not recorded within the recording grace (seven days; the rule CASE.MEETING_UNRECORDED).",
    }),
  }),
});

builder.queryField("caseloads", (t) =>
  t.field({
    type: [CaseloadRef],
    description:
      "Every worker's caseload on a day, for the operational supervisor (003 § 6.1: päivittäistoiminnan johtaminen ja koordinointi): the team's staff with an assignment in force that day, and anyone still holding cases or seats, by name. Counts only; the read is logged.",
    authScopes: { operationalSupervisor: true },
    args: { on: t.arg({ type: "Date", required: true, description: "The day." }) },
    resolve: async (_root, args, ctx) => {
      const actor = ctx.actor;
      if (!actor) return [];
      const team = await ctx.team();
      const on: LocalDate = args.on;
      const counts = await caseloadCounts(ctx.db, actor.teamId, {
        on,
        meetingsUntil: addDays(on, caseloadMeetingDays - 1),
        heldBefore: addDays(on, -defaultRecordingGraceDays),
      });
      const byStaff = new Map(counts.map((c) => [c.staffId, c]));
      ctx.audit.read({ resource: "caseloads" }, { basis: "supervision" }, { on });
      return team.dataset.staff
        .map((s) => ({ person: s, inForce: assignmentsInForce(team.dataset, s.id, on) }))
        .filter(({ person, inForce }) => inForce.length > 0 || byStaff.has(person.id))
        .map(({ person, inForce }) => ({
          staffId: person.id,
          name: `${person.givenName} ${person.familyName}`,
          profession: person.profession,
          organisationId: inForce[0]?.organisationId ?? person.organisationId,
          activeCases: byStaff.get(person.id)?.activeCases ?? 0,
          upcomingMeetings: byStaff.get(person.id)?.upcomingMeetings ?? 0,
          overdueRecords: byStaff.get(person.id)?.overdueRecords ?? 0,
        }))
        .sort((a, b) => a.name.localeCompare(b.name, "fi"));
    },
  }),
);
