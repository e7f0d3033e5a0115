/**
 * The four benchmarked frontend operations: the GraphQL documents (the example operations in
 * docs/operations, trimmed to the data the floor fetches too) and the floor's equivalent requests.
 */

export type OperationKey = "case-list" | "case-detail" | "fte-dashboard" | "chair-calendar";

/** What the operations are asked about, picked from the bench database. */
export interface OperationInputs {
  teamId: string;
  /** The caseworker's organisation (police) and the leadership user's. */
  caseworker: { login: string; organisationId: string };
  leadership: { login: string; organisationId: string };
  /** Cases the caseworker may see, cycled through by the case-detail load. */
  caseIds: string[];
  period: { from: string; to: string };
  bodyId: string;
  /** First day of the chair calendar (today). */
  from: string;
}

/** One operation: what is sent to the gateway and to the floor, and how their answers are compared. */
export interface Operation {
  key: OperationKey;
  title: string;
  /** Which user asks (a token is signed for them). */
  asks: "caseworker" | "leadership";
  /** POST bodies for /graphql, cycled through. */
  gatewayBodies(inputs: OperationInputs): string[];
  /** GET paths of the floor server, in the same order. */
  floorPaths(inputs: OperationInputs): string[];
  /** A digest of the answer's `data` that must be the same from both servers (same data served). */
  fingerprint(data: unknown): string;
}

const caseSummary = `
  caseId type status version referredOn
  client { givenName familyName age ageBand { code label } }`;

// The caseworker's working list: their organisation's active cases (each with its next meeting and
// the organisations taking part), not the newest referrals, which have neither yet.
const caseListQuery = `query CaseList($first: Int = 50, $filter: CaseFilter) {
  cases(first: $first, filter: $filter) {
    totalCount
    totalCountIsCapped
    pageInfo { hasNextPage endCursor }
    nodes {
      ${caseSummary}
      nextMeeting { meetingId plannedOn participants { role organisation { name } } }
      organisations { organisation { id name } }
    }
  }
}`;

// docs/operations/common/case-detail.graphql without `violations`: the rules check runs in the domain
// library on the whole case and has no SQL counterpart for the floor.
const caseDetailQuery = `query CaseDetail($caseId: String!) {
  case(caseId: $caseId) {
    ${caseSummary}
    referralSource selectionStartedOn decidedOn activatedOn closedOn closeReason childWelfareNotifiedOn
    guardians { guardianId givenName familyName hasCustody }
    existingClientships { organisation { id name } responsibleWorkerName }
    selection { profession admit decidedOn organisation { name } }
    consents { consentId giverKind guardian { guardianId } organisations { id name } givenOn withdrawnOn inEffect }
    meetings {
      meetingId plannedOn status heldOn
      participants { participantId role profession attended organisation { id name } }
      record { recordedOn inClientRecord inStatistics }
    }
    referrals { referralId service status madeOn version organisation { name } }
    notes { noteId kind writtenOn body }
  }
}`;

// docs/operations/leadership/dashboards.graphql, FteDashboard without `staffingViolations` (a rules
// check over the whole staffing dataset).
const fteQuery = `query FteDashboard($period: PeriodInput!) {
  fteReport(period: $period) {
    period { from to }
    units { organisation { id name } profession target named realised difference headcount }
    parties { partyId target realised difference }
  }
}`;

const chairQuery = `query ChairCalendar($bodyId: ID!, $from: Date, $years: Int) {
  chairCalendar(bodyId: $bodyId, from: $from, years: $years) {
    index from to
    chair { id name }
    overrideReference
  }
}`;

const body = (query: string, operationName: string, variables: Record<string, unknown>) =>
  JSON.stringify({ query, operationName, variables });
const params = (values: Record<string, string | number>) =>
  new URLSearchParams(Object.entries(values).map(([k, v]): [string, string] => [k, String(v)])).toString();

type Json = Record<string, unknown> | null | undefined;
const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>)[name] : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

export const operations: readonly Operation[] = [
  {
    key: "case-list",
    title: "Case list: 50 active cases with next meeting and organisations",
    asks: "caseworker",
    gatewayBodies: () => [body(caseListQuery, "CaseList", { first: 50, filter: { statuses: ["ACTIVE"] } })],
    floorPaths: (i) => [
      `/case-list?${params({ team: i.teamId, org: i.caseworker.organisationId, first: 50, status: "active" })}`,
    ],
    fingerprint: (data) => {
      const cases = field(data, "cases");
      const nodes = list(field(cases, "nodes"));
      const next = nodes.filter((n) => field(n, "nextMeeting") != null).length;
      return `total ${String(field(cases, "totalCount"))}${field(cases, "totalCountIsCapped") === true ? "+" : ""}; ${String(nodes.length)} cases (${nodes.map((n) => String(field(n, "caseId")).slice(-4)).join(",")}); ${String(next)} with a next meeting`;
    },
  },
  {
    key: "case-detail",
    title: "Case: meetings, compositions, consents, referrals",
    asks: "caseworker",
    gatewayBodies: (i) => i.caseIds.map((caseId) => body(caseDetailQuery, "CaseDetail", { caseId })),
    floorPaths: (i) =>
      i.caseIds.map((caseId) => `/case?${params({ team: i.teamId, org: i.caseworker.organisationId, caseId })}`),
    fingerprint: (data) => {
      const c = field(data, "case") as Json;
      const meetings = list(field(c, "meetings"));
      const seats = meetings.reduce<number>((n, m) => n + list(field(m, "participants")).length, 0);
      return `case ${String(field(c, "caseId")).slice(-4)}; ${String(meetings.length)} meetings, ${String(seats)} seats, ${String(list(field(c, "consents")).length)} consents, ${String(list(field(c, "referrals")).length)} referrals, ${String(list(field(c, "guardians")).length)} guardians`;
    },
  },
  {
    key: "fte-dashboard",
    title: "FTE dashboard: target vs realised",
    asks: "leadership",
    gatewayBodies: (i) => [body(fteQuery, "FteDashboard", { period: i.period })],
    floorPaths: (i) => [`/fte?${params({ team: i.teamId, from: i.period.from, to: i.period.to })}`],
    fingerprint: (data) =>
      list(field(field(data, "fteReport"), "units"))
        .map(
          (u) =>
            `${String(field(field(u, "organisation"), "id"))} ${String(field(u, "target"))}/${String(field(u, "realised"))}`,
        )
        .join("; "),
  },
  {
    key: "chair-calendar",
    title: "Chair calendar: three years",
    asks: "leadership",
    gatewayBodies: (i) => [body(chairQuery, "ChairCalendar", { bodyId: i.bodyId, from: i.from, years: 3 })],
    floorPaths: (i) => [`/chair-calendar?${params({ team: i.teamId, bodyId: i.bodyId, from: i.from, years: 3 })}`],
    fingerprint: (data) =>
      list(field(data, "chairCalendar"))
        .map((t) => `${String(field(t, "from"))} ${String(field(field(t, "chair"), "id"))}`)
        .join("; "),
  },
];
