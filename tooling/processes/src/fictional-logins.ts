/**
 * Logins of the Helsinki seed's fictional users by role (`pnpm dev-token` lists them all), for tests
 * that act as one.
 */
export const fictionalLogins = {
  police: "maria.jarvinen",
  supervisor: "tuomas.lehtinen",
  socialWorker: "hanna.mattila",
  nurse: "satu.honkanen",
  youthWorker: "noora.lindqvist",
  admin: "kari.nurmi",
  auditor: "outi.tarkka",
  steering: "sari.niemela",
  leadership: "mikko.rantanen",
  registryOffice: "liisa.kirjava",
} as const;

/** One of {@link fictionalLogins}. */
export type FictionalLogin = (typeof fictionalLogins)[keyof typeof fictionalLogins];
