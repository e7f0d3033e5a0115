import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { helsinkiOrganisationIds, testIdentityCode } from "@ankkuri/domain";
import { fictionalLogins, type ManagedProcess, mintDevToken, startTypeScript, workspacePath } from "@ankkuri/processes";

/** The gateway in a process of its own on a fresh embedded database, serving the built app under /app/. */
export interface RunningGateway {
  url: string;
  process: ManagedProcess;
  token(login: string): Promise<string>;
  /** Runs a GraphQL operation as `login`; fails on any error. */
  gql<T>(login: string, query: string, variables?: Record<string, unknown>): Promise<T>;
  stop(): Promise<void>;
}

export async function startGateway(): Promise<RunningGateway> {
  const dataDir = mkdtempSync(join(tmpdir(), "ankkuri-web-test-"));
  const gatewayDir = workspacePath("apps/gateway");
  const child = startTypeScript(join(gatewayDir, "src/main.ts"), {
    cwd: gatewayDir,
    name: "the gateway",
    env: {
      NODE_ENV: "test",
      HOST: "127.0.0.1",
      PORT: "0",
      METRICS_PORT: "0",
      LOG_LEVEL: "warn",
      GRAPHIQL: "off",
      REPORT_WORKER: "off",
      DATA_DIR: dataDir,
      WEB_APP_DIR: workspacePath("apps/web/dist"),
      // The app is built to send only hashes (test:browser): every operation it runs must be a
      // registered one. The fixtures below still send text, which `allowed` takes.
      PERSISTED_OPERATIONS: "allowed",
      PERSISTED_OPERATIONS_FILE: workspacePath("apps/gateway/persisted-operations"),
    },
  });
  const stop = async () => {
    await child.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    // Not a terminal: the gateway says it is ready in one JSON line on stdout. Seconds alone; minutes
    // when CI starts every package's tests at once on two cores.
    const [, url = ""] = await child.waitForOutput(/"graphql":"(http:\/\/127\.0\.0\.1:\d+)\/graphql"/, 240_000);
    await child.waitForOutput(/"webApp":"http/, 5_000);
    const tokens = new Map<string, string>();
    const token = async (login: string) => {
      const known = tokens.get(login);
      if (known) return known;
      const minted = await mintDevToken(login, dataDir);
      tokens.set(login, minted);
      return minted;
    };
    const gql = async <T>(login: string, query: string, variables: Record<string, unknown> = {}): Promise<T> => {
      const response = await fetch(`${url}/graphql`, {
        method: "POST",
        headers: { "content-type": "application/json", "authorization": `Bearer ${await token(login)}` },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await response.json()) as { data?: T; errors?: unknown[] };
      if (body.errors || !body.data) throw new Error(`GraphQL failed: ${JSON.stringify(body)}`);
      return body.data;
    };
    return { url, process: child, token, gql, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

const refer = `mutation ($input: ReferCaseInput!) { referCase(input: $input) { __typename ... on CasePayload { case { caseId } } ... on Error { code message } } }`;
const steps = {
  startSelection: `mutation ($input: StartSelectionInput!) { startSelection(input: $input) { __typename ... on Error { code message } } }`,
  decide: `mutation ($input: RecordSelectionDecisionInput!) { recordSelectionDecision(input: $input) { __typename ... on Error { code message } } }`,
  admit: `mutation ($input: AdmitCaseInput!) { admitCase(input: $input) { __typename ... on Error { code message } } }`,
};

function payload(data: Record<string, { __typename: string }>): { __typename: string } {
  const value = Object.values(data)[0];
  if (value?.__typename !== "CasePayload") throw new Error(`refused: ${JSON.stringify(value)}`);
  return value;
}

/** Fictional children for the list (test-range identity codes only). */
const children = [
  ["Eetu", "Esimerkki"],
  ["Aino", "Koivisto"],
  ["Leo", "Mäkelä"],
  ["Ella", "Nieminen"],
  ["Onni", "Laine"],
  ["Sofia", "Heikkinen"],
  ["Väinö", "Salo"],
  ["Helmi", "Lehto"],
  ["Eino", "Rantala"],
  ["Lilja", "Karjalainen"],
  ["Toivo", "Hiltunen"],
  ["Aada", "Turunen"],
] as const;

/**
 * Refers the cases the screens show (as the police officer, through the API, the way the other
 * divisions' frontends would have) and takes the first through selection to ADMITTED; returns its id.
 */
export async function seedCases(
  gw: RunningGateway,
): Promise<{ admittedCaseId: string; count: number; birthDates: string[] }> {
  const login = fictionalLogins;
  const ids: string[] = [];
  const birthDates: string[] = [];
  for (const [i, [givenName, familyName]] of children.entries()) {
    const birthDate = `2011-0${String(1 + (i % 9))}-1${String(i % 10)}`;
    birthDates.push(birthDate);
    const data = await gw.gql<{ referCase: { __typename: string; case: { caseId: string } } }>(login.police, refer, {
      input: {
        type: i % 3 === 2 ? "DOMESTIC_VIOLENCE" : "YOUTH_CRIME",
        referredOn: `2026-10-${String(1 + i).padStart(2, "0")}`,
        referralSource: "POLICE",
        client: {
          identityCode: testIdentityCode(birthDate, 950 + i),
          givenName,
          familyName,
        },
        guardians: [{ givenName: "Anna", familyName, relationship: "PARENT", hasCustody: true }],
      },
    });
    payload(data);
    ids.push(data.referCase.case.caseId);
  }
  const caseId = ids[0] ?? "";
  const on = "2026-10-05";
  payload(await gw.gql(login.police, steps.startSelection, { input: { caseId, on } }));
  for (const who of [login.police, login.socialWorker, login.nurse])
    payload(await gw.gql(who, steps.decide, { input: { caseId, admit: true, decidedOn: on } }));
  payload(await gw.gql(login.police, steps.admit, { input: { caseId, on } }));
  return { admittedCaseId: caseId, count: ids.length, birthDates };
}

const recordAssessment = `mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) { __typename ... on Error { code message } } }`;

/**
 * Records the admitted case's assessment as the police officer (so that her organisation's summary is
 * hers to read): two causes, child welfare needed, and two goals — one overdue since mid-November, one
 * due far enough ahead that it stays open and on time whenever the tests run.
 */
export async function seedAssessment(gw: RunningGateway, caseId: string): Promise<void> {
  payload(
    await gw.gql(fictionalLogins.police, recordAssessment, {
      input: {
        caseId,
        assessedOn: "2026-11-02",
        causes: ["PEER_GROUP", "SCHOOL_DIFFICULTIES"],
        neededOrganisationIds: [helsinkiOrganisationIds.childWelfare],
        goals: [
          { description: "Koulunkäynti säännöllistyy", ownerStaffId: "st-hpl-jarvinen", dueOn: "2030-06-30" },
          { description: "Harrastus löytyy", ownerStaffId: "st-sotepe-mattila", dueOn: "2026-11-15" },
        ],
        summary: "Poliisin yhteenveto (kuvitteellinen).",
      },
    }),
  );
}
