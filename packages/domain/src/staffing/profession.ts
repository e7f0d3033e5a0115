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
