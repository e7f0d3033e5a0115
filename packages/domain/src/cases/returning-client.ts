import type { LocalDate } from "../core/local-date.js";
import type { CaseStatus } from "./case.js";

/**
 * The statuses in which a case is open: from the referral until it is declined or closed. A client
 * has at most one case in these statuses in a team (the database holds the same list in a partial
 * unique index).
 */
export const openCaseStatuses = [
  "referred",
  "in-selection",
  "admitted",
  "active",
] as const satisfies readonly CaseStatus[];

/** True while the case is open (`openCaseStatuses`). */
export function isOpenCase(status: CaseStatus): boolean {
  return (openCaseStatuses as readonly CaseStatus[]).includes(status);
}

/** One of the team's earlier cases of the referred client, as the decision needs it. */
export interface EarlierCase {
  id: string;
  status: CaseStatus;
  referredOn: LocalDate;
}

/**
 * What a referral of a client does (003 § 4.2 "Ankkurin asiakkaaksi ohjataan …"; issue "returning
 * clients"): a client with an open case has it joined by the referral, as its next referral event; a
 * client whose cases have all ended gets a new case that names the latest of them as its previous
 * case; anyone else is a new client. A closed or declined case is never reopened.
 */
export type ReferralDecision =
  | { kind: "new-client" }
  | { kind: "add-to-open-case"; caseId: string }
  | { kind: "open-linked-case"; previousCaseId: string };

/** Latest referral first; the id breaks ties, so the answer does not depend on the order given. */
const latestFirst = (a: EarlierCase, b: EarlierCase) =>
  a.referredOn === b.referredOn ? (a.id < b.id ? 1 : -1) : a.referredOn < b.referredOn ? 1 : -1;

/**
 * Decides what a referral does from the client's earlier cases in the team (recognised by identity
 * code; a client without one is always new). Should the records ever hold more than one open case,
 * the referral joins the earliest, so that repeating it never adds another.
 */
export function decideReferral(earlier: readonly EarlierCase[]): ReferralDecision {
  const open = earlier.filter((c) => isOpenCase(c.status)).sort(latestFirst);
  const joined = open[open.length - 1];
  if (joined) return { kind: "add-to-open-case", caseId: joined.id };
  const previous = [...earlier].sort(latestFirst)[0];
  if (previous) return { kind: "open-linked-case", previousCaseId: previous.id };
  return { kind: "new-client" };
}
