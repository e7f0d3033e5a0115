import { type GraphQLResult, errorCodes, postGraphQL } from "./graphql.js";
import { type HttpClient, TransportError } from "./http-client.js";
import { identityCodes } from "./identity-codes.js";
import {
  addCaseNoteMutation,
  listCasesQuery,
  readCaseQuery,
  referCaseMutation,
  referralInput,
  viewerQuery,
} from "./operations.js";
import { seededRandom, weightedPick } from "./random.js";

/** The fixed mix: mostly reads, a third writes, as a team's working day looks. */
export const loadMix = { referCase: 20, addCaseNote: 15, readCase: 30, listCases: 20, viewer: 15 } as const;
export type LoadOperation = keyof typeof loadMix;

/**
 * How one request ended. `ok`: answered as expected. `unavailable`: 503 SERVICE_UNAVAILABLE (the
 * database is away). `server-error`: any other 5xx, or a masked INTERNAL_SERVER_ERROR. `transport`: no
 * HTTP answer at all. `refused`: a 4xx, a typed error result, or an acknowledged case read back as null.
 */
export type OutcomeKind = "ok" | "unavailable" | "server-error" | "transport" | "refused";

export interface Outcome {
  /** When the answer came (epoch ms), to tell which phase of a restart it belongs to. */
  at: number;
  operation: LoadOperation;
  kind: OutcomeKind;
  status: number;
  detail?: string;
}

/** Writes the gateway acknowledged (200 with the payload): every one must be there afterwards. */
export interface Acknowledged {
  cases: string[];
  notes: { noteId: string; caseId: string }[];
}

export interface LoadReport {
  outcomes: Outcome[];
  acknowledged: Acknowledged;
}

export interface LoadOptions {
  client: HttpClient;
  /** The police officer writes and reads cases; the social worker lists and reads them too. */
  tokens: { police: string; socialWorker: string };
  concurrency: number;
  seed: number;
  referredOn: string;
  /** A hard bound on the number of requests, whatever the time. */
  maxRequests: number;
}

export interface RunningLoad {
  /** Outcomes so far (the array grows while the load runs). */
  outcomes: Outcome[];
  acknowledged: Acknowledged;
  /** Lets the requests in flight finish, then resolves with everything that happened. */
  stop(): Promise<LoadReport>;
}

function classify(result: GraphQLResult): { kind: OutcomeKind; detail?: string } {
  const codes = errorCodes(result.body);
  if (result.status === 503 && codes.length > 0 && codes.every((c) => c === "SERVICE_UNAVAILABLE"))
    return { kind: "unavailable" };
  if (result.status >= 500 || codes.includes("INTERNAL_SERVER_ERROR"))
    return { kind: "server-error", detail: `${String(result.status)} ${result.text.slice(0, 500)}` };
  if (result.status !== 200 || codes.length > 0 || !result.body?.data)
    return { kind: "refused", detail: `${String(result.status)} ${result.text.slice(0, 500)}` };
  return { kind: "ok" };
}

