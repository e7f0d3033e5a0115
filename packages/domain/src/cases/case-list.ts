/**
 * A case list's count stops here: below it the count is exact, above it the list says "more than"
 * this many. Counting every visible case on every page would cost the most on the largest lists,
 * where the exact figure helps nobody (docs/gateway.md, "The case list").
 */
export const caseListCountCap = 10_000;
