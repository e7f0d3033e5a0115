import { describe, expect, it } from "vitest";
import { allNodes, type Connection, pages } from "./pages.js";

const pageOf = (nodes: number[], next: string | null): Connection<number> => ({
  edges: nodes.map((node) => ({ node })),
  pageInfo: { hasNextPage: next !== null, endCursor: next },
});

describe("pages", () => {
  it("walks every page with the previous page's end cursor", async () => {
    const asked: (string | null)[] = [];
    const book: Record<string, Connection<number>> = {
      first: pageOf([1, 2], "a"),
      a: pageOf([3, 4], "b"),
      b: pageOf([5], null),
    };
    const nodes = await allNodes((after) => {
      asked.push(after);
      return Promise.resolve(book[after ?? "first"] as Connection<number>);
    });
    expect(nodes).toEqual([1, 2, 3, 4, 5]);
    expect(asked).toEqual([null, "a", "b"]);
  });

  it("stops at a cursor that does not move, and at the page limit", async () => {
    const stuck = () => Promise.resolve(pageOf([1], "same"));
    expect(await allNodes(stuck)).toEqual([1, 1]);
    let calls = 0;
    const endless = () => Promise.resolve(pageOf([calls], `c${String(++calls)}`));
    const seen = [];
    for await (const page of pages(endless, { maxPages: 3 })) seen.push(page);
    expect(seen).toHaveLength(3);
  });
});
