import type { InferInsertModel } from "drizzle-orm";
import type {
  caseMemberships,
  cases,
  clients,
  consentScopes,
  consentWithdrawals,
  consents,
  existingClientships,
  guardians,
  meetingParticipants,
  meetingRecords,
  meetings,
  referrals,
  selectionDecisions,
} from "../schema/tables.js";

/**
 * A generated client. The identity code is still in plain text here: `synthesize` encrypts and hashes
 * it before anything reaches the database.
 */
export type SynthClientRow = Omit<InferInsertModel<typeof clients>, "identityCodeCiphertext" | "identityCodeHmac"> & {
  identityCode: string | null;
};

/** The rows of one generated case, table by table, in the shapes the schema inserts. */
export interface CaseRows {
  /** Null when the case is a returning client's: their row exists already. */
  client: SynthClientRow | null;
  case: InferInsertModel<typeof cases>;
  guardians: InferInsertModel<typeof guardians>[];
  existingClientships: InferInsertModel<typeof existingClientships>[];
  caseMemberships: InferInsertModel<typeof caseMemberships>[];
  selectionDecisions: InferInsertModel<typeof selectionDecisions>[];
  consents: InferInsertModel<typeof consents>[];
  consentScopes: InferInsertModel<typeof consentScopes>[];
  consentWithdrawals: InferInsertModel<typeof consentWithdrawals>[];
  meetings: InferInsertModel<typeof meetings>[];
  meetingParticipants: InferInsertModel<typeof meetingParticipants>[];
  meetingRecords: InferInsertModel<typeof meetingRecords>[];
  referrals: InferInsertModel<typeof referrals>[];
}

/** Rows of many cases, table by table, ready for one transaction. */
export interface RowBatch {
  clients: SynthClientRow[];
  cases: CaseRows["case"][];
  guardians: CaseRows["guardians"];
  existingClientships: CaseRows["existingClientships"];
  caseMemberships: CaseRows["caseMemberships"];
  selectionDecisions: CaseRows["selectionDecisions"];
  consents: CaseRows["consents"];
  consentScopes: CaseRows["consentScopes"];
  consentWithdrawals: CaseRows["consentWithdrawals"];
  meetings: CaseRows["meetings"];
  meetingParticipants: CaseRows["meetingParticipants"];
  meetingRecords: CaseRows["meetingRecords"];
  referrals: CaseRows["referrals"];
}

/** The tables a run writes, in insertion (foreign-key) order. */
export const synthTables = [
  "clients",
  "cases",
  "guardians",
  "existingClientships",
  "caseMemberships",
  "selectionDecisions",
  "consents",
  "consentScopes",
  "consentWithdrawals",
  "meetings",
  "meetingParticipants",
  "meetingRecords",
  "referrals",
] as const satisfies readonly (keyof RowBatch)[];
export type SynthTable = (typeof synthTables)[number];

export function emptyBatch(): RowBatch {
  return {
    clients: [],
    cases: [],
    guardians: [],
    existingClientships: [],
    caseMemberships: [],
    selectionDecisions: [],
    consents: [],
    consentScopes: [],
    consentWithdrawals: [],
    meetings: [],
    meetingParticipants: [],
    meetingRecords: [],
    referrals: [],
  };
}

/** Appends one case's rows to a batch. */
export function addCase(batch: RowBatch, rows: CaseRows): void {
  if (rows.client) batch.clients.push(rows.client);
  batch.cases.push(rows.case);
  batch.guardians.push(...rows.guardians);
  batch.existingClientships.push(...rows.existingClientships);
  batch.caseMemberships.push(...rows.caseMemberships);
  batch.selectionDecisions.push(...rows.selectionDecisions);
  batch.consents.push(...rows.consents);
  batch.consentScopes.push(...rows.consentScopes);
  batch.consentWithdrawals.push(...rows.consentWithdrawals);
  batch.meetings.push(...rows.meetings);
  batch.meetingParticipants.push(...rows.meetingParticipants);
  batch.meetingRecords.push(...rows.meetingRecords);
  batch.referrals.push(...rows.referrals);
}

/** Rows per table of a batch. */
export function countRows(batch: RowBatch): Record<SynthTable, number> {
  return Object.fromEntries(synthTables.map((t) => [t, batch[t].length])) as Record<SynthTable, number>;
}
