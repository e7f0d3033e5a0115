/** A Relay connection as the gateway answers it (`Case` lists, the access log, …). */
export interface Connection<N> {
  readonly edges: readonly { readonly node: N; readonly cursor?: string }[];
  readonly pageInfo: { readonly hasNextPage: boolean; readonly endCursor?: string | null };
}

/**
 * Walks a Relay connection page by page: `fetchPage(after)` runs the query with the cursor (null
 * first) and returns the connection. Stops at the last page, or after `maxPages` (a guard against a
 * cursor that never ends).
 */
export async function* pages<N>(
  fetchPage: (after: string | null) => Promise<Connection<N>>,
  options: { maxPages?: number } = {},
): AsyncGenerator<N[], void, undefined> {
  let after: string | null = null;
  for (let page = 0; page < (options.maxPages ?? 1_000); page++) {
    const connection: Connection<N> = await fetchPage(after);
    yield connection.edges.map((edge) => edge.node);
    const next = connection.pageInfo.endCursor ?? null;
    if (!connection.pageInfo.hasNextPage || next === null || next === after) return;
    after = next;
  }
}

/** Every node of a connection, from all its pages. */
export async function allNodes<N>(
  fetchPage: (after: string | null) => Promise<Connection<N>>,
  options: { maxPages?: number } = {},
): Promise<N[]> {
  const nodes: N[] = [];
  for await (const page of pages(fetchPage, options)) nodes.push(...page);
  return nodes;
}
