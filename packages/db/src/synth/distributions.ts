import {
  type CaseType,
  type CloseReason,
  helsinki004OrganisationIds as org004,
  helsinkiOrganisationIds as org,
  type Profession,
  type ReferralSource,
  type ReferralStatus,
  type ServiceKind,
} from "@ankkuri/domain";
import { weighted, type Weighted } from "./random.js";

// The shapes of the synthetic data. Shares are plausible guesses for a Finnish Ankkuri team, not
// statistics; docs/synthetic-data.md lists them.

export const caseTypeShares = weighted<CaseType>([
  ["youth-crime", 70],
  ["domestic-violence", 20],
  ["multi-professional", 10],
]);

/** Referral sources by case type: the police refer most. */
export const referralSourceShares: Record<CaseType, Weighted<ReferralSource>> = {
  "youth-crime": weighted([
    ["police", 55],
    ["child-welfare", 10],
    ["social-emergency", 8],
    ["school", 10],
    ["youth-services", 7],
    ["family", 5],
    ["health-care", 2],
    ["self", 1],
    ["other", 2],
  ]),
  "domestic-violence": weighted([
    ["police", 50],
    ["social-emergency", 20],
    ["child-welfare", 10],
    ["health-care", 6],
    ["family", 6],
    ["self", 4],
    ["school", 2],
    ["other", 2],
  ]),
  "multi-professional": weighted([
    ["police", 35],
    ["child-welfare", 15],
    ["school", 15],
    ["social-emergency", 10],
    ["youth-services", 10],
    ["health-care", 8],
    ["family", 4],
    ["other", 3],
  ]),
};

const ages = (weights: readonly number[], from: number) => weighted(weights.map((w, i) => [from + i, w] as const));

/**
 * Age at referral by case type, from 10. Youth crime peaks at 14–16 with about a third under 15 (the
 * police's concern, 002); domestic violence reaches young adults up to 25.
 */
export const ageShares: Record<CaseType, Weighted<number>> = {
  "youth-crime": ages([2, 3, 6, 10, 15, 17, 17, 15, 6, 3, 2], 10),
  "domestic-violence": ages([3, 3, 5, 7, 9, 10, 10, 10, 6, 6, 5, 5, 4, 4, 3, 3], 10),
  "multi-professional": ages([3, 5, 9, 12, 14, 15, 15, 13, 6, 3, 2], 10),
};

export const closeReasonShares = weighted<CloseReason>([
  ["goals-met", 45],
  ["transferred", 15],
  ["client-declined", 10],
  ["moved-away", 8],
  ["no-contact", 12],
  ["other", 10],
]);

/** Why a case closes before any meeting was held. */
export const earlyCloseReasonShares = weighted<CloseReason>([
  ["client-declined", 50],
  ["no-contact", 35],
  ["moved-away", 15],
]);

/** How often each profession of the core team sits in a meeting. */
export const professionWeight: Partial<Record<Profession, number>> = {
  "police-officer": 40,
  "social-worker": 30,
  "psychiatric-nurse": 15,
  "youth-worker": 15,
};

/**
 * Organisations outside the core team that consents name and meetings invite, with the profession
 * their representative usually has.
 */
export const outsideOrganisations = weighted<{ id: string; profession: Profession }>([
  [{ id: org.education, profession: "other" }, 30],
  [{ id: org.childWelfare, profession: "social-worker" }, 25],
  [{ id: org.hus, profession: "psychologist" }, 15],
  [{ id: org004.pupilWelfare, profession: "social-counsellor" }, 8],
  [{ id: org004.familyCounselling, profession: "psychologist" }, 6],
  [{ id: org004.luotsi, profession: "youth-worker" }, 6],
  [{ id: org004.klaari, profession: "youth-worker" }, 5],
  [{ id: org004.thirdSector, profession: "other" }, 5],
]);

/** The child welfare unit, whose responsible social workers the existing client relationships name. */
export const childWelfareId = org.childWelfare;

/** Services referred to, by case type, and the organisation providing each. */
export const serviceShares: Record<CaseType, Weighted<ServiceKind>> = {
  "youth-crime": weighted([
    ["youth-work", 20],
    ["leisure-activity", 15],
    ["education-support", 14],
    ["mental-health", 10],
    ["substance-abuse", 10],
    ["child-welfare", 8],
    ["family-support", 8],
    ["mediation", 7],
    ["employment", 4],
    ["housing", 2],
    ["other", 2],
  ]),
  "domestic-violence": weighted([
    ["domestic-violence-support", 30],
    ["family-support", 20],
    ["victim-support", 15],
    ["mental-health", 12],
    ["child-welfare", 10],
    ["housing", 6],
    ["other", 7],
  ]),
  "multi-professional": weighted([
    ["mental-health", 18],
    ["education-support", 15],
    ["family-support", 15],
    ["youth-work", 12],
    ["employment", 10],
    ["housing", 8],
    ["substance-abuse", 8],
    ["leisure-activity", 8],
    ["other", 6],
  ]),
};

export const serviceProviders: Record<ServiceKind, string> = {
  "child-welfare": org.childWelfare,
  "family-support": org004.familyCounselling,
  "mental-health": org.hus,
  "substance-abuse": org004.klaari,
  "youth-work": org.youthServices,
  "education-support": org.education,
  "employment": org.city,
  "housing": org.sotepe,
  "leisure-activity": org004.sportsServices,
  "victim-support": org004.thirdSector,
  "domestic-violence-support": org.socialEmergency,
  "mediation": org004.thirdSector,
  "other": org004.parish,
};

/** Where a referral stands now; older referrals have moved further. */
export const referralStatusShares = weighted<ReferralStatus>([
  ["proposed", 5],
  ["made", 15],
  ["accepted", 10],
  ["started", 20],
  ["completed", 35],
  ["declined", 8],
  ["cancelled", 7],
]);

export const consentForms = weighted<"written" | "oral" | "electronic">([
  ["written", 60],
  ["electronic", 25],
  ["oral", 15],
]);
