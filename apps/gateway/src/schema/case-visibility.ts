import { fullMembershipInForce, membershipInForce, sql } from "@ankkuri/db";
import type { GatewayContext } from "../context.js";

const never = { RAW: sql`false` };

/**
 * The need-to-know rule as the `where` of every case query: the actor's team, and a membership of
 * their organisation (or one it belongs to) in force today (`membershipInForce`). The team and the
 * day are placeholders, filled from `values`; the organisations are written into the query (an SQL
 * `in` takes no array parameter), so a prepared query serves everyone of one organisation, every day.
 * Without an actor nothing matches.
 */
export function visibleCases(ctx: GatewayContext) {
  const access = ctx.access;
  if (!access) return { where: { ...never }, values: {} as Record<string, unknown> };
  const values: Record<string, unknown> = { teamId: access.teamId, day: access.day };
  const where = {
    teamId: sql.placeholder("teamId"),
    memberships: membershipInForce([...access.organisations], sql.placeholder("day")),
  };
  return { where, values };
}

/**
 * The meetings of a visible case the actor may see: all of them on a full-access basis, otherwise
 * only those with a seat of the actor's organisation (an organisation present under consent or an
 * existing client relationship sees its own meetings, 003 § 9). Literal values, not placeholders:
 * the nested lists are read through plain queries too (a mutation's payload, `node`).
 */
export function visibleMeetings(ctx: GatewayContext) {
  const access = ctx.access;
  if (!access) return never;
  const organisations = [...access.organisations];
  return {
    OR: [
      { case: { memberships: fullMembershipInForce(organisations, access.day) } },
      { participants: { organisationId: { in: organisations } } },
    ],
  };
}

/**
 * The invitations of a visible meeting the actor may see: all of them on a full-access basis, otherwise
 * only those of their own organisation's seats (who else was invited, and how, is not theirs to know).
 */
export function visibleInvitations(ctx: GatewayContext) {
  const access = ctx.access;
  if (!access) return never;
  const organisations = [...access.organisations];
  return {
    OR: [
      { meeting: { case: { memberships: fullMembershipInForce(organisations, access.day) } } },
      { participant: { organisationId: { in: organisations } } },
    ],
  };
}
