import { helsinkiAnkkuri } from "@ankkuri/domain";
import { uuidv7 } from "uuidv7";
import type { Executor } from "../client.js";
import * as t from "../schema/tables.js";

type CaseRow = typeof t.cases.$inferInsert;
type ClientRow = typeof t.clients.$inferInsert;

/** What a test says of its case (its referral day at least) and of the client; the rest is a referred youth-crime case. */
export type ClientCaseValues = Pick<CaseRow, "referredOn"> &
  Partial<Omit<CaseRow, "clientId">> & { client?: Partial<Omit<ClientRow, "teamId">> };

/** The days of a case taken from referral to active in January 2025. */
export const activeCaseDays = {
  status: "active",
  referredOn: "2025-01-02",
  selectionStartedOn: "2025-01-03",
  decidedOn: "2025-01-05",
  activatedOn: "2025-01-06",
} as const satisfies Partial<CaseRow>;

/**
 * Writes a client and one case of theirs straight into the tables, past the repositories, for tests of
 * what the database itself keeps; the Helsinki team's unless `teamId` says otherwise. Returns both ids.
 */
export async function insertClientCase(
  db: Executor,
  values: ClientCaseValues,
): Promise<{ clientId: string; caseId: string }> {
  const { client, ...kase } = values;
  const teamId = kase.teamId ?? helsinkiAnkkuri.team.id;
  const clientId = client?.id ?? uuidv7();
  const caseId = kase.id ?? uuidv7();
  await db
    .insert(t.clients)
    .values({ birthDate: "2010-01-01", givenName: "A", familyName: "B", ...client, teamId, id: clientId });
  await db.insert(t.cases).values({
    type: "youth-crime",
    status: "referred",
    referralSource: "police",
    ...kase,
    teamId,
    id: caseId,
    clientId,
  });
  return { clientId, caseId };
}
