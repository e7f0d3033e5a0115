import { createClient, type PersistedMode } from "@ankkuri/client";
import { currentToken } from "./auth.js";
import type { Language } from "./i18n.js";

let language: Language = "fi";
/** The language the gateway answers in (messages, organisation names): the UI's. */
export function setApiLanguage(next: Language): void {
  language = next;
}

/**
 * How operations travel, chosen at build time (`VITE_PERSISTED_OPERATIONS`): `text` (the default, for
 * the development gateway, where persisted operations are off), `hash` for a gateway that runs only
 * registered operations (`PERSISTED_OPERATIONS=required`; every operation here is a documented one),
 * or `hash-then-text`.
 */
const persisted = (import.meta.env.VITE_PERSISTED_OPERATIONS as PersistedMode | undefined) ?? "text";

/** The gateway's GraphQL endpoint on the same origin, through the typed client. */
export const client = createClient({
  url: `${location.origin}/graphql`,
  token: () => currentToken(),
  language: () => language,
  persisted,
});
