import { newId, referCase as storeReferral, visibleCaseIds } from "@ankkuri/db";
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
 * Refers a young person to the team: the case in status `referred`, visible from the referral day to
 * the selecting units and the referrer's organisation. A client the team has met before (by identity
 * code) is answered exactly as a new one: the new case gets its own client record with the names the
 * referrer gave, and is linked to the earlier cases on the server side, so their members learn that
 * the client came back. `existingClient` is true only for a referrer who may see an earlier case
 * anyway. The referral, its memberships and its audit entry are written in one transaction.
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
  const referral = { referredOn: input.referredOn, referredByOrganisationId: actor.organisationId };
  const memberships = referralMemberships(referral, membershipContext(team.dataset.agreement, input.referredOn));
  const caseId = newId();
  const result = await auditedWrite(
    ctx,
    (r: { clientId: string }) => ({
      operation: "create",
      resource: "case",
      resourceId: caseId,
      caseId,
      clientId: r.clientId,
      // A referral is made for the authorities' client selection (003 § 4.2).
      basis: "selection",
    }),
    (tx) =>
      storeReferral(tx, ctx.services.vault, {
        teamId: actor.teamId,
        caseId,
        type: input.type,
        referralSource: input.referralSource,
        ...referral,
        client: {
          identityCode: input.client.identityCode ?? undefined,
          birthDate: input.client.birthDate ?? undefined,
          givenName: input.client.givenName,
          familyName: input.client.familyName,
        },
        guardians: input.guardians ?? [],
        memberships,
      }),
  );
  const known = ctx.access ? await visibleCaseIds(ctx.db, ctx.access, result.earlierCaseIds) : new Set<string>();
  return { caseId, existingClient: known.size > 0 };
}
