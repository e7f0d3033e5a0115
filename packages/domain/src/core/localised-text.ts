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

/** A rule message for staff: Finnish (the working language) and English. */
export interface Message {
  fi: string;
  /** Swedish; messages written before Swedish was required fall back to Finnish. */
  sv?: string;
  en: string;
}

/** Picks the text for `language`; messages without Swedish fall back to Finnish. */
export function pick(text: LocalisedText | Message, language: Language): string {
  if (language === "sv") return "sv" in text && text.sv !== undefined ? text.sv : text.fi;
  return text[language];
}
