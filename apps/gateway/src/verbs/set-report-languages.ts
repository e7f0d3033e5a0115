import { eq, schema } from "@ankkuri/db";
import { canAdministerTeam, checkReportLanguages, type ReportLanguage } from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { RuleViolationFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";
import { requireThat } from "./authorise.js";

/**
 * Sets the languages the team's scheduled reports are produced in (`checkReportLanguages`): from the
 * next scheduled run on, each report once in each. Reports already produced stay as they are. Written
 * and audited in one transaction, with the languages before and after in the entry.
 */
export async function setReportLanguages(ctx: GatewayContext, languages: readonly string[]): Promise<ReportLanguage[]> {
  const actor = actorOf(ctx);
  requireThat(canAdministerTeam(actor, actor.teamId));
  const checked = checkReportLanguages(languages);
  if (!checked.ok) throw new RuleViolationFailure(checked.error);
  const before = (await ctx.team()).dataset.team.reportLanguages;
  await auditedWrite(
    ctx,
    {
      operation: "update",
      resource: "team",
      resourceId: actor.teamId,
      details: { reportLanguages: checked.languages, before },
      basis: "administration",
    },
    (tx) =>
      tx.update(schema.teams).set({ reportLanguages: checked.languages }).where(eq(schema.teams.id, actor.teamId)),
  );
  return checked.languages;
}
