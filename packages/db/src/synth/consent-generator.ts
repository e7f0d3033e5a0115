import type { Case, Consent } from "@ankkuri/domain";
import type { CaseRows } from "./case-rows.js";
import { consentForms, outsideOrganisations } from "./distributions.js";
import { iso } from "./day-numbers.js";
import { type Random, weighted } from "./random.js";
import type { TeamContext } from "./team-context.js";

/** Shares of the generated consents (docs/synthetic-data.md). */
export const consentShares = {
  /** Admitted cases whose family consents to inviting anyone outside the core team. */
  given: 0.8,
  /** A guardian who consents to fewer organisations than the others. */
  narrowerScope: 0.1,
  /** Consents valid for one year only. */
  validForAYear: 0.25,
  /** Consents withdrawn later (invitations stop from that day). */
  withdrawn: 0.08,
} as const;

/**
 * The client signs alongside the guardians from this age at referral: a year before the policy's 12,
 * so that a child who turns 12 during the case already has their own consent on file.
 */
const clientSignsFromAge = 11;

const scopeSizes = weighted([
  [1, 40],
  [2, 40],
  [3, 20],
] as const);

/** What consents are generated from. */
export interface ConsentInput {
  random: Random;
  team: TeamContext;
  caseId: string;
  /** Day numbers. */
  decidedOn: number;
  today: number;
  ageAtReferral: number;
  guardians: Case["guardians"];
  newId: () => string;
}

/** Consents and their scopes as rows, and as the domain sees them (for the invitation rule). */
export interface GeneratedConsents {
  rows: CaseRows["consents"];
  scopes: CaseRows["consentScopes"];
  withdrawals: CaseRows["consentWithdrawals"];
  domain: Consent[];
}

/**
 * Consents recorded soon after admission, one per giver: every guardian with custody of a minor and
 * the client from 11 (adults alone for themselves), each covering one to three organisations outside
 * the core team. Some expire after a year and some are withdrawn later.
 */
export function generateConsents(input: ConsentInput): GeneratedConsents {
  const { random, team, caseId, decidedOn, today, ageAtReferral, guardians, newId } = input;
  const teamId = team.teamId;
  const result: GeneratedConsents = { rows: [], scopes: [], withdrawals: [], domain: [] };
  const givenOn = decidedOn + random.int(0, 5);
  if (!random.chance(consentShares.given) || givenOn > today) return result;

  const size = random.draw(scopeSizes);
  const scope: string[] = [];
  for (let attempt = 0; attempt < 10 && scope.length < size; attempt++) {
    const candidate = random.draw(outsideOrganisations).id;
    if (!scope.includes(candidate) && !team.coreOn(iso(givenOn)).includes(candidate)) scope.push(candidate);
  }
  if (scope.length === 0) return result;

  const givers: Consent["giver"][] = [];
  if (ageAtReferral >= clientSignsFromAge) givers.push({ kind: "client" });
  if (ageAtReferral < 18)
    for (const g of guardians) if (g.hasCustody) givers.push({ kind: "guardian", guardianId: g.id });
  const recordedBy = random.pick(team.recorders).id;
  const form = random.draw(consentForms);
  for (const giver of givers) {
    const organisationIds = scope.length > 1 && random.chance(consentShares.narrowerScope) ? scope.slice(0, -1) : scope;
    const validUntil = random.chance(consentShares.validForAYear) ? givenOn + 365 : null;
    const withdrawal = givenOn + random.int(14, 300);
    const withdrawnOn = random.chance(consentShares.withdrawn) && withdrawal <= today ? withdrawal : null;
    const consent: Consent = {
      id: newId(),
      giver,
      organisationIds,
      givenOn: iso(givenOn),
      validUntil: validUntil === null ? null : iso(validUntil),
      withdrawnOn: withdrawnOn === null ? null : iso(withdrawnOn),
      // A withdrawal is an entry of the consent's history, recorded on its day.
      withdrawals:
        withdrawnOn === null
          ? []
          : [
              {
                id: newId(),
                withdrawnOn: iso(withdrawnOn),
                recordedOn: iso(withdrawnOn),
                corrects: null,
                reason: null,
              },
            ],
      form,
    };
    result.domain.push(consent);
    for (const w of consent.withdrawals) {
      result.withdrawals.push({
        teamId,
        id: w.id,
        consentId: consent.id,
        withdrawnOn: w.withdrawnOn,
        recordedOn: w.recordedOn,
        recordedBy,
      });
    }
    result.rows.push({
      teamId,
      caseId,
      id: consent.id,
      giverKind: giver.kind,
      guardianId: giver.kind === "guardian" ? giver.guardianId : null,
      givenOn: consent.givenOn,
      validUntil: consent.validUntil,
      withdrawnOn: consent.withdrawnOn,
      form,
      recordedBy,
    });
    for (const organisationId of organisationIds) result.scopes.push({ teamId, consentId: consent.id, organisationId });
  }
  return result;
}
