import { type Language, languages, type LocalisedText, periodSchema, pick } from "@ankkuri/domain";
import { builder } from "../builder.js";
import { enumOf } from "./enums.js";

export const LanguageEnum = enumOf(
  "Language",
  "A language of names and messages (kieli). Defaults to the request's Accept-Language, then Finnish.",
  languages,
  { fi: "Finnish (suomi).", sv: "Swedish (ruotsi).", en: "English (englanti)." },
);

/** Options of the `language` argument of localised fields. */
export const languageArgument = {
  type: LanguageEnum,
  required: false,
  description: "Language of the text; defaults to the request's language (Accept-Language), then Finnish.",
} as const;

/** Options of an optional day argument, which defaults to today; `description` says which day. */
export function dayArgument(description = "Day; defaults to today.") {
  return { type: "Date", required: false, description } as const;
}

/** The text of `value` in the requested language, else the request's. */
export function inLanguage(value: LocalisedText, language: Language | null | undefined, fallback: Language): string {
  const lang = language ?? fallback;
  return pick(value, lang);
}

export const LocalisedTextRef = builder.objectRef<LocalisedText>("LocalisedText").implement({
  description: "A text in Finnish, Swedish and English (monikielinen teksti).",
  fields: (t) => ({
    fi: t.exposeString("fi", { description: "Finnish (suomeksi)." }),
    sv: t.exposeString("sv", { description: "Swedish (ruotsiksi)." }),
    en: t.exposeString("en", { description: "English (englanniksi)." }),
  }),
});

export const PeriodInput = builder.inputType("PeriodInput", {
  description: "A period of calendar days (ajanjakso), both ends included.",
  fields: (t) => ({
    from: t.field({ type: "Date", required: true, description: "First day." }),
    to: t.field({ type: "Date", required: true, description: "Last day; not before `from`." }),
  }),
  validate: periodSchema,
});

export const PeriodRef = builder.objectRef<{ from: string; to: string }>("Period").implement({
  description: "A period of calendar days (ajanjakso), both ends included.",
  fields: (t) => ({
    from: t.field({ type: "Date", resolve: (p) => p.from, description: "First day." }),
    to: t.field({ type: "Date", resolve: (p) => p.to, description: "Last day." }),
  }),
});

/** A row's `<name>Fi`, `<name>Sv` and `<name>En` columns as one text. */
export function localisedColumns<Name extends string>(
  row: Record<`${Name}Fi` | `${Name}Sv` | `${Name}En`, string>,
  name: Name,
): LocalisedText {
  return { fi: row[`${name}Fi`], sv: row[`${name}Sv`], en: row[`${name}En`] };
}
