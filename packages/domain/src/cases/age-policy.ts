import { z } from "zod";
import { addMonths, ageOn, type LocalDate } from "../core/local-date.js";

/** One age band of reports, e.g. under 15. `maxAge` is inclusive; null means no upper bound. */
export interface AgeBand {
  code: string;
  minAge: number;
  maxAge: number | null;
  label: { fi: string; sv: string; en: string };
}

/**
 * Every age rule in one place (DOMAIN § 7). Rules and reports read ages from here, never from literals.
 */
export interface AgePolicy {
  /** Criminal Code ch. 3 § 4: criminal responsibility from 15. Reports separate the younger. */
  criminalResponsibilityAge: number;
  /** Adulthood: from 18 only the client's own consent applies. */
  adulthoodAge: number;
  /** From 12 a child is heard formally and gives consent alongside the guardians. */
  ownConsentFromAge: number;
  /** Report bands, contiguous from 0 with the last open-ended. */
  bands: readonly AgeBand[];
}

/**
 * Finnish defaults: bands under 15, 15–17 and 18+ (DOMAIN § 7). Typed as written (`as const`), so its
 * band codes are a type ({@link AgeBandCode}) that the gateway's enum is checked against.
 */
export const defaultAgePolicy = {
  criminalResponsibilityAge: 15,
  adulthoodAge: 18,
  ownConsentFromAge: 12,
  bands: [
    { code: "under-15", minAge: 0, maxAge: 14, label: { fi: "alle 15-vuotiaat", sv: "under 15 år", en: "under 15" } },
    { code: "15-17", minAge: 15, maxAge: 17, label: { fi: "15–17-vuotiaat", sv: "15–17 år", en: "15–17" } },
    {
      code: "18-plus",
      minAge: 18,
      maxAge: null,
      label: { fi: "18 vuotta täyttäneet", sv: "18 år och äldre", en: "18 and over" },
    },
  ],
} as const satisfies AgePolicy;

/** A band of the default policy, with its code as a literal. */
export type DefaultAgeBand = (typeof defaultAgePolicy.bands)[number];

/** The code of a band of the default policy: `under-15`, `15-17` or `18-plus`. */
export type AgeBandCode = DefaultAgeBand["code"];

/** The default policy's band codes, youngest first: the values the GraphQL contract's age band enum maps. */
export const ageBandCodes: readonly AgeBandCode[] = defaultAgePolicy.bands.map((b) => b.code);

/** zod schema of an {@link AgePolicy}: bands must cover every age from 0 without gaps or overlaps. */
export const agePolicySchema = z
  .object({
    criminalResponsibilityAge: z.number().int().min(0).max(30),
    adulthoodAge: z.number().int().min(0).max(30),
    ownConsentFromAge: z.number().int().min(0).max(30),
    bands: z
      .array(
        z.object({
          code: z.string().regex(/^[a-z0-9-]{1,20}$/),
          minAge: z.number().int().min(0),
          maxAge: z.number().int().min(0).nullable(),
          label: z.object({ fi: z.string().min(1), sv: z.string().min(1), en: z.string().min(1) }),
        }),
      )
      .min(1),
  })
  .refine((p) => p.bands.every((b, i) => b.minAge === (i === 0 ? 0 : (p.bands[i - 1]?.maxAge ?? -2) + 1)), {
    message: "Age bands must start at 0 and follow each other without gaps",
    path: ["bands"],
  })
  .refine(
    (p) =>
      p.bands.every(
        (b, i) => (b.maxAge === null) === (i === p.bands.length - 1) && (b.maxAge === null || b.maxAge >= b.minAge),
      ),
    {
      message: "Only the last age band is open-ended",
      path: ["bands"],
    },
  )
  .refine((p) => p.bands.some((b) => b.maxAge === p.criminalResponsibilityAge - 1), {
    message: "One band must end just below the age of criminal responsibility, so under-15s are reported separately",
    path: ["bands"],
  });

/** Age in completed years on `on`. */
export function clientAge(birthDate: LocalDate, on: LocalDate): number {
  return ageOn(birthDate, on);
}

/**
 * The report band of a person born on `birthDate`, on `on`: a band of `policy` (by default
 * {@link defaultAgePolicy}, whose band codes are then typed as {@link AgeBandCode}).
 */
export function ageBand(birthDate: LocalDate, on: LocalDate): DefaultAgeBand;
export function ageBand<P extends AgePolicy>(birthDate: LocalDate, on: LocalDate, policy: P): P["bands"][number];
export function ageBand(birthDate: LocalDate, on: LocalDate, policy: AgePolicy = defaultAgePolicy): AgeBand {
  const age = Math.max(0, ageOn(birthDate, on));
  const band = policy.bands.find((b) => age >= b.minAge && (b.maxAge === null || age <= b.maxAge));
  // agePolicySchema guarantees contiguous bands from 0 with an open end, so one always matches.
  return band ?? (policy.bands[policy.bands.length - 1] as AgeBand);
}

/** True when the person is a minor on `on` (under the policy's adulthood age). */
export function isMinor(birthDate: LocalDate, on: LocalDate, policy: AgePolicy = defaultAgePolicy): boolean {
  return ageOn(birthDate, on) < policy.adulthoodAge;
}

/**
 * Birth dates of the people in an age band on `on`, as a range a database can filter by: born after
 * `bornAfter` (exclusive) and on or before `bornOnOrBefore` (inclusive); null is an open end. The
 * lowest band is open towards the future, as {@link ageBand} counts an age below 0 in it. Null when
 * the policy has no band with this code.
 */
export function birthDatesInAgeBand(
  code: string,
  on: LocalDate,
  policy: AgePolicy = defaultAgePolicy,
): { bornAfter: LocalDate | null; bornOnOrBefore: LocalDate | null } | null {
  const band = policy.bands.find((b) => b.code === code);
  if (!band) return null;
  // Age ≥ n ⇔ born on or before `on` − n years (a 29 February birthday turns on 1 March, as `ageOn`).
  const bornBy = (years: number) => addMonths(on, -12 * years);
  return {
    bornAfter: band.maxAge === null ? null : bornBy(band.maxAge + 1),
    bornOnOrBefore: band === policy.bands[0] ? null : bornBy(band.minAge),
  };
}
