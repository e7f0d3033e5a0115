import type { LocalisedText } from "../core/localised-text.js";
/**
 * Professions in the team. Client selection needs `police-officer`, `social-worker` and
 * `psychiatric-nurse` (003 § 4.2); youth workers joined in autumn 2023 (002).
 */
export const professions = [
  "police-officer",
  "social-worker",
  "psychiatric-nurse",
  "youth-worker",
  "social-counsellor",
  "psychologist",
  "other",
] as const;
export type Profession = (typeof professions)[number];

/** The professions whose joint decision admits a client (003 § 4.2). */
export const selectionProfessions = [
  "police-officer",
  "social-worker",
  "psychiatric-nurse",
] as const satisfies readonly Profession[];

/** Each profession's name in Finnish, Swedish and English, for messages that name a profession. */
export const professionNames: Readonly<Record<Profession, LocalisedText>> = {
  "police-officer": { fi: "poliisi", sv: "polis", en: "police officer" },
  "social-worker": { fi: "sosiaalityöntekijä", sv: "socialarbetare", en: "social worker" },
  "psychiatric-nurse": { fi: "psykiatrinen sairaanhoitaja", sv: "psykiatrisk sjukskötare", en: "psychiatric nurse" },
  "youth-worker": { fi: "nuorisotyöntekijä", sv: "ungdomsarbetare", en: "youth worker" },
  "social-counsellor": { fi: "sosiaaliohjaaja", sv: "socialhandledare", en: "social counsellor" },
  "psychologist": { fi: "psykologi", sv: "psykolog", en: "psychologist" },
  "other": { fi: "muu ammattiryhmä", sv: "annan yrkesgrupp", en: "another profession" },
};
