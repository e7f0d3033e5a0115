/**
 * A case list's count stops here: below it the count is exact, above it the list says "more than"
 * this many. The count reads up to this many entries on every page, so it costs the most on the
 * largest lists, where an exact figure helps nobody: a list of over a thousand cases is narrowed by
 * its filters, not read through (docs/gateway.md, "The case list").
 */
export const caseListCountCap = 1_000;
