import { caseListCountCap } from "@ankkuri/domain";
import type { OperationInputs, OperationKey } from "../operations.js";

/**
 * The benchmarked operations PostGraphile can answer, written in its naming (amber preset:
 * `allCases`, `caseByTeamIdAndRowId`, relations named by their foreign keys, the computed columns of
 * `computed-columns.sql`), and how its answers and the gateway's are brought to one comparable form:
 * the same rows, lists compared as sets. The FTE dashboard and the chair calendar are computed by the
 * domain library from many rows; PostGraphile serves rows, not those answers, so they are not compared.
 */
export interface PeerOperation {
  key: OperationKey;
  /** POST bodies for PostGraphile's /graphql, in the order of the gateway's. */
  bodies(inputs: OperationInputs): string[];
  /** The answer's rows, in a form both servers' answers must share (sorted, de-duplicated sets). */
  fromGateway(data: unknown): string;
  fromPostgraphile(data: unknown): string;
}

const caseListQuery = `query CaseList($teamId: String!, $first: Int = 50) {
  allCases(first: $first, condition: { teamId: $teamId, status: "active" }, orderBy: [REFERRED_ON_DESC, ROW_ID_DESC]) {
    totalCount
    pageInfo { hasNextPage endCursor }
    nodes {
      rowId type status version referredOn
      clientByTeamIdAndClientId { givenName familyName birthDate }
      nextMeeting {
        rowId plannedOn
        meetingParticipantsByTeamIdAndMeetingId { nodes { role organisationByOrganisationId { nameFi } } }
      }
      organisationsToday { nodes { organisationByOrganisationId { rowId nameFi } } }
    }
  }
}`;

const caseDetailQuery = `query CaseDetail($teamId: String!, $caseId: UUID!, $organisationId: String!) {
  caseByTeamIdAndRowId(teamId: $teamId, rowId: $caseId) {
    rowId type status version referredOn referralSource selectionStartedOn decidedOn activatedOn closedOn
    closeReason childWelfareNotifiedOn
    clientByTeamIdAndClientId { givenName familyName birthDate }
    guardiansByTeamIdAndCaseId { nodes { rowId givenName familyName hasCustody } }
    existingClientshipsByTeamIdAndCaseId { nodes { organisationByOrganisationId { rowId nameFi } responsibleWorkerName } }
    selectionDecisionsByTeamIdAndCaseId { nodes { profession decision decidedOn organisationByOrganisationId { nameFi } } }
    consentsByTeamIdAndCaseId {
      nodes {
        rowId giverKind guardianId givenOn withdrawnOn validUntil
        consentScopesByTeamIdAndConsentId { nodes { organisationByOrganisationId { rowId nameFi } } }
      }
    }
    meetingsByTeamIdAndCaseId {
      nodes {
        rowId plannedOn status heldOn
        meetingParticipantsByTeamIdAndMeetingId {
          nodes { rowId role profession attended organisationByOrganisationId { rowId nameFi } }
        }
        meetingRecordByTeamIdAndMeetingId { recordedOn inClientRecord inStatistics }
      }
    }
    referralsByTeamIdAndCaseId { nodes { rowId service status madeOn version organisationByOrganisationId { nameFi } } }
    caseNotesByTeamIdAndCaseId(condition: { organisationId: $organisationId }) { nodes { rowId kind writtenOn body } }
  }
}`;

const field = (value: unknown, name: string): unknown =>
  value !== null && typeof value === "object" ? (value as Record<string, unknown>)[name] : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);
const nodes = (connection: unknown): unknown[] => list(field(connection, "nodes"));
const set = (values: unknown[]): string => [...new Set(values.map(String))].sort().join(",");

/** A string field's value, or null (an absent next meeting). */
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);

/**
 * The gateway counts a list up to the domain's cap and then flags the count as capped; PostGraphile
 * counts every row. Both totals are compared in the capped form.
 */
const caseCountCap = caseListCountCap;
const cappedTotal = (total: unknown): unknown =>
  typeof total === "number" && total > caseCountCap ? `${String(caseCountCap)}+` : total;

