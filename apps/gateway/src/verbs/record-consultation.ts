import { newId, schema } from "@ankkuri/db";
import {
  canAdministerTeam,
  checkConsultation,
  consultationSchema,
  inputViolations,
  isCaseworker,
} from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { NotFoundFailure, RuleViolationFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

/**
 * Records an Ankkuri expert's consultation for their own organisation (003 § 4.2): a caseworker
 * records their own (`staffId` left out or their own), the team administrator anyone's; another
 * person's or another team's staff id is not found. No client data. Written and audited in one
 * transaction.
 */
export async function recordConsultation(
  ctx: GatewayContext,
  input: { staffId?: string | number | null; organisationId: string | number; topic: string; consultedOn: string },
): Promise<{ id: string }> {
  const actor = actorOf(ctx);
  const admin = canAdministerTeam(actor, actor.teamId);
  requireThat(admin || isCaseworker(actor));
  const team = await ctx.team();
  const own = team.dataset.staff.find((s) => s.login === actor.login);
  const expert = input.staffId == null ? own : team.dataset.staff.find((s) => s.id === String(input.staffId));
  if (!expert || (!admin && expert.id !== own?.id)) throw new NotFoundFailure("staff member", ["input", "staffId"]);
  const parsed = consultationSchema.safeParse({
    id: `co-${newId()}`,
    staffId: expert.id,
    organisationId: String(input.organisationId),
    topic: input.topic,
    consultedOn: input.consultedOn,
  });
  if (!parsed.success) {
    throw new RuleViolationFailure(inputViolations(parsed.error.issues, ["input"]));
  }
  const consultation = parsed.data;
  const checked = checkConsultation(team.dataset, expert, consultation, ctx.today);
  if (!checked.ok) throw new RuleViolationFailure(checked.error);
  await auditedWrite(
    ctx,
    {
      operation: "create",
      resource: "consultation",
      resourceId: consultation.id,
      details: { staffId: expert.id },
      basis: "administration",
    },
    (tx) =>
      tx.insert(schema.consultations).values({
        teamId: actor.teamId,
        id: consultation.id,
        staffId: expert.id,
        organisationId: consultation.organisationId,
        partyId: checked.partyId,
        topic: consultation.topic,
        consultedOn: consultation.consultedOn,
      }),
  );
  return { id: consultation.id };
}
