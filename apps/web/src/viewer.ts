import { ViewerDocument } from "@ankkuri/client/operations";
import type { ResultOf } from "@graphql-typed-document-node/core";
import { useQuery } from "./common.js";

export type Viewer = ResultOf<typeof ViewerDocument>["viewer"];

/** The signed-in person: name, organisation, roles and own staff member id. */
export function useViewer() {
  return useQuery(ViewerDocument, {}, "viewer");
}

/**
 * Whether the person assigns workers to cases: the operational supervisor (and a team administrator,
 * who never opens a case screen). The gateway decides; this only hides forms that would be refused.
 */
export function assignsWorkers(viewer: Viewer | undefined): boolean {
  return viewer?.roles.some((r) => r === "OPERATIONAL_SUPERVISOR" || r === "TEAM_ADMINISTRATOR") ?? false;
}
