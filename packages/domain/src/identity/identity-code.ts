import { z } from "zod";
import { fromParts, isLocalDate, type LocalDate } from "../core/local-date.js";
import type { Message } from "../core/localised-text.js";
import { err, ok, type Result, type Violation, violation } from "../core/violation.js";

/** Why a personal identity code was rejected. */
export type IdentityCodeErrorCode =
  | "IDENTITY_CODE.SHAPE"
  | "IDENTITY_CODE.CENTURY_SIGN"
  | "IDENTITY_CODE.DATE"
  | "IDENTITY_CODE.CHECK_CHARACTER"
  | "IDENTITY_CODE.NOT_TEST_RANGE";

/** A parsed personal identity code (henkilötunnus). */
export interface IdentityCode {
  /** The code exactly as issued; the century sign is part of the identity and never normalised. */
  value: string;
  birthDate: LocalDate;
  /** The three-digit individual number (002–999). */
  individualNumber: number;
  /** 900–999: reserved for test identities, never issued to real people. */
  isTestIdentity: boolean;
}

const checkCharacters = "0123456789ABCDEFHJKLMNPRSTUVWXY";
const centuries: Readonly<Record<string, number>> = {
  "+": 1800,
  "-": 1900,
  "Y": 1900,
  "X": 1900,
  "W": 1900,
  "V": 1900,
  "U": 1900,
  "A": 2000,
  "B": 2000,
  "C": 2000,
  "D": 2000,
  "E": 2000,
  "F": 2000,
};
const shape = /^(\d{2})(\d{2})(\d{2})([+\-A-FU-Y])(\d{3})([0-9A-Y])$/;

/** The check character for the nine digits `DDMMYYNNN`. */
export function identityCodeCheckCharacter(nineDigits: string): string {
  return checkCharacters.charAt(Number(nineDigits) % 31);
}

function reject(code: IdentityCodeErrorCode, message: Message): { ok: false; error: Violation<IdentityCodeErrorCode> } {
  // The code itself is personal data: it never goes into a message or an id list.
  return err(violation(code, [], message));
}

/**
 * Parses a Finnish personal identity code `DDMMYY C NNN X` (century sign C: `+` 1800s;
 * `-` `Y` `X` `W` `V` `U` 1900s; `A`–`F` 2000s) and verifies the check character.
 */
export function parseIdentityCode(code: string): Result<IdentityCode, Violation<IdentityCodeErrorCode>> {
  const upper = code.trim().toUpperCase();
  const m = shape.exec(upper);
  if (!m)
    return reject("IDENTITY_CODE.SHAPE", {
      fi: "Henkilötunnus ei ole muotoa PPKKVV-NNNT.",
      sv: "Personbeteckningen har inte formen DDMMÅÅ-NNNK.",
      en: "The identity code is not of the form DDMMYY-NNNC.",
    });
  const [, dd = "", mm = "", yy = "", sign = "", individual = "", check = ""] = m;
  const century = centuries[sign];
  if (century === undefined)
    return reject("IDENTITY_CODE.CENTURY_SIGN", {
      fi: "Henkilötunnuksen välimerkki on tuntematon.",
      sv: "Skiljetecknet i personbeteckningen är okänt.",
      en: "Unknown century sign in the identity code.",
    });
  const birthDate = fromParts(century + Number(yy), Number(mm), Number(dd));
  if (!isLocalDate(birthDate))
    return reject("IDENTITY_CODE.DATE", {
      fi: "Henkilötunnuksen syntymäaika ei ole kelvollinen päivämäärä.",
      sv: "Födelsedatumet i personbeteckningen är inte ett giltigt datum.",
      en: "The identity code's birth date is not a valid date.",
    });
  const individualNumber = Number(individual);
  if (individualNumber < 2)
    return reject("IDENTITY_CODE.SHAPE", {
      fi: "Henkilötunnuksen yksilönumero on 002–999.",
      sv: "Individnumret i personbeteckningen ska vara 002–999.",
      en: "The individual number must be 002–999.",
    });
  if (identityCodeCheckCharacter(`${dd}${mm}${yy}${individual}`) !== check) {
    return reject("IDENTITY_CODE.CHECK_CHARACTER", {
      fi: "Henkilötunnuksen tarkistusmerkki ei täsmää.",
      sv: "Kontrolltecknet i personbeteckningen stämmer inte.",
      en: "The identity code's check character does not match.",
    });
  }
  return ok({ value: upper, birthDate, individualNumber, isTestIdentity: individualNumber >= 900 });
}

/** True when `code` is a valid identity code from the range reserved for test identities (900–999). */
export function isTestIdentityCode(code: string): boolean {
  const parsed = parseIdentityCode(code);
  return parsed.ok && parsed.value.isTestIdentity;
}

/**
 * Builds a test identity code for a birth date and an individual number 900–999. Used by fixtures and
 * the synthetic-data generator so that no real person's code can appear.
 */
export function testIdentityCode(birthDate: LocalDate, individualNumber: number): string {
  if (!Number.isInteger(individualNumber) || individualNumber < 900 || individualNumber > 999) {
    throw new RangeError("Test identity codes use individual numbers 900–999");
  }
  const [year = "", month = "", day = ""] = birthDate.split("-");
  const y = Number(year);
  if (y < 1800 || y > 2099) throw new RangeError("Identity codes cover birth years 1800–2099");
  const sign = y >= 2000 ? "A" : y >= 1900 ? "-" : "+";
  const digits = `${day}${month}${year.slice(2)}${String(individualNumber)}`;
  return `${day}${month}${year.slice(2)}${sign}${String(individualNumber)}${identityCodeCheckCharacter(digits)}`;
}

/**
 * zod schema of an identity code accepted into the product. Only the test range (900–999) passes
 * unless `allowReal` is set by a production deployment's configuration.
 */
export function identityCodeSchema(options: { allowReal: boolean } = { allowReal: false }) {
  return z.string().transform((value, ctx) => {
    const parsed = parseIdentityCode(value);
    if (!parsed.ok) {
      ctx.addIssue({ code: "custom", message: parsed.error.message.en, params: { code: parsed.error.code } });
      return z.NEVER;
    }
    if (!options.allowReal && !parsed.value.isTestIdentity) {
      ctx.addIssue({
        code: "custom",
        message: "Only test identity codes (individual number 900–999) are accepted in this environment",
        params: { code: "IDENTITY_CODE.NOT_TEST_RANGE" },
      });
      return z.NEVER;
    }
    return parsed.value;
  });
}
