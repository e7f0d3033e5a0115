import { helsinkiAnkkuri, membershipContext, referralMemberships, testIdentityCode } from "@ankkuri/domain";
import type { Executor } from "../client.js";
import { createIdentityVault } from "../keys/identity-vault.js";
import { generateKeySettings, parseKeyMaterial } from "../keys/key-material.js";
import { newId, referCase, type ReferralInput } from "../repositories/case-repository.js";

const vault = createIdentityVault(parseKeyMaterial(generateKeySettings()));
let referrals = 0;

/** A fresh test-range identity code (individual numbers 900–999), so every referral is a new client. */
function nextIdentityCode(): string {
  referrals += 1;
  const day = String(1 + (Math.floor(referrals / 100) % 28)).padStart(2, "0");
  return testIdentityCode(`2012-06-${day}`, 900 + (referrals % 100));
}

/**
 * Refers a case of a new fictional client to the Helsinki team on 1 March 2025 through the repository,
 * with the memberships the agreement gives a referral from `referredByOrganisationId`; returns its id.
 */
export async function referTestCase(
  db: Executor,
  type: ReferralInput["type"],
  referredByOrganisationId: string,
): Promise<string> {
  const referral = { referredOn: "2025-03-01", referredByOrganisationId };
  const { caseId } = await referCase(db, vault, {
    teamId: helsinkiAnkkuri.team.id,
    caseId: newId(),
    type,
    referralSource: "police",
    ...referral,
    client: { identityCode: nextIdentityCode(), givenName: "Eetu", familyName: "Esimerkki" },
    memberships: referralMemberships(referral, membershipContext(helsinkiAnkkuri.agreement, referral.referredOn)),
  });
  return caseId;
}
