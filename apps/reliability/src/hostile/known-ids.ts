import { postGraphQL } from "../graphql.js";
import type { HttpClient } from "../http-client.js";
import { identityCodes, yesterday } from "../identity-codes.js";
import { referCaseWithIdsMutation, referralInput } from "../operations.js";
import type { KnownIds } from "./schema-operations.js";

async function data(
  client: HttpClient,
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<Record<string, unknown>> {
  const result = await postGraphQL(client, { query, token, ...(variables ? { variables } : {}) });
  if (result.status !== 200 || result.body?.errors || !result.body?.data)
    throw new Error(`setup query failed: ${String(result.status)} ${result.text.slice(0, 500)}`);
  return result.body.data;
}

const first = <T>(items: T[] | undefined, what: string): T => {
  const item = items?.[0];
  if (item === undefined) throw new Error(`no ${what} to aim the corpus at`);
  return item;
};

/** Refers one case and reads ids of real records, so the corpus reaches past "not found". */
export async function knownIds(client: HttpClient, tokens: { police: string; admin: string }): Promise<KnownIds> {
  const referredOn = yesterday();
  const nextCode = identityCodes(referredOn);
  // The corpus's own codes come from the far end of the range, apart from the one referred here.
  for (let i = 0; i < 1_000; i++) nextCode();
  const referred = await data(client, tokens.police, referCaseWithIdsMutation, {
    input: referralInput(nextCode(), referredOn, "Vihamielinen"),
  });
  const payload = referred.referCase as { case?: { caseId: string; id: string; guardians: { guardianId: string }[] } };
  if (!payload.case) throw new Error(`referCase failed: ${JSON.stringify(payload)}`);
  const records = await data(
    client,
    tokens.admin,
    "query { organisations { id } staff { id } cooperationBodies { id } }",
  );
  return {
    caseId: payload.case.caseId,
    caseNodeId: payload.case.id,
    guardianId: first(payload.case.guardians, "guardian").guardianId,
    organisationId: first(records.organisations as { id: string }[], "organisation").id,
    staffId: first(records.staff as { id: string }[], "staff member").id,
    bodyId: first(records.cooperationBodies as { id: string }[], "cooperation body").id,
    identityCode: nextCode,
  };
}
