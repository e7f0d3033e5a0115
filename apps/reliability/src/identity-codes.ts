import { testIdentityCode } from "@ankkuri/domain";

const dayMs = 86_400_000;

/** A calendar day `days` after (or before) `day`, both YYYY-MM-DD. */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

/** Yesterday in UTC: a referral day the gateway's clock never sees as in the future. */
export function yesterday(): string {
  return new Date(Date.now() - dayMs).toISOString().slice(0, 10);
}

/**
 * Distinct test-range identity codes (individual numbers 900–999) of children 13–17 years old on
 * `referredOn`: each referral of the load is a new client, so every acknowledged write is a new case.
 */
export function identityCodes(referredOn: string): () => string {
  const firstBirthDay = addDays(referredOn, -Math.round(17.5 * 365.25));
  const days = 4 * 365;
  let next = 0;
  return () => {
    const index = next++;
    if (index >= days * 100) throw new RangeError("out of distinct test identity codes");
    return testIdentityCode(addDays(firstBirthDay, Math.floor(index / 100)), 900 + (index % 100));
  };
}
