// The operations the suite sends, written as a frontend would (the contract is apps/gateway/schema.graphql).

export const viewerQuery = /* GraphQL */ `
  query Viewer {
    viewer {
      name
      roles
    }
  }
`;

export const referCaseMutation = /* GraphQL */ `
  mutation ReferCase($input: ReferCaseInput!) {
    referCase(input: $input) {
      __typename
      ... on CasePayload {
        case {
          caseId
          status
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`;

/** The referral of the hostile corpus's setup, with the ids the corpus aims at (the case's node id, a guardian). */
export const referCaseWithIdsMutation = /* GraphQL */ `
  mutation ReferCaseWithIds($input: ReferCaseInput!) {
    referCase(input: $input) {
      __typename
      ... on CasePayload {
        case {
          caseId
          id
          guardians {
            guardianId
          }
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`;

export const addCaseNoteMutation = /* GraphQL */ `
  mutation AddCaseNote($input: AddCaseNoteInput!) {
    addCaseNote(input: $input) {
      __typename
      ... on CasePayload {
        case {
          caseId
          notes {
            noteId
            body
          }
        }
      }
      ... on Error {
        code
        message
      }
    }
  }
`;

export const readCaseQuery = /* GraphQL */ `
  query ReadCase($caseId: String!) {
    case(caseId: $caseId) {
      caseId
      status
      version
      referredOn
      client {
        givenName
        familyName
      }
    }
  }
`;

export const listCasesQuery = /* GraphQL */ `
  query ListCases($first: Int!, $after: String) {
    cases(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        caseId
        status
      }
    }
  }
`;

export const requestReportMutation = /* GraphQL */ `
  mutation RequestReport($type: ReportType!, $period: PeriodInput!) {
    requestReport(type: $type, period: $period) {
      __typename
      ... on ReportRun {
        runId
        status
      }
      ... on Error {
        code
        message
      }
    }
  }
`;

export const reportRunQuery = /* GraphQL */ `
  query ReportRun($runId: String!) {
    reportRun(runId: $runId) {
      runId
      status
      stage
      progress
      attempts
      error
      finishedAt
      artifacts {
        format
        sha256
        byteSize
      }
    }
  }
`;

export const reportRunsQuery = /* GraphQL */ `
  query ReportRuns($type: ReportType) {
    reportRuns(type: $type, limit: 100) {
      runId
      status
    }
  }
`;

/** The referral of a new, fictional child with one guardian (the same shape as the gateway's own tests). */
export function referralInput(identityCode: string, referredOn: string, familyName: string): Record<string, unknown> {
  return {
    type: "YOUTH_CRIME",
    referredOn,
    referralSource: "POLICE",
    client: { identityCode, givenName: "Eetu", familyName },
    guardians: [{ givenName: "Anna", familyName, relationship: "PARENT", hasCustody: true }],
  };
}
