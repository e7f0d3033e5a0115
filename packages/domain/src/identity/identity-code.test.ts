import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dateParts, fromDayNumber, toDayNumber } from "../core/local-date.js";
import {
  identityCodeCheckCharacter,
  identityCodeSchema,
  isTestIdentityCode,
  parseIdentityCode,
  testIdentityCode,
} from "./identity-code.js";

// Only fictional identities: individual numbers 900–999 are never issued to real people. The one
// exception, `syntheticRealRange` below, is computed here and belongs to no one we know of.

const checkCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";

/** The check character from the table of the law, computed independently of the code under test. */
const checkOf = (nineDigits: string) => checkCharacters.charAt(Number(nineDigits) % 31);

/** A code with a correct check character: `ddmmyy`, a century sign and an individual number. */
const code = (ddmmyy: string, sign: string, individual: string) =>
  `${ddmmyy}${sign}${individual}${checkOf(`${ddmmyy}${individual}`)}`;

// Synthetic: individual number 123 is in the range issued to real people; built only to test the
// schema's refusal of real-range codes.
const syntheticRealRange = code("150385", "-", "123");

const errorCode = (value: string) => {
  const result = parseIdentityCode(value);
  return result.ok ? null : result.error.code;
};

describe("identityCodeCheckCharacter", () => {
  it("matches the Digital and Population Data Services Agency's test identities", () => {
    expect(identityCodeCheckCharacter("010594903")).toBe("2");
    expect(identityCodeCheckCharacter("020516903")).toBe("K");
  });

  it("skips the letters G, I, O, Q and Z", () => {
    const all = Array.from({ length: 31 }, (_, n) => identityCodeCheckCharacter(String(n).padStart(9, "0")));
    expect(all.join("")).toBe(checkCharacters);
  });
});

describe("parseIdentityCode", () => {
  it.each([
    ["010594Y9032", "1994-05-01"],
    ["020516C903K", "2016-05-02"],
  ])("reads the test identity %s as born on %s", (value, birthDate) => {
    expect(parseIdentityCode(value)).toEqual({
      ok: true,
      value: { value, birthDate, individualNumber: 903, isTestIdentity: true },
    });
  });

  it.each([
    ["+", "1805-05-01"],
    ["-", "1905-05-01"],
    ["Y", "1905-05-01"],
    ["X", "1905-05-01"],
    ["W", "1905-05-01"],
    ["V", "1905-05-01"],
    ["U", "1905-05-01"],
    ["A", "2005-05-01"],
    ["B", "2005-05-01"],
    ["C", "2005-05-01"],
    ["D", "2005-05-01"],
    ["E", "2005-05-01"],
    ["F", "2005-05-01"],
  ])("reads century sign %s", (sign, birthDate) => {
    const value = code("010505", sign, "950");
    const result = parseIdentityCode(value);
    expect(result.ok && result.value.birthDate).toBe(birthDate);
  });

  it("keeps the century sign as given: - and Y are different identities", () => {
    const dash = parseIdentityCode(code("010594", "-", "903"));
    const y = parseIdentityCode(code("010594", "Y", "903"));
    expect(dash.ok && y.ok).toBe(true);
    if (!dash.ok || !y.ok) return;
    expect(dash.value.birthDate).toBe(y.value.birthDate);
    expect(dash.value.value).toBe("010594-9032");
    expect(y.value.value).toBe("010594Y9032");
  });

  it("trims and upper-cases the input", () => {
    const result = parseIdentityCode("  020516c903k ");
    expect(result.ok && result.value.value).toBe("020516C903K");
  });

  it("tells test identities from real-range ones", () => {
    const result = parseIdentityCode(syntheticRealRange);
    expect(result.ok && result.value.individualNumber).toBe(123);
    expect(result.ok && result.value.isTestIdentity).toBe(false);
  });

  it("rejects a wrong check character", () => {
    expect(errorCode("010594Y9033")).toBe("IDENTITY_CODE.CHECK_CHARACTER");
    expect(errorCode("020516C903J")).toBe("IDENTITY_CODE.CHECK_CHARACTER");
    // G is never a check character, though the shape admits it.
    expect(errorCode("010594Y903G")).toBe("IDENTITY_CODE.CHECK_CHARACTER");
  });

  it.each([
    ["300294", "30 February"],
    ["290223", "29 February in a common year"],
    ["310494", "31 April"],
    ["011394", "month 13"],
    ["000194", "day 0"],
  ])("rejects the impossible birth date %s (%s)", (ddmmyy) => {
    expect(errorCode(code(ddmmyy, "A", "950"))).toBe("IDENTITY_CODE.DATE");
  });

  it("accepts 29 February in a leap year", () => {
    const result = parseIdentityCode(code("290224", "A", "950"));
    expect(result.ok && result.value.birthDate).toBe("2024-02-29");
  });

  it.each(["000", "001"])("rejects individual number %s", (individual) => {
    const result = parseIdentityCode(code("010594", "-", individual));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("IDENTITY_CODE.SHAPE");
    expect(result.error.message.en).toBe("The individual number must be 002–999.");
  });

  it.each([
    ["", "empty"],
    ["010594Y903", "too short"],
    ["010594Y90322", "too long"],
    ["010594Z9032", "unknown century sign"],
    ["010594 9032", "space as sign"],
    ["01059AY9032", "letter in the date"],
    ["010594Y90A2", "letter in the individual number"],
    ["010594Y903Z", "Z as check character"],
  ])("rejects the shape of %j (%s)", (value) => {
    expect(errorCode(value)).toBe("IDENTITY_CODE.SHAPE");
  });

  it("keeps the code out of its messages and ids, since it is personal data", () => {
    const rejected = ["010594Y9033", code("300294", "Y", "903"), "010594Y903", code("010594", "-", "001")];
    for (const value of rejected) {
      const result = parseIdentityCode(value);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.ids).toEqual([]);
      expect(result.error.message.fi).not.toContain(value.slice(0, 6));
      expect(result.error.message.en).not.toContain(value.slice(0, 6));
      expect(result.error.message.fi.length).toBeGreaterThan(0);
      expect(result.error.message.en.length).toBeGreaterThan(0);
    }
  });

  it("rejects every wrong check character of a valid code", () => {
    const testCode = fc
      .tuple(
        fc.integer({ min: toDayNumber("1900-01-01"), max: toDayNumber("2023-12-31") }),
        fc.integer({ min: 900, max: 999 }),
      )
      .map(([day, n]) => testIdentityCode(fromDayNumber(day), n));
    fc.assert(
      fc.property(testCode, fc.constantFrom(...checkCharacters.split("")), (valid, check) => {
        fc.pre(check !== valid.charAt(10));
        expect(errorCode(`${valid.slice(0, 10)}${check}`)).toBe("IDENTITY_CODE.CHECK_CHARACTER");
      }),
    );
  });
});

