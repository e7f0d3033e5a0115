import type { FictionalLogin } from "@ankkuri/processes";
import { type HttpClient, TransportError } from "../http-client.js";
import type { Actor, Auth, HostileRequest } from "./corpus.js";
import { judge, type Verdict } from "./verdict.js";

/** A request whose answer broke the contract, with enough to reproduce it. */
export interface Violation {
  index: number;
  category: string;
  note: string;
  status: number;
  reason: string;
  request: string;
  response: string;
}

export interface CorpusReport {
  /** Acceptable answers by kind. */
  kinds: Record<string, number>;
  violations: Violation[];
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

/** The Authorization header for `auth`: valid tokens of the seeded users, or damaged ones. */
function authorization(auth: Auth, tokens: Record<Actor, string>): string | undefined {
  if (auth === null) return undefined;
  if ("raw" in auth) return auth.raw;
  const token = tokens[auth.as];
  if (!("tamper" in auth)) return `Bearer ${token}`;
  const [header = "", payload = "", signature = ""] = token.split(".");
  const claims = JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
  switch (auth.tamper) {
    case "signature":
      return `Bearer ${header}.${payload}.${signature.slice(0, -4)}${signature.slice(-4).split("").reverse().join("")}`;
    case "payload":
      return `Bearer ${header}.${b64({ ...claims, roles: ["team-administrator", "auditor"], team_id: "team-other" })}.${signature}`;
    case "alg-none":
      return `Bearer ${b64({ alg: "none", typ: "JWT" })}.${b64({ ...claims, roles: ["auditor"] })}.`;
    case "expired-shape":
      return `Bearer ${header}.${b64({ ...claims, exp: 1 })}.${signature}`;
    case "lowercase-scheme":
      return `bearer ${token}`;
  }
}

/**
 * Sends the corpus with at most `concurrency` requests in flight and judges every answer. Each
 * request carries an x-request-id naming its index (unless it forges its own), so a violation can be
 * found in the gateway's log.
 */
export async function sendCorpus(
  client: HttpClient,
  corpus: readonly HostileRequest[],
  tokens: Record<Actor, string>,
  concurrency: number,
): Promise<CorpusReport> {
  const kinds: Record<string, number> = {};
  const violations: Violation[] = [];
  let next = 0;
  async function worker(): Promise<void> {
    for (let index = next++; index < corpus.length; index = next++) {
      const request = corpus[index];
      if (!request) continue;
      const auth = authorization(request.auth, tokens);
      const headers = {
        "x-request-id": `hostile-${String(index).padStart(6, "0")}`,
        ...request.headers,
        ...(auth === undefined ? {} : { authorization: auth }),
      };
      let verdict: Verdict;
      let status = 0;
      let text = "";
      try {
        const response = await client.send({
          method: request.method,
          path: request.path,
          headers,
          ...(request.body === undefined ? {} : { body: request.body }),
        });
        status = response.status;
        text = response.text;
        verdict = judge(request.method, request.path, response, request);
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        verdict = { ok: false, reason: `no HTTP answer: ${error.code} ${error.message}` };
      }
      if (verdict.ok) kinds[verdict.kind] = (kinds[verdict.kind] ?? 0) + 1;
      else {
        const body =
          request.body === undefined
            ? ""
            : typeof request.body === "string"
              ? request.body
              : `<${String(request.body.length)} bytes>`;
        violations.push({
          index,
          category: request.category,
          note: request.note,
          status,
          reason: verdict.reason,
          request: `${request.method} ${request.path} ${body.slice(0, 600)}`,
          response: text.slice(0, 600),
        });
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, () => worker()));
  return { kinds, violations };
}

/** The tokens the corpus uses, by the actor names of the corpus. */
export function actorTokens(
  tokens: Record<FictionalLogin, string>,
  logins: {
    police: FictionalLogin;
    socialWorker: FictionalLogin;
    steering: FictionalLogin;
    auditor: FictionalLogin;
    admin: FictionalLogin;
  },
): Record<Actor, string> {
  return {
    police: tokens[logins.police],
    socialWorker: tokens[logins.socialWorker],
    steering: tokens[logins.steering],
    auditor: tokens[logins.auditor],
    admin: tokens[logins.admin],
  };
}