const caseListForm = (total: unknown, cases: { id: unknown; next: string | null; organisations: unknown[] }[]) =>
  JSON.stringify({
    total,
    cases: cases.map((c) => `${String(c.id)} next ${c.next ?? "-"} with ${set(c.organisations)}`).sort(),
  });

const caseDetailForm = (c: {
  id: unknown;
  status: unknown;
  guardians: unknown[];
  consents: unknown[];
  meetings: { id: unknown; participants: unknown[]; recorded: boolean }[];
  referrals: unknown[];
  notes: unknown[];
}) =>
  JSON.stringify({
    id: c.id,
    status: String(c.status).toLowerCase().replace(/_/g, "-"),
    guardians: set(c.guardians),
    consents: set(c.consents),
    meetings: c.meetings.map((m) => `${String(m.id)}: ${set(m.participants)}${m.recorded ? " recorded" : ""}`).sort(),
    referrals: set(c.referrals),
    notes: set(c.notes),
  });

export const peerOperations: readonly PeerOperation[] = [
  {
    key: "case-list",
    bodies: (i) => [
      JSON.stringify({ query: caseListQuery, operationName: "CaseList", variables: { teamId: i.teamId, first: 50 } }),
    ],
    fromGateway: (data) => {
      const cases = field(data, "cases");
      const capped = field(cases, "totalCountIsCapped") === true;
      return caseListForm(
        capped ? `${String(caseCountCap)}+` : field(cases, "totalCount"),
        list(field(cases, "nodes")).map((n) => ({
          id: field(n, "caseId"),
          next: text(field(field(n, "nextMeeting"), "meetingId")),
          organisations: list(field(n, "organisations")).map((o) => field(field(o, "organisation"), "id")),
        })),
      );
    },
    fromPostgraphile: (data) => {
      const cases = field(data, "allCases");
      return caseListForm(
        cappedTotal(field(cases, "totalCount")),
        nodes(cases).map((n) => ({
          id: field(n, "rowId"),
          next: text(field(field(n, "nextMeeting"), "rowId")),
          organisations: nodes(field(n, "organisationsToday")).map((o) =>
            field(field(o, "organisationByOrganisationId"), "rowId"),
          ),
        })),
      );
    },
  },
  {
    key: "case-detail",
    bodies: (i) =>
      i.caseIds.map((caseId) =>
        JSON.stringify({
          query: caseDetailQuery,
          operationName: "CaseDetail",
          variables: { teamId: i.teamId, caseId, organisationId: i.caseworker.organisationId },
        }),
      ),
    fromGateway: (data) => {
      const c = field(data, "case");
      return caseDetailForm({
        id: field(c, "caseId"),
        status: field(c, "status"),
        guardians: list(field(c, "guardians")).map((g) => field(g, "guardianId")),
        consents: list(field(c, "consents")).map((k) => field(k, "consentId")),
        meetings: list(field(c, "meetings")).map((m) => ({
          id: field(m, "meetingId"),
          participants: list(field(m, "participants")).map((p) => field(p, "participantId")),
          recorded: field(m, "record") != null,
        })),
        referrals: list(field(c, "referrals")).map((r) => field(r, "referralId")),
        notes: list(field(c, "notes")).map((n) => field(n, "noteId")),
      });
    },
    fromPostgraphile: (data) => {
      const c = field(data, "caseByTeamIdAndRowId");
      return caseDetailForm({
        id: field(c, "rowId"),
        status: field(c, "status"),
        guardians: nodes(field(c, "guardiansByTeamIdAndCaseId")).map((g) => field(g, "rowId")),
        consents: nodes(field(c, "consentsByTeamIdAndCaseId")).map((k) => field(k, "rowId")),
        meetings: nodes(field(c, "meetingsByTeamIdAndCaseId")).map((m) => ({
          id: field(m, "rowId"),
          participants: nodes(field(m, "meetingParticipantsByTeamIdAndMeetingId")).map((p) => field(p, "rowId")),
          recorded: field(m, "meetingRecordByTeamIdAndMeetingId") != null,
        })),
        referrals: nodes(field(c, "referralsByTeamIdAndCaseId")).map((r) => field(r, "rowId")),
        notes: nodes(field(c, "caseNotesByTeamIdAndCaseId")).map((n) => field(n, "rowId")),
      });
    },
  },
];