describe("isTestIdentityCode", () => {
  it("is true only for valid codes in the 900–999 range", () => {
    expect(isTestIdentityCode("010594Y9032")).toBe(true);
    expect(isTestIdentityCode("020516C903K")).toBe(true);
    expect(isTestIdentityCode("010594Y9033")).toBe(false);
    expect(isTestIdentityCode("not a code")).toBe(false);
    expect(isTestIdentityCode(syntheticRealRange)).toBe(false);
  });
});

describe("testIdentityCode", () => {
  it("builds the agency's test identities, with - and A as century signs", () => {
    expect(testIdentityCode("1994-05-01", 903)).toBe("010594-9032");
    expect(testIdentityCode("2016-05-02", 903)).toBe("020516A903K");
    expect(testIdentityCode("1899-12-31", 999)).toMatch(/^311299\+999.$/);
  });

  it("builds codes that parse back to the birth date and number, in the test range", () => {
    const birthDate = fc.integer({ min: toDayNumber("1800-01-01"), max: toDayNumber("2099-12-31") }).map(fromDayNumber);
    fc.assert(
      fc.property(birthDate, fc.integer({ min: 900, max: 999 }), (date, n) => {
        const value = testIdentityCode(date, n);
        const result = parseIdentityCode(value);
        expect(result).toEqual({
          ok: true,
          value: { value, birthDate: date, individualNumber: n, isTestIdentity: true },
        });
        expect(isTestIdentityCode(value)).toBe(true);
        expect(dateParts(date).year >= 2000).toBe(value.charAt(6) === "A");
      }),
    );
  });

  it.each([899, 1000, 0, 123, 900.5, Number.NaN])("refuses individual number %s", (n) => {
    expect(() => testIdentityCode("2010-01-01", n)).toThrow(RangeError);
  });

  it.each(["1799-12-31", "2100-01-01"])("refuses birth year of %s, which no century sign covers", (date) => {
    expect(() => testIdentityCode(date, 950)).toThrow(RangeError);
  });

  it("accepts both ends of the test range", () => {
    expect(isTestIdentityCode(testIdentityCode("2010-01-01", 900))).toBe(true);
    expect(isTestIdentityCode(testIdentityCode("2010-01-01", 999))).toBe(true);
  });
});

describe("identityCodeSchema", () => {
  it("accepts a test identity and outputs it parsed", () => {
    expect(identityCodeSchema().parse("020516C903K")).toEqual({
      value: "020516C903K",
      birthDate: "2016-05-02",
      individualNumber: 903,
      isTestIdentity: true,
    });
  });

  it("refuses a real-range code by default", () => {
    for (const schema of [identityCodeSchema(), identityCodeSchema({ allowReal: false })]) {
      const result = schema.safeParse(syntheticRealRange);
      expect(result.success).toBe(false);
      expect(result.error?.issues).toHaveLength(1);
      expect(result.error?.issues[0]).toMatchObject({
        code: "custom",
        message: "Only test identity codes (individual number 900–999) are accepted in this environment",
        params: { code: "IDENTITY_CODE.NOT_TEST_RANGE" },
      });
    }
  });

  it("accepts a real-range code when the deployment allows real codes", () => {
    const parsed = identityCodeSchema({ allowReal: true }).parse(syntheticRealRange);
    expect(parsed.individualNumber).toBe(123);
    expect(parsed.isTestIdentity).toBe(false);
    expect(parsed.birthDate).toBe("1985-03-15");
  });

  it("reports an invalid code with its own reason, even when real codes are allowed", () => {
    const result = identityCodeSchema({ allowReal: true }).safeParse("010594Y9033");
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]).toMatchObject({
      message: "The identity code's check character does not match.",
      params: { code: "IDENTITY_CODE.CHECK_CHARACTER" },
    });
    expect(identityCodeSchema().safeParse(10594903).success).toBe(false);
  });
});
