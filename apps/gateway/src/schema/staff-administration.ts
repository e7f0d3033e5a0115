import { assignmentSchema, premisesAccessSchema, staffMemberSchema, type Violation } from "@ankkuri/domain";
import { builder } from "../builder.js";
import { actorOf } from "../verbs/audited-write.js";
import { moveAssignment } from "../verbs/end-assignment.js";
import {
  closePoliceMailAccount,
  grantPoliceMailAccount,
  grantPremisesAccess,
  revokeClearance,
  revokePremisesAccess,
} from "../verbs/premises-access.js";
import {
  addStaffMember,
  closeUserAccount,
  createUserAccount,
  updateStaffMember,
} from "../verbs/staff-administration.js";
import { ProfessionEnum } from "./enums.js";
import { mutationErrors, RuleViolationRef } from "./errors.js";

const admin = { teamAdmin: true } as const;

/** The row a verb just wrote, read back with the selection the client asked for. */
async function loaded<T>(row: Promise<T | undefined>): Promise<T> {
  const found = await row;
  if (!found) throw new Error("a written row vanished");
  return found;
}

builder.drizzleObject("users", {
  name: "UserAccount",
  description:
    "A login to the team (käyttäjätunnus): who someone is. What they may do on a day comes from their assignments and granted roles in force, never from the account. Team administrators only.",
  authScopes: admin,
  fields: (t) => ({
    login: t.exposeString("login", { description: "The login a token's subject names." }),
    displayName: t.exposeString("displayName", { description: "The person's name as shown." }),
    staffMember: t.relation("staffMember", {
      nullable: true,
      description: "The staff member the login belongs to; null for people without client work.",
    }),
    closedOn: t.field({
      type: "Date",
      nullable: true,
      resolve: (u) => u.closedOn,
      description: "The day the account was closed: it signs nobody in from then on. Null while open.",
    }),
    version: t.exposeInt("version", { description: "Row version for optimistic concurrency." }),
  }),
});

builder.queryField("userAccounts", (t) =>
  t.drizzleField({
    type: ["users"],
    description: "The team's user accounts, open and closed (team administrators only).",
    authScopes: admin,
    resolve: (query, _root, _args, ctx) =>
      ctx.db.query.users.findMany(query({ where: { teamId: actorOf(ctx).teamId }, orderBy: { login: "asc" } })),
  }),
);

const nameFields = {
  givenName: staffMemberSchema.shape.givenName,
  familyName: staffMemberSchema.shape.familyName,
  title: staffMemberSchema.shape.title,
};

builder.mutationField("addStaffMember", (t) =>
  t.drizzleField({
    type: "staff",
    description:
      "Adds a member of staff (työntekijä) employed by a party of the agreement or one of its units (003 § 5). They work for the team once assigned (`assignStaff`) and sign in once an account is opened (`createUserAccount`).",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The person.",
        type: builder.inputType("AddStaffMemberInput", {
          description: "A new member of staff (fictional people only in test and demo data).",
          fields: (f) => ({
            organisationId: f.id({ required: true, description: "The employing unit (a party or a unit below one)." }),
            profession: f.field({ type: ProfessionEnum, required: true, description: "Profession (ammattiryhmä)." }),
            givenName: f.string({ required: true, description: "Given name.", validate: nameFields.givenName }),
            familyName: f.string({ required: true, description: "Family name.", validate: nameFields.familyName }),
            title: f.string({ required: true, description: "Job title (nimike).", validate: nameFields.title }),
            login: f.string({
              required: true,
              description: "The person's login in the identity provider (a–z, 0–9, . _ -).",
              validate: staffMemberSchema.shape.login,
            }),
          }),
        }),
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await addStaffMember(ctx, input);
      return loaded(ctx.db.query.staff.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } })));
    },
  }),
);

