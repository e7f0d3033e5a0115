import { setImmediate as yieldToEventLoop } from "node:timers/promises";
import { type CaseStatus, caseStatuses } from "@ankkuri/domain";
import { and, inArray, isNotNull, sql } from "drizzle-orm";
import { uuidv7 } from "uuidv7";
import type { Database } from "../client.js";
import type { IdentityVault } from "../keys/identity-vault.js";
import * as t from "../schema/tables.js";
import { seedTeam } from "../seed/seed-team.js";
import { analyze } from "../analyze.js";
import { bulkInsert } from "./bulk-insert.js";
import { createCaseGenerator } from "./case-generator.js";
import { addCase, countRows, emptyBatch, type RowBatch, type SynthTable, synthTables } from "./case-rows.js";
import { type SynthOptionsInput, synthOptionsSchema } from "./synth-options.js";
import { syntheticTeams } from "./synthetic-teams.js";
import { teamContext } from "./team-context.js";

/** Reported after each committed batch. */
export interface SynthProgress {
  cases: number;
  total: number;
  /** Rows written so far, by table. */
  rows: Record<SynthTable, number>;
}

/** What a run wrote. */
export interface SynthSummary {
  teamIds: string[];
  cases: number;
  rows: Record<SynthTable, number>;
  statuses: Record<CaseStatus, number>;
}

// Generation is synchronous; handing the event loop back now and then lets the previous batch's
// statements go out while the next batch is built.
const casesBetweenYields = 25;

const zeroRows = () => Object.fromEntries(synthTables.map((name) => [name, 0])) as Record<SynthTable, number>;

async function existingIdentityHashes(db: Database, teamIds: string[]): Promise<Map<string, Set<string>>> {
  const rows = await db
    .select({ teamId: t.clients.teamId, hmac: t.clients.identityCodeHmac })
    .from(t.clients)
    .where(and(inArray(t.clients.teamId, teamIds), isNotNull(t.clients.identityCodeHmac)));
  const byTeam = new Map<string, Set<string>>();
  for (const row of rows) {
    if (row.hmac === null) continue;
    let set = byTeam.get(row.teamId);
    if (!set) byTeam.set(row.teamId, (set = new Set()));
    set.add(row.hmac);
  }
  return byTeam;
}

async function insertBatch(db: Database, vault: IdentityVault, batch: RowBatch): Promise<void> {
  const clients = batch.clients.map(({ identityCode, ...client }) => ({
    ...client,
    identityCodeCiphertext: identityCode === null ? null : vault.encrypt(identityCode, client.teamId),
    identityCodeHmac: identityCode === null ? null : vault.hmac(identityCode),
  }));
  await db.transaction(async (tx) => {
    // Synthetic rows can be regenerated: no need to wait for each commit to reach the disk.
    await tx.execute(sql`set local synchronous_commit = off`);
    await bulkInsert(
      tx,
      t.clients,
      ["teamId", "id", "identityCodeCiphertext", "identityCodeHmac", "birthDate", "givenName", "familyName"],
      clients,
    );
    await bulkInsert(
      tx,
      t.cases,
      [
        "teamId",
        "id",
        "clientId",
        "type",
        "status",
        "referredOn",
        "referralSource",
        "referredByOrganisationId",
        "selectionStartedOn",
        "decidedOn",
        "activatedOn",
        "closedOn",
        "closeReason",
        "childWelfareNotifiedOn",
        "childWelfareNotifiedById",
        "previousCaseId",
      ],
      batch.cases,
    );
    await bulkInsert(
      tx,
      t.guardians,
      ["teamId", "caseId", "id", "givenName", "familyName", "relationship", "hasCustody"],
      batch.guardians,
    );
    await bulkInsert(
      tx,
      t.existingClientships,
      [
        "teamId",
        "caseId",
        "organisationId",
        "since",
        "responsibleWorkerName",
        "responsibleWorkerStaffId",
        "responsibleWorkerOrganisationId",
        "recordedOn",
      ],
      batch.existingClientships,
    );
    await bulkInsert(
      tx,
      t.caseMemberships,
      ["teamId", "caseId", "id", "organisationId", "basis", "meetingId", "consentIds", "validFrom", "validTo"],
      batch.caseMemberships,
    );
    await bulkInsert(
      tx,
      t.selectionDecisions,
      ["teamId", "caseId", "staffId", "organisationId", "profession", "decision", "decidedOn"],
      batch.selectionDecisions,
    );
    await bulkInsert(
      tx,
      t.consents,
      [
        "teamId",
        "caseId",
        "id",
        "giverKind",
        "guardianId",
        "givenOn",
        "validUntil",
        "withdrawnOn",
        "form",
        "recordedBy",
      ],
      batch.consents,
    );
    await bulkInsert(tx, t.consentScopes, ["teamId", "consentId", "organisationId"], batch.consentScopes);
    await bulkInsert(
      tx,
      t.consentWithdrawals,
      ["teamId", "id", "consentId", "withdrawnOn", "recordedOn", "recordedBy"],
      batch.consentWithdrawals,
    );
    await bulkInsert(
      tx,
      t.meetings,
      ["teamId", "id", "caseId", "plannedOn", "status", "heldOn", "responsibleWorkerInformedOn", "cancelledOn"],
      batch.meetings,
    );
    await bulkInsert(
      tx,
      t.meetingParticipants,
      ["teamId", "meetingId", "id", "role", "organisationId", "staffId", "profession", "guardianId", "attended"],
      batch.meetingParticipants,
    );
    await bulkInsert(
      tx,
      t.meetingRecords,
      ["teamId", "meetingId", "recordedOn", "recordedBy", "inClientRecord", "inStatistics"],
      batch.meetingRecords,
    );
    await bulkInsert(
      tx,
      t.referrals,
      ["teamId", "id", "caseId", "meetingId", "service", "organisationId", "madeOn", "status", "statusChangedOn"],
      batch.referrals,
    );
  });
}

