import { z } from "zod";

/** The languages the product speaks. Helsinki is bilingual (fi/sv) and publishes in English too. */
export const languages = ["fi", "sv", "en"] as const;
export type Language = (typeof languages)[number];

/** A name or title in Finnish, Swedish and English. */
export interface LocalisedText {
  fi: string;
  sv: string;
  en: string;
}

const text = z.string().trim().min(1).max(500);

/** zod schema of {@link LocalisedText}: all three languages are required. */
export const localisedTextSchema = z.object({ fi: text, sv: text, en: text });

/**
 * A message for staff in Finnish (the working language), Swedish (Helsinki is bilingual) and English.
 * It names organisations, professions and people in words, never by id or code.
 */
export type Message = LocalisedText;

/** Picks the text for `language`. */
export function pick(text: LocalisedText, language: Language): string {
  return text[language];
}