builder.mutationField("updateStaffMember", (t) =>
  t.drizzleField({
    type: "staff",
    description:
      "Changes a staff member's name, title, profession or employing unit (optimistic concurrency: give the version you read). The login stays.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The change; omitted fields stay as they are.",
        type: builder.inputType("UpdateStaffMemberInput", {
          description: "A change of a staff member.",
          fields: (f) => ({
            staffId: f.id({ required: true, description: "The staff member." }),
            expectedVersion: f.int({ required: true, description: "The version you read." }),
            organisationId: f.id({ required: false, description: "New employing unit." }),
            profession: f.field({ type: ProfessionEnum, required: false, description: "New profession." }),
            givenName: f.string({ required: false, description: "New given name.", validate: nameFields.givenName }),
            familyName: f.string({
              required: false,
              description: "New family name.",
              validate: nameFields.familyName,
            }),
            title: f.string({ required: false, description: "New job title.", validate: nameFields.title }),
          }),
        }),
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await updateStaffMember(ctx, input);
      return loaded(ctx.db.query.staff.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } })));
    },
  }),
);

builder.mutationField("createUserAccount", (t) =>
  t.drizzleField({
    type: "users",
    description:
      "Opens a login for a staff member (their own login and name). It gives no rights by itself: those come from the person's assignments in force.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: { staffId: t.arg.id({ required: true, description: "The staff member." }) },
    resolve: async (query, _root, args, ctx) => {
      const { login } = await createUserAccount(ctx, args);
      return loaded(ctx.db.query.users.findFirst(query({ where: { teamId: actorOf(ctx).teamId, login } })));
    },
  }),
);

builder.mutationField("closeUserAccount", (t) =>
  t.drizzleField({
    type: "users",
    description:
      "Closes a login from a day (today or later): from then on it signs nobody in, whatever its token says. Not one's own account.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      login: t.arg.string({ required: true, description: "The login.", validate: staffMemberSchema.shape.login }),
      closedOn: t.arg({ type: "Date", required: true, description: "First day it signs nobody in." }),
      expectedVersion: t.arg.int({ required: true, description: "The version you read." }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { login } = await closeUserAccount(ctx, args);
      return loaded(ctx.db.query.users.findFirst(query({ where: { teamId: actorOf(ctx).teamId, login } })));
    },
  }),
);

const MoveAssignmentPayload = builder
  .objectRef<{ endedId: string; startedId: string; warnings: Violation[] }>("MoveAssignmentPayload")
  .implement({
    description: "The two assignments of a move, and what the caller accepted on the way.",
    fields: (t) => ({
      ended: t.drizzleField({
        type: "assignments",
        description: "The moved assignment, now ending on the last day.",
        resolve: (query, p, _args, ctx) =>
          loaded(ctx.db.query.assignments.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id: p.endedId } }))),
      }),
      started: t.drizzleField({
        type: "assignments",
        description: "The assignment that starts the next day.",
        resolve: (query, p, _args, ctx) =>
          loaded(
            ctx.db.query.assignments.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id: p.startedId } })),
          ),
      }),
      warnings: t.field({
        type: [RuleViolationRef],
        description:
          "Accepted findings, e.g. STAFFING.SUPERVISOR_GAP (warning) when `acceptSupervisorGap` let a gap in operational supervision through. Empty when there are none.",
        resolve: (p) => p.warnings,
      }),
    }),
  });

builder.mutationField("moveAssignment", (t) =>
  t.field({
    type: MoveAssignmentPayload,
    description:
      "Ends an assignment on a day and starts the next one on the following day, atomically: a change of fraction or unit, or the operational supervisor's handover to a successor (003 § 6.1). A gap in operational supervision is refused (STAFFING.SUPERVISOR_GAP) unless `acceptSupervisorGap`, and is then returned in `warnings`.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The move.",
        type: builder.inputType("MoveAssignmentInput", {
          description: "An assignment to end and the one that follows it.",
          fields: (f) => ({
            assignmentId: f.id({ required: true, description: "The assignment that ends." }),
            expectedVersion: f.int({ required: true, description: "Its version as you read it." }),
            lastDay: f.field({
              type: "Date",
              required: true,
              description: "Its last day; the next starts the day after.",
            }),
            next: f.field({
              required: true,
              description: "The next assignment; omitted fields are as in the one that ends.",
              type: builder.inputType("NextAssignmentInput", {
                description: "The assignment that follows a moved one.",
                fields: (n) => ({
                  staffId: n.id({
                    required: false,
                    description: "Whose it is: another person for a handover; default the same person.",
                  }),
                  organisationId: n.id({ required: false, description: "The staffing unit the work counts for." }),
                  fraction: n.float({
                    required: false,
                    description: "Fraction of full time, 0 < f ≤ 1, in hundredths.",
                    validate: assignmentSchema.shape.fraction,
                  }),
                  validTo: n.field({
                    type: "Date",
                    required: false,
                    description: "Last day; omit to keep the moved one's end (or open-ended).",
                  }),
                  operationalSupervisor: n.boolean({
                    required: false,
                    description: "Whether this is the operational supervisor's assignment.",
                  }),
                  needsPremisesAccess: n.boolean({
                    required: false,
                    description: "Whether the work is on police premises.",
                  }),
                }),
              }),
            }),
            acceptSupervisorGap: f.boolean({
              required: false,
              description: "Accept a day without an operational supervisor; it is returned as a warning.",
            }),
          }),
        }),
      }),
    },
    resolve: (_root, { input }, ctx) => moveAssignment(ctx, input),
  }),
);

