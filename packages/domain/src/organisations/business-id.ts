import { z } from "zod";
import { err, ok, type Result, type Violation, violation } from "../core/violation.js";

/** Why a business ID (Y-tunnus) was rejected. */
export type BusinessIdErrorCode = "BUSINESS_ID.SHAPE" | "BUSINESS_ID.REMAINDER_ONE" | "BUSINESS_ID.CHECK_DIGIT";

/** A valid Finnish business ID, in its canonical `NNNNNNN-C` form. */
export interface BusinessId {
  /** Canonical form, e.g. `0245432-1`. */
  value: string;
  /** The seven digits before the hyphen. */
  digits: string;
  /** The check digit. */
  checkDigit: number;
}

const weights = [7, 9, 10, 5, 8, 4, 2] as const;
const shape = /^(\d{6,7})-(\d)$/;

/**
 * The check digit the seven `digits` require, or null when no digit is possible (sum mod 11 = 1:
 * such numbers are never issued).
 */
export function businessIdCheckDigit(digits: string): number | null {
  const sum = weights.reduce((acc, weight, i) => acc + weight * Number(digits[i]), 0);
  const remainder = sum % 11;
  if (remainder === 1) return null;
  return remainder === 0 ? 0 : 11 - remainder;
}

/**
 * Parses a business ID (Y-tunnus). Old six-digit IDs are read with a leading zero, as the Finnish
 * Patent and Registration Office does. The result says why an ID is rejected:
 * - `BUSINESS_ID.SHAPE`: not `NNNNNNN-C`;
 * - `BUSINESS_ID.REMAINDER_ONE`: the weighted sum leaves remainder 1, so no such ID exists;
 * - `BUSINESS_ID.CHECK_DIGIT`: the check digit does not match.
 *
 * @example parseBusinessId("0245432-1") // { ok: true, value: { value: "0245432-1", ... } }
 */
export function parseBusinessId(text: string): Result<BusinessId, Violation<BusinessIdErrorCode>> {
  const m = shape.exec(text.trim());
  if (!m?.[1] || !m[2]) {
    return err(
      violation("BUSINESS_ID.SHAPE", [text], {
        fi: `Y-tunnus "${text}" ei ole muotoa 1234567-8.`,
        sv: `FO-numret "${text}" har inte formen 1234567-8.`,
        en: `Business ID "${text}" is not of the form 1234567-8.`,
      }),
    );
  }
  const digits = m[1].padStart(7, "0");
  const given = Number(m[2]);
  const expected = businessIdCheckDigit(digits);
  if (expected === null) {
    return err(
      violation("BUSINESS_ID.REMAINDER_ONE", [text], {
        fi: `Y-tunnusta ${digits} ei voi olla olemassa: painotetun summan jakojäännös on 1.`,
        sv: `FO-numret ${digits} kan inte finnas: den viktade summan ger resten 1.`,
        en: `Business ID ${digits} cannot exist: the weighted sum leaves remainder 1.`,
      }),
    );
  }
  if (expected !== given) {
    return err(
      violation("BUSINESS_ID.CHECK_DIGIT", [text], {
        fi: `Y-tunnuksen ${digits} tarkistusnumero on ${expected}, ei ${given}.`,
        sv: `Kontrollsiffran i FO-numret ${digits} är ${expected}, inte ${given}.`,
        en: `The check digit of business ID ${digits} is ${expected}, not ${given}.`,
      }),
    );
  }
  return ok({ value: `${digits}-${given}`, digits, checkDigit: given });
}

/** True when `id` is a valid Finnish business ID (`0245432-1`, `0201256-6`). */
export function isValidBusinessId(id: string): boolean {
  return parseBusinessId(id).ok;
}

/** zod schema that accepts a valid business ID and outputs its canonical form. */
export const businessIdSchema = z.string().transform((value, ctx) => {
  const parsed = parseBusinessId(value);
  if (parsed.ok) return parsed.value.value;
  ctx.addIssue({ code: "custom", message: parsed.error.message.en, params: { code: parsed.error.code } });
  return z.NEVER;
});
