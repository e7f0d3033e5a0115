import { fileURLToPath } from "node:url";

// The suite runs the apps as their deployments do, as processes of their own; they sit next to this
// package in the workspace (apps/gateway, apps/reporter).
export const gatewayDir = fileURLToPath(new URL("../../gateway/", import.meta.url));
export const reporterDir = fileURLToPath(new URL("../../reporter/", import.meta.url));

/** The seeded fictional users the suite acts as (see `pnpm dev-token`). */
export const logins = {
  police: "maria.jarvinen",
  socialWorker: "hanna.mattila",
  nurse: "satu.honkanen",
  youthWorker: "noora.lindqvist",
  admin: "kari.nurmi",
  auditor: "outi.tarkka",
  steering: "sari.niemela",
} as const;

export type Login = (typeof logins)[keyof typeof logins];
