import { createClient } from "@ankkuri/client";
import { currentToken } from "./auth.js";
import type { Language } from "./i18n.js";

let language: Language = "fi";
/** The language the gateway answers in (messages, organisation names): the UI's. */
export function setApiLanguage(next: Language): void {
  language = next;
}

/** The gateway's GraphQL endpoint on the same origin, through the typed client. */
export const client = createClient({
  url: `${location.origin}/graphql`,
  token: () => currentToken() ?? "",
  language: () => language,
});
