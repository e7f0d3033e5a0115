import type { CaseType } from "@ankkuri/domain";
import type { CaseRows } from "./case-rows.js";
import { iso } from "./day-numbers.js";
import { referralStatusShares, serviceProviders, serviceShares } from "./distributions.js";
import { type Random, weighted } from "./random.js";

/** How many referrals to services an activated case has: 0–3, most at least one. */
const referralCounts = weighted([
  [0, 30],
  [1, 35],
  [2, 22],
  [3, 13],
] as const);

/** Referrals made in a held meeting rather than between meetings. */
const madeInMeetingShare = 0.75;

/** What referrals are generated from. */
export interface ReferralInput {
  random: Random;
  teamId: string;
  caseId: string;
  type: CaseType;
  /** Day numbers: the activation, the last day a referral can be made (closing or today), today. */
  firstHeldOn: number;
  endOn: number;
  today: number;
  heldMeetings: readonly { id: string; heldOn: number }[];
  newId: () => string;
}

/**
 * Referrals to services of an activated case, made in a held meeting or between meetings while the
 * case is open, each moved on to its current status no earlier than it was made.
 */
export function generateReferrals(input: ReferralInput): CaseRows["referrals"] {
  const { random, teamId, caseId, type, firstHeldOn, endOn, today, heldMeetings, newId } = input;
  const rows: CaseRows["referrals"] = [];
  const count = random.draw(referralCounts);
  for (let n = 0; n < count; n++) {
    const meeting = heldMeetings.length > 0 && random.chance(madeInMeetingShare) ? random.pick(heldMeetings) : null;
    const madeOn = meeting ? meeting.heldOn : random.int(firstHeldOn, Math.max(firstHeldOn, endOn));
    const service = random.draw(serviceShares[type]);
    const status = random.draw(referralStatusShares);
    const changedOn = status === "proposed" ? madeOn : Math.min(today, madeOn + random.int(0, 120));
    rows.push({
      teamId,
      id: newId(),
      caseId,
      meetingId: meeting?.id ?? null,
      service,
      organisationId: serviceProviders[service],
      madeOn: iso(madeOn),
      status,
      statusChangedOn: iso(changedOn),
    });
  }
  return rows;
}
