import fc from "fast-check";
import { describe, expect, expectTypeOf, it } from "vitest";
import { fromParts } from "../core/local-date.js";
import {
  type AgeBand,
  type AgeBandCode,
  type AgePolicy,
  ageBand,
  ageBandCodes,
  agePolicySchema,
  birthDatesInAgeBand,
  clientAge,
  defaultAgePolicy,
  isMinor,
} from "./age-policy.js";

const birthDate = "2010-05-10";

function band(code: string, minAge: number, maxAge: number | null): AgeBand {
  return { code, minAge, maxAge, label: { fi: code, sv: code, en: code } };
}

function policyWith(bands: readonly AgeBand[], overrides: Partial<AgePolicy> = {}): AgePolicy {
  return { ...defaultAgePolicy, bands, ...overrides };
}

function issueMessages(input: unknown): string[] {
  const parsed = agePolicySchema.safeParse(input);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.message);
}

describe("clientAge", () => {
  it("counts completed years, turning on the birthday", () => {
    expect(clientAge(birthDate, "2025-05-09")).toBe(14);
    expect(clientAge(birthDate, "2025-05-10")).toBe(15);
  });
});

describe("ageBand", () => {
  it.each([
    ["2024-05-10", 14, "under-15"],
    ["2025-05-09", 14, "under-15"],
    ["2025-05-10", 15, "15-17"],
    ["2027-05-10", 17, "15-17"],
    ["2028-05-09", 17, "15-17"],
    ["2028-05-10", 18, "18-plus"],
    ["2060-01-01", 49, "18-plus"],
  ])("on %s (age %i) is %s", (on, age, code) => {
    expect(clientAge(birthDate, on)).toBe(age);
    expect(ageBand(birthDate, on).code).toBe(code);
  });

  it("moves to the next band on the birthday itself, not the day after", () => {
    expect(ageBand(birthDate, "2025-05-09").code).toBe("under-15");
    expect(ageBand(birthDate, "2025-05-10").code).toBe("15-17");
    expect(ageBand(birthDate, "2028-05-09").code).toBe("15-17");
    expect(ageBand(birthDate, "2028-05-10").code).toBe("18-plus");
  });

  it("puts a 29 February birthday on 1 March in common years", () => {
    expect(ageBand("2008-02-29", "2023-02-28").code).toBe("under-15");
    expect(ageBand("2008-02-29", "2023-03-01").code).toBe("15-17");
  });

  it("treats a date before the birth as age 0 (the youngest band)", () => {
    expect(ageBand(birthDate, "2009-01-01").code).toBe("under-15");
  });

  it("uses the bands of a custom policy", () => {
    const policy = policyWith([band("under-13", 0, 12), band("13-plus", 13, null)], { criminalResponsibilityAge: 13 });
    expect(agePolicySchema.safeParse(policy).success).toBe(true);
    expect(ageBand(birthDate, "2023-05-09", policy).code).toBe("under-13");
    expect(ageBand(birthDate, "2023-05-10", policy).code).toBe("13-plus");
  });

  it("falls back to the last band for a policy that skipped validation and leaves an age uncovered", () => {
    const broken = policyWith([band("from-20", 20, 29), band("from-30", 30, null)]);
    expect(ageBand(birthDate, "2025-05-10", broken).code).toBe("from-30");
  });
});

describe("isMinor", () => {
  it("is true until the 18th birthday and false from it", () => {
    expect(isMinor(birthDate, "2028-05-09")).toBe(true);
    expect(isMinor(birthDate, "2028-05-10")).toBe(false);
    expect(isMinor(birthDate, "2015-01-01")).toBe(true);
  });

  it("follows the policy's adulthood age", () => {
    const policy = policyWith(defaultAgePolicy.bands, { adulthoodAge: 20 });
    expect(isMinor(birthDate, "2029-05-10", policy)).toBe(true);
    expect(isMinor(birthDate, "2030-05-10", policy)).toBe(false);
  });
});

