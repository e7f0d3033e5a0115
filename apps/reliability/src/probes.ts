import { errorCodes, postGraphQL } from "./graphql.js";
import { type HttpClient, TransportError } from "./http-client.js";
import { listCasesQuery } from "./operations.js";

/** The status of GET `path`, or 0 when no HTTP answer came. */
export async function statusOf(client: HttpClient, path: string): Promise<number> {
  try {
    return (await client.send({ method: "GET", path, headers: {} })).status;
  } catch (error) {
    if (error instanceof TransportError) return 0;
    throw error;
  }
}

/** A query that needs the database (the case list): its status and error codes. */
export async function databaseQuery(client: HttpClient, token: string): Promise<{ status: number; codes: unknown[] }> {
  try {
    const result = await postGraphQL(client, { query: listCasesQuery, token, variables: { first: 1 } });
    return { status: result.status, codes: errorCodes(result.body) };
  } catch (error) {
    if (error instanceof TransportError) return { status: 0, codes: [error.code] };
    throw error;
  }
}