/** Starts `concurrency` clients sending the mix until `stop()` (or `maxRequests`). */
export function startLoad(options: LoadOptions): RunningLoad {
  const random = seededRandom(options.seed);
  const nextIdentityCode = identityCodes(options.referredOn);
  const outcomes: Outcome[] = [];
  const acknowledged: Acknowledged = { cases: [], notes: [] };
  let sent = 0;
  let stopped = false;

  const someCase = () => acknowledged.cases[Math.floor(random() * acknowledged.cases.length)];

  async function send(
    operation: LoadOperation,
  ): Promise<{ result: GraphQLResult; check?: (data: Record<string, unknown>) => string | undefined }> {
    const { police, socialWorker } = options.tokens;
    switch (operation) {
      case "referCase": {
        const familyName = `Kuormitus${String(sent)}`;
        const result = await postGraphQL(options.client, {
          query: referCaseMutation,
          token: police,
          variables: { input: referralInput(nextIdentityCode(), options.referredOn, familyName) },
        });
        return {
          result,
          check: (data) => {
            const payload = data.referCase as
              { __typename?: string; case?: { caseId?: string }; code?: string } | undefined;
            if (payload?.__typename !== "CasePayload" || !payload.case?.caseId)
              return `referCase answered ${JSON.stringify(payload)}`;
            acknowledged.cases.push(payload.case.caseId);
            return undefined;
          },
        };
      }
      case "addCaseNote": {
        const caseId = someCase();
        if (caseId === undefined) return send("referCase");
        const body = `Kuormitustestin muistiinpano ${String(sent)}-${String(Math.floor(random() * 1e9))} (kuvitteellinen).`;
        const result = await postGraphQL(options.client, {
          query: addCaseNoteMutation,
          token: police,
          variables: { input: { caseId, kind: "POLICE", body } },
        });
        return {
          result,
          check: (data) => {
            const payload = data.addCaseNote as
              { __typename?: string; case?: { notes?: { noteId: string; body: string }[] } } | undefined;
            const note = payload?.case?.notes?.find((n) => n.body === body);
            if (payload?.__typename !== "CasePayload" || !note)
              return `addCaseNote answered ${JSON.stringify(payload).slice(0, 300)}`;
            acknowledged.notes.push({ noteId: note.noteId, caseId });
            return undefined;
          },
        };
      }
      case "readCase": {
        const caseId = someCase();
        if (caseId === undefined) return send("viewer");
        const result = await postGraphQL(options.client, {
          query: readCaseQuery,
          token: police,
          variables: { caseId },
        });
        // Read-your-writes: an acknowledged case must be readable by the officer who referred it.
        return {
          result,
          check: (data) =>
            (data.case as { caseId?: string } | null)?.caseId === caseId
              ? undefined
              : `acknowledged case ${caseId} read back as ${JSON.stringify(data.case)}`,
        };
      }
      case "listCases":
        return {
          result: await postGraphQL(options.client, {
            query: listCasesQuery,
            token: random() < 0.5 ? police : socialWorker,
            variables: { first: 20 },
          }),
        };
      case "viewer":
        return {
          result: await postGraphQL(options.client, {
            query: viewerQuery,
            token: random() < 0.5 ? police : socialWorker,
          }),
        };
    }
  }

  async function client(): Promise<void> {
    while (!stopped && sent < options.maxRequests) {
      sent += 1;
      const operation = weightedPick(random, loadMix);
      try {
        const { result, check } = await send(operation);
        let { kind, detail } = classify(result);
        if (kind === "ok" && check && result.body?.data) {
          detail = check(result.body.data);
          if (detail !== undefined) kind = "refused";
        }
        outcomes.push({
          at: Date.now(),
          operation,
          kind,
          status: result.status,
          ...(detail === undefined ? {} : { detail }),
        });
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        outcomes.push({
          at: Date.now(),
          operation,
          kind: "transport",
          status: 0,
          detail: `${error.code}: ${error.message}`,
        });
      }
    }
  }

  const clients = Array.from({ length: options.concurrency }, () => client());
  // A failure of the suite itself surfaces in stop(); this only keeps it from being reported as unhandled first.
  for (const c of clients) c.catch(() => undefined);
  return {
    outcomes,
    acknowledged,
    async stop() {
      stopped = true;
      await Promise.all(clients);
      return { outcomes, acknowledged };
    },
  };
}

/** Counts outcomes by kind, for assertions and failure messages. */
export function tally(outcomes: readonly Outcome[]): Record<OutcomeKind, number> & { total: number } {
  const counts = {
    "ok": 0,
    "unavailable": 0,
    "server-error": 0,
    "transport": 0,
    "refused": 0,
    "total": outcomes.length,
  };
  for (const o of outcomes) counts[o.kind] += 1;
  return counts;
}
