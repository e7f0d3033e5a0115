import { bodyMeetingItemKinds, bodyMeetingItemSchema, meetingSeatSchema, periodSchema } from "@ankkuri/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { actorOf } from "../verbs/audited-write.js";
import { planBodyMeeting, recordBodyMeeting } from "../verbs/body-meetings.js";
import { enumOf } from "./enums.js";
import { mutationErrors } from "./errors.js";
import "./organisation-field.js";

const admin = { teamAdmin: true } as const;
const teamReaders = { $any: { aggregates: true, teamAdmin: true } } as const;

const BodyMeetingItemKindEnum = enumOf(
  "BodyMeetingItemKind",
  "What a meeting's item is (kohta).",
  bodyMeetingItemKinds,
  {
    decision: "A decision or policy (päätös, linjaus).",
    conclusion: "A conclusion (johtopäätös), e.g. of the annual evaluation.",
  },
);

const SeatRef = builder.objectRef<{ organisationId: string; roleTitle: string }>("BodyMeetingSeat").implement({
  description: "A seat of one meeting's composition (kokoonpano).",
  fields: (t) => ({
    organisation: t.organisation((s) => s.organisationId, { description: "The organisation." }),
    roleTitle: t.exposeString("roleTitle", { description: "Its representative's role title." }),
  }),
});

const AttendeeRef = builder
  .objectRef<{ organisationId: string; name: string; title: string }>("BodyMeetingAttendee")
  .implement({
    description: "Someone who attended a meeting (osallistuja).",
    fields: (t) => ({
      organisation: t.organisation((a) => a.organisationId, { description: "Whom they represented." }),
      name: t.exposeString("name", { description: "Name." }),
      title: t.exposeString("title", { description: "Title." }),
    }),
  });

const ItemRef = builder
  .objectRef<{ kind: "decision" | "conclusion"; text: string; ownerOrganisationId: string; dueOn: string | null }>(
    "BodyMeetingItem",
  )
  .implement({
    description: "A decision or conclusion of a meeting (päätös tai johtopäätös), with its owner and due date.",
    fields: (t) => ({
      kind: t.field({ type: BodyMeetingItemKindEnum, resolve: (i) => i.kind, description: "Decision or conclusion." }),
      text: t.exposeString("text", { description: "What was decided or concluded." }),
      owner: t.organisation((i) => i.ownerOrganisationId, { description: "Who sees it through." }),
      dueOn: t.field({ type: "Date", nullable: true, resolve: (i) => i.dueOn, description: "By when; null if open." }),
    }),
  });

builder.drizzleObject("bodyMeetings", {
  name: "BodyMeeting",
  description:
    "A meeting of a cooperation body (kokous): planned with the composition decided for it (003 § 6.2), then recorded with attendees, decisions and conclusions (003 § 8). No client data.",
  authScopes: teamReaders,
  fields: (t) => ({
    id: t.exposeID("id", { description: "Meeting id." }),
    body: t.relation("body", { description: "The body." }),
    plannedOn: t.field({ type: "Date", resolve: (m) => m.plannedOn, description: "Day planned." }),
    composedOn: t.field({
      type: "Date",
      resolve: (m) => m.composedOn,
      description: "Day the composition was decided.",
    }),
    composition: t.field({ type: [SeatRef], resolve: (m) => m.composition, description: "The composition decided." }),
    held: t.boolean({ resolve: (m) => m.status === "held", description: "Whether it has been recorded as held." }),
    heldOn: t.field({ type: "Date", nullable: true, resolve: (m) => m.heldOn, description: "Day held." }),
    attendees: t.field({ type: [AttendeeRef], resolve: (m) => m.attendees, description: "Who attended." }),
    items: t.field({ type: [ItemRef], resolve: (m) => m.items, description: "Decisions and conclusions." }),
    version: t.exposeInt("version", { description: "Row version for optimistic concurrency." }),
  }),
});

