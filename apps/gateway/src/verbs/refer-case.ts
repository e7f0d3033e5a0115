import { newId, type ReferralResult, referCase as storeReferral, visibleCaseIds } from "@ankkuri/db";
import {
  type CaseType,
  type GuardianRelationship,
  membershipContext,
  notInFuture,
  parseIdentityCode,
  type ReferralSource,
  referralMemberships,
} from "@ankkuri/domain";
import type { GatewayContext } from "../context.js";
import { InvalidInputFailure, RuleViolationFailure } from "../errors.js";
import { actorOf, auditedWrite } from "./audited-write.js";

/** A referral as the mutation receives it. */
export interface ReferralRequest {
  type: CaseType;
  referredOn: string;
  referralSource: ReferralSource;
  client: { identityCode?: string | null; birthDate?: string | null; givenName: string; familyName: string };
  guardians?:
    | {
        givenName: string;
        familyName: string;
        relationship: GuardianRelationship;
        hasCustody: boolean;
      }[]
    | null;
}

/** Only test identities are accepted outside production, and a client needs a code or a birth date. */
function identityRefusal(client: ReferralRequest["client"]): InvalidInputFailure | null {
  const path = ["input", "client", "identityCode"];
  if (client.identityCode != null) {
    const parsed = parseIdentityCode(client.identityCode);
    if (!parsed.ok) return new InvalidInputFailure(parsed.error.code, parsed.error.message, path);
    if (!parsed.value.isTestIdentity) {
      return new InvalidInputFailure(
        "IDENTITY_CODE.NOT_TEST_RANGE",
        {
          fi: "Vain testihenkilötunnukset (yksilönumerot 900–999) hyväksytään tässä ympäristössä.",
          sv: "Endast testpersonbeteckningar (individnummer 900–999) godtas i den här miljön.",
          en: "Only test identity codes (individual numbers 900–999) are accepted in this environment.",
        },
        path,
      );
    }
    return null;
  }
  if (client.birthDate == null) {
    return new InvalidInputFailure(
      "CLIENT.BIRTH_DATE_MISSING",
      {
        fi: "Anna asiakkaan henkilötunnus tai syntymäaika.",
        sv: "Ange klientens personbeteckning eller födelsedatum.",
        en: "Give the client's identity code or birth date.",
      },
      ["input", "client"],
    );
  }
  return null;
}

/**
 * The answer to a referrer who does not take part in the client's cases: what they sent, and nothing
 * the team holds. It is the same whether the client is new, has an open case or has had cases before,
 * so a referral never tells someone without need-to-know that the team knows the client (#7). Thrown
 * to the schema's result union as its second member, the way its errors travel.
 */
export class ReferralReceipt extends Error {
  override readonly name = "ReferralReceipt";
  constructor(readonly referral: ReferralRequest & { client: { birthDate: string } }) {
    super("referral received");
  }
}

/** Database refusals that a concurrent referral of the same person causes: the retry then sees its case. */
const raceCodes = new Set(["CLIENT.DUPLICATE", "CASE.CLIENT_HAS_OPEN_CASE"]);
const isRace = (error: unknown) => error instanceof RuleViolationFailure && raceCodes.has(error.code);

/**
 * Refers a young person to the team. What it does is the domain's `decideReferral`: a client (by
 * identity code) with an open case has the referral added to it as a later referral event; one whose
 * cases have all ended gets a new case naming the latest as its previous case; anyone else is a new
 * client, whose case is seen from the referral day by the selecting units and the referrer's
 * organisation. The referrer is answered with the case only when they already take part in one of the
 * client's cases or are a selecting unit (who sees every referral anyway); anyone else gets a
 * `ReferralReceipt`, whether or not the client was known, and a returning client's case does not open
 * to them. The database keeps one open case per client: a referral that loses a race with another
 * referral of the same person is retried once, and then joins the case the other one made.
 */
export async function referCase(
  ctx: GatewayContext,
  input: ReferralRequest,
): Promise<{ caseId: string; existingClient: boolean }> {
  const actor = actorOf(ctx);
  const refusal = identityRefusal(input.client);
  if (refusal) throw refusal;
  const future = notInFuture("new", input.referredOn, ctx.today);
  if (future.length > 0) throw new RuleViolationFailure(future);
  const team = await ctx.team();
  const context = membershipContext(team.dataset.agreement, input.referredOn);
  const access = ctx.access;
  const selecting = context.selectingUnits.some((unit) => access?.organisations.includes(unit) ?? false);
  const attempt = () =>
    auditedWrite(
      ctx,
      (r: ReferralResult) => ({
        operation: r.decision.kind === "add-to-open-case" ? "update" : "create",
        resource: r.decision.kind === "add-to-open-case" ? "referral-event" : "case",
        resourceId: r.referralEventId ?? r.caseId,
        caseId: r.caseId,
        clientId: r.clientId,
        // A referral is made for the authorities' client selection (003 § 4.2).
        basis: "selection",
        details: { decision: r.decision.kind },
      }),
      (tx) =>
        storeReferral(tx, ctx.services.vault, {
          teamId: actor.teamId,
          caseId: newId(),
          type: input.type,
          referralSource: input.referralSource,
          referredOn: input.referredOn,
          referredByOrganisationId: actor.organisationId,
          client: {
            identityCode: input.client.identityCode ?? undefined,
            birthDate: input.client.birthDate ?? undefined,
            givenName: input.client.givenName,
            familyName: input.client.familyName,
          },
          guardians: input.guardians ?? [],
          memberships: (referrer) =>
            referralMemberships({ referredOn: input.referredOn, referredByOrganisationId: referrer }, context),
          referrerMaySee: async (db, caseIds) =>
            access ? (await visibleCaseIds(db, access, caseIds)).size > 0 : false,
        }),
    );
  const result = await attempt().catch((error: unknown) => {
    if (isRace(error)) return attempt();
    throw error;
  });
  const answered =
    (selecting || result.referrerKnowsClient) &&
    access !== null &&
    (await visibleCaseIds(ctx.db, access, [result.caseId])).has(result.caseId);
  if (!answered) {
    throw new ReferralReceipt({ ...input, client: { ...input.client, birthDate: birthDateOf(input.client) } });
  }
  return { caseId: result.caseId, existingClient: result.referrerKnowsClient };
}

/** The birth date the referrer gave, or the one their identity code gives (already checked). */
function birthDateOf(client: ReferralRequest["client"]): string {
  if (client.identityCode != null) {
    const parsed = parseIdentityCode(client.identityCode);
    if (parsed.ok) return parsed.value.birthDate;
  }
  return client.birthDate ?? "";
}
