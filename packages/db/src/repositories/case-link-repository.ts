import type { CaseAccessRecord, CaseLink, LinkedCase, LocalDate } from "@ankkuri/domain";
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Executor } from "../client.js";
import { caseLinkGroupCases, caseLinkGroups } from "../schema/tables.js";

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const uuids = (ids: readonly string[]) => ids.filter((id) => uuidPattern.test(id));

/** A case as access to it is decided (`caseAccessFor`), with its client for the audit entry. */
export interface CaseAccessRow extends CaseAccessRecord {
  caseId: string;
  clientId: string;
}

/**
 * The access records of a team's cases, by id, in one query: their memberships on every basis and
 * day, for the domain to decide on. Ids of no case of the team are simply absent.
 */
export async function caseAccessRecords(
  db: Executor,
  teamId: string,
  caseIds: readonly string[],
): Promise<Map<string, CaseAccessRow>> {
  const ids = uuids(caseIds);
  if (ids.length === 0) return new Map();
  const rows = await db.query.cases.findMany({
    where: { teamId, id: { in: ids } },
    columns: { teamId: true, id: true, clientId: true },
    with: { memberships: { columns: { organisationId: true, basis: true, validFrom: true, validTo: true } } },
  });
  return new Map(
    rows.map((r) => [
      r.id,
      {
        caseId: r.id,
        clientId: r.clientId,
        teamId: r.teamId,
        memberships: r.memberships.map((m) => ({
          organisationId: m.organisationId,
          basis: m.basis,
          from: m.validFrom,
          to: m.validTo,
        })),
      },
    ]),
  );
}

type LinkRow = typeof caseLinkGroups.$inferSelect & { cases: (typeof caseLinkGroupCases.$inferSelect)[] };

const toLink = (row: LinkRow): CaseLink => ({
  id: row.id,
  relation: row.relation,
  linkedOn: row.linkedOn,
  unlinkedOn: row.unlinkedOn,
  cases: [...row.cases]
    .sort((a, b) => a.position - b.position)
    .map((c): LinkedCase => ({ caseId: c.caseId, role: c.role ?? null })),
});

/** The team's links in force that join any of `caseIds`, each with all its cases. */
export async function liveLinksOf(db: Executor, teamId: string, caseIds: readonly string[]): Promise<CaseLink[]> {
  const ids = uuids(caseIds);
  if (ids.length === 0) return [];
  const linkIds = db
    .selectDistinct({ id: caseLinkGroupCases.linkId })
    .from(caseLinkGroupCases)
    .where(and(eq(caseLinkGroupCases.teamId, teamId), inArray(caseLinkGroupCases.caseId, ids)));
  const rows = await db.query.caseLinkGroups.findMany({
    where: { teamId, unlinkedOn: { isNull: true }, RAW: (t) => inArray(t.id, linkIds) },
    with: { cases: true },
    orderBy: { linkedOn: "asc", id: "asc" },
  });
  return rows.map(toLink);
}

/** One link of the team, in force or ended; null when there is none. */
export async function loadCaseLink(db: Executor, teamId: string, linkId: string): Promise<CaseLink | null> {
  if (!uuidPattern.test(linkId)) return null;
  const row = await db.query.caseLinkGroups.findFirst({ where: { teamId, id: linkId }, with: { cases: true } });
  return row ? toLink(row) : null;
}

/** Writes a new link and its cases (in the caller's transaction). */
export async function insertCaseLink(
  tx: Executor,
  teamId: string,
  link: Omit<CaseLink, "unlinkedOn">,
  linkedBy: string,
): Promise<void> {
  await tx
    .insert(caseLinkGroups)
    .values({ teamId, id: link.id, relation: link.relation, linkedOn: link.linkedOn, linkedBy });
  await tx
    .insert(caseLinkGroupCases)
    .values(link.cases.map((c, position) => ({ teamId, linkId: link.id, caseId: c.caseId, role: c.role, position })));
}

/** Ends a link in force (kept with who ended it and when); false when it had already been ended. */
export async function endCaseLink(
  tx: Executor,
  teamId: string,
  linkId: string,
  on: LocalDate,
  by: string,
): Promise<boolean> {
  const ended = await tx
    .update(caseLinkGroups)
    .set({ unlinkedOn: on, unlinkedBy: by, updatedAt: new Date() })
    .where(and(eq(caseLinkGroups.teamId, teamId), eq(caseLinkGroups.id, linkId), isNull(caseLinkGroups.unlinkedOn)))
    .returning({ id: caseLinkGroups.id });
  return ended.length > 0;
}
