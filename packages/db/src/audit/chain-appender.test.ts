import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { generateKeySettings, parseKeyMaterial } from "../keys/key-material.js";
import { auditLog } from "../schema/audit.js";
import { createTestDatabase, type TestDatabase, testEngines } from "../testing/index.js";
import { queryRows } from "../query-rows.js";
import type { AuditEntry } from "./audit-chain.js";
import { appendAudit } from "./append-audit.js";
import { ChainAppender } from "./chain-appender.js";
import { verifyAuditChain } from "./verify-audit.js";

const key = parseKeyMaterial(generateKeySettings()).auditKey;

const entry = (team: string, i: number, extra: Partial<AuditEntry> = {}): AuditEntry => ({
  teamId: team,
  occurredAt: new Date(Date.UTC(2026, 11, 7, 8, 0, i, 123)),
  requestId: `req-${String(i)}`,
  actorId: "maria.jarvinen",
  actorOrganisationId: "org-hpl-prevention",
  actorRole: "police-officer",
  operation: "read",
  resource: i % 2 === 0 ? "case-note" : "case",
  resourceId: `0190f5a4-7c2e-7000-8000-00000000000${String(i % 10)}`,
  caseId: "0190f5a4-7c2e-7000-8000-000000000001",
  clientId: i % 3 === 0 ? null : "0190f5a4-7c2e-7000-8000-0000000000a1",
  purpose: "casework",
  basis: i % 4 === 0 ? "consent" : "casework",
  basisConsentIds: i % 4 === 0 ? ["0190f5a4-7c2e-7000-8000-0000000000c1", "0190f5a4-7c2e-7000-8000-0000000000c2"] : [],
  details: i % 2 === 0 ? { correlationId: `corr-${String(i)}`, filter: { statuses: ["active"], n: i } } : null,
  ...extra,
});

describe.each(testEngines)("one-statement appends of reads on %s", (engine) => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase(engine);
  });
  afterAll(async () => {
    await database.dispose();
  });

  const team = () => `team-ca-${String(Math.random()).slice(2, 10)}`;
  const rowsOf = (teamId: string) =>
    queryRows<{ seq: number; request_id: string; details: unknown; basis_consent_ids: string[] }>(
      database.db,
      sql`select seq::int as seq, request_id, details, basis_consent_ids from audit_log where team_id = ${teamId} order by seq`,
    );

  it("continues the chain the locking append started, with every field as given", async () => {
    const t = team();
    await appendAudit(database.db, key, [entry(t, 1)]);
    const appender = new ChainAppender(database.db, key);
    await appender.append([entry(t, 2), entry(t, 3)]);
    await appender.append([entry(t, 4)]);
    expect(await verifyAuditChain(database.db, key, t)).toEqual({ ok: true, rows: 4, headSeq: 4, prunedSeq: 0 });
    const rows = await rowsOf(t);
    expect(rows.map((r) => r.request_id)).toEqual(["req-1", "req-2", "req-3", "req-4"]);
    expect(rows[1]?.details).toEqual({ correlationId: "corr-2", filter: { statuses: ["active"], n: 2 } });
    expect(rows[3]?.basis_consent_ids).toEqual([
      "0190f5a4-7c2e-7000-8000-0000000000c1",
      "0190f5a4-7c2e-7000-8000-0000000000c2",
    ]);
  });

  it("starts a team's chain the locking way, then goes on in one statement", async () => {
    const t = team();
    const appender = new ChainAppender(database.db, key);
    await appender.append([entry(t, 1)]);
    await appender.append([entry(t, 2)]);
    expect(await verifyAuditChain(database.db, key, t)).toEqual({ ok: true, rows: 2, headSeq: 2, prunedSeq: 0 });
  });

  it("writes nothing on a head another writer moved, and rehashes after it", async () => {
    const t = team();
    const mine = new ChainAppender(database.db, key);
    const theirs = new ChainAppender(database.db, key);
    await mine.append([entry(t, 1)]);
    await mine.append([entry(t, 2)]);
    // Another gateway and a write's own transaction move the head behind this appender's back.
    await theirs.append([entry(t, 3)]);
    await appendAudit(database.db, key, [entry(t, 4, { operation: "update" })]);
    await mine.append([entry(t, 5), entry(t, 6)]);
    await theirs.append([entry(t, 7)]);
    expect(await verifyAuditChain(database.db, key, t)).toEqual({ ok: true, rows: 7, headSeq: 7, prunedSeq: 0 });
    expect((await rowsOf(t)).map((r) => r.request_id)).toEqual([
      "req-1",
      "req-2",
      "req-3",
      "req-4",
      "req-5",
      "req-6",
      "req-7",
    ]);
  });

  it("keeps one line when appenders race", async () => {
    const t = team();
    const appenders = [0, 1, 2].map(() => new ChainAppender(database.db, key));
    await appenders[0]?.append([entry(t, 0)]);
    await Promise.all(
      appenders.flatMap((a, n) => [1, 2, 3].map((i) => a.append([entry(t, 10 * n + i), entry(t, 10 * n + i + 5)]))),
    );
    expect(await verifyAuditChain(database.db, key, t)).toEqual({ ok: true, rows: 19, headSeq: 19, prunedSeq: 0 });
  });

  it("writes nothing of a batch the database refuses, and goes on after it", async () => {
    const t = team();
    const appender = new ChainAppender(database.db, key);
    await appender.append([entry(t, 1)]);
    await expect(appender.append([entry(t, 2), entry(t, 3, { caseId: "not-a-uuid" })])).rejects.toThrow();
    await appender.append([entry(t, 4)]);
    expect(await verifyAuditChain(database.db, key, t)).toEqual({ ok: true, rows: 2, headSeq: 2, prunedSeq: 0 });
    expect((await rowsOf(t)).map((r) => r.request_id)).toEqual(["req-1", "req-4"]);
  });

  it("appends a batch of several teams the locking way", async () => {
    const [a, b] = [team(), team()];
    const appender = new ChainAppender(database.db, key);
    await appender.append([entry(a, 1), entry(b, 2), entry(a, 3)]);
    expect(await verifyAuditChain(database.db, key, a)).toMatchObject({ ok: true, rows: 2 });
    expect(await verifyAuditChain(database.db, key, b)).toMatchObject({ ok: true, rows: 1 });
    expect(await database.db.$count(auditLog, sql`${auditLog.teamId} in (${a}, ${b})`)).toBe(3);
  });
});