describe("agePolicySchema", () => {
  it("accepts the default policy as it is", () => {
    expect(agePolicySchema.parse(defaultAgePolicy)).toEqual(defaultAgePolicy);
  });

  it("keeps the Finnish defaults: responsibility 15, adulthood 18, own consent from 12", () => {
    expect(defaultAgePolicy).toMatchObject({ criminalResponsibilityAge: 15, adulthoodAge: 18, ownConsentFromAge: 12 });
    expect(defaultAgePolicy.bands.map((b) => b.code)).toEqual(["under-15", "15-17", "18-plus"]);
  });

  it("names the default bands' codes as a list and a type, which the default policy's bands carry", () => {
    // The contract's AgeBandCode enum is built from this list: a band added here is a new enum value.
    expect(ageBandCodes).toEqual(["under-15", "15-17", "18-plus"]);
    expectTypeOf<AgeBandCode>().toEqualTypeOf<"under-15" | "15-17" | "18-plus">();
    expectTypeOf(ageBand(birthDate, "2026-01-01").code).toEqualTypeOf<AgeBandCode>();
    const custom = policyWith([band("under-15", 0, 14), band("15-plus", 15, null)]);
    expectTypeOf(ageBand(birthDate, "2026-01-01", custom).code).toEqualTypeOf<string>();
  });

  it("rejects bands with a gap", () => {
    const messages = issueMessages(
      policyWith([band("under-15", 0, 14), band("16-17", 16, 17), band("18-plus", 18, null)]),
    );
    expect(messages).toContain("Age bands must start at 0 and follow each other without gaps");
  });

  it("rejects bands that do not start at 0", () => {
    const messages = issueMessages(policyWith([band("1-14", 1, 14), band("15-17", 15, 17), band("18-plus", 18, null)]));
    expect(messages).toContain("Age bands must start at 0 and follow each other without gaps");
  });

  it("rejects overlapping bands", () => {
    const messages = issueMessages(
      policyWith([band("under-15", 0, 14), band("14-17", 14, 17), band("18-plus", 18, null)]),
    );
    expect(messages).toContain("Age bands must start at 0 and follow each other without gaps");
  });

  it("rejects an open-ended band in the middle", () => {
    const messages = issueMessages(
      policyWith([band("under-15", 0, 14), band("15-plus", 15, null), band("18-plus", 18, null)]),
    );
    expect(messages).toContain("Only the last age band is open-ended");
  });

  it("rejects a closed last band", () => {
    const messages = issueMessages(policyWith([band("under-15", 0, 14), band("15-99", 15, 99)]));
    expect(messages).toContain("Only the last age band is open-ended");
  });

  it("rejects a band that ends before it starts", () => {
    const messages = issueMessages(
      policyWith([band("under-15", 0, 14), band("empty", 15, 13), band("18-plus", 14, null)]),
    );
    expect(messages).toContain("Only the last age band is open-ended");
  });

  it("rejects bands where none ends at 14, so under-15s would not be reported separately", () => {
    const messages = issueMessages(
      policyWith([band("under-14", 0, 13), band("14-17", 14, 17), band("18-plus", 18, null)]),
    );
    expect(messages).toEqual([
      "One band must end just below the age of criminal responsibility, so under-15s are reported separately",
    ]);
  });

  it("rejects an empty band list and ages out of range", () => {
    expect(agePolicySchema.safeParse(policyWith([])).success).toBe(false);
    expect(agePolicySchema.safeParse({ ...defaultAgePolicy, adulthoodAge: 31 }).success).toBe(false);
    expect(
      agePolicySchema.safeParse({
        ...defaultAgePolicy,
        bands: [band("Under 15", 0, 14), ...defaultAgePolicy.bands.slice(1)],
      }).success,
    ).toBe(false);
  });
});

describe("birthDatesInAgeBand", () => {
  const day = fc
    .record({
      year: fc.integer({ min: 1990, max: 2040 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 31 }),
    })
    .map(({ year, month, day: d }) =>
      fromParts(year, month, Math.min(d, new Date(Date.UTC(year, month, 0)).getUTCDate())),
    );

  it("holds exactly the birth dates whose age band on the day has the code (leap days included)", () => {
    fc.assert(
      fc.property(day, day, (born, on) => {
        for (const band of defaultAgePolicy.bands) {
          const range = birthDatesInAgeBand(band.code, on);
          if (range === null) return false;
          const inRange =
            (range.bornAfter === null || born > range.bornAfter) &&
            (range.bornOnOrBefore === null || born <= range.bornOnOrBefore);
          expect(inRange, `${born} on ${on} in ${band.code}`).toBe(ageBand(born, on).code === band.code);
        }
        return true;
      }),
      { numRuns: 2000 },
    );
    expect(ageBand("2012-02-29", "2027-02-28").code).toBe("under-15");
    expect(birthDatesInAgeBand("15-17", "2027-02-28")).toEqual({
      bornAfter: "2009-02-28",
      bornOnOrBefore: "2012-02-28",
    });
  });

  it("is null for a code the policy does not have", () => {
    expect(birthDatesInAgeBand("over-99", "2026-01-01")).toBeNull();
  });
});