/**
 * Fills the database with synthetic cases for benchmarks and demos: seeds the Helsinki team (and
 * `teams − 1` fictional clones), then generates `scale` cases spread over them with their clients,
 * guardians, selection, consents, meetings, records and referrals, and inserts them batch by batch
 * (one transaction per `batchSize` cases, building the next batch while the last one is written), so
 * memory stays flat, and ends with `ANALYZE` so the planner knows the new sizes. Identity codes come from the test range only and are stored encrypted. Running
 * it again adds more cases; identity codes already in a team are not reused.
 */
export async function synthesize(
  db: Database,
  vault: IdentityVault,
  options: SynthOptionsInput,
  onProgress: (progress: SynthProgress) => void = () => undefined,
): Promise<SynthSummary> {
  const { scale, teams: teamCount, seed, today, batchSize } = synthOptionsSchema.parse(options);
  const teams = syntheticTeams(teamCount);
  for (const team of teams) await seedTeam(db, team.dataset);
  const teamIds = teams.map((team) => team.dataset.team.id);
  const existing = await existingIdentityHashes(db, teamIds);
  const generator = createCaseGenerator(
    teams.map((team) => teamContext(team.dataset)),
    {
      seed,
      today,
      newId: uuidv7,
      ...(existing.size > 0
        ? {
            isIdentityCodeTaken: (teamId: string, code: string) => existing.get(teamId)?.has(vault.hmac(code)) ?? false,
          }
        : {}),
    },
  );

  const rows = zeroRows();
  const statuses = Object.fromEntries(caseStatuses.map((s) => [s, 0])) as Record<CaseStatus, number>;
  let written = 0;
  let writing: Promise<void> | null = null;
  for (let start = 0; start < scale; start += batchSize) {
    const batch = emptyBatch();
    const end = Math.min(scale, start + batchSize);
    for (let index = start; index < end; index++) {
      addCase(batch, generator.generate(index));
      if ((index - start) % casesBetweenYields === casesBetweenYields - 1) await yieldToEventLoop();
    }
    if (writing) await writing;
    const counts = countRows(batch);
    for (const c of batch.cases) statuses[c.status]++;
    writing = insertBatch(db, vault, batch).then(() => {
      written += batch.cases.length;
      for (const name of synthTables) rows[name] += counts[name];
      onProgress({ cases: written, total: scale, rows: { ...rows } });
    });
    // Failures surface at the next await; this only keeps Node from reporting them as unhandled first.
    writing.catch(() => undefined);
  }
  if (writing) await writing;
  // The planner's statistics for what was just loaded: the first report is then as fast as later ones.
  await analyze(db);
  return { teamIds, cases: written, rows, statuses };
}