builder.mutationField("grantPremisesAccess", (t) =>
  t.drizzleField({
    type: "premisesAccess",
    description:
      "Grants a personal, limited access right to the police premises (kulkuoikeus, 003 § 7). Refused for city staff without a security clearance in force on its first day (STAFFING.CLEARANCE_MISSING) or for longer than the clearance (STAFFING.ACCESS_OUTLASTS_CLEARANCE).",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The access right.",
        type: builder.inputType("GrantPremisesAccessInput", {
          description: "A personal access right to the police premises.",
          fields: (f) => ({
            staffId: f.id({ required: true, description: "The staff member." }),
            validFrom: f.field({ type: "Date", required: true, description: "First day (today or later)." }),
            validTo: f.field({ type: "Date", required: false, description: "Last day; omit for open-ended." }),
            areas: f.string({
              required: true,
              description: "The areas it covers, e.g. the team's rooms.",
              validate: premisesAccessSchema.shape.areas,
            }),
          }),
        }),
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await grantPremisesAccess(ctx, input);
      return loaded(ctx.db.query.premisesAccess.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } })));
    },
  }),
);

builder.mutationField("revokePremisesAccess", (t) =>
  t.drizzleField({
    type: "premisesAccess",
    description:
      "Ends an access right to the police premises on a day (yesterday at the earliest; optimistic concurrency).",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      accessId: t.arg.id({ required: true, description: "The access right." }),
      lastDay: t.arg({ type: "Date", required: true, description: "Its last day." }),
      expectedVersion: t.arg.int({ required: true, description: "The version you read." }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { id } = await revokePremisesAccess(ctx, args);
      return loaded(ctx.db.query.premisesAccess.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } })));
    },
  }),
);

builder.mutationField("grantPoliceMailAccount", (t) =>
  t.drizzleField({
    type: "staff",
    description:
      "Gives a city employee a police mail account for confidential messages (003 § 7). Refused without a security clearance in force today, and for police staff.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: { staffId: t.arg.id({ required: true, description: "The staff member." }) },
    resolve: async (query, _root, args, ctx) => {
      const { id } = await grantPoliceMailAccount(ctx, args);
      return loaded(ctx.db.query.staff.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } })));
    },
  }),
);

builder.mutationField("closePoliceMailAccount", (t) =>
  t.drizzleField({
    type: "staff",
    description: "Closes a staff member's police mail account.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: { staffId: t.arg.id({ required: true, description: "The staff member." }) },
    resolve: async (query, _root, args, ctx) => {
      const { id } = await closePoliceMailAccount(ctx, args);
      return loaded(ctx.db.query.staff.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } })));
    },
  }),
);

builder.mutationField("revokeClearance", (t) =>
  t.drizzleField({
    type: "securityClearances",
    description:
      "Revokes a security clearance from a day (valid until the day before; optimistic concurrency). Unless another clearance covers the day, the person's premises access ends the day before and the police mail account closes, in the same change.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      clearanceId: t.arg.id({ required: true, description: "The clearance." }),
      revokedOn: t.arg({ type: "Date", required: true, description: "First day it is no longer valid." }),
      expectedVersion: t.arg.int({ required: true, description: "The version you read." }),
    },
    resolve: async (query, _root, args, ctx) => {
      const { id } = await revokeClearance(ctx, args);
      return loaded(ctx.db.query.securityClearances.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } })));
    },
  }),
);
