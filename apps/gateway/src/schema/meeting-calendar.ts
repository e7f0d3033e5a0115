import { membershipInForce } from "@ankkuri/db";
import { calendarWindowRefusals, pick } from "@ankkuri/domain";
import { GraphQLError } from "graphql";
import { builder } from "../builder.js";
import { errorCodes } from "../errors.js";
import { visibleMeetings } from "./case-visibility.js";

builder.queryFields((t) => ({
  upcomingMeetings: t.drizzleField({
    type: ["meetings"],
    description:
      "A worker's calendar (kalenteri): the planned meetings on the days `from`–`to` (at most 92 days) with a seat of the staff member, by day and start time (meetings without a time last on their day); each carries its start time, duration and place. Only meetings of cases the signed-in caseworker may see, and of those only the meetings they may see (need-to-know); every meeting read is logged.",
    authScopes: { caseworker: true },
    args: {
      from: t.arg({ type: "Date", required: true, description: "First day." }),
      to: t.arg({ type: "Date", required: true, description: "Last day." }),
      staffMemberId: t.arg.id({ required: true, description: "The staff member whose calendar it is." }),
    },
    resolve: async (query, _root, args, ctx) => {
      const refused = calendarWindowRefusals(args.from, args.to);
      const first = refused[0];
      if (first) {
        throw new GraphQLError(pick(first.message, ctx.language), {
          extensions: { code: errorCodes.badUserInput, http: { status: 400 }, rule: first.code },
        });
      }
      const access = ctx.access;
      if (!access) return [];
      const found = await ctx.db.query.meetings.findMany(
        query({
          where: {
            teamId: access.teamId,
            status: "planned",
            plannedOn: { gte: args.from, lte: args.to },
            participants: { staffId: args.staffMemberId },
            case: { memberships: membershipInForce([...access.organisations], access.day) },
            ...visibleMeetings(ctx),
          },
          orderBy: { plannedOn: "asc", startTime: "asc", id: "asc" },
        }),
      );
      // The meeting type reads every column, so each row has its id and case.
      for (const m of found as unknown as { id: string; caseId: string }[])
        ctx.audit.read({ resource: "meeting", resourceId: m.id, caseId: m.caseId }, ctx.audit.basisOfCase(m.caseId));
      return found;
    },
  }),
}));

builder.queryFields((t) => ({
  premises: t.drizzleField({
    type: ["premises"],
    description:
      "The team's premises for client meetings (003 § 7: the city's rooms for client meetings and meetings, and the police department's own), to plan a meeting in.",
    authScopes: { caseworker: true },
    resolve: (query, _root, _args, ctx) => {
      const access = ctx.access;
      if (!access) return [];
      return ctx.db.query.premises.findMany(query({ where: { teamId: access.teamId }, orderBy: { id: "asc" } }));
    },
  }),
}));
