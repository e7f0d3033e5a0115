import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { businessIdCheckDigit, businessIdSchema, isValidBusinessId, parseBusinessId } from "./business-id.js";

const weights = [7, 9, 10, 5, 8, 4, 2];

/** The weighted sum of seven digits, computed here independently of the code under test. */
const weightedSum = (digits: string) => weights.reduce((sum, weight, i) => sum + weight * Number(digits.charAt(i)), 0);

/** The first seven-digit number whose weighted sum leaves `remainder` mod 11. */
function firstWithRemainder(remainder: number): string {
  for (let n = 0; n < 10_000_000; n++) {
    const digits = String(n).padStart(7, "0");
    if (weightedSum(digits) % 11 === remainder) return digits;
  }
  throw new Error(`no seven digits leave remainder ${remainder}`);
}

const remainderOne = firstWithRemainder(1);
const sevenDigits = fc.stringMatching(/^\d{7}$/);

describe("businessIdCheckDigit", () => {
  it("computes the check digits of the parties' IDs", () => {
    expect(businessIdCheckDigit("0245432")).toBe(1);
    expect(businessIdCheckDigit("0201256")).toBe(6);
  });

  it("is 0 for remainder 0 and null for remainder 1", () => {
    expect(businessIdCheckDigit("0000000")).toBe(0);
    expect(weightedSum(remainderOne) % 11).toBe(1);
    expect(businessIdCheckDigit(remainderOne)).toBeNull();
  });

  it("is 11 minus the remainder otherwise", () => {
    for (let remainder = 2; remainder <= 10; remainder++) {
      expect(businessIdCheckDigit(firstWithRemainder(remainder))).toBe(11 - remainder);
    }
  });
});

describe("parseBusinessId", () => {
  it.each([
    ["0245432-1", "Helsinki Police Department"],
    ["0201256-6", "City of Helsinki"],
  ])("accepts %s (%s)", (id) => {
    expect(parseBusinessId(id)).toEqual({
      ok: true,
      value: { value: id, digits: id.slice(0, 7), checkDigit: Number(id.slice(8)) },
    });
    expect(isValidBusinessId(id)).toBe(true);
  });

  it("reads an old six-digit ID with a leading zero", () => {
    const result = parseBusinessId("245432-1");
    expect(result).toEqual({ ok: true, value: { value: "0245432-1", digits: "0245432", checkDigit: 1 } });
  });

  it("ignores surrounding whitespace", () => {
    const result = parseBusinessId(" 0201256-6\n");
    expect(result.ok && result.value.value).toBe("0201256-6");
  });

  it("rejects a wrong check digit, naming the right one", () => {
    const result = parseBusinessId("0245432-2");
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("BUSINESS_ID.CHECK_DIGIT");
    expect(result.error.severity).toBe("error");
    expect(result.error.ids).toEqual(["0245432-2"]);
    expect(result.error.message.fi).toBe("Y-tunnuksen 0245432 tarkistusnumero on 1, ei 2.");
    expect(result.error.message.en).toBe("The check digit of business ID 0245432 is 1, not 2.");
    expect(isValidBusinessId("0245432-2")).toBe(false);
  });

  it.each([
    "0245432",
    "02454321",
    "abc",
    "",
    "0245432-",
    "-1",
    "12345-6",
    "12345678-9",
    "0245432-12",
    "0245432 1",
    "O245432-1",
    "0245432–1",
  ])("rejects the shape of %j", (id) => {
    const result = parseBusinessId(id);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe("BUSINESS_ID.SHAPE");
    expect(result.error.ids).toEqual([id]);
    expect(result.error.message.fi).toBe(`Y-tunnus "${id}" ei ole muotoa 1234567-8.`);
    expect(result.error.message.en).toBe(`Business ID "${id}" is not of the form 1234567-8.`);
  });

  it("rejects a number whose weighted sum leaves remainder 1, whatever its check digit", () => {
    for (let check = 0; check <= 9; check++) {
      const id = `${remainderOne}-${String(check)}`;
      const result = parseBusinessId(id);
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe("BUSINESS_ID.REMAINDER_ONE");
      expect(result.error.ids).toEqual([id]);
      expect(result.error.message.fi).toBe(
        `Y-tunnusta ${remainderOne} ei voi olla olemassa: painotetun summan jakojäännös on 1.`,
      );
      expect(result.error.message.en).toBe(
        `Business ID ${remainderOne} cannot exist: the weighted sum leaves remainder 1.`,
      );
    }
  });

  it("for any seven digits, rejects them all for remainder 1 or accepts exactly one check digit", () => {
    fc.assert(
      fc.property(sevenDigits, (digits) => {
        const results = Array.from({ length: 10 }, (_, check) => parseBusinessId(`${digits}-${String(check)}`));
        const valid = results.flatMap((r, check) => (r.ok ? [check] : []));
        const rejections = results.flatMap((r) => (r.ok ? [] : [r.error.code]));
        if (weightedSum(digits) % 11 === 1) {
          expect(valid).toEqual([]);
          expect(rejections).toEqual(Array(10).fill("BUSINESS_ID.REMAINDER_ONE"));
        } else {
          expect(valid).toHaveLength(1);
          expect(valid[0]).toBe(businessIdCheckDigit(digits));
          // The valid digit makes the full weighted sum (check digit weight 1) divisible by 11.
          expect((weightedSum(digits) + valid[0]!) % 11).toBe(0);
          expect(rejections).toEqual(Array(9).fill("BUSINESS_ID.CHECK_DIGIT"));
        }
      }),
    );
  });

  it("detects every single-digit typo in a valid ID", () => {
    const validId = sevenDigits
      .filter((d) => businessIdCheckDigit(d) !== null)
      .map((d) => `${d}-${String(businessIdCheckDigit(d))}`);
    fc.assert(
      fc.property(validId, fc.nat({ max: 6 }), fc.integer({ min: 1, max: 9 }), (id, position, delta) => {
        const typo = String((Number(id.charAt(position)) + delta) % 10);
        const changed = `${id.slice(0, position)}${typo}${id.slice(position + 1)}`;
        expect(isValidBusinessId(id)).toBe(true);
        expect(isValidBusinessId(changed)).toBe(false);
      }),
    );
  });
});

describe("businessIdSchema", () => {
  it("outputs the canonical form", () => {
    expect(businessIdSchema.parse("0245432-1")).toBe("0245432-1");
    expect(businessIdSchema.parse(" 201256-6 ")).toBe("0201256-6");
  });

  it("reports the English message and the stable code of a rejection", () => {
    const result = businessIdSchema.safeParse("0201256-7");
    expect(result.success).toBe(false);
    expect(result.error?.issues).toHaveLength(1);
    expect(result.error?.issues[0]).toMatchObject({
      code: "custom",
      message: "The check digit of business ID 0201256 is 6, not 7.",
      params: { code: "BUSINESS_ID.CHECK_DIGIT" },
    });
  });

  it("rejects a malformed ID and a non-string", () => {
    expect(businessIdSchema.safeParse("abc").error?.issues[0]).toMatchObject({ params: { code: "BUSINESS_ID.SHAPE" } });
    expect(businessIdSchema.safeParse(2454321).success).toBe(false);
  });
});
