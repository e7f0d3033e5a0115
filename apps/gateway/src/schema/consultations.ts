import { consultationSchema, periodSchema } from "@ankkuri/domain";
import { z } from "zod";
import { builder } from "../builder.js";
import { actorOf } from "../verbs/audited-write.js";
import { recordConsultation } from "../verbs/record-consultation.js";
import { mutationErrors } from "./errors.js";

const teamReaders = { $any: { aggregates: true, teamAdmin: true } } as const;

builder.drizzleObject("consultations", {
  name: "Consultation",
  description:
    "An Ankkuri expert's consultation for their own organisation (konsultaatio, 003 § 4.2): a unit, a topic and a day. No client data.",
  authScopes: teamReaders,
  fields: (t) => ({
    id: t.exposeID("id", { description: "Consultation id." }),
    expert: t.relation("expert", { description: "The expert who gave it." }),
    organisation: t.relation("organisation", { description: "The unit consulted." }),
    party: t.relation("party", { description: "The party it counts for (the expert's own)." }),
    topic: t.exposeString("topic", { description: "The topic." }),
    consultedOn: t.field({ type: "Date", resolve: (c) => c.consultedOn, description: "The day." }),
  }),
});

builder.queryField("consultations", (t) =>
  t.drizzleField({
    type: ["consultations"],
    description: "The team's consultations in a period, in date order.",
    authScopes: teamReaders,
    args: {
      from: t.arg({ type: "Date", required: true, description: "First day." }),
      to: t.arg({ type: "Date", required: true, description: "Last day." }),
    },
    validate: z
      .object({ from: z.string(), to: z.string() })
      .refine((a) => periodSchema.safeParse(a).success, "`to` is not before `from`."),
    resolve: (query, _root, args, ctx) =>
      ctx.db.query.consultations.findMany(
        query({
          where: { teamId: actorOf(ctx).teamId, consultedOn: { gte: args.from, lte: args.to } },
          orderBy: { consultedOn: "asc", id: "asc" },
        }),
      ),
  }),
);

builder.mutationField("recordConsultation", (t) =>
  t.drizzleField({
    type: "consultations",
    description:
      "Records an Ankkuri expert's consultation for their own organisation (003 § 4.2: \"tarjoaa asiantuntemustaan … omille organisaatioilleen\"): a unit of the expert's own party, a topic, a day; no client data. A caseworker records their own; the team administrator anyone's.",
    authScopes: { $any: { caseworker: true, teamAdmin: true } },
    errors: { types: mutationErrors },
    args: {
      input: t.arg({
        required: true,
        description: "The consultation.",
        type: builder.inputType("RecordConsultationInput", {
          description: "A consultation.",
          fields: (f) => ({
            staffId: f.id({ required: false, description: "The expert; defaults to the signed-in person." }),
            organisationId: f.id({ required: true, description: "The unit consulted (of the expert's own party)." }),
            topic: f.string({ required: true, description: "The topic.", validate: consultationSchema.shape.topic }),
            consultedOn: f.field({ type: "Date", required: true, description: "The day (not in the future)." }),
          }),
        }),
      }),
    },
    resolve: async (query, _root, { input }, ctx) => {
      const { id } = await recordConsultation(ctx, input);
      const found = await ctx.db.query.consultations.findFirst(query({ where: { teamId: actorOf(ctx).teamId, id } }));
      if (!found) throw new Error("a written row vanished");
      return found;
    },
  }),
);
