import { existingIds } from "./database.js";
import { postGraphQL } from "./graphql.js";
import type { HttpClient } from "./http-client.js";
import type { Acknowledged } from "./load.js";

/** Acknowledged writes that are not there afterwards (should always be empty). */
export interface LostWrites {
  cases: string[];
  notes: string[];
}

// Ten cases per request keeps well under the gateway's alias limit.
const casesPerRequest = 10;

/** Reads every acknowledged case back through the gateway, as the officer who wrote it. */
export async function lostThroughGateway(
  client: HttpClient,
  token: string,
  acknowledged: Acknowledged,
): Promise<LostWrites> {
  const seenCases = new Set<string>();
  const seenNotes = new Set<string>();
  const ids = [...new Set(acknowledged.cases)];
  for (let start = 0; start < ids.length; start += casesPerRequest) {
    const batch = ids.slice(start, start + casesPerRequest);
    const query = `query ReadBack(${batch.map((_, i) => `$c${String(i)}: String!`).join(", ")}) { ${batch.map((_, i) => `c${String(i)}: case(caseId: $c${String(i)}) { caseId notes { noteId } }`).join(" ")} }`;
    const result = await postGraphQL(client, {
      query,
      token,
      variables: Object.fromEntries(batch.map((id, i) => [`c${String(i)}`, id])),
    });
    if (result.status !== 200 || result.body?.errors)
      throw new Error(`reading acknowledged cases back failed: ${String(result.status)} ${result.text.slice(0, 500)}`);
    for (const value of Object.values(result.body?.data ?? {})) {
      const found = value as { caseId: string; notes: { noteId: string }[] } | null;
      if (!found) continue;
      seenCases.add(found.caseId);
      for (const note of found.notes) seenNotes.add(note.noteId);
    }
  }
  return {
    cases: ids.filter((id) => !seenCases.has(id)),
    notes: acknowledged.notes.map((n) => n.noteId).filter((id) => !seenNotes.has(id)),
  };
}

/** Looks every acknowledged write up in the database itself. */
export async function lostInDatabase(databaseUrl: string, acknowledged: Acknowledged): Promise<LostWrites> {
  const noteIds = acknowledged.notes.map((n) => n.noteId);
  const cases = await existingIds(databaseUrl, "cases", acknowledged.cases);
  const notes = await existingIds(databaseUrl, "case_notes", noteIds);
  return { cases: acknowledged.cases.filter((id) => !cases.has(id)), notes: noteIds.filter((id) => !notes.has(id)) };
}