builder.queryField("bodyMeetings", (t) =>
  t.drizzleField({
    type: ["bodyMeetings"],
    description: "The meetings of a body planned for a period, in date order (another team's body has none).",
    authScopes: teamReaders,
    args: {
      bodyId: t.arg.id({ required: true, description: "The body." }),
      from: t.arg({ type: "Date", required: true, description: "First day." }),
      to: t.arg({ type: "Date", required: true, description: "Last day." }),
    },
    validate: z
      .object({ bodyId: z.unknown(), from: z.string(), to: z.string() })
      .refine((a) => periodSchema.safeParse({ from: a.from, to: a.to }).success, "`to` is not before `from`."),
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.bodyMeetings.findMany(
        query({
          where: {
            teamId: actorOf(ctx).teamId,
            bodyId: args.bodyId,
            plannedOn: { gte: args.from, lte: args.to },
          },
          orderBy: { plannedOn: "asc" },
        }),
      ),
  }),
);

builder.mutationField("planBodyMeeting", (t) =>
  t.drizzleField({
    type: "bodyMeetings",
    description:
      'Plans a meeting of a cooperation body (steering group, joint leadership meeting) with the composition decided for this meeting (003 § 6.2: "Ohjausryhmässä päätetään kunkin kokouksen kokoonpano").',
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The meeting.",
        type: builder.inputType("PlanBodyMeetingInput", {
          description: "A planned meeting and its composition.",
          fields: (f) => ({
            bodyId: f.id({ required: true, description: "The body." }),
            plannedOn: f.field({ type: "Date", required: true, description: "The day (today or later)." }),
            composedOn: f.field({
              type: "Date",
              required: false,
              description: "The day the composition was decided; defaults to today.",
            }),
            composition: f.field({
              required: true,
              description: "The composition decided for this meeting.",
              type: [
                builder.inputType("BodyMeetingSeatInput", {
                  description: "A seat of a meeting's composition.",
                  fields: (s) => ({
                    organisationId: s.id({ required: true, description: "The organisation." }),
                    roleTitle: s.string({
                      required: true,
                      description: "Its representative's role title.",
                      validate: meetingSeatSchema.shape.roleTitle,
                    }),
                  }),
                }),
              ],
              validate: z.array(z.unknown()).min(1).max(40),
            }),
          }),
        }),
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await planBodyMeeting(ctx, input);
      const found = await ctx.db.query.bodyMeetings.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } }));
      if (!found) throw new Error("a written row vanished");
      return found;
    },
  }),
);

builder.mutationField("recordBodyMeeting", (t) =>
  t.drizzleField({
    type: "bodyMeetings",
    description:
      "Records a held meeting: who attended, and its decisions and conclusions as items with owner and due date (003 § 8). Once per meeting; no client data.",
    authScopes: admin,
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The record.",
        type: builder.inputType("RecordBodyMeetingInput", {
          description: "The record of a held meeting.",
          fields: (f) => ({
            meetingId: f.id({ required: true, description: "The meeting." }),
            expectedVersion: f.int({ required: true, description: "The version you read." }),
            heldOn: f.field({ type: "Date", required: true, description: "The day it was held." }),
            attendees: f.field({
              required: true,
              description: "Who attended.",
              type: [
                builder.inputType("BodyMeetingAttendeeInput", {
                  description: "An attendee.",
                  fields: (a) => ({
                    organisationId: a.id({ required: true, description: "Whom they represented." }),
                    name: a.string({
                      required: true,
                      description: "Name.",
                      validate: z.string().trim().min(1).max(120),
                    }),
                    title: a.string({
                      required: true,
                      description: "Title.",
                      validate: z.string().trim().min(1).max(200),
                    }),
                  }),
                }),
              ],
            }),
            items: f.field({
              required: true,
              description: "Decisions and conclusions.",
              type: [
                builder.inputType("BodyMeetingItemInput", {
                  description: "A decision or conclusion.",
                  fields: (i) => ({
                    kind: i.field({
                      type: BodyMeetingItemKindEnum,
                      required: true,
                      description: "Decision or conclusion.",
                    }),
                    text: i.string({
                      required: true,
                      description: "What.",
                      validate: bodyMeetingItemSchema.shape.text,
                    }),
                    ownerOrganisationId: i.id({ required: true, description: "Who sees it through." }),
                    dueOn: i.field({ type: "Date", required: false, description: "By when." }),
                  }),
                }),
              ],
            }),
          }),
        }),
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await recordBodyMeeting(ctx, input);
      const found = await ctx.db.query.bodyMeetings.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } }));
      if (!found) throw new Error("a written row vanished");
      return found;
    },
  }),
);
