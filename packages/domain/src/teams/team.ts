import { z } from "zod";
import { idSchema } from "../core/ids.js";
import { localisedTextSchema } from "../core/localised-text.js";
import { defaultReportLanguages, reportLanguagesSchema } from "./report-languages.js";

/**
 * An Ankkuri team: the working group of one agreement in one police department's area. Finland has
 * one in every police department (43 in 2022); one deployment serves many, and every case, staff
 * assignment and cooperation body belongs to exactly one team.
 */
export const teamSchema = z.object({
  id: idSchema,
  /** Short stable code used in URLs and tokens, e.g. `helsinki`. */
  code: z.string().regex(/^[a-z][a-z0-9-]{1,39}$/, { message: "Team codes are lowercase letters, digits and hyphens" }),
  name: localisedTextSchema,
  /** The police department (legal entity) that hosts the team on its premises. */
  policeDepartmentId: idSchema,
  /** The agreement whose working group this team is. */
  agreementId: idSchema,
  /** The languages its scheduled reports are produced in, each once per period (Finnish unless set). */
  reportLanguages: reportLanguagesSchema.default(() => [...defaultReportLanguages]),
});
export type Team = z.output<typeof teamSchema>;

/** Anything that belongs to a team. */
export interface TeamScoped {
  teamId: string;
}

/**
 * Ids of the records in `records` that belong to another team than `teamId`: a cross-team reference
 * is always a bug (or an attack), so callers reject the whole operation.
 */
export function foreignRecords(teamId: string, records: readonly (TeamScoped & { id: string })[]): string[] {
  return records.filter((r) => r.teamId !== teamId).map((r) => r.id);
}
